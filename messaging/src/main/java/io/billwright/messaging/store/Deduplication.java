package io.billwright.messaging.store;

import io.billwright.events.Redelivery;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

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

    private final JdbcTemplate batchJdbc;

    public Deduplication(JdbcTemplate batchJdbc) {
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


    /** The content hashes of those of {@code messageIds} processed before, by message id. */
    public java.util.Map<String, String> processedContents(java.util.Collection<String> messageIds) {
        java.util.Map<String, String> found = new java.util.HashMap<>();
        if (messageIds.isEmpty()) {
            return found;
        }
        batchJdbc.query("select message_id, content_hash from processed_message where message_id in ("
                        + marks(messageIds.size()) + ")",
                rs -> {
                    found.put(rs.getString(1), rs.getString(2));
                }, messageIds.toArray());
        return found;
    }

    /**
     * What was last applied for each of some (contract, business key) pairs, keyed by
     * {@link Redelivery#keyOf}; each pair is {@code {contractId, businessKey}}.
     */
    public java.util.Map<String, Redelivery.LastSeen> lastSeen(java.util.Collection<String[]> pairs) {
        java.util.Map<String, Redelivery.LastSeen> found = new java.util.HashMap<>();
        if (pairs.isEmpty()) {
            return found;
        }
        java.util.List<Object> params = new java.util.ArrayList<>();
        pairs.forEach(pair -> {
            params.add(pair[0]);
            params.add(pair[1]);
        });
        String rows = String.join(", ", java.util.Collections.nCopies(pairs.size(), "(?, ?)"));
        batchJdbc.query("select contract_id, business_key, content_hash, event_time from business_key "
                        + "where (contract_id, business_key) in (" + rows + ")",
                rs -> {
                    found.put(Redelivery.keyOf(rs.getString(1), rs.getString(2)), new Redelivery.LastSeen(rs.getString(3),
                            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()));
                }, params.toArray());
        return found;
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

}
