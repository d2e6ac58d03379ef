package io.billwright.messaging;

import io.billwright.engine.contract.ErpTarget;
import java.util.Locale;

/**
 * The RabbitMQ names the service declares (../shared/DESIGN.md section 4). The service itself arrives
 * with the issue "The billing service"; these names are fixed here so the engine's ERP targets and the
 * queues can never drift apart.
 */
public final class Topology {

    public static final String INBOUND_EXCHANGE = "billwright.inbound";
    public static final String ERP_EXCHANGE = "billwright.erp";
    public static final String EXCEPTIONS = "billwright.exceptions";
    public static final String DEAD_LETTER = "billwright.dead-letter";

    private Topology() {
    }

    /** The routing key and queue suffix for an ERP target: {@code netsuite}, {@code sap-s4hana}, {@code dynamics365}. */
    public static String routingKey(ErpTarget target) {
        return switch (target) {
            case NETSUITE -> "netsuite";
            case SAP_S4HANA -> "sap-s4hana";
            case DYNAMICS_365 -> "dynamics365";
        };
    }

    public static String erpQueue(ErpTarget target) {
        return ERP_EXCHANGE + "." + routingKey(target).toLowerCase(Locale.ROOT);
    }
}
