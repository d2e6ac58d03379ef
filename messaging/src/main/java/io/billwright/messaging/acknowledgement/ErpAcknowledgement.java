package io.billwright.messaging.acknowledgement;

import java.time.Instant;
import java.util.Objects;

/**
 * A connector's word on one package.
 *
 * @param messageId   the acknowledgement's own id: recorded once, a redelivery changes nothing
 * @param erpDocument the ERP's number for the posted document, null on a rejection
 * @param reasonCode  the ERP's error code on a rejection, or null
 * @param reason      the ERP's message on a rejection, null on a posting
 * @param erpTime     when the ERP posted or refused it, when the connector said so; otherwise null
 */
public record ErpAcknowledgement(String messageId, String packageId, Outcome outcome, String erpDocument,
                                 String reasonCode, String reason, Instant erpTime) {

    /** What the ERP did with the package. */
    public enum Outcome {
        POSTED("io.billwright.erp.posted.v1", "erp-posted"),
        REJECTED("io.billwright.erp.rejected.v1", "erp-rejected");

        private final String type;
        private final String schema;

        Outcome(String type, String schema) {
            this.type = type;
            this.schema = schema;
        }

        /** The CloudEvents type a connector sends. */
        public String type() {
            return type;
        }

        /** The schema's file name under {@code schemas/acknowledgements/}, without {@code .schema.json}. */
        String schema() {
            return schema;
        }

        static Outcome ofType(String type) {
            for (Outcome outcome : values()) {
                if (outcome.type.equals(type)) {
                    return outcome;
                }
            }
            return null;
        }
    }

    public ErpAcknowledgement {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
