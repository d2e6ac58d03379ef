package io.billwright.events;

/** Why a message was parked on the dead-letter queue instead of being processed. */
public enum ParkReason {
    /** The body is larger than the configured limit (1 MiB by default). */
    OVERSIZE,
    /** The body is not JSON. */
    MALFORMED_JSON,
    /** {@code specversion} is missing or is not {@code 1.0}. */
    UNSUPPORTED_SPECVERSION,
    /** {@code type} names no inbound event type. */
    UNKNOWN_TYPE,
    /** The envelope or its {@code data} violates the JSON Schema. */
    SCHEMA_VIOLATION,
    /** An amount has more decimals than its currency has minor units. */
    TOO_MANY_DECIMALS,
    /** A currency code that ISO 4217 does not know. */
    UNKNOWN_CURRENCY,
    /** Data the schema allows but the model refuses (for example an end date before the start). */
    INVALID_DATA,
    /**
     * The AMQP header {@code partitionkey} (or the CloudEvents extension of the same name) is missing or is
     * not the message's contract id: the message may have reached another partition than its contract's
     * other messages, so applying it could reorder them.
     */
    NO_PARTITION_KEY,
    /** The message id was processed before with different content: ids must be unique across sources. */
    ID_REUSED,
    /**
     * A transient failure (database, broker) outlasted every retry: given by releases before the inbound
     * partitions only (ADR 0009: a partition now waits the failure out), and kept so their parked messages
     * still read.
     */
    RETRIES_EXHAUSTED,
    /** The broker redelivered the message more often than allowed: it keeps failing for a reason not caught. */
    DELIVERY_LIMIT,
    /** Processing failed for an unexpected reason (a defect): parked rather than retried in a loop. */
    PROCESSING_FAILED
}
