package io.billwright.messaging.rulesets;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit trail in the database's {@code rule_set_audit} (V5). */
public final class JdbcRuleSetAudit implements RuleSetAudit {

    private final JdbcClient jdbc;

    public JdbcRuleSetAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long record(Entry entry) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into rule_set_audit (at, actor, action, outcome, from_version, to_version, to_source,"
                        + " rule_set_hash, jar_sha256, key_id, reason, findings, millis)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .param(Timestamp.from(entry.at())).param(entry.actor()).param(entry.action()).param(entry.outcome())
                .param(entry.fromVersion()).param(entry.toVersion()).param(entry.toSource()).param(entry.ruleSetHash())
                .param(entry.jarSha256()).param(entry.keyId()).param(entry.reason())
                .param(entry.findings().isEmpty() ? null : String.join("\n", entry.findings()))
                .param(entry.millis()).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    @Override
    public List<Entry> history(int limit) {
        return select("", limit);
    }

    @Override
    public java.util.Optional<Entry> lastIntended() {
        return select("where outcome = 'LIVE' and action in ('DEPLOY', 'ROLLBACK')", 1).stream().findFirst();
    }

    private List<Entry> select(String where, int limit) {
        return jdbc.sql("select * from rule_set_audit " + where + " order by id desc fetch first " + Math.max(1, limit)
                + " rows only").query((rs, row) -> new Entry(rs.getLong("id"),
                rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"), rs.getString("outcome"),
                rs.getString("from_version"), rs.getString("to_version"), rs.getString("to_source"),
                rs.getString("rule_set_hash"), rs.getString("jar_sha256"), rs.getString("key_id"), rs.getString("reason"),
                rs.getString("findings") == null ? List.of() : Arrays.asList(rs.getString("findings").split("\n")),
                rs.getLong("millis"))).list();
    }
}
