package io.billwright.messaging.erp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** The differences between two JSON trees, one line per JSON pointer, for a failure message a person can read. */
final class JsonDiff {

    private JsonDiff() {
    }

    static List<String> between(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        compare("", expected, actual, differences);
        return differences;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.properties().stream().map(Map.Entry::getKey).forEach(names::add);
            actual.properties().stream().map(Map.Entry::getKey).forEach(names::add);
            for (String name : names) {
                String child = path + "/" + name;
                if (!actual.has(name)) {
                    out.add(child + ": missing (expected " + expected.get(name) + ")");
                } else if (!expected.has(name)) {
                    out.add(child + ": unexpected " + actual.get(name));
                } else {
                    compare(child, expected.get(name), actual.get(name), out);
                }
            }
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(path + ": " + expected.size() + " elements expected, " + actual.size() + " found");
            }
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                compare(path + "/" + i, expected.get(i), actual.get(i), out);
            }
        } else if (!expected.equals(actual)) {
            out.add((path.isEmpty() ? "/" : path) + ": expected " + expected + ", was " + actual);
        }
    }
}
