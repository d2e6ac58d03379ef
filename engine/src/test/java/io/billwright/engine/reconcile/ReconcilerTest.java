package io.billwright.engine.reconcile;

import static io.billwright.engine.fixtures.ContractBuilder.aContract;
import static io.billwright.engine.fixtures.Engagement.anEngagement;
import static io.billwright.engine.fixtures.Engagement.day;
import static io.billwright.engine.fixtures.TimeEntryBuilder.aTimeEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.fixtures.Engagement;
import io.billwright.engine.state.BilledLine;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.state.ItemRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

    /**
     * Cap 1,000.00 at 120.00 an hour, 10 % retention. January: TE-1 5 h = 600.00; TE-2 5 h = 600.00 of which
     * 400.00 fits under the cap and 200.00 is held (TE-2#excess); TE-3 submitted (held, priced at nothing); TE-4
     * non-billable (rejected). The close bills 1,000.00, VAT 190.00, retention 100.00. February: TE-5 2 h = 240.00,
     * held whole, the cap being used up.
     */
    private static Engagement capped() {
        return anEngagement()
                .contract(aContract().withCap("1000.00").withRetention("10"))
                .time(aTimeEntry("TE-1").on("2026-01-05").withHours("5").approved())
                .time(aTimeEntry("TE-2").on("2026-01-06").withHours("5").approved())
                .time(aTimeEntry("TE-3").on("2026-01-07").withHours("3"))
                .time(aTimeEntry("TE-4").on("2026-01-08").withHours("2").approved().nonBillable())
                .close("2026-01")
                .time(aTimeEntry("TE-5").on("2026-02-02").withHours("2").approved());
    }

    @Test
    void timeAndMaterialsWithACapAndHeldItemsBalances() {
        ContractReconciliation r = Reconciler.reconcile(capped().state(), day("2026-02-28"));

        assertThat(r.contractId()).isEqualTo("C-1");
        assertThat(r.currency()).isEqualTo("EUR");
        assertThat(r.cap()).isEqualByComparingTo("1000.00");
        assertThat(r.contractValue()).isNull();
        // 600.00 + 400.00 billed, 200.00 + 0.00 + 240.00 held, 0.00 rejected
        assertThat(r.recorded()).isEqualTo(new Tally(6, new BigDecimal("1440.00")));
        assertThat(r.billedNet()).isEqualTo(new Tally(2, new BigDecimal("1000.00")));
        assertThat(r.tax()).isEqualByComparingTo("190.00");
        assertThat(r.retained()).isEqualByComparingTo("100.00");
        assertThat(r.released()).isEqualByComparingTo("0.00");
        assertThat(r.eligibleUnbilled()).isEqualTo(new Tally(0, new BigDecimal("0.00")));
        assertThat(r.held()).isEqualTo(new Tally(3, new BigDecimal("440.00")));
        assertThat(r.heldByReason()).containsExactly(Map.entry("AWAITING_APPROVAL", new BigDecimal("0.00")),
                Map.entry("CAP_EXCEEDED", new BigDecimal("440.00")));
        assertThat(r.heldCountByReason()).containsExactly(Map.entry("AWAITING_APPROVAL", 1),
                Map.entry("CAP_EXCEEDED", 2));
        assertThat(r.rejected().count()).isEqualTo(1);
        assertThat(r.rejected().amount()).isEqualByComparingTo("0.00");
        assertThat(r.tracked()).isEqualTo(new Tally(0, new BigDecimal("0.00")));
        assertThat(r.credited()).isEqualTo(new Tally(0, new BigDecimal("0.00")));
        assertThat(r.headroom()).isEqualByComparingTo("0.00"); // 1,000.00 - 1,000.00 billed - 0.00 eligible
        assertThat(r.breaks()).isEmpty();
        assertThat(r.balanced()).isTrue();
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void leavesOutItemsDatedAfterTheDayAndSaysHowMany() {
        ContractReconciliation r = Reconciler.reconcile(capped().state(), day("2026-01-31"));

        assertThat(r.recorded()).isEqualTo(new Tally(5, new BigDecimal("1200.00")));
        assertThat(r.held()).isEqualTo(new Tally(2, new BigDecimal("200.00")));
        assertThat(r.heldByReason()).containsEntry("CAP_EXCEEDED", new BigDecimal("200.00"));
        assertThat(r.notes()).containsExactly("1 item(s) dated after 2026-01-31 left out");
        assertThat(r.balanced()).isTrue();
    }

    @Test
    void theVersionInForceOnTheDayGivesTheCapAndItsHeadroom() {
        // v2 from 1 February raises the cap to 2,000.00: TE-5's 240.00 is released (eligible) and the remainder too
        Engagement raised = capped().contract(aContract().version(2, "2026-02-01").withCap("2000.00").withRetention("10"));

        ContractReconciliation january = Reconciler.reconcile(raised.state(), day("2026-01-31"));
        ContractReconciliation february = Reconciler.reconcile(raised.state(), day("2026-02-28"));

        assertThat(january.cap()).isEqualByComparingTo("1000.00");
        assertThat(february.cap()).isEqualByComparingTo("2000.00");
        assertThat(february.eligibleUnbilled()).isEqualTo(new Tally(2, new BigDecimal("440.00")));
        assertThat(february.held()).isEqualTo(new Tally(1, new BigDecimal("0.00"))); // TE-3, submitted
        assertThat(february.headroom()).isEqualByComparingTo("560.00"); // 2,000.00 - 1,000.00 - 440.00
        assertThat(february.balanced()).isTrue();
    }

    /**
     * TE-1 8 h and TE-2 8 h billed in January (1,920.00, VAT 364.80). TE-1 is cut to 6 h: 240.00 credited, the line
     * keeps 720.00 (VAT 136.80). TE-2 is rejected by the approver: its line is credited in full (960.00, VAT
     * 182.40) and TE-2 is now rejected. February's close issues the credit note.
     */
    private static Engagement creditedTwice() {
        return anEngagement()
                .contract(aContract())
                .time(aTimeEntry("TE-1").on("2026-01-05").withHours("8").approved())
                .time(aTimeEntry("TE-2").on("2026-01-06").withHours("8").approved())
                .close("2026-01")
                .time(aTimeEntry("TE-1").on("2026-01-05").withHours("6").approved())
                .time(aTimeEntry("TE-2").on("2026-01-06").withHours("8").rejected());
    }

    @Test
    void billedThenCreditedCountsTheCreditsApartFromTheItems() {
        Engagement engagement = creditedTwice();

        ContractReconciliation waiting = Reconciler.reconcile(engagement.state(), day("2026-01-31"));

        assertThat(waiting.recorded()).isEqualTo(new Tally(2, new BigDecimal("720.00")));
        assertThat(waiting.billedNet()).isEqualTo(new Tally(1, new BigDecimal("720.00")));
        assertThat(waiting.tax()).isEqualByComparingTo("136.80");
        assertThat(waiting.rejected()).isEqualTo(new Tally(1, new BigDecimal("0.00"))); // TE-2, priced at nothing
        assertThat(waiting.credited()).isEqualTo(new Tally(2, new BigDecimal("1200.00")));
        assertThat(waiting.creditsWaiting()).isEqualTo(new Tally(2, new BigDecimal("1200.00")));
        assertThat(waiting.breaks()).isEmpty();

        ContractReconciliation issued = Reconciler.reconcile(engagement.close("2026-02").state(), day("2026-02-28"));

        assertThat(engagement.last().packages()).singleElement()
                .satisfies(note -> assertThat(note.totals().net().amount()).isEqualByComparingTo("1200.00"));
        assertThat(issued.credited()).isEqualTo(new Tally(2, new BigDecimal("1200.00")));
        assertThat(issued.creditsWaiting()).isEqualTo(new Tally(0, new BigDecimal("0.00")));
        assertThat(issued.billedNet()).isEqualTo(new Tally(1, new BigDecimal("720.00")));
        assertThat(issued.balanced()).isTrue();
    }

    @Test
    void fixedFeeTracksHoursAndBillsInstalments() {
        Engagement engagement = anEngagement()
                .contract(aContract().fixedFee().worth("10000.00")
                        .withInstalment("I1", "2026-01-31", "5000.00").withInstalment("I2", "2026-02-28", "5000.00"))
                .time(aTimeEntry("TE-1").on("2026-01-05").withHours("8").approved())
                .time(aTimeEntry("TE-2").on("2026-01-06").withHours("7.5").approved())
                .close("2026-01");

        ContractReconciliation r = Reconciler.reconcile(engagement.state(), day("2026-01-31"));

        assertThat(r.tracked()).isEqualTo(new Tally(2, new BigDecimal("0.00")));
        assertThat(r.trackedHours()).isEqualByComparingTo("15.5");
        assertThat(r.billedNet()).isEqualTo(new Tally(1, new BigDecimal("5000.00")));
        assertThat(r.tax()).isEqualByComparingTo("950.00");
        assertThat(r.recorded()).isEqualTo(new Tally(3, new BigDecimal("5000.00")));
        assertThat(r.contractValue()).isEqualByComparingTo("10000.00");
        assertThat(r.cap()).isNull();
        assertThat(r.headroom()).isEqualByComparingTo("5000.00"); // the value less what is billed
        assertThat(r.balanced()).isTrue();
    }

    @Test
    void aStateWhoseFiguresContradictEachOtherBreaksNamingTheItem() {
        ContractState state = capped().state();
        ItemRecord te5 = state.items().get("TIME_ENTRY:TE-5");
        ItemRecord te1 = state.items().get("TIME_ENTRY:TE-1");
        BilledLine line = te1.billedLine();
        // TE-5 held, yet counted as eligible too; TE-1 billed for more than its invoice line carries
        ContractState broken = state
                .withItem(copy(te5, DecisionStatus.HELD, new BigDecimal("240.00"), te5.billed(), te5.billedLine()))
                .withItem(copy(te1, te1.status(), te1.pending(), new BigDecimal("650.00"), line));

        ContractReconciliation r = Reconciler.reconcile(broken, day("2026-02-28"));

        assertThat(r.balanced()).isFalse();
        assertThat(r.breaks()).contains(
                "TE-5 is HELD CAP_EXCEEDED but counts 240.00 as eligible to bill",
                "TE-1 is billed for 650.00 but its line 1 of " + line.packageId() + " carries 600.00 net",
                "the recorded items (6, 1730.00) are not what eligible, billed, held, tracked and rejected add up"
                        + " to (6, 1490.00)",
                "the not-to-exceed position counts 1000.00 used, but the time entries, expenses and remainders"
                        + " eligible or billed add up to 1290.00");
    }

    @Test
    void aRecordWrittenBeforeAmountsWereKeptCountsAtZeroWithANote() {
        ContractState state = capped().state();
        ItemRecord te5 = state.items().get("TIME_ENTRY:TE-5");
        ItemRecord old = new ItemRecord(te5.item(), te5.kind(), te5.date(), te5.milestoneId(), te5.status(),
                te5.reason(), te5.pending(), te5.billed(), te5.drawnHours(), te5.packageId(), te5.receipt(),
                te5.sourceEvents(), te5.description(), te5.quantity(), te5.gross(), te5.adjustment(), te5.billedLine(),
                null);

        ContractReconciliation r = Reconciler.reconcile(state.withItem(old), day("2026-02-28"));

        assertThat(r.held()).isEqualTo(new Tally(3, new BigDecimal("200.00")));
        assertThat(r.notes()).containsExactly("1 held or rejected item(s) were decided before their amounts were"
                + " kept: counted at 0 until they are decided again");
        assertThat(r.balanced()).isTrue();
    }

    @Test
    void aContractNotInForceYetHasNoValueOrCap() {
        ContractReconciliation r = Reconciler.reconcile(capped().state(), day("2025-12-31"));

        assertThat(r.cap()).isNull();
        assertThat(r.headroom()).isNull();
        assertThat(r.currency()).isEqualTo("EUR");
        assertThat(r.recorded()).isEqualTo(new Tally(0, new BigDecimal("0.00")));
        assertThat(r.notes()).contains("no contract version is in force on 2025-12-31: the currency is v1's; no"
                + " contract value or cap");
    }

    @Test
    void balancedMustAgreeWithTheBreaks() {
        ContractReconciliation r = Reconciler.reconcile(capped().state(), day("2026-02-28"));

        assertThatThrownBy(() -> new ContractReconciliation(r.contractId(), r.asOf(), r.currency(), r.contractValue(),
                r.cap(), r.recorded(), r.eligibleUnbilled(), r.billedNet(), r.tax(), r.retained(), r.released(),
                r.held(), r.heldByReason(), r.heldCountByReason(), r.tracked(), r.trackedHours(), r.rejected(), r.writtenOff(),
                r.credited(), r.creditsWaiting(), r.headroom(), true, List.of("a break"), r.notes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("contract C-1: balanced must be false with 1 break(s)");
    }

    private static ItemRecord copy(ItemRecord r, DecisionStatus status, BigDecimal pending, BigDecimal billed,
                                   BilledLine line) {
        return new ItemRecord(r.item(), r.kind(), r.date(), r.milestoneId(), status, r.reason(), pending, billed,
                r.drawnHours(), r.packageId(), r.receipt(), r.sourceEvents(), r.description(), r.quantity(), r.gross(),
                r.adjustment(), line, r.decided());
    }
}
