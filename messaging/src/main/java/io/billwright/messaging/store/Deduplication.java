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

    public boolean isProcessed(String messageId) {
        return jdbc.sql("select count(*) from processed_message where message_id = ?")
                .param(messageId).query(Integer.class).single() > 0;
    }

    /** The content hash last recorded for the business key, if any. */
    public Optional<String> lastContent(String contractId, String businessKey) {
        return jdbc.sql("select content_hash from business_key where contract_id = ? and business_key = ?")
                .param(contractId).param(businessKey).query(String.class).optional();
    }

    public void recordMessage(String messageId, String contractId, String outcome, Instant at) {
        jdbc.sql("insert into processed_message (message_id, contract_id, outcome, processed_at) values (?, ?, ?, ?)")
                .param(messageId).param(contractId).param(outcome).param(Timestamp.from(at)).update();
    }

    public void recordContent(String contractId, String businessKey, String contentHash, String messageId,
                              boolean known) {
        if (known) {
            jdbc.sql("update business_key set content_hash = ?, message_id = ? where contract_id = ? and business_key = ?")
                    .param(contentHash).param(messageId).param(contractId).param(businessKey).update();
        } else {
            jdbc.sql("insert into business_key (contract_id, business_key, content_hash, message_id) values (?, ?, ?, ?)")
                    .param(contractId).param(businessKey).param(contentHash).param(messageId).update();
        }
    }
}
