package io.billwright.messaging.erp;

import io.billwright.engine.contract.ErpTarget;

/** Where the JSON Schema (draft 2020-12) of each ERP payload lives on the class path. */
public final class ErpSchemas {

    private ErpSchemas() {
    }

    /** The schema of a credit note's payload: NetSuite's credit memo has its own; SAP and Dynamics share. */
    public static String location(ErpTarget target, boolean creditNote) {
        return creditNote && target == ErpTarget.NETSUITE ? "schemas/outbound/netsuite-credit-memo.schema.json"
                : location(target);
    }

    public static String location(ErpTarget target) {
        return "schemas/outbound/" + switch (target) {
            case NETSUITE -> "netsuite-invoice";
            case SAP_S4HANA -> "sap-billing-document-request";
            case DYNAMICS_365 -> "dynamics365-free-text-invoice";
        } + ".schema.json";
    }
}
