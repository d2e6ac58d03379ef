package io.billwright.messaging.store;

import io.billwright.engine.decision.Decision;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every decision with the rule-set version and rules behind it, for audit and explanation. */
public final class DecisionLog {

    private final JdbcClient jdbc;

    public DecisionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String messageId, String contractId, List<Decision> decisions, Instant at) {
        for (Decision decision : decisions) {
            jdbc.sql("insert into decision_log (message_id, contract_id, item_id, item_kind, status, reason, detail, "
                            + "amount, currency, rule_set_version, rules, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .param(messageId).param(contractId).param(decision.itemId()).param(decision.kind().name())
                    .param(decision.status().name())
                    .param(decision.reason() == null ? null : decision.reason().name())
                    .param(truncate(decision.detail(), 2000))
                    .param(decision.amount() == null ? null : decision.amount().amount())
                    .param(decision.amount() == null ? null : decision.amount().currency().getCurrencyCode())
                    .param(decision.receipt() == null ? null : decision.receipt().ruleSetVersion())
                    .param(decision.receipt() == null ? null : truncate(String.join(",", decision.receipt().rules()), 4000))
                    .param(Timestamp.from(at)).update();
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
