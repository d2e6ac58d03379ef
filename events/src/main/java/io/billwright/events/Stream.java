package io.billwright.events;

/** The inbound streams: one quorum queue each, bound to the inbound topic exchange by pattern. */
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
