package io.billwright.simulations.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void groupsThousandsAndShowsTheCurrencysMinorUnits() {
        assertThat(Amounts.format(new BigDecimal("24361055.51"), "EUR")).isEqualTo("24,361,055.51");
        assertThat(Amounts.format(new BigDecimal("1500"), "EUR")).isEqualTo("1,500.00");
        assertThat(Amounts.format(new BigDecimal("1500.00"), "JPY")).isEqualTo("1,500");
        assertThat(Amounts.format(new BigDecimal("1234.5"), "BHD")).isEqualTo("1,234.500");
        assertThat(Amounts.format(new BigDecimal("-999.99"), "USD")).isEqualTo("-999.99");
        assertThat(Amounts.format(new BigDecimal("-1000000"), "USD")).isEqualTo("-1,000,000.00");
        assertThat(Amounts.format(new BigDecimal("0"), "CHF")).isEqualTo("0.00");
    }

    @Test
    void neverRoundsAwayWhatWasComputed() {
        assertThat(Amounts.format(new BigDecimal("0.10"), "JPY")).isEqualTo("0.1");
        assertThat(Amounts.format(new BigDecimal("1234.5678"), "EUR")).isEqualTo("1,234.5678");
        assertThat(Amounts.format(new BigDecimal("1.23450"), "EUR")).isEqualTo("1.2345");
        assertThat(Amounts.format(new BigDecimal("1E+3"), "EUR")).isEqualTo("1,000.00");
    }

    @Test
    void signsDeltasAndFallsBackToTwoDecimalsForAnUnknownCode() {
        assertThat(Amounts.signed(new BigDecimal("17625"), "EUR")).isEqualTo("+17,625.00");
        assertThat(Amounts.signed(new BigDecimal("-3.00"), "EUR")).isEqualTo("-3.00");
        assertThat(Amounts.signed(new BigDecimal("0.00"), "EUR")).isEqualTo("0.00");
        assertThat(Amounts.format(new BigDecimal("1000"), "")).isEqualTo("1,000.00");
        assertThat(Amounts.minorUnits("NOPE")).isEqualTo(2);
    }

    @Test
    void givesExcelAFormatWithTheCurrencysDecimals() {
        assertThat(Amounts.excelFormat(2)).isEqualTo("#,##0.00;[Red]-#,##0.00");
        assertThat(Amounts.excelFormat(0)).isEqualTo("#,##0;[Red]-#,##0");
    }
}
