package io.billwright.engine.contract;

/** The ERP a contract's billing packages are published to. */
public enum ErpTarget {
    NETSUITE, SAP_S4HANA, DYNAMICS_365
}
