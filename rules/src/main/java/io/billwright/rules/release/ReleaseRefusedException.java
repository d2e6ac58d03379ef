package io.billwright.rules.release;

/** A release that will not be loaded, and why; nothing of it has run. */
public class ReleaseRefusedException extends RuntimeException {

    /** Why, as the audit trail records it. */
    public enum Reason {
        /** Not a jar, or one past the size limits. */
        UNREADABLE,
        /** No signature, or no manifest. */
        UNSIGNED,
        /** Signed by a key the service does not trust. */
        UNKNOWN_KEY,
        /** The signature does not match the manifest. */
        BAD_SIGNATURE,
        /** An entry was added, removed or changed after signing. */
        TAMPERED,
        /** Compiled against a fact model this service no longer has. */
        FACT_MODEL,
        /** The service's own bytecode check refuses a class. */
        BYTECODE,
        /** The release's scenarios fail here, or do not finish. */
        SCENARIOS
    }

    private final Reason reason;

    public ReleaseRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
