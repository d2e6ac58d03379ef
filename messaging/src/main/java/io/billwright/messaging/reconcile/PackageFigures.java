package io.billwright.messaging.reconcile;

import io.billwright.engine.billing.BillingPackage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What reconciling compares of a package, the same whether the database or the replay issued it.
 *
 * @param lines          the number of lines, or -1 when a row of an early release did not keep them
 * @param ruleSetVersion the rule set that issued it
 * @param messageId      the message that completed it
 */
record PackageFigures(String id, String contractId, String currency, BigDecimal net, BigDecimal tax,
                      BigDecimal retention, BigDecimal amountDue, int lines, String ruleSetVersion, String messageId) {

    PackageFigures {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contractId, "contractId");
    }

    static PackageFigures of(BillingPackage pkg, String messageId) {
        return new PackageFigures(pkg.id().value(), pkg.contractId().value(), pkg.currency().getCurrencyCode(),
                pkg.totals().net().amount(), pkg.totals().tax().amount(), pkg.totals().retentionWithheld().amount(),
                pkg.totals().amountDue().amount(), pkg.lines().size(), pkg.ruleSetVersion(), messageId);
    }

    /** Every figure that differs, each as {@code net 800.00 EUR, replay 850.00 EUR}; empty when none does. */
    List<String> differences(PackageFigures replayed) {
        List<String> out = new ArrayList<>();
        if (!Objects.equals(currency, replayed.currency)) {
            out.add("currency " + currency + ", replay " + replayed.currency);
        }
        amount(out, "net", net, replayed.net, replayed.currency);
        amount(out, "tax", tax, replayed.tax, replayed.currency);
        amount(out, "retention", retention, replayed.retention, replayed.currency);
        amount(out, "amount due", amountDue, replayed.amountDue, replayed.currency);
        if (lines >= 0 && lines != replayed.lines) {
            out.add(lines + " line(s), replay " + replayed.lines);
        }
        return out;
    }

    private void amount(List<String> out, String name, BigDecimal stored, BigDecimal replayed, String replayCurrency) {
        if (!Amounts.same(stored, replayed)) {
            out.add(name + " " + Amounts.of(stored, currency) + ", replay " + Amounts.of(replayed, replayCurrency));
        }
    }

    /** {@code net 800.00, tax 152.00, due 912.00 EUR, 1 line}. */
    String describe() {
        return "net " + Amounts.plain(net, currency) + ", tax " + Amounts.plain(tax, currency) + ", due "
                + Amounts.of(amountDue, currency) + (lines < 0 ? "" : ", " + lines + (lines == 1 ? " line" : " lines"));
    }
}
