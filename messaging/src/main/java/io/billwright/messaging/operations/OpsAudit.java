package io.billwright.messaging.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who did what through the operations page or API, and when: replays, requests, approvals, resends. */
public final class OpsAudit {

    /** One audited action. */
    public record Entry(long id, Instant at, String actor, String action, String subject, String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public OpsAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String subject, String detail) {
        jdbc.sql("insert into ops_audit (at, actor, action, subject, detail) values (?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), actor, action, truncate(subject, 600), truncate(detail, 4000))
                .update();
    }

    /** The newest entries first. */
    public List<Entry> recent(int limit) {
        return jdbc.sql("select id, at, actor, action, subject, detail from ops_audit order by id desc")
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("subject"), rs.getString("detail")))
                .list().stream().limit(limit).toList();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
