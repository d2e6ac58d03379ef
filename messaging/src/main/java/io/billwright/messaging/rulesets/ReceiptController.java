package io.billwright.messaging.rulesets;

import io.billwright.events.WireJson;
import io.billwright.messaging.store.DecisionLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /admin/receipts}: why an item or a package came out as it did, for people to read. Each decision
 * (and each package line) with the rule-set version, the rules that fired in order with their
 * descriptions, the contract version they saw, the events the item came from, and the amounts.
 */
@RestController
@RequestMapping("/admin/receipts")
class ReceiptController {

    /** A rule as a receipt shows it. */
    record FiredRule(String name, String description) {
    }

    /** One decision about an item. */
    record ItemDecision(String decidedAt, String messageId, String itemId, String status, String reason,
                        String detail, String amount, String currency, String ruleSetVersion, Integer contractVersion,
                        List<String> sourceEvents, List<FiredRule> rules) {
    }

    private static final JsonMapper JSON = WireJson.mapper();

    private final JdbcTemplate jdbc;
    private final RuleSetLibrary library;

    ReceiptController(JdbcTemplate jdbc, RuleSetLibrary library) {
        this.jdbc = jdbc;
        this.library = library;
    }

    /** Every decision about one item, oldest first: a held item's hold, then what decided it later. */
    @GetMapping("/items")
    ResponseEntity<?> item(@RequestParam("contract") String contractId, @RequestParam("item") String itemId) {
        // the item's own decisions and its credits' (TE-7#credit-1, ...): a correction shows both sides
        List<ItemDecision> decisions = jdbc.query("select decided_at, message_id, status, reason, detail, amount, "
                        + "currency, rule_set_version, contract_version, source_events, rules, item_id from decision_log "
                        + "where contract_id = ? and (item_id = ? or item_id like ?) order by id",
                (rs, n) -> decision(rs), contractId, itemId, itemId.replace("%", "\\%").replace("_", "\\_")
                        + "#credit-%");
        if (decisions.isEmpty()) {
            return notFound("no decision about item " + itemId + " of contract " + contractId);
        }
        return ResponseEntity.ok(Map.of("contractId", contractId, "itemId", itemId, "decisions", decisions));
    }

    /** A package, its totals and every line with its receipt. */
    @GetMapping("/packages/{packageId}")
    ResponseEntity<?> billingPackage(@PathVariable String packageId) {
        List<ObjectNode> found = jdbc.query("select package_id, contract_id, erp_target, trigger_kind, trigger_key, "
                + "currency, net, tax, retention, amount_due, rule_set_version, message_id, created_at, lines "
                + "from billing_package where package_id = ?", (rs, n) -> packageOf(rs), packageId);
        return found.isEmpty() ? notFound("no package " + packageId) : ResponseEntity.ok(found.get(0));
    }

    private ObjectNode packageOf(ResultSet rs) throws SQLException {
        ObjectNode out = JSON.createObjectNode();
        String version = rs.getString("rule_set_version");
        out.put("packageId", rs.getString("package_id"));
        out.put("contractId", rs.getString("contract_id"));
        out.put("erpTarget", rs.getString("erp_target"));
        out.put("trigger", rs.getString("trigger_kind") + ":" + rs.getString("trigger_key"));
        out.put("currency", rs.getString("currency"));
        out.put("net", rs.getBigDecimal("net").stripTrailingZeros().toPlainString());
        out.put("tax", rs.getBigDecimal("tax").stripTrailingZeros().toPlainString());
        out.put("retention", rs.getBigDecimal("retention").stripTrailingZeros().toPlainString());
        out.put("amountDue", rs.getBigDecimal("amount_due").stripTrailingZeros().toPlainString());
        out.put("ruleSetVersion", version);
        out.put("messageId", rs.getString("message_id"));
        out.put("issuedAt", rs.getTimestamp("created_at").toInstant().toString());
        String lines = rs.getString("lines");
        if (lines == null) {
            out.putNull("lines"); // issued before receipts were kept (V3)
            return out;
        }
        JsonNode invoiceLines = null;
        if ("CREDIT_NOTE".equals(rs.getString("trigger_kind"))) {
            // a credit note's receipt shows each credited invoice line beside its credit
            String key = rs.getString("trigger_key");
            String invoice = key.substring(key.indexOf('/') + 1);
            out.put("credits", invoice);
            List<String> stored = jdbc.queryForList("select lines from billing_package where package_id = ?",
                    String.class, invoice);
            invoiceLines = stored.isEmpty() || stored.get(0) == null ? null : JSON.readTree(stored.get(0));
        }
        var array = out.putArray("lines");
        for (JsonNode line : JSON.readTree(lines)) {
            ObjectNode copy = ((ObjectNode) line).deepCopy();
            int credited = line.path("creditedLine").asInt(0);
            if (invoiceLines != null && credited > 0 && credited <= invoiceLines.size()) {
                copy.set("creditedInvoiceLine", invoiceLines.get(credited - 1));
            }
            var rules = copy.putArray("rules");
            line.path("rules").forEach(rule -> rules.addPOJO(new FiredRule(rule.asString(),
                    library.describe(version, rule.asString()))));
            array.add(copy);
        }
        return out;
    }

    private ItemDecision decision(ResultSet rs) throws SQLException {
        String version = rs.getString("rule_set_version");
        String rules = rs.getString("rules");
        String sources = rs.getString("source_events");
        Object storedVersion = rs.getObject("contract_version");
        Integer contractVersion = storedVersion == null ? null : ((Number) storedVersion).intValue();
        return new ItemDecision(rs.getTimestamp("decided_at").toInstant().toString(), rs.getString("message_id"),
                rs.getString("item_id"), rs.getString("status"), rs.getString("reason"), rs.getString("detail"),
                plain(rs.getBigDecimal("amount")),
                rs.getString("currency"), version, contractVersion,
                sources == null || sources.isEmpty() ? List.of() : Arrays.asList(sources.split(",")),
                names(rules).stream().map(name -> new FiredRule(name, library.describe(version, name))).toList());
    }

    private static String plain(java.math.BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }

    /** Rule names as stored: one per line (before V3, comma-separated). */
    private static List<String> names(String rules) {
        if (rules == null || rules.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(rules.split(rules.contains(DecisionLog.RULE_SEPARATOR) ? DecisionLog.RULE_SEPARATOR : ","));
    }

    private static ResponseEntity<Map<String, String>> notFound(String message) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", message));
    }
}
