package io.billwright.simulations.report;

import static io.billwright.simulations.fixtures.ComparisonTestData.comparison;
import static io.billwright.simulations.fixtures.ComparisonTestData.line;
import static io.billwright.simulations.fixtures.ComparisonTestData.net;
import static io.billwright.simulations.fixtures.ComparisonTestData.row;
import static io.billwright.simulations.fixtures.ComparisonTestData.side;
import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.simulations.compare.Comparison;
import io.billwright.simulations.compare.Dimension;
import io.billwright.simulations.compare.TotalRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrencyOrderTest {

    @Test
    void putsTheLargestChangeFirstThenTheLargestVolume() {
        Comparison comparison = comparison(List.of(
                row(Dimension.TOTAL, "All", "AUD", net("50.00"), net("50.00")),
                row(Dimension.TOTAL, "All", "CAD", net("100.00"), net("100.00")),
                row(Dimension.TOTAL, "All", "EUR", net("1000000.00"), net("990000.00")),
                row(Dimension.TOTAL, "All", "USD", net("20000.00"), net("45000.00")),
                row(Dimension.TOTAL, "All", "GBP", net("0.00"), net("0.00")),
                row(Dimension.CUSTOMER, "C-1", "EUR", net("1000000.00"), net("990000.00"))),
                List.of(line("CTR-1", "C-9", "ITEM-1", "CHF", side("HELD", "X", "0.00"), side("HELD", "Y", "0.00"))));

        // EUR changes by 10,000 and USD by 25,000; CAD, AUD and GBP do not change: by volume; CHF has no totals
        assertThat(CurrencyOrder.of(comparison)).containsExactly("USD", "EUR", "CAD", "AUD", "CHF", "GBP");
    }

    @Test
    void sortsRowsByTheOrderOfTheirCurrencies() {
        List<TotalRow> rows = List.of(row(Dimension.TOTAL, "All", "AUD", net("1.00"), net("1.00")),
                row(Dimension.TOTAL, "All", "EUR", net("1.00"), net("2.00")));

        assertThat(CurrencyOrder.sort(rows, List.of("EUR", "AUD"))).extracting(TotalRow::currency)
                .containsExactly("EUR", "AUD");
    }
}
