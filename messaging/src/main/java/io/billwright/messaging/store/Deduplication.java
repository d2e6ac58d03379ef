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

    static final String INSERT_MESSAGE = "insert into processed_message (message_id, contract_id, content_hash, "
            + "outcome, processed_at) values (?, ?, ?, ?, ?)";
    static final String INSERT_KEY = "insert into business_key (contract_id, business_key, content_hash, message_id, "
            + "event_time) values (?, ?, ?, ?, ?)";
    static final String UPDATE_KEY = "update business_key set content_hash = ?, message_id = ?, event_time = ? "
            + "where contract_id = ? and business_key = ?";

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batchJdbc;

    public Deduplication(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batchJdbc) {
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
    }

    /** Dedup records written in batches at the end of a transaction. */
    public static final class Pending {
        private final java.util.List<Object[]> messages = new java.util.ArrayList<>();
        private final java.util.List<Object[]> keyInserts = new java.util.ArrayList<>();
        private final java.util.List<Object[]> keyUpdates = new java.util.ArrayList<>();

        public void message(String messageId, String contractId, String contentHash, String outcome, Instant at) {
            messages.add(new Object[] {messageId, contractId, contentHash, outcome, Timestamp.from(at)});
        }

        public void content(String contractId, String businessKey, String contentHash, String messageId,
                            Instant eventTime, boolean known) {
            Timestamp time = eventTime == null ? null : Timestamp.from(eventTime);
            if (known) {
                keyUpdates.add(new Object[] {contentHash, messageId, time, contractId, businessKey});
            } else {
                keyInserts.add(new Object[] {contractId, businessKey, contentHash, messageId, time});
            }
        }
    }

    /** Writes what {@code pending} holds: messages, then new keys, then changed keys, in order. */
    public void flush(Pending pending) {
        Batches.run(batchJdbc, INSERT_MESSAGE, pending.messages);
        Batches.run(batchJdbc, INSERT_KEY, pending.keyInserts);
        Batches.run(batchJdbc, UPDATE_KEY, pending.keyUpdates);
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

}
