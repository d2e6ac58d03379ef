package io.billwright.messaging.tools;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One line per outbound message, for people watching the service. */
final class Printer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Printer() {
    }

    static synchronized void print(OutboundTap.Copy copy) {
        JsonNode envelope = JSON.readTree(copy.body());
        JsonNode data = envelope.path("data");
        if (copy.exchange().endsWith(".erp")) {
            String credits = envelope.path("creditedpackageid").asString("");
            System.out.println((credits.isEmpty() ? "PACKAGE   " : "CREDIT    ") + copy.messageId() + " -> "
                    + copy.routingKey() + "  contract " + envelope.path("subject").asString("")
                    + (credits.isEmpty() ? "" : "  credits " + credits)
                    + "  correlation " + envelope.path("correlationid").asString(""));
            System.out.println("          " + data);
        } else {
            System.out.println("EXCEPTION " + data.path("status").asString("") + " " + data.path("reason").asString("")
                    + "  item " + data.path("itemId").asString("") + "  contract " + data.path("contractId").asString("")
                    + "  " + data.path("detail").asString(""));
        }
    }
}
