package io.billwright.messaging.store;

import io.billwright.events.Redelivery;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two dedup records: every processed message id (an applied one in the event log, a skipped one in
 * {@code skipped_message}), and the last content applied per business key (the item's latest event log
 * row).
 * Read and written under the contract's lock, so two deliveries of one message can never both pass.
 */
public final class Deduplication {

    static final String INSERT_SKIPPED = "insert into skipped_message (message_id, contract_id, content_hash, "
            + "envelope_hash, outcome, processed_at) values (?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate batchJdbc;

    public Deduplication(JdbcTemplate batchJdbc) {
        this.batchJdbc = batchJdbc;
    }

    /** Dedup records written in batches at the end of a transaction. */
    public static final class Pending {
        private final java.util.List<Object[]> messages = new java.util.ArrayList<>();

        /** A message received and skipped; an applied one is recorded by its event log row. */
        public void skipped(String messageId, String contractId, String contentHash, String envelopeHash,
                            String outcome, Instant at) {
            messages.add(new Object[] {messageId, contractId, contentHash, envelopeHash, outcome, Timestamp.from(at)});
        }
    }

    /** Writes the skipped messages {@code pending} holds. */
    public void flush(Pending pending) {
        Batches.run(batchJdbc, INSERT_SKIPPED, pending.messages);
    }


    /** The content and envelope hashes of those of {@code messageIds} processed before, by message id. */
    public java.util.Map<String, Redelivery.Prior> processedContents(java.util.Collection<String> messageIds) {
        java.util.Map<String, Redelivery.Prior> found = new java.util.HashMap<>();
        if (messageIds.isEmpty()) {
            return found;
        }
        String marks = marks(messageIds.size());
        Object[] ids = messageIds.toArray();
        Object[] params = new Object[ids.length * 2];
        System.arraycopy(ids, 0, params, 0, ids.length);
        System.arraycopy(ids, 0, params, ids.length, ids.length);
        batchJdbc.query("select message_id, content_hash, envelope_hash from event_log where message_id in (" + marks
                        + ") union all select message_id, content_hash, envelope_hash from skipped_message where"
                        + " message_id in (" + marks + ")",
                rs -> {
                    found.put(rs.getString(1), new Redelivery.Prior(rs.getString(2), rs.getString(3)));
                }, params);
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
        // an item's rows in the order applied: the last one holds the content applied last
        batchJdbc.query("select contract_id, business_key, content_hash, event_time from event_log "
                        + "where (contract_id, business_key) in (" + rows + ") order by seq",
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
