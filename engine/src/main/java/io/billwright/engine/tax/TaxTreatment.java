package io.billwright.engine.tax;

/** How a line is taxed. Each treatment carries a citation on the line. */
public enum TaxTreatment {
    /** Seller and customer in the same country: the country's (or province's) standard rate. */
    DOMESTIC,
    /** EU cross-border B2B service: the customer accounts for VAT (Directive 2006/112/EC, art. 44 and 196). */
    REVERSE_CHARGE,
    /** EU cross-border service to a customer without a VAT id: the seller's rate (art. 45). */
    EU_B2C,
    /** The place of supply is outside the seller's tax area: no tax charged. */
    OUT_OF_SCOPE,
    /** The customer is exempt from tax. */
    EXEMPT,
    /** US seller, US customer: the state's rate on services (zero in most states). */
    US_SALES_TAX
}
