package io.billwright.engine.contract;

/** Whether the customer buys as a business or as a consumer: it decides, within the EU, who accounts for VAT. */
public enum CustomerTaxStatus {
    BUSINESS, CONSUMER
}
