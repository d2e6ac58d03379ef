package io.billwright.messaging.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code outbox} table. */
public final class OutboxRepository {

    private static final String INSERT = "insert into outbox (message_id, exchange_name, routing_key, "
            + "correlation_id, message_type, body, created_at, next_attempt_at, attempts, claimed_until) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;
    private final String dueQuery;

    /**
     * @param skipLocked whether the database supports {@code FOR UPDATE SKIP LOCKED}; with it, several
     *                   relays (several service instances) share the rows without waiting on each other
     */
    public OutboxRepository(JdbcClient jdbc, JdbcTemplate batchJdbc, boolean skipLocked) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.dueQuery = "select id, attempts, message_id, exchange_name, routing_key, correlation_id, message_type, body "
                + "from outbox where sent_at is null and parked_at is null and next_attempt_at <= ? "
                + "and (claimed_until is null or claimed_until <= ?) "
                + "order by id fetch first ? rows only for update" + (skipLocked ? " skip locked" : "");
    }

    /**
     * Adds messages in one batched insert. Their ids are unique (a package's id is registered first; an
     * exception notice's id is new), and the table's unique key refuses a repeat, failing the transaction.
     */
    /**
     * Adds messages already claimed until {@code leasedUntil}: the transaction's own process hands them to
     * its relay right after the commit, and the poll leaves them alone unless the lease runs out (the
     * process died first).
     */
    public void addAll(List<OutboxMessage> messages, Instant at, Instant leasedUntil) {
        Timestamp now = Timestamp.from(at);
        Timestamp lease = Timestamp.from(leasedUntil);
        List<Object[]> rows = messages.stream().map(m -> new Object[] {m.messageId(), m.exchange(), m.routingKey(),
            m.correlationId(), m.type(), m.body(), now, now, lease}).toList();
        if (!rows.isEmpty()) {
            batchJdbc.batchUpdate(INSERT, rows);
        }
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
        if (!rows.isEmpty()) {
            batchJdbc.batchUpdate("update outbox set claimed_until = ? where id = ?", rows.stream()
                    .map(row -> new Object[] {Timestamp.from(leaseUntil), row.id()}).toList());
        }
        return rows;
    }

    /** Marks the rows with these message ids sent. */
    public void markSent(List<String> messageIds, Instant at) {
        if (!messageIds.isEmpty()) {
            batchJdbc.batchUpdate("update outbox set sent_at = ?, attempts = attempts + 1, last_error = null, "
                    + "claimed_until = null where message_id = ?", messageIds.stream()
                    .map(id -> new Object[] {Timestamp.from(at), id}).toList());
        }
    }

    /** A package the broker just confirmed, with what its latency and amount meters need. */
    public record ConfirmedPackage(String packageId, String erpTarget, String currency, java.math.BigDecimal amountDue,
                                   boolean creditNote, Instant approvedAt, Instant triggeredAt) {
    }

    /**
     * Sets the broker's confirm time on packages confirmed for the first time, and returns them (a package
     * republished by a resend keeps its first confirm time and is not returned again).
     */
    public List<ConfirmedPackage> markPackagesConfirmed(List<String> packageIds, Instant at) {
        if (packageIds.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", java.util.Collections.nCopies(packageIds.size(), "?"));
        List<ConfirmedPackage> confirmed = jdbc.sql("select p.package_id, p.erp_target, p.currency, p.amount_due, "
                        + "p.trigger_kind, p.approved_at, coalesce(e.event_time, e.received_at, p.created_at) as triggered_at "
                        + "from billing_package p left join event_log e on e.message_id = p.message_id "
                        + "where p.confirmed_at is null and p.package_id in (" + in + ")")
                .params(packageIds.toArray())
                .query((rs, n) -> new ConfirmedPackage(rs.getString("package_id"), rs.getString("erp_target"),
                        rs.getString("currency"), rs.getBigDecimal("amount_due"),
                        "CREDIT_NOTE".equals(rs.getString("trigger_kind")), instant(rs.getTimestamp("approved_at")),
                        instant(rs.getTimestamp("triggered_at"))))
                .list();
        if (!confirmed.isEmpty()) {
            batchJdbc.batchUpdate("update billing_package set confirmed_at = ? where package_id = ? and confirmed_at is null",
                    confirmed.stream().map(p -> new Object[] {Timestamp.from(at), p.packageId()}).toList());
        }
        return confirmed;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    public void markFailed(String messageId, String error, Instant nextAttempt) {
        jdbc.sql("update outbox set attempts = attempts + 1, last_error = ?, next_attempt_at = ?, claimed_until = null "
                        + "where message_id = ?")
                .param(truncate(error)).param(Timestamp.from(nextAttempt)).param(messageId).update();
    }

    /** Lets the poll take rows handed to a relay that stopped before publishing them. */
    public void releaseClaims(List<String> messageIds) {
        if (!messageIds.isEmpty()) {
            batchJdbc.batchUpdate("update outbox set claimed_until = null where message_id = ? and sent_at is null",
                    messageIds.stream().map(id -> new Object[] {id}).toList());
        }
    }

    public void markParked(String messageId, String error, Instant at) {
        jdbc.sql("update outbox set attempts = attempts + 1, last_error = ?, parked_at = ?, claimed_until = null "
                        + "where message_id = ?")
                .param(truncate(error)).param(Timestamp.from(at)).param(messageId).update();
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
