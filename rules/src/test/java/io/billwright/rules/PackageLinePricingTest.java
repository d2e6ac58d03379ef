package io.billwright.rules;

import static io.billwright.rules.fixtures.ContractBuilder.aContract;
import static io.billwright.rules.fixtures.TimeEntryBuilder.aTimeEntry;
import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.BillingEngine;
import io.billwright.engine.Outcome;
import io.billwright.engine.billing.PackageLine;
import io.billwright.engine.billing.QuantityUnit;
import io.billwright.engine.contract.Contract;
import io.billwright.engine.contract.ContractId;
import io.billwright.engine.event.BillingEvent;
import io.billwright.engine.event.BillingPeriod;
import io.billwright.engine.event.BillingPeriodClosed;
import io.billwright.engine.event.ContractReceived;
import io.billwright.engine.event.EventId;
import io.billwright.engine.event.TimeEntryRecorded;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.item.TimeEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A limit that cuts a charge leaves the line's quantity as recorded: the line keeps what the rules charged
 * (its gross) and says what the limit took off, and a remainder billed later is one of each, named after
 * the entry it is the rest of.
 */
class PackageLinePricingTest {

    private static final ContractId CONTRACT = new ContractId("C-1");
    private final BillingEngine engine = BillingEngine.using(DefaultRuleSet.load());
    private ContractState state = ContractState.empty(CONTRACT);
    private int events;

    @Test
    void aCapCutsTheAmountNeverTheHours() {
        apply(new ContractReceived(id(), aContract().withRate("CONSULTANT", "100.00").withCap("1000.00").build()));
        apply(new TimeEntryRecorded(id(), CONTRACT, entry("TE-1", "6", "2026-01-05")));
        apply(new TimeEntryRecorded(id(), CONTRACT, entry("TE-2", "7.5", "2026-01-06")));

        List<PackageLine> january = close("2026-01");

        assertThat(january).hasSize(2);
        PackageLine cut = january.get(1);
        assertThat(cut.quantity()).as("the hours as recorded").isEqualByComparingTo("7.5");
        assertThat(cut.unit()).isEqualTo(QuantityUnit.HOUR);
        assertThat(cut.gross().amount()).as("7.5 h at 100.00").isEqualByComparingTo("750.00");
        assertThat(cut.net().amount()).as("what the cap leaves").isEqualByComparingTo("400.00");
        assertThat(cut.adjustmentAmount().amount()).isEqualByComparingTo("-350.00");
        assertThat(cut.adjustment()).contains("Held over").contains("CAP_EXCEEDED").contains("not-to-exceed cap");
        assertThat(january.get(0).adjusted()).as("the first entry fits under the cap").isFalse();
        assertThat(january.get(0).gross()).isEqualTo(january.get(0).net());

        Contract raised = aContract().version(2).withRate("CONSULTANT", "100.00").withCap("5000.00").build();
        apply(new ContractReceived(id(), raised));
        List<PackageLine> february = close("2026-02");

        assertThat(february).singleElement().satisfies(remainder -> {
            assertThat(remainder.itemId()).isEqualTo("TE-2#excess");
            assertThat(remainder.unit()).as("a sum, not hours").isEqualTo(QuantityUnit.EACH);
            assertThat(remainder.quantity()).isEqualByComparingTo(BigDecimal.ONE);
            assertThat(remainder.net().amount()).isEqualByComparingTo("350.00");
            assertThat(remainder.adjusted()).isFalse();
            assertThat(remainder.description()).startsWith("Remainder of CONSULTANT 7.5 h (anna, 2026-01-06)")
                    .endsWith("held over the not-to-exceed cap");
        });
    }

    private List<PackageLine> close(String month) {
        LocalDate start = LocalDate.parse(month + "-01");
        Outcome outcome = apply(new BillingPeriodClosed(id(), CONTRACT,
                new BillingPeriod(month, start, start.withDayOfMonth(start.lengthOfMonth()))));
        assertThat(outcome.packages()).as("packages of " + month).hasSize(1);
        return outcome.packages().get(0).lines();
    }

    private Outcome apply(BillingEvent event) {
        Outcome outcome = engine.apply(event, state);
        state = outcome.state();
        return outcome;
    }

    private static TimeEntry entry(String id, String hours, String date) {
        return aTimeEntry().withId(id).withHours(hours).on(date).approved().build();
    }

    private EventId id() {
        return new EventId("msg-" + ++events);
    }
}
