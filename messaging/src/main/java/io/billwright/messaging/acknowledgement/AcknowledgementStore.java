package io.billwright.messaging.acknowledgement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records acknowledgements: each message id once, and on its package the latest word (a posting after a
 * rejection that was fixed and resent, say).
 */
public final class AcknowledgementStore {

    /** What recording one acknowledgement did. */
    public enum Result { RECORDED, DUPLICATE }

    public static final String UNKNOWN_PACKAGE = "UNKNOWN_PACKAGE";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public AcknowledgementStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Records the acknowledgement and sets its package's ERP status, in one transaction.
     *
     * @throws BadAcknowledgement {@code UNKNOWN_PACKAGE} when no such package was ever issued
     */
    public Result record(ErpAcknowledgement ack, Instant receivedAt) {
        return transactions.execute(status -> {
            List<String> known = jdbc.sql("select package_id from billing_package where package_id = ?")
                    .param(ack.packageId()).query(String.class).list();
            if (known.isEmpty()) {
                throw new BadAcknowledgement(UNKNOWN_PACKAGE, "data.packageId",
                        "no package '" + ack.packageId() + "' was ever issued by this Billwright");
            }
            boolean seen = jdbc.sql("select count(*) from erp_acknowledgement where message_id = ?")
                    .param(ack.messageId()).query(Integer.class).single() > 0;
            if (seen) {
                return Result.DUPLICATE;
            }
            Timestamp at = Timestamp.from(receivedAt);
            try {
                jdbc.sql("insert into erp_acknowledgement (message_id, package_id, outcome, erp_document, reason_code, "
                                + "reason, erp_time, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(ack.messageId(), ack.packageId(), ack.outcome().name(), ack.erpDocument(),
                                ack.reasonCode(), ack.reason(),
                                ack.erpTime() == null ? null : Timestamp.from(ack.erpTime()), at)
                        .update();
            } catch (DuplicateKeyException raced) {
                return Result.DUPLICATE;
            }
            jdbc.sql("update billing_package set erp_status = ?, erp_document = ?, erp_reason = ?, acknowledged_at = ? "
                            + "where package_id = ?")
                    .params(ack.outcome().name(), ack.erpDocument(), reasonText(ack), at, ack.packageId())
                    .update();
            return Result.RECORDED;
        });
    }

    /** The ERP's reason as finance reads it: the code first when there is one. */
    static String reasonText(ErpAcknowledgement ack) {
        if (ack.reason() == null) {
            return null;
        }
        String text = ack.reasonCode() == null || ack.reasonCode().isBlank() ? ack.reason()
                : ack.reasonCode() + ": " + ack.reason();
        // the package keeps 2,000 characters of it; the acknowledgement row keeps the code and the reason whole
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}
