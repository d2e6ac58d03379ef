package io.billwright.rules;

import static io.billwright.rules.fixtures.ContractBuilder.aContract;
import static io.billwright.rules.fixtures.TimeEntryBuilder.aTimeEntry;
import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.BillingEngine;
import io.billwright.engine.Outcome;
import io.billwright.engine.contract.ContractId;
import io.billwright.engine.decision.DecisionStatus;
import io.billwright.engine.event.BillingPeriod;
import io.billwright.engine.event.BillingPeriodClosed;
import io.billwright.engine.event.ContractReceived;
import io.billwright.engine.event.EventId;
import io.billwright.engine.event.TimeEntryRecorded;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.state.ContractState;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Properties of the decision path that every caller relies on. */
class BillingEngineTest {

    private static final RuleSet RULES = DefaultRuleSet.load();
    private static final ContractId CONTRACT = new ContractId("C-1");
    private final BillingEngine engine = BillingEngine.using(RULES);

    @Test
    void sameStateEventAndRuleSetGiveAnEqualOutcomeAtEveryStepOfAnEngagement() {
        // two engines over two separately compiled copies of the rule set, fed the example quarter
        BillingEngine other = BillingEngine.using(DefaultRuleSet.load());
        var events = new io.billwright.rules.scenario.ScenarioReader()
                .read(java.nio.file.Path.of("../examples/consulting-quarter.yaml")).steps().stream()
                .map(io.billwright.rules.scenario.Scenario.Step::event).toList();
        ContractState state = ContractState.empty(events.get(0).contractId());
        int packages = 0;
        for (var event : events) {
            Outcome first = engine.apply(event, state);
            Outcome second = other.apply(event, state);
            assertThat(second).as("outcome of %s", event.id()).isEqualTo(first);
            packages += first.packages().size();
            state = first.state();
        }
        assertThat(packages).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theStateNamesExactlyTheItemsEachEventChanged() {
        // what a store writes: the keys the state says changed, against a full comparison of the items
        var events = new io.billwright.rules.scenario.ScenarioReader()
                .read(java.nio.file.Path.of("../examples/consulting-quarter.yaml")).steps().stream()
                .map(io.billwright.rules.scenario.Scenario.Step::event).toList();
        ContractState state = ContractState.empty(events.get(0).contractId());
        int changed = 0;
        for (var event : events) {
            ContractState before = state;
            ContractState after = engine.apply(event, before).state();
            java.util.Set<String> differing = new java.util.HashSet<>();
            after.items().forEach((key, item) -> {
                if (!item.equals(before.items().get(key))) {
                    differing.add(key);
                }
            });
            before.items().keySet().stream().filter(key -> !after.items().containsKey(key)).forEach(differing::add);
            assertThat(after.changedItems()).as("changed by %s", event.id()).containsAll(differing);
            // a key named but unchanged would only cost a write; none is named that was not touched at all
            assertThat(after.changedItems()).allMatch(key -> after.items().get(key) != before.items().get(key));
            changed += differing.size();

            ContractState settled = after.settled();
            assertThat(settled.changedItems()).isEmpty();
            assertThat(settled).isEqualTo(after).hasSameHashCodeAs(after);
            state = settled;
        }
        assertThat(changed).isGreaterThan(events.size());
    }

    @Test
    void neverChangesTheStateItWasGiven() {
        ContractState state = withContract();
        ContractState copy = ContractState.empty(CONTRACT);
        copy = engine.apply(new ContractReceived(new EventId("m-1"), aContract().build()), copy).state();

        engine.apply(new TimeEntryRecorded(new EventId("m-2"), CONTRACT, aTimeEntry().approved().build()), state);

        assertThat(state).isEqualTo(copy);
        assertThat(state.items()).isEmpty();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        var event = new TimeEntryRecorded(new EventId("m-2"), CONTRACT, aTimeEntry().approved().build());
        ContractState after = engine.apply(event, withContract()).state();

        Outcome again = engine.apply(event, after);

        assertThat(again.duplicate()).isTrue();
        assertThat(again.decisions()).isEmpty();
        assertThat(again.state()).isSameAs(after);
    }

    @Test
    void recomputingTheSameTriggerYieldsTheSamePackageId() {
        ContractState state = engine.apply(new TimeEntryRecorded(new EventId("m-2"), CONTRACT,
                aTimeEntry().approved().build()), withContract()).state();
        var close = new BillingPeriodClosed(new EventId("m-3"), CONTRACT,
                new BillingPeriod("2026-01", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31")));
        var closeUnderAnotherMessageId = new BillingPeriodClosed(new EventId("m-3-replayed"), CONTRACT, close.period());

        var first = engine.apply(close, state).packages();
        var recomputed = engine.apply(closeUnderAnotherMessageId, state).packages();

        assertThat(first).singleElement().satisfies(p -> assertThat(p.id().value()).startsWith("PKG-"));
        assertThat(recomputed).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(first.get(0).id());
            assertThat(p.lines()).isEqualTo(first.get(0).lines());
            assertThat(p.totals()).isEqualTo(first.get(0).totals());
            assertThat(p.sourceEventIds()).containsExactly("m-2", "m-3-replayed");
        });
    }

    @Test
    void everyDecisionCarriesItsReceipt() {
        Outcome outcome = engine.apply(new TimeEntryRecorded(new EventId("m-2"), CONTRACT,
                aTimeEntry().withHours("7.5").approved().build()), withContract());

        assertThat(outcome.decisions()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DecisionStatus.ELIGIBLE);
            assertThat(d.amount().amount()).isEqualByComparingTo("900.00");
            assertThat(d.receipt().ruleSetVersion()).isEqualTo(RULES.version().toString());
            assertThat(d.receipt().rules()).containsExactly("T&M: approved billable hours at the rate card rate");
            assertThat(d.receipt().sourceEventIds()).containsExactly("m-2");
            assertThat(d.receipt().contractVersion()).isEqualTo(1);
        });
    }

    @Test
    void retentionIsSpreadOverTheLinesSoEveryTotalIsTheSumOfItsLines() {
        ContractState state = engine.apply(new ContractReceived(new EventId("m-1"),
                aContract().withRate("CONSULTANT", "33.33").withRetention("10").build()), ContractState.empty(CONTRACT))
                .state();
        for (int i = 1; i <= 3; i++) {
            state = engine.apply(new TimeEntryRecorded(new EventId("m-te-" + i), CONTRACT,
                    aTimeEntry().withId("TE-" + i).withHours("1").approved().build()), state).state();
        }

        var billingPackage = engine.apply(new BillingPeriodClosed(new EventId("m-close"), CONTRACT,
                new BillingPeriod("2026-01", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"))), state)
                .packages().get(0);

        assertThat(billingPackage.totals().net().amount()).isEqualByComparingTo("99.99");
        assertThat(billingPackage.totals().retentionWithheld().amount()).isEqualByComparingTo("10.00");
        assertThat(billingPackage.lines()).extracting(l -> l.retention().amount().toPlainString())
                .containsExactly("3.34", "3.33", "3.33");
        assertThat(billingPackage.lines().stream().map(l -> l.tax().amount()).reduce(java.math.BigDecimal.ZERO,
                java.math.BigDecimal::add)).isEqualByComparingTo(billingPackage.totals().tax().amount());
        assertThat(billingPackage.totals().amountDue().amount()).isEqualByComparingTo("108.98"); // 99.99 + 3 x 6.33 - 10.00
    }

    @Test
    void anEntryDatedInAClosedPeriodGoesOnTheNextPackageMarkedPriorPeriod() {
        ContractState state = withContract();
        state = engine.apply(new TimeEntryRecorded(new EventId("m-2"), CONTRACT,
                aTimeEntry().withId("JAN-5").on("2026-01-05").approved().build()), state).state();
        Outcome january = engine.apply(new BillingPeriodClosed(new EventId("m-3"), CONTRACT, new BillingPeriod(
                "2026-01", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"))), state);
        state = january.state();
        state = engine.apply(new TimeEntryRecorded(new EventId("m-4"), CONTRACT,
                aTimeEntry().withId("JAN-30").on("2026-01-30").approved().build()), state).state();
        state = engine.apply(new TimeEntryRecorded(new EventId("m-5"), CONTRACT,
                aTimeEntry().withId("FEB-2").on("2026-02-02").approved().build()), state).state();

        Outcome february = engine.apply(new BillingPeriodClosed(new EventId("m-6"), CONTRACT, new BillingPeriod(
                "2026-02", LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28"))), state);

        assertThat(january.packages()).singleElement().satisfies(pkg -> assertThat(pkg.lines())
                .extracting(line -> line.itemId() + " " + line.priorPeriod()).containsExactly("JAN-5 false"));
        assertThat(february.packages()).singleElement().satisfies(pkg -> assertThat(pkg.lines())
                .extracting(line -> line.itemId() + " " + line.priorPeriod())
                .containsExactlyInAnyOrder("JAN-30 true", "FEB-2 false"));
    }

    private ContractState withContract() {
        return engine.apply(new ContractReceived(new EventId("m-1"), aContract().build()),
                ContractState.empty(CONTRACT)).state();
    }
}
