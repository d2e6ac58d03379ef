package io.billwright.messaging.store;

import io.billwright.events.InboundMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every applied inbound message as received: the audit trail, what simulations replay, and the dedup
 * record of the applied ones: its message id is unique, and an item's latest row holds the content last
 * applied for its business key ({@link Deduplication} reads both).
 */
public final class EventLog {

    private static final String INSERT = "insert into event_log (message_id, contract_id, event_type, business_key, "
            + "correlation_id, received_at, body, content_hash, envelope_hash, event_time)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate batchJdbc;

    public EventLog(JdbcTemplate batchJdbc) {
        this.batchJdbc = batchJdbc;
    }

    /** The row for {@link #appendAll}; {@code envelopeHash} is the message's, computed once by the caller. */
    public static Object[] row(InboundMessage message, String envelopeHash, Instant receivedAt) {
        return new Object[] {message.messageId(), message.contractId().value(), message.type().type(),
            message.businessKey(), message.correlationId(), Timestamp.from(receivedAt), message.body(),
            message.contentHash(), envelopeHash, message.time() == null ? null : Timestamp.from(message.time())};
    }

    public void appendAll(List<Object[]> rows) {
        Batches.run(batchJdbc, INSERT, rows);
    }
}
