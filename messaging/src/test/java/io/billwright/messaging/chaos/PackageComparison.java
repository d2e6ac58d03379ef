package io.billwright.messaging.chaos;

import io.billwright.messaging.processing.OutboundMessages;
import io.billwright.messaging.support.TestBroker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ERP messages a run delivered, compared with the simulator's packages for the same file.
 *
 * @param expected            packages the simulator issues
 * @param delivered           distinct package ids delivered
 * @param missing             expected, never delivered
 * @param unexpected          delivered, not expected
 * @param differentContent    delivered with another content than expected (the CloudEvents {@code time} aside)
 * @param identicalDuplicates extra deliveries byte for byte the same as the first (allowed: a resend)
 * @param differentDuplicates extra deliveries of one id with other bytes (never allowed)
 * @param examples            a few ids of each kind of problem, for the report
 */
record PackageComparison(int expected, int delivered, int missing, int unexpected, int differentContent,
                         int identicalDuplicates, int differentDuplicates, List<String> examples) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static PackageComparison of(SimulatorReference reference, List<TestBroker.Received> received,
                                OutboundMessages outbound) {
        Map<String, List<String>> bodies = new HashMap<>();
        received.forEach(message -> bodies.computeIfAbsent(message.messageId(), id -> new ArrayList<>())
                .add(message.body()));
        List<String> examples = new ArrayList<>();
        int missing = 0;
        int different = 0;
        for (Map.Entry<String, SimulatorReference.Expected> entry : reference.packages().entrySet()) {
            List<String> copies = bodies.get(entry.getKey());
            if (copies == null) {
                missing++;
                note(examples, "missing " + entry.getKey());
            } else if (!withoutTime(copies.get(0)).equals(withoutTime(SimulatorReference.expectedBody(entry.getValue(),
                    outbound)))) {
                different++;
                note(examples, "different " + entry.getKey());
            }
        }
        int unexpected = 0;
        int identical = 0;
        int differentCopies = 0;
        for (Map.Entry<String, List<String>> entry : new java.util.TreeMap<>(bodies).entrySet()) {
            if (!reference.packages().containsKey(entry.getKey())) {
                unexpected++;
                note(examples, "unexpected " + entry.getKey());
            }
            List<String> copies = entry.getValue();
            for (int i = 1; i < copies.size(); i++) {
                if (copies.get(i).equals(copies.get(0))) {
                    identical++;
                } else {
                    differentCopies++;
                    note(examples, "duplicate with other bytes " + entry.getKey());
                }
            }
        }
        return new PackageComparison(reference.packages().size(), new TreeSet<>(bodies.keySet()).size(), missing,
                unexpected, different, identical, differentCopies, List.copyOf(examples));
    }

    /** Every count that must be zero is zero. */
    boolean exact() {
        return missing == 0 && unexpected == 0 && differentContent == 0 && differentDuplicates == 0;
    }

    String describe() {
        return "expected " + expected + ", delivered " + delivered + ", missing " + missing + ", unexpected "
                + unexpected + ", different content " + differentContent + ", byte-identical redeliveries "
                + identicalDuplicates + ", duplicates with other bytes " + differentDuplicates
                + (examples.isEmpty() ? "" : "; for example " + examples);
    }

    private static JsonNode withoutTime(String body) {
        JsonNode tree = JSON.readTree(body);
        if (tree instanceof ObjectNode object) {
            object.remove("time");
        }
        return tree;
    }

    private static void note(List<String> examples, String example) {
        if (examples.size() < 10) {
            examples.add(example);
        }
    }
}
