package io.billwright.simulations.compare;

/** What totals are grouped by. */
public enum Dimension {
    TOTAL("Total"),
    BILLING_MODEL("Billing model"),
    CUSTOMER("Customer"),
    JURISDICTION("Jurisdiction"),
    MONTH("Month"),
    HELD_REASON("Held reason");

    private final String label;

    Dimension(String label) {
        this.label = label;
    }

    /** The heading a finance reader sees. */
    public String label() {
        return label;
    }
}
