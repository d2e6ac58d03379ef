package io.billwright.engine.contract;

/** Whether retention is taxed on the invoice it is withheld from, or when it is released. */
public enum RetentionTaxPoint {
    AT_INVOICE, AT_RELEASE
}
