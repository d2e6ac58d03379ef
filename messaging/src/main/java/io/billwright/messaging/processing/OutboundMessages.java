package io.billwright.messaging.processing;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.decision.Decision;
import io.billwright.engine.decision.Receipt;
import io.billwright.messaging.erp.ErpPayloads;
import io.billwright.events.InboundMessage;
import io.billwright.messaging.outbox.OutboxMessage;
import io.billwright.messaging.topology.Topology;
import io.billwright.events.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the outbound CloudEvents: an approved package for its ERP queue (the CloudEvents id is the
 * package id, the consumers' idempotency key), and a held or rejected item for the exceptions queue.
 */
public final class OutboundMessages {

    public static final String PACKAGE_APPROVED = "io.billwright.package.approved.v1";
    /** A credit note: a type of its own, so a connector that does not know credit notes never posts one as an invoice. */
    public static final String CREDIT_NOTE_APPROVED = "io.billwright.creditnote.approved.v1";
    public static final String DECISION_HELD = "io.billwright.decision.held.v1";
    public static final String DECISION_REJECTED = "io.billwright.decision.rejected.v1";
    public static final String SOURCE = "/billwright";

    private final Topology topology;
    private final ErpPayloads payloads;
    private final Clock clock;
    private final JsonMapper json = WireJson.mapper();

    private final java.util.function.BiFunction<String, String, String> describe;

    /** @param describe a rule's description, given the rule-set version and the rule's name (null: unknown) */
    public OutboundMessages(Topology topology, ErpPayloads payloads, Clock clock,
                            java.util.function.BiFunction<String, String, String> describe) {
        this.topology = topology;
        this.payloads = payloads;
        this.clock = clock;
        this.describe = describe;
    }

    public OutboxMessage forPackage(BillingPackage pkg, Contract contract, String correlationId) {
        String id = pkg.id().value();
        String type = pkg.isCreditNote() ? CREDIT_NOTE_APPROVED : PACKAGE_APPROVED;
        ObjectNode envelope = envelope(id, type, correlationId);
        envelope.put("subject", pkg.contractId().value());
        envelope.put("rulesetversion", pkg.ruleSetVersion());
        envelope.put("packageid", id);
        envelope.put("erptarget", Topology.routingKey(pkg.erpTarget()));
        if (pkg.isCreditNote()) {
            envelope.put("creditedpackageid", pkg.credits().value());
        }
        envelope.set("data", json.valueToTree(payloads.payloadFor(pkg, contract, correlationId)));
        return new OutboxMessage(id, topology.erpExchange(), Topology.routingKey(pkg.erpTarget()), correlationId,
                type, json.writeValueAsString(envelope));
    }

    public OutboxMessage forException(Decision decision, InboundMessage cause) {
        String type = switch (decision.status()) {
            case HELD -> DECISION_HELD;
            case REJECTED -> DECISION_REJECTED;
            default -> throw new IllegalArgumentException("not an exception: " + decision.status());
        };
        String reason = decision.reason() == null ? "UNSPECIFIED" : decision.reason().name();
        String id = "exc-" + UUID.nameUUIDFromBytes((cause.messageId() + "|" + decision.itemId() + "|"
                + decision.status() + "|" + reason).getBytes(StandardCharsets.UTF_8));
        Receipt receipt = decision.receipt();
        ExceptionNotice notice = new ExceptionNotice(cause.contractId().value(), decision.itemId(),
                decision.kind().name(), decision.status().name(), reason, decision.detail(),
                decision.amount() == null ? null : decision.amount().amount().toPlainString(),
                decision.amount() == null ? null : decision.amount().currency().getCurrencyCode(),
                receipt == null ? null : receipt.ruleSetVersion(), receipt == null ? List.of() : receipt.rules(),
                receipt == null ? null : receipt.contractVersion(),
                receipt == null ? List.of() : receipt.sourceEventIds(), cause.messageId(),
                receipt == null ? List.of() : receipt.rules().stream().map(rule -> {
                    String text = describe.apply(receipt.ruleSetVersion(), rule);
                    return text == null ? "" : text;
                }).toList());
        ObjectNode envelope = envelope(id, type, cause.correlationId());
        envelope.put("subject", cause.contractId().value());
        if (receipt != null) {
            envelope.put("rulesetversion", receipt.ruleSetVersion());
        }
        envelope.set("data", json.valueToTree(notice));
        return new OutboxMessage(id, topology.exceptionsExchange(),
                Topology.exceptionKey(decision.status().name(), reason), cause.correlationId(), type,
                json.writeValueAsString(envelope));
    }

    private ObjectNode envelope(String id, String type, String correlationId) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("specversion", "1.0");
        envelope.put("id", id);
        envelope.put("source", SOURCE);
        envelope.put("type", type);
        envelope.put("time", clock.instant().toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("correlationid", correlationId);
        return envelope;
    }
}
