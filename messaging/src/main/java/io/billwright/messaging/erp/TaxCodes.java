package io.billwright.messaging.erp;

import io.billwright.engine.billing.PackageLine;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.RetentionTaxPoint;
import io.billwright.engine.item.ItemKind;
import io.billwright.engine.tax.TaxQuery;
import io.billwright.engine.tax.TaxTreatment;
import java.math.BigDecimal;
import org.mapstruct.Context;
import org.mapstruct.Named;

/**
 * Billwright's tax codes: the one table that names a line's tax for every ERP. Each connector translates
 * a code into its tenant's own (a NetSuite tax code, an SAP tax code, a Dynamics 365 sales tax group); the
 * codes are stable, the tenants' are not.
 *
 * <table>
 *   <caption>Codes by treatment</caption>
 *   <tr><th>treatment</th><th>code</th><th>example</th></tr>
 *   <tr><td>DOMESTIC</td><td>jurisdiction-rate</td><td>{@code DE-19}, {@code CA-ON-13}, {@code FI-25.5}</td></tr>
 *   <tr><td>EU_B2C</td><td>seller country-rate (art. 45)</td><td>{@code DE-19}</td></tr>
 *   <tr><td>US_SALES_TAX</td><td>state-rate</td><td>{@code US-HI-4}, {@code US-TX-0}</td></tr>
 *   <tr><td>REVERSE_CHARGE</td><td>{@code RC}</td><td>Directive 2006/112/EC art. 44 and 196</td></tr>
 *   <tr><td>EXEMPT</td><td>{@code EXEMPT}</td><td>customer holds an exemption</td></tr>
 *   <tr><td>OUT_OF_SCOPE</td><td>{@code OOS}</td><td>place of supply outside the seller's tax area</td></tr>
 *   <tr><td>(no supply)</td><td>{@code NT}</td><td>the retention deduction line; a release taxed when withheld</td></tr>
 * </table>
 *
 * <p>The jurisdiction is the one whose rate the tax rules applied: the seller's country, except within
 * Canada and the US, where it is the customer's province or state ({@code billwright.tax} rules).
 */
public final class TaxCodes {

    public static final String REVERSE_CHARGE = "RC";
    public static final String EXEMPT = "EXEMPT";
    public static final String OUT_OF_SCOPE = "OOS";
    /**
     * Not a taxable supply: the line that takes withheld retention off an invoice, and the release of
     * retention whose tax was charged on the invoices it was withheld from.
     */
    public static final String NOT_TAXABLE = "NT";

    private TaxCodes() {
    }

    /** The code of a package line, under the contract version the package was issued under. */
    @Named("taxCode")
    public static String forLine(PackageLine line, @Context Contract contract) {
        if (line.kind() == ItemKind.RETENTION_RELEASE && taxedWhenWithheld(contract)) {
            return NOT_TAXABLE;
        }
        return of(line.treatment(), line.taxRate(), contract);
    }

    /** The code for a treatment and its rate in percent. */
    public static String of(TaxTreatment treatment, BigDecimal rate, Contract contract) {
        return switch (treatment) {
            case REVERSE_CHARGE -> REVERSE_CHARGE;
            case EXEMPT -> EXEMPT;
            case OUT_OF_SCOPE -> OUT_OF_SCOPE;
            case DOMESTIC, EU_B2C, US_SALES_TAX -> jurisdiction(treatment, contract) + "-" + ErpValues.decimal(rate);
        };
    }

    private static String jurisdiction(TaxTreatment treatment, Contract contract) {
        String seller = contract.seller().country();
        boolean byRegion = treatment == TaxTreatment.US_SALES_TAX
                || treatment == TaxTreatment.DOMESTIC && "CA".equals(seller);
        return byRegion ? TaxQuery.of(contract).customerJurisdiction() : seller;
    }

    private static boolean taxedWhenWithheld(Contract contract) {
        return contract.retention() == null || contract.retention().taxPoint() == RetentionTaxPoint.AT_INVOICE;
    }
}
