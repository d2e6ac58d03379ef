package io.billwright.simulations.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void writesHoursInQuartersWithoutTrailingZeros() {
        assertThat(Amounts.hours(30)).isEqualTo("7.5");
        assertThat(Amounts.hours(32)).isEqualTo("8");
        assertThat(Amounts.hours(17)).isEqualTo("4.25");
        assertThat(Amounts.hours(19)).isEqualTo("4.75");
        assertThat(Amounts.hours(0)).isEqualTo("0");
        assertThat(Amounts.hours(97)).as("past a day").isEqualTo("24.25");
    }

    @Test
    void roundsRatesAndFeesToAStepWithTwoDecimals() {
        assertThat(Amounts.plain(Amounts.roundToStep(new BigDecimal("132.49"), 5))).isEqualTo("130.00");
        assertThat(Amounts.plain(Amounts.roundToStep(new BigDecimal("132.50"), 5))).isEqualTo("135.00");
        assertThat(Amounts.plain(Amounts.roundToStep(new BigDecimal("12"), 1000))).isEqualTo("1000.00");
    }

    @Test
    void convertsToTheMinorUnitsOfTheTargetCurrency() {
        Currency euro = Currency.getInstance("EUR");
        assertThat(Amounts.plain(ReferenceRates.convert(new BigDecimal("100.00"), euro, Currency.getInstance("JPY"))))
                .isEqualTo("16200");
        assertThat(Amounts.plain(ReferenceRates.convert(new BigDecimal("100.00"), Currency.getInstance("GBP"), euro)))
                .isEqualTo("116.28");
    }
}
