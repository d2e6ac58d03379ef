package io.billwright.messaging.erp;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.money.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ErpValuesTest {

    @Test
    void writesAmountsAtTheCurrencysMinorUnits() {
        assertThat(ErpValues.amount(Money.of("1280", "EUR"))).isEqualTo("1280.00");
        assertThat(ErpValues.amount(Money.of("-128.5", "EUR"))).isEqualTo("-128.50");
        assertThat(ErpValues.amount(Money.of("1500", "JPY"))).isEqualTo("1500");
        assertThat(ErpValues.amount(Money.of("12.345", "KWD"))).isEqualTo("12.345");
    }

    @Test
    void writesQuantitiesPlainWithoutTrailingZeros() {
        assertThat(ErpValues.decimal(new BigDecimal("7.50"))).isEqualTo("7.5");
        assertThat(ErpValues.decimal(new BigDecimal("1E+2"))).isEqualTo("100");
    }

    @Test
    void givesTheUnitPriceExactlyWhenItDividesAndToSixDecimalsWhenNot() {
        assertThat(ErpValues.unitPrice(Money.of("900.00", "EUR"), new BigDecimal("7.5"))).isEqualTo("120.00");
        assertThat(ErpValues.unitPrice(Money.of("1054.88", "CAD"), new BigDecimal("7.25"))).isEqualTo("145.50069");
        assertThat(ErpValues.unitPrice(Money.of("100.00", "EUR"), new BigDecimal("3"))).isEqualTo("33.333333");
        assertThat(ErpValues.unitPrice(Money.of("1500", "JPY"), new BigDecimal("2"))).isEqualTo("750");
        assertThat(ErpValues.unitPrice(Money.of("50.00", "EUR"), BigDecimal.ZERO)).isEqualTo("50.00");
    }
}
