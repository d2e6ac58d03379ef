package io.billwright.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Many inbound bodies, good and bad, made by changing the example messages one attribute or one data field at a
 * time, plus bodies Jackson cannot read. {@link ReadOutcomes} records what {@link MessageReader} makes of each, so
 * a change made for speed can be shown to decide every one of them as before.
 */
final class ReadCorpus {

    static final Path EXAMPLES = Path.of("../examples/messages/consulting-quarter.jsonl");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] ATTRIBUTES = {"id", "source", "specversion", "type", "time", "datacontenttype",
            "subject", "dataschema", "correlationid", "data", "partitionkey", "traceparent", "ext1", "Ext",
            "abcdefghijklmnopqrstu", "data_base64", "dataa"};
    private static final String[] TIMES = {"2026-01-05T17:30:00Z", "2026-01-05T17:30:00z", "2026-01-05t17:30:00Z",
            "2026-01-05T17:30:00.5Z", "2026-01-05T17:30:00.123456789Z", "2026-01-05T17:30:00.1234567891Z",
            "2026-01-05T17:30:00+01:00", "2026-01-05T17:30:00-00:00", "2026-01-05T17:30:00+14:00",
            "2026-01-05T17:30:00+18:00", "2026-01-05T17:30:00+19:00", "2026-01-05T17:30:00+01:60",
            "2026-02-29T10:00:00Z", "2028-02-29T10:00:00Z", "2026-02-30T10:00:00Z", "2026-04-31T10:00:00Z",
            "2026-13-05T10:00:00Z", "2026-00-05T10:00:00Z", "2026-01-00T10:00:00Z", "2026-01-32T10:00:00Z",
            "2026-01-05T24:00:00Z", "2026-01-05T23:60:00Z", "2026-01-05T23:59:60Z", "2016-12-31T23:59:60Z",
            "2026-01-05T17:30:60+01:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-01-05 17:30:00Z",
            "2026-01-05T17:30Z", "2026-01-05T17:30:00", "2026-01-05T17:30:00+0100", "2026-1-05T17:30:00Z",
            "+2026-01-05T17:30:00Z", "2026-01-05T17:30:00.Z", "2026-01-05T17:30:00Z ", "２026-01-05T17:30:00Z",
            "2026-01-05T17:30:00.000Z", "1970-01-01T00:00:00Z", "2026-01-05T00:00:00-23:59"};
    private static final String[] SOURCES = {"/a b", "http://[::1]/x", "%zz", "/x%41", "urn:x:y", "//host/path",
            "a:b:c", "/hr/timesheets#frag", "http://exa mple.com", "?q=1", "é/ü", "\\back", "http://x/y?z#f"};
    private static final String[] SCHEMAS = {"relative", "https://x/y", "urn:a", "http://x/%41", ":nope", "/abs",
            "https://billwright.io/schemas/inbound/time-entry-recorded.schema.json#/x", "http://x y"};
    private static final String UNUSUAL = "Zoë \"quoted\" \\ back / slash \t tab \u0001 ctl \u2028 é 😀 </x>";

    private ReadCorpus() {
    }

    /** Every body, in a fixed order. */
    static List<byte[]> bodies() {
        List<byte[]> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(EXAMPLES).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            out.add(line.getBytes(StandardCharsets.UTF_8));
            ObjectNode root = (ObjectNode) JSON.readTree(line);
            for (String attribute : ATTRIBUTES) {
                add(out, root, r -> r.remove(attribute));
                for (JsonNode value : values()) {
                    add(out, root, r -> r.set(attribute, value));
                }
            }
            for (String time : TIMES) {
                add(out, root, r -> r.put("time", time));
            }
            for (String source : SOURCES) {
                add(out, root, r -> r.put("source", source));
            }
            for (String schema : SCHEMAS) {
                add(out, root, r -> r.put("dataschema", schema));
            }
            add(out, root, r -> r.put("partitionkey", partitionKey(r)));
            for (String path : leaves(root.get("data"), "")) {
                add(out, root, r -> change(r.get("data"), path, null));
                for (JsonNode value : values()) {
                    add(out, root, r -> change(r.get("data"), path, value));
                }
                add(out, root, r -> change(r.get("data"), path, NODES.stringNode(UNUSUAL)));
            }
            add(out, root, r -> ((ObjectNode) r.get("data")).put("zzUnknown", "x"));
            add(out, root, r -> reverseKeys(r.get("data")));
        }
        for (String broken : List.of("", "{", "[1,2]", "\"text\"", "null", "{\"a\":1}{", "{\"a\":tru}",
                "{\"specversion\":\"1.0\", \"id\": ", "\u00ff\u00fe", "{\"specversion\":1.0}", "{} ")) {
            out.add(broken.getBytes(StandardCharsets.UTF_8));
        }
        out.add(new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        return out;
    }

    private static List<JsonNode> values() {
        return List.of(NODES.numberNode(123), NODES.numberNode(new java.math.BigDecimal("1.50")),
                NODES.numberNode(1e3), NODES.nullNode(), NODES.stringNode(""), NODES.stringNode(" "),
                NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode(), NODES.stringNode("x".repeat(201)),
                NODES.stringNode("-1"), NODES.stringNode("12.345"), NODES.stringNode("1e3"),
                NODES.stringNode("C-2026-ACME"), NODES.stringNode("2026-02-30"), NODES.stringNode("APPROVED"));
    }

    private static String partitionKey(ObjectNode root) {
        JsonNode data = root.get("data");
        return data.has("contractId") ? data.get("contractId").asString() : data.path("id").asString("x");
    }

    private static void add(List<byte[]> out, ObjectNode root, Consumer<ObjectNode> change) {
        ObjectNode copy = root.deepCopy();
        change.accept(copy);
        out.add(JSON.writeValueAsBytes(copy));
    }

    /** The paths of the data's fields and array items, leaves and inner nodes alike, slash-separated. */
    private static List<String> leaves(JsonNode node, String path) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String child = path + "/" + e.getKey();
                out.add(child);
                out.addAll(leaves(e.getValue(), child));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String child = path + "/" + i;
                out.add(child);
                out.addAll(leaves(node.get(i), child));
            }
        }
        return out;
    }

    /** Replaces the node at {@code path} by {@code value}, or removes it when the value is null. */
    private static void change(JsonNode data, String path, JsonNode value) {
        int slash = path.lastIndexOf('/');
        JsonNode parent = slash == 0 ? data : data.at(path.substring(0, slash));
        String name = path.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(name);
            } else {
                object.set(name, value);
            }
        } else if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(name);
            if (value == null) {
                array.remove(index);
            } else {
                array.set(index, value);
            }
        }
    }

    private static void reverseKeys(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.properties());
            object.removeAll();
            for (int i = entries.size() - 1; i >= 0; i--) {
                reverseKeys(entries.get(i).getValue());
                object.set(entries.get(i).getKey(), entries.get(i).getValue());
            }
        } else if (node != null) {
            for (Iterator<JsonNode> it = node.iterator(); it.hasNext(); ) {
                reverseKeys(it.next());
            }
        }
    }
}
