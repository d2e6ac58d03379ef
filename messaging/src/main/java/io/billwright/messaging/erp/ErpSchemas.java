package io.billwright.messaging.erp;

import io.billwright.engine.contract.ErpTarget;

/** Where the JSON Schema (draft 2020-12) of each ERP payload lives on the class path. */
public final class ErpSchemas {

    private ErpSchemas() {
    }

    public static String location(ErpTarget target) {
        return "schemas/outbound/" + switch (target) {
            case NETSUITE -> "netsuite-invoice";
            case SAP_S4HANA -> "sap-billing-document-request";
            case DYNAMICS_365 -> "dynamics365-free-text-invoice";
        } + ".schema.json";
    }
}
