package io.billwright.messaging.store;

import io.billwright.messaging.inbound.InboundMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every applied inbound message as received: the audit trail, and what simulations replay. */
public final class EventLog {

    private static final String INSERT = "insert into event_log (message_id, contract_id, event_type, business_key, "
            + "correlation_id, received_at, body) values (?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batchJdbc;

    public EventLog(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batchJdbc) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
    }

    /** The row for {@link #appendAll}. */
    public static Object[] row(InboundMessage message, Instant receivedAt) {
        return new Object[] {message.messageId(), message.contractId().value(), message.type().type(),
            message.businessKey(), message.correlationId(), Timestamp.from(receivedAt), message.body()};
    }

    public void appendAll(List<Object[]> rows) {
        Batches.run(batchJdbc, INSERT, rows);
    }


    /** The bodies received in {@code [from, to)}, in the order they were applied (for replay and export). */
    public List<String> bodies(Instant from, Instant to) {
        return jdbc.sql("select body from event_log where received_at >= ? and received_at < ? order by seq")
                .param(Timestamp.from(from)).param(Timestamp.from(to)).query(String.class).list();
    }
}
