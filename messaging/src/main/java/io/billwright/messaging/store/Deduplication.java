package io.billwright.messaging.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two dedup records: every processed message id, and the last content seen per business key.
 * Read and written under the contract's lock, so two deliveries of one message can never both pass.
 */
public final class Deduplication {

    private final JdbcClient jdbc;

    public Deduplication(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The content hash recorded for a processed message id, if it was processed. */
    public Optional<String> processedContent(String messageId) {
        return jdbc.sql("select content_hash from processed_message where message_id = ?")
                .param(messageId).query(String.class).optional();
    }

    /** What was last applied for a business key: its content hash and CloudEvents time (may be null). */
    public record LastSeen(String contentHash, Instant time) {
    }

    public Optional<LastSeen> lastSeen(String contractId, String businessKey) {
        return jdbc.sql("select content_hash, event_time from business_key where contract_id = ? and business_key = ?")
                .param(contractId).param(businessKey)
                .query((rs, n) -> new LastSeen(rs.getString(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .optional();
    }

    public void recordMessage(String messageId, String contractId, String contentHash, String outcome, Instant at) {
        jdbc.sql("insert into processed_message (message_id, contract_id, content_hash, outcome, processed_at) "
                        + "values (?, ?, ?, ?, ?)")
                .param(messageId).param(contractId).param(contentHash).param(outcome).param(Timestamp.from(at)).update();
    }

    public void recordContent(String contractId, String businessKey, String contentHash, String messageId,
                              Instant eventTime, boolean known) {
        Timestamp time = eventTime == null ? null : Timestamp.from(eventTime);
        if (known) {
            jdbc.sql("update business_key set content_hash = ?, message_id = ?, event_time = ? "
                            + "where contract_id = ? and business_key = ?")
                    .param(contentHash).param(messageId).param(time).param(contractId).param(businessKey).update();
        } else {
            jdbc.sql("insert into business_key (contract_id, business_key, content_hash, message_id, event_time) "
                            + "values (?, ?, ?, ?, ?)")
                    .param(contractId).param(businessKey).param(contentHash).param(messageId).param(time).update();
        }
    }
}
