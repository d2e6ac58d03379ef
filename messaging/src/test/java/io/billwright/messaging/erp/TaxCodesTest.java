package io.billwright.messaging.erp;

import static io.billwright.messaging.fixtures.ContractBuilder.aContract;
import static io.billwright.messaging.fixtures.Engagement.anEngagement;
import static io.billwright.messaging.fixtures.TimeEntryBuilder.aTimeEntry;
import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.RetentionTaxPoint;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.tax.TaxTreatment;
import io.billwright.rules.DefaultRuleSet;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The tax codes of real package lines, issued by the engine under the default rule set. */
class TaxCodesTest {

    private static final RuleSet RULES = DefaultRuleSet.load();

    @Test
    void namesTheJurisdictionAndRateOfEveryTreatmentThatChargesTax() {
        assertThat(codeOfJanuary(aContract().soldTo("ACME-DE", "Acme", "DE", null, "DE123456789"))).isEqualTo("DE-19");
        assertThat(codeOfJanuary(aContract().soldBy("BW-FI", "FI", null).soldTo("OY-FI", "Oy", "FI", null, null)))
                .isEqualTo("FI-25.5");
        assertThat(codeOfJanuary(aContract().soldTo("CLIENT-FR", "Client", "FR", null, null))).isEqualTo("DE-19");
        assertThat(codeOfJanuary(aContract().soldBy("BW-CA", "CA", "ON").soldTo("NS", "Nova", "CA", "NS", null)
                .inCurrency("CAD"))).isEqualTo("CA-NS-14");
        assertThat(codeOfJanuary(aContract().soldBy("BW-US", "US", "NY").soldTo("NM", "Mesa", "US", "NM", null)
                .inCurrency("USD"))).isEqualTo("US-NM-4.875");
        assertThat(codeOfJanuary(aContract().soldBy("BW-US", "US", "NY").soldTo("TX", "Lone", "US", "TX", null)
                .inCurrency("USD"))).isEqualTo("US-TX-0");
    }

    @Test
    void givesTreatmentsWithoutTaxAFixedCode() {
        assertThat(codeOfJanuary(aContract().soldTo("CLIENT-FR", "Client", "FR", null, "FR12345678901")))
                .isEqualTo(TaxCodes.REVERSE_CHARGE);
        assertThat(codeOfJanuary(aContract().soldTo("ACME-US", "Acme Inc", "US", "CA", null)))
                .isEqualTo(TaxCodes.OUT_OF_SCOPE);
        Contract anyContract = aContract().build();
        assertThat(TaxCodes.of(TaxTreatment.EXEMPT, BigDecimal.ZERO, anyContract)).isEqualTo(TaxCodes.EXEMPT);
    }

    @Test
    void aReleaseOfRetentionAlreadyTaxedWhenWithheldIsNoTaxableSupply() {
        Contract contract = aContract().withRetention("10", RetentionTaxPoint.AT_INVOICE, null).build();

        BillingPackage release = anEngagement(RULES, contract).with(aTimeEntry().on("2026-01-12").build())
                .closeMonthThen("2026-01").complete("2026-02-10");

        assertThat(TaxCodes.forLine(release.lines().get(0), contract)).isEqualTo(TaxCodes.NOT_TAXABLE);
    }

    @Test
    void aReleaseOfRetentionTaxedAtReleaseCarriesTheRateItIsTaxedAt() {
        Contract contract = aContract().withRetention("10", RetentionTaxPoint.AT_RELEASE, null).build();

        BillingPackage release = anEngagement(RULES, contract).with(aTimeEntry().on("2026-01-12").build())
                .closeMonthThen("2026-01").complete("2026-02-10");

        assertThat(release.lines().get(0).tax().amount()).isPositive();
        assertThat(TaxCodes.forLine(release.lines().get(0), contract)).isEqualTo("DE-19");
    }

    private static String codeOfJanuary(io.billwright.messaging.fixtures.ContractBuilder builder) {
        Contract contract = builder.build();
        BillingPackage billingPackage = anEngagement(RULES, contract).with(aTimeEntry().on("2026-01-12").build())
                .closeMonth("2026-01");
        return TaxCodes.forLine(billingPackage.lines().get(0), contract);
    }
}
