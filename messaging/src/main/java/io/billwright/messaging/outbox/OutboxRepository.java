package io.billwright.messaging.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code outbox} table. */
public final class OutboxRepository {

    private final JdbcClient jdbc;
    private final String dueQuery;

    /**
     * @param skipLocked whether the database supports {@code FOR UPDATE SKIP LOCKED}; with it, several
     *                   relays (several service instances) share the rows without waiting on each other
     */
    public OutboxRepository(JdbcClient jdbc, boolean skipLocked) {
        this.jdbc = jdbc;
        this.dueQuery = "select id, attempts, message_id, exchange_name, routing_key, correlation_id, message_type, body "
                + "from outbox where sent_at is null and parked_at is null and next_attempt_at <= ? "
                + "and (claimed_until is null or claimed_until <= ?) "
                + "order by id fetch first ? rows only for update" + (skipLocked ? " skip locked" : "");
    }

    /** Adds the message unless one with its id is already there (a package re-issued on a replay). */
    public boolean add(OutboxMessage message, Instant at) {
        boolean known = jdbc.sql("select count(*) from outbox where message_id = ?")
                .param(message.messageId()).query(Integer.class).single() > 0;
        if (known) {
            return false;
        }
        jdbc.sql("insert into outbox (message_id, exchange_name, routing_key, correlation_id, message_type, body, "
                        + "created_at, next_attempt_at, attempts) values (?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .param(message.messageId()).param(message.exchange()).param(message.routingKey())
                .param(message.correlationId()).param(message.type()).param(message.body())
                .param(Timestamp.from(at)).param(Timestamp.from(at)).update();
        return true;
    }

    /**
     * Claims the rows due for publishing, oldest first, until {@code leaseUntil}; call inside a short
     * transaction. A claim keeps other relays off the rows while this one publishes outside any
     * transaction; a relay that dies leaves its claims to expire.
     */
    public List<OutboxRow> claimDue(Instant now, int limit, Instant leaseUntil) {
        List<OutboxRow> rows = jdbc.sql(dueQuery).param(Timestamp.from(now)).param(Timestamp.from(now)).param(limit)
                .query((rs, n) -> new OutboxRow(rs.getLong("id"), rs.getInt("attempts"),
                        new OutboxMessage(rs.getString("message_id"), rs.getString("exchange_name"),
                                rs.getString("routing_key"), rs.getString("correlation_id"),
                                rs.getString("message_type"), rs.getString("body"))))
                .list();
        for (OutboxRow row : rows) {
            jdbc.sql("update outbox set claimed_until = ? where id = ?").param(Timestamp.from(leaseUntil))
                    .param(row.id()).update();
        }
        return rows;
    }

    public void markSent(List<Long> ids, Instant at) {
        for (Long id : ids) {
            jdbc.sql("update outbox set sent_at = ?, attempts = attempts + 1, last_error = null, claimed_until = null "
                            + "where id = ?")
                    .param(Timestamp.from(at)).param(id).update();
        }
    }

    public void markFailed(long id, String error, Instant nextAttempt) {
        jdbc.sql("update outbox set attempts = attempts + 1, last_error = ?, next_attempt_at = ?, claimed_until = null "
                        + "where id = ?")
                .param(truncate(error)).param(Timestamp.from(nextAttempt)).param(id).update();
    }

    public void markParked(long id, String error, Instant at) {
        jdbc.sql("update outbox set attempts = attempts + 1, last_error = ?, parked_at = ?, claimed_until = null "
                        + "where id = ?")
                .param(truncate(error)).param(Timestamp.from(at)).param(id).update();
    }

    /** Seconds since the oldest row neither sent nor parked was written (0 when there is none). */
    public long oldestPendingSeconds(Instant now) {
        Timestamp oldest = jdbc.sql("select min(created_at) from outbox where sent_at is null and parked_at is null")
                .query(Timestamp.class).optional().orElse(null);
        return oldest == null ? 0 : Math.max(0, now.getEpochSecond() - oldest.toInstant().getEpochSecond());
    }

    /** Rows neither sent nor parked. */
    public int pending() {
        return jdbc.sql("select count(*) from outbox where sent_at is null and parked_at is null")
                .query(Integer.class).single();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
    }
}
