package io.billwright.messaging.store;

import io.billwright.engine.billing.BillingPackage;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every package ever issued, keyed by its id. A package id registered once is never issued again,
 * whatever the engine produces on a replay: the last line of defence against a duplicate invoice.
 */
public final class PackageRegistry {

    private final JdbcClient jdbc;

    public PackageRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers the package; false when its id was issued before (nothing is written then). */
    public boolean register(BillingPackage pkg, String messageId, Instant at) {
        boolean known = jdbc.sql("select count(*) from billing_package where package_id = ?")
                .param(pkg.id().value()).query(Integer.class).single() > 0;
        if (known) {
            return false;
        }
        jdbc.sql("insert into billing_package (package_id, contract_id, erp_target, trigger_kind, trigger_key, currency, "
                        + "net, tax, retention, amount_due, rule_set_version, message_id, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .param(pkg.id().value()).param(pkg.contractId().value()).param(pkg.erpTarget().name())
                .param(pkg.trigger().kind().name()).param(pkg.trigger().key())
                .param(pkg.currency().getCurrencyCode()).param(pkg.totals().net().amount())
                .param(pkg.totals().tax().amount()).param(pkg.totals().retentionWithheld().amount())
                .param(pkg.totals().amountDue().amount()).param(pkg.ruleSetVersion()).param(messageId)
                .param(Timestamp.from(at)).update();
        return true;
    }
}
