package io.billwright.engine;

import static io.billwright.engine.fixtures.ContractBuilder.aContract;
import static io.billwright.engine.fixtures.Engagement.anEngagement;
import static io.billwright.engine.fixtures.Engagement.day;
import static io.billwright.engine.fixtures.TimeEntryBuilder.aTimeEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billwright.engine.contract.ContractId;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.decision.ReasonCode;
import io.billwright.engine.event.EventId;
import io.billwright.engine.event.ManualAction;
import io.billwright.engine.event.ManualDecision;
import io.billwright.engine.fixtures.Engagement;
import io.billwright.engine.reconcile.ContractReconciliation;
import io.billwright.engine.reconcile.Reconciler;
import io.billwright.engine.reconcile.Tally;
import io.billwright.engine.ruleset.EngineRule;
import io.billwright.engine.state.ContractState;
import io.billwright.engine.state.ItemRecord;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ManualDecisionTest {

    private static final String RELEASED = EngineRule.MANUAL_RELEASE.ruleName();
    private static final String WRITTEN_OFF = EngineRule.MANUAL_WRITE_OFF.ruleName();

    /**
     * Cap 1,000.00 at 120.00 an hour: TE-1 5 h = 600.00; TE-2 5 h, 400.00 within the cap and 200.00 held
     * (EXCESS:TIME_ENTRY:TE-2); TE-3 submitted (held, priced at nothing). January's close bills 1,000.00. TE-4 in
     * February, 2 h = 240.00, is held whole.
     */
    private static Engagement capped() {
        return anEngagement()
                .contract(aContract().withCap("1000.00"))
                .time(aTimeEntry("TE-1").on("2026-01-05").withHours("5").approved())
                .time(aTimeEntry("TE-2").on("2026-01-06").withHours("5").approved())
                .time(aTimeEntry("TE-3").on("2026-01-07").withHours("3"))
                .close("2026-01")
                .time(aTimeEntry("TE-4").on("2026-02-02").withHours("2").approved());
    }

    @Test
    void aReleasedRemainderIsEligibleForWhatItWasHeldForAndBilledAtTheNextClose() {
        Engagement engagement = capped().byHand("EXCESS:TIME_ENTRY:TE-2", ManualAction.RELEASE,
                "client agreed to the overrun by email of 3 Feb");

        assertThat(engagement.last().decisions()).singleElement().satisfies(d -> {
            assertThat(d.itemId()).isEqualTo("TE-2#excess");
            assertThat(d.status()).isEqualTo(DecisionStatus.ELIGIBLE);
            assertThat(d.reason()).isNull();
            assertThat(d.amount().amount()).isEqualByComparingTo("200.00");
            assertThat(d.receipt().rules()).endsWith(RELEASED)
                    .contains("Test: the cap holds what would exceed it");
            assertThat(d.receipt().sourceEventIds()).endsWith("m-7");
            assertThat(d.detail()).isEqualTo("released by hand despite the hold (CAP_EXCEEDED): \"client agreed to"
                    + " the overrun by email of 3 Feb\"; requested by fiona@firm.example, approved by"
                    + " oscar@firm.example (request REQ-7)");
        });
        assertThat(engagement.state().capConsumed()).isEqualByComparingTo("1200.00");

        engagement.close("2026-02");

        assertThat(engagement.last().packages()).singleElement().satisfies(pkg -> {
            assertThat(pkg.totals().net().amount()).isEqualByComparingTo("200.00"); // TE-4 stays held: no room
            assertThat(pkg.lines()).singleElement().satisfies(line -> {
                assertThat(line.itemId()).isEqualTo("TE-2#excess");
                assertThat(line.receipt().rules()).contains(RELEASED);
            });
        });
        ContractReconciliation r = Reconciler.reconcile(engagement.state(), day("2026-02-28"));
        assertThat(r.billedNet()).isEqualTo(new Tally(3, new BigDecimal("1200.00")));
        assertThat(r.headroom()).isEqualByComparingTo("-200.00");
        assertThat(r.balanced()).isTrue();
    }

    @Test
    void aWrittenOffItemIsRejectedAndNotDecidedAgainWhenTheCapIsRaised() {
        Engagement engagement = capped().byHand("TIME_ENTRY:TE-4", ManualAction.WRITE_OFF, "goodwill: rework");

        assertThat(engagement.last().decisions()).singleElement().satisfies(d -> {
            assertThat(d.itemId()).isEqualTo("TE-4");
            assertThat(d.status()).isEqualTo(DecisionStatus.REJECTED);
            assertThat(d.reason()).isEqualTo(ReasonCode.WRITTEN_OFF);
            assertThat(d.amount().amount()).isEqualByComparingTo("240.00");
            assertThat(d.receipt().rules()).endsWith(WRITTEN_OFF);
            assertThat(d.detail()).startsWith("written off by hand while held (CAP_EXCEEDED): \"goodwill: rework\";"
                    + " requested by fiona@firm.example, approved by oscar@firm.example");
        });

        // v2 raises the cap: the remainder the cap held is released by the rules, the written-off entry is not
        engagement.contract(aContract().version(2, "2026-01-01").withCap("5000.00"));

        assertThat(engagement.last().decisions()).extracting(d -> d.itemId() + " " + d.status())
                .containsExactly("TE-2#excess ELIGIBLE");
        ItemRecord te4 = engagement.state().items().get("TIME_ENTRY:TE-4");
        assertThat(te4.status()).isEqualTo(DecisionStatus.REJECTED);
        assertThat(te4.reason()).isEqualTo(ReasonCode.WRITTEN_OFF);
        ContractReconciliation r = Reconciler.reconcile(engagement.state(), day("2026-02-28"));
        assertThat(r.writtenOff()).isEqualTo(new Tally(1, new BigDecimal("240.00")));
        assertThat(r.rejected()).isEqualTo(new Tally(1, new BigDecimal("240.00")));
        assertThat(r.balanced()).isTrue();
    }

    @Test
    void aReleasedItemIsNotHeldAgainWhenAnAmendmentDecidesTheOthersAgain() {
        Engagement engagement = capped().byHand("TIME_ENTRY:TE-4", ManualAction.RELEASE, "client approved");
        ItemRecord released = engagement.state().items().get("TIME_ENTRY:TE-4");

        // v2 changes nothing about the cap: without the release, TE-4 would be held again for want of room
        engagement.contract(aContract().version(2, "2026-01-01").withCap("1000.00"));

        assertThat(engagement.last().decisions()).extracting(d -> d.itemId()).doesNotContain("TE-4");
        assertThat(engagement.state().items().get("TIME_ENTRY:TE-4")).isEqualTo(released);
        assertThat(released.status()).isEqualTo(DecisionStatus.ELIGIBLE);
        assertThat(released.pending()).isEqualByComparingTo("240.00");
        assertThat(Reconciler.reconcile(engagement.state(), day("2026-02-28")).balanced()).isTrue();
    }

    @Test
    void aChangeOfTheItemItselfDecidesItAgainAsNew() {
        Engagement engagement = capped().byHand("TIME_ENTRY:TE-3", ManualAction.WRITE_OFF, "duplicate of TE-1");

        assertThat(engagement.last().decisions()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(ReasonCode.WRITTEN_OFF);
            assertThat(d.amount().amount()).isEqualByComparingTo("0.00"); // held for approval, priced at nothing
        });

        engagement.time(aTimeEntry("TE-3").on("2026-01-07").withHours("3").approved());

        assertThat(engagement.last().decisions()).singleElement().satisfies(d -> {
            assertThat(d.itemId()).isEqualTo("TE-3");
            assertThat(d.status()).isEqualTo(DecisionStatus.HELD);
            assertThat(d.reason()).isEqualTo(ReasonCode.CAP_EXCEEDED); // the cap has no room left
            assertThat(d.receipt().rules()).doesNotContain(WRITTEN_OFF);
        });
    }

    @Test
    void anItemThatIsNotHeldIsLeftAsItIsWithANoteSayingWhy() {
        Engagement engagement = capped();
        ContractState before = engagement.state();

        engagement.byHand("TIME_ENTRY:TE-1", ManualAction.WRITE_OFF, "wrong client");
        assertThat(engagement.last().decisions()).isEmpty();
        assertThat(engagement.last().notes()).singleElement().asString()
                .startsWith("write-off of TIME_ENTRY:TE-1 (request REQ-7): TE-1 was billed in PKG-")
                .endsWith("only a held item can be released or written off, a billed one is corrected by a credit"
                        + " note; nothing changed");

        engagement.byHand("TIME_ENTRY:TE-9", ManualAction.RELEASE, "client approved");
        assertThat(engagement.last().decisions()).isEmpty();
        assertThat(engagement.last().notes()).singleElement().asString()
                .startsWith("release of TIME_ENTRY:TE-9 (request REQ-8): contract C-1 has no such item; nothing"
                        + " changed");

        engagement.byHand("TIME_ENTRY:TE-4", ManualAction.RELEASE, "client approved")
                .byHand("TIME_ENTRY:TE-4", ManualAction.WRITE_OFF, "changed our mind");
        assertThat(engagement.last().decisions()).isEmpty();
        assertThat(engagement.last().notes()).containsExactly("write-off of TIME_ENTRY:TE-4 (request REQ-10): TE-4 is"
                + " ELIGIBLE by hand, not held; only a held item can be released or written off; nothing changed");

        assertThat(engagement.state().items().get("TIME_ENTRY:TE-1")).isEqualTo(before.items().get("TIME_ENTRY:TE-1"));
    }

    @Test
    void aHoldTheRulesPricedAtNothingCannotBeReleased() {
        Engagement engagement = capped();
        ItemRecord held = engagement.state().items().get("TIME_ENTRY:TE-3");

        engagement.byHand("TIME_ENTRY:TE-3", ManualAction.RELEASE, "approve it anyway");

        assertThat(engagement.last().decisions()).isEmpty();
        assertThat(engagement.last().notes()).singleElement().asString().contains("TE-3 is held (AWAITING_APPROVAL)"
                + " for 0.00: the rules priced nothing, so there is nothing to bill; nothing changed");
        assertThat(engagement.state().items().get("TIME_ENTRY:TE-3")).isEqualTo(held);
    }

    @Test
    void aManualDecisionNeedsTwoPeopleAndAReason() {
        ContractId contract = new ContractId("C-1");
        assertThatThrownBy(() -> new ManualDecision(new EventId("m"), contract, "TIME_ENTRY:TE-1", ManualAction.RELEASE,
                "ok", "fiona@firm.example", "Fiona@Firm.example", "REQ-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("approvedBy: 'Fiona@Firm.example' also requested the decision; a manual decision needs a"
                        + " second person's approval");
        assertThatThrownBy(() -> new ManualDecision(new EventId("m"), contract, "TIME_ENTRY:TE-1", ManualAction.RELEASE,
                " ", "fiona@firm.example", "oscar@firm.example", "REQ-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reason: required, and not blank");
    }
}
