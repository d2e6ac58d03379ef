package io.billwright.messaging.erp;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.billing.PackageLine;
import io.billwright.engine.billing.QuantityUnit;
import io.billwright.engine.money.Money;
import io.billwright.engine.money.Percent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One line as an ERP posts it, where {@code quantity x unitPrice = amount} to the cent. A package line a
 * limit cut (an expense over its category limit, a charge past the not-to-exceed cap) becomes two: the line
 * as charged (hours as recorded at the rate, or the expense as claimed) and, right after it, an adjustment
 * line of one unit at minus what the limit took off. The two carry the package line's tax between them:
 * the adjustment's tax is its amount at the line's rate, the charged line's the rest, so the lines and
 * their tax still add up to the package's totals.
 *
 * @param line       the package line both parts come from (its tax code, kind, item id)
 * @param position   1, 2, 3, ... in the order the ERP document lists the lines
 * @param adjustment true for the adjustment part
 */
public record ErpLine(PackageLine line, int position, boolean adjustment, String description, BigDecimal quantity,
                      QuantityUnit unit, String unitPrice, Money amount, Money tax) {

    static final String ADJUSTMENT_PRODUCT = "ADJUSTMENT";

    /** The lines of a package in ERP order: each package line, followed by its adjustment when it has one. */
    public static List<ErpLine> of(BillingPackage billingPackage) {
        List<ErpLine> lines = new ArrayList<>();
        for (PackageLine line : billingPackage.lines()) {
            String description = line.description() == null ? "" : line.description();
            if (!line.adjusted()) {
                lines.add(new ErpLine(line, lines.size() + 1, false, description, line.quantity(), line.unit(),
                        ErpValues.unitPrice(line.net(), line.quantity()), line.net(), line.tax()));
                continue;
            }
            Money cut = line.adjustmentAmount();
            Money cutTax = Money.rounded(Percent.of(cut.amount(), line.taxRate()), cut.currency());
            lines.add(new ErpLine(line, lines.size() + 1, false, description, line.quantity(), line.unit(),
                    ErpValues.unitPrice(line.gross(), line.quantity()), line.gross(), line.tax().minus(cutTax)));
            lines.add(new ErpLine(line, lines.size() + 1, true, adjustmentText(line), BigDecimal.ONE,
                    QuantityUnit.EACH, ErpValues.amount(cut), cut, cutTax));
        }
        return lines;
    }

    /** The position the retention deduction takes: after every line. */
    public static int after(List<ErpLine> lines) {
        return lines.size() + 1;
    }

    private static String adjustmentText(PackageLine line) {
        String why = line.adjustment() == null ? "limit applied" : line.adjustment();
        return "Adjustment to line " + line.lineNo() + " (" + line.itemId() + "): " + why;
    }
}
