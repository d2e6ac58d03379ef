package io.billwright.events;

/**
 * The kinds of inbound message, by routing-key pattern. Before the inbound queues were partitioned by
 * contract (ADR 0009) each had a queue of its own ({@code billwright.inbound.time-entries}, ...); the
 * service now only drains such queues, left by an older release, into the partitions.
 */
public enum Stream {
    CONTRACTS("contracts", "contract.#"),
    TIME_ENTRIES("time-entries", "timeentry.#"),
    EXPENSES("expenses", "expense.#"),
    MILESTONES("milestones", "milestone.#"),
    PERIODS("periods", "period.#");

    private final String queueSuffix;
    private final String bindingPattern;

    Stream(String queueSuffix, String bindingPattern) {
        this.queueSuffix = queueSuffix;
        this.bindingPattern = bindingPattern;
    }

    public String queueSuffix() {
        return queueSuffix;
    }

    public String bindingPattern() {
        return bindingPattern;
    }
}
