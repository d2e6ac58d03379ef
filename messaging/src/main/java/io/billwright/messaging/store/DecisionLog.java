package io.billwright.messaging.store;

import io.billwright.engine.decision.Decision;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every decision with the rule-set version and rules behind it, for audit and explanation. */
public final class DecisionLog {

    private static final String INSERT = "insert into decision_log (message_id, contract_id, item_id, item_kind, status, "
            + "reason, detail, amount, currency, rule_set_version, rules, decided_at, contract_version, source_events) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Between rule names in the {@code rules} column: rule names may hold commas, never a line break. */
    public static final String RULE_SEPARATOR = "\n";

    private final JdbcTemplate batchJdbc;

    public DecisionLog(JdbcTemplate batchJdbc) {
        this.batchJdbc = batchJdbc;
    }

    /** The rows for {@link #recordAll}. */
    public static void rows(String messageId, String contractId, List<Decision> decisions, Instant at,
                            List<Object[]> into) {
        for (Decision d : decisions) {
            into.add(new Object[] {messageId, contractId, d.itemId(), d.kind().name(), d.status().name(),
                d.reason() == null ? null : d.reason().name(), truncate(d.detail(), 2000),
                d.amount() == null ? null : d.amount().amount(),
                d.amount() == null ? null : d.amount().currency().getCurrencyCode(),
                d.receipt() == null ? null : d.receipt().ruleSetVersion(),
                d.receipt() == null ? null : truncate(String.join(RULE_SEPARATOR, d.receipt().rules()), 4000),
                Timestamp.from(at), d.receipt() == null ? null : d.receipt().contractVersion(),
                d.receipt() == null ? null : truncate(String.join(",", d.receipt().sourceEventIds()), 4000)});
        }
    }

    public void recordAll(List<Object[]> rows) {
        Batches.run(batchJdbc, INSERT, rows);
    }


    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
