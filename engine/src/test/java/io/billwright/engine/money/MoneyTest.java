package io.billwright.engine.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void refusesMoreDecimalsThanTheCurrencyHasInsteadOfRounding() {
        assertThatThrownBy(() -> Money.of("10.005", "EUR")).hasMessageContaining("more decimals than EUR");
        assertThatThrownBy(() -> Money.of("1500.5", "JPY")).hasMessageContaining("JPY");
        assertThat(Money.of("1.234", "KWD").amount()).isEqualByComparingTo("1.234");
    }

    @Test
    void keepsTheCurrencyScaleSoEqualAmountsAreEqualValues() {
        assertThat(Money.of("10", "EUR")).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(Money.of("10", "EUR").amount().toPlainString()).isEqualTo("10.00");
    }

    @Test
    void roundsHalfUpOnlyWhenAskedTo() {
        Currency eur = Currency.getInstance("EUR");
        assertThat(Money.rounded(new BigDecimal("2.345"), eur).amount()).isEqualByComparingTo("2.35");
        assertThat(Money.rounded(new BigDecimal("2.344999"), eur).amount()).isEqualByComparingTo("2.34");
        assertThat(Money.rounded(new BigDecimal("-2.345"), eur).amount()).isEqualByComparingTo("-2.35");
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .hasMessageContaining("currency mismatch");
    }

    @Test
    void percentKeepsFullPrecisionUntilTheLineIsRounded() {
        assertThat(Percent.of(new BigDecimal("333.33"), new BigDecimal("19"))).isEqualByComparingTo("63.3327");
        assertThat(Percent.plus(new BigDecimal("100"), new BigDecimal("12.5"))).isEqualByComparingTo("112.5");
        assertThat(Percent.plus(new BigDecimal("100"), null)).isEqualByComparingTo("100");
    }
}
