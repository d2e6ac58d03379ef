package io.billwright.messaging.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison on its own: evidence in, drifts with their causes out. */
class ReconciliationTest {

    private static final String CONTRACT = "C-7";
    private static final String DEFAULT = "default@1111";
    private static final Instant T = Instant.parse("2026-02-01T10:00:00Z");
    private static final Positions POSITIONS = new Positions(new BigDecimal("800.00"), BigDecimal.ZERO, false);

    private static ItemView held() {
        return new ItemView("TIME_ENTRY:TE-3", "TE-3", "HELD", "AWAITING_CONTRACT", null, null, null, null, null);
    }

    private static ItemView eligible(String pending) {
        return new ItemView("TIME_ENTRY:TE-3", "TE-3", "ELIGIBLE", null, new BigDecimal(pending), null,
                new BigDecimal(pending), null, "EUR");
    }

    private static ItemView billed(String amount, String packageId) {
        return new ItemView("TIME_ENTRY:TE-3", "TE-3", "ELIGIBLE", null, BigDecimal.ZERO, new BigDecimal(amount),
                new BigDecimal(amount), packageId, "EUR");
    }

    private static PackageFigures pkg(String id, String net, String version, String messageId) {
        return new PackageFigures(id, CONTRACT, "EUR", new BigDecimal(net), new BigDecimal("0.00"),
                new BigDecimal("0.00"), new BigDecimal(net), 1, version, messageId);
    }

    private static IssuedPackage issued(PackageFigures figures, Instant confirmedAt) {
        return new IssuedPackage(figures, T, confirmedAt, null);
    }

    private static OutboxState sent(String id) {
        return new OutboxState(id, T, T.plusSeconds(1), null, 1, null);
    }

    private static ReplayedContract replay(Map<String, ItemView> items, Map<String, List<ItemStep>> histories,
                                           List<PackageFigures> packages, List<ReleaseGap> gaps, String failure) {
        return new ReplayedContract(CONTRACT, 3, items, histories, POSITIONS, "EUR", true, packages,
                Map.of("msg-1", DEFAULT, "msg-2", DEFAULT, "msg-3", DEFAULT), gaps, failure);
    }

    private static StoredContract stored(ItemView item) {
        return new StoredContract(CONTRACT, true, null, Map.of(item.key(), item), POSITIONS);
    }

    private static List<ItemStep> history(ItemView... steps) {
        return java.util.stream.IntStream.range(0, steps.length)
                .mapToObj(i -> new ItemStep(steps[i], i + 1, "msg-" + (i + 1), "io.billwright.timeentry.recorded.v1"))
                .toList();
    }

    @Test
    void anItemStoredAsAnEarlierMessageLeftItIsBehindTheEventLog() {
        ItemView replayed = eligible("800.00");
        ContractEvidence evidence = new ContractEvidence(CONTRACT, stored(held()),
                replay(Map.of(replayed.key(), replayed), Map.of(replayed.key(), history(held(), replayed)), List.of(),
                        List.of(), null), List.of(), Map.of());

        List<Drift> drifts = Reconciliation.drifts(evidence);

        assertThat(drifts).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.ITEM_DIFFERS);
            assertThat(drift.subject()).isEqualTo("TE-3");
            assertThat(drift.text()).startsWith("item TE-3 of C-7: stored HELD AWAITING_CONTRACT, replay ELIGIBLE"
                    + " 800.00 EUR: the stored state is behind the event log")
                    .contains("as message msg-1 (timeentry.recorded.v1, seq 1) left it")
                    .contains("misses message msg-2 (timeentry.recorded.v1, seq 2)");
        });
    }

    @Test
    void anItemTheReplayNeverLeftAsStoredWasChangedOutsideTheEngine() {
        ItemView replayed = billed("800.00", "PKG-1");
        ItemView tampered = new ItemView(replayed.key(), "TE-3", "HELD", null, BigDecimal.ZERO,
                new BigDecimal("800.00"), new BigDecimal("800.00"), "PKG-1", "EUR");
        ContractEvidence evidence = new ContractEvidence(CONTRACT, stored(tampered),
                replay(Map.of(replayed.key(), replayed), Map.of(replayed.key(), history(eligible("800.00"), replayed)),
                        List.of(), List.of(), null), List.of(), Map.of());

        assertThat(Reconciliation.drifts(evidence)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.ITEM_DIFFERS);
            assertThat(drift.stored()).isEqualTo("HELD 800.00 EUR billed in PKG-1");
            assertThat(drift.replayed()).isEqualTo("ELIGIBLE 800.00 EUR billed in PKG-1");
            assertThat(drift.cause()).contains("matches the replay at no point").contains("changed outside the engine");
        });
    }

    @Test
    void theSameFiguresAtAnotherScaleAreNoDrift() {
        ItemView replayed = billed("800.00", "PKG-1");
        ItemView fromDatabase = billed("800.0000", "PKG-1");
        PackageFigures replayedPackage = pkg("PKG-1", "800.00", DEFAULT, "msg-3");
        PackageFigures storedPackage = pkg("PKG-1", "800.0000", DEFAULT, "msg-3");
        ContractEvidence evidence = new ContractEvidence(CONTRACT, stored(fromDatabase),
                replay(Map.of(replayed.key(), replayed), Map.of(), List.of(replayedPackage), List.of(), null),
                List.of(issued(storedPackage, T.plusSeconds(1))), Map.of("PKG-1", sent("PKG-1")));

        assertThat(Reconciliation.drifts(evidence)).isEmpty();
    }

    @Test
    void aPackageTheReplayIssuesAndTheDatabaseLacksSaysTheErpHasItWhenItsOutboxRowWasSent() {
        PackageFigures replayed = pkg("PKG-1", "800.00", DEFAULT, "msg-3");
        ContractEvidence evidence = new ContractEvidence(CONTRACT, stored(billed("800.00", "PKG-1")),
                replay(Map.of("TIME_ENTRY:TE-3", billed("800.00", "PKG-1")), Map.of(), List.of(replayed), List.of(),
                        null), List.of(), Map.of("PKG-1", sent("PKG-1")));

        assertThat(Reconciliation.drifts(evidence)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.PACKAGE_NOT_ISSUED);
            assertThat(drift.text()).startsWith("package PKG-1 of contract C-7: the replay issues it (net 800.00, tax"
                    + " 0.00, due 800.00 EUR, 1 line, on message msg-3), the database has no such package")
                    .contains("its outbox row was sent to the broker at " + T.plusSeconds(1) + ", so the ERP has it")
                    .contains("billing_package row was deleted or lost");
        });
    }

    @Test
    void aPackageOnlyTheDatabaseHoldsNamesTheReleaseThatIssuedItAndTheReplays() {
        PackageFigures storedPackage = pkg("PKG-9", "950.00", "acme-2026.07@2222", "msg-3");
        ContractEvidence evidence = new ContractEvidence(CONTRACT, stored(eligible("800.00")),
                replay(Map.of("TIME_ENTRY:TE-3", eligible("800.00")), Map.of(), List.of(), List.of(), null),
                List.of(issued(storedPackage, T)), Map.of("PKG-9", sent("PKG-9")));

        assertThat(Reconciliation.drifts(evidence)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.PACKAGE_NOT_REPLAYED);
            assertThat(drift.text()).isEqualTo("package PKG-9 of contract C-7: in the database (net 950.00, tax 0.00,"
                    + " due 950.00 EUR, 1 line), not produced by the replay (issued by acme-2026.07@2222 on message"
                    + " msg-3; the replay used default@1111: the rule sets differ)");
        });
    }

    @Test
    void aPackageWithOtherFiguresListsEachFigure() {
        ContractEvidence evidence = new ContractEvidence(CONTRACT, stored(billed("800.00", "PKG-1")),
                replay(Map.of("TIME_ENTRY:TE-3", billed("800.00", "PKG-1")), Map.of(),
                        List.of(pkg("PKG-1", "800.00", DEFAULT, "msg-3")), List.of(), null),
                List.of(issued(pkg("PKG-1", "850.0000", DEFAULT, "msg-3"), T)), Map.of("PKG-1", sent("PKG-1")));

        assertThat(Reconciliation.drifts(evidence)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.PACKAGE_DIFFERS);
            assertThat(drift.text()).contains("net 850.00 EUR, replay 800.00 EUR")
                    .contains("amount due 850.00 EUR, replay 800.00 EUR")
                    .contains("the same rule set (default@1111) gives other figures");
        });
    }

    @Test
    void aParkedOutboxRowIsANeverConfirmedPackageWithTheRelaysError() {
        PackageFigures figures = pkg("PKG-1", "800.00", DEFAULT, "msg-3");
        OutboxState parked = new OutboxState("PKG-1", T, null, T.plusSeconds(60), 5, "NOT_FOUND - no exchange");
        ContractEvidence evidence = new ContractEvidence(CONTRACT, stored(billed("800.00", "PKG-1")),
                replay(Map.of("TIME_ENTRY:TE-3", billed("800.00", "PKG-1")), Map.of(), List.of(figures), List.of(),
                        null), List.of(issued(figures, null)), Map.of("PKG-1", parked));

        assertThat(Reconciliation.drifts(evidence)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.OUTBOX_PARKED);
            assertThat(drift.kind().area()).isEqualTo(DriftKind.Area.BROKER);
            assertThat(drift.text()).startsWith("package PKG-1 of contract C-7: issued, never confirmed by the broker"
                    + " (outbox row parked at " + T.plusSeconds(60) + " after 5 attempt(s): NOT_FOUND - no exchange)")
                    .contains("the ERP has not received it");
        });
    }

    @Test
    void aParkedOutboxRowOfAPackageConfirmedBeforeSaysALaterSendWasGivenUp() {
        PackageFigures figures = pkg("PKG-1", "800.00", DEFAULT, "msg-3");
        OutboxState parked = new OutboxState("PKG-1", T, null, T.plusSeconds(60), 1, "channel closed");
        ContractEvidence evidence = new ContractEvidence(CONTRACT, stored(billed("800.00", "PKG-1")),
                replay(Map.of("TIME_ENTRY:TE-3", billed("800.00", "PKG-1")), Map.of(), List.of(figures), List.of(),
                        null), List.of(issued(figures, T.plusSeconds(1))), Map.of("PKG-1", parked));

        assertThat(Reconciliation.drifts(evidence)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.OUTBOX_PARKED);
            assertThat(drift.text()).isEqualTo("package PKG-1 of contract C-7: issued and confirmed by the broker at "
                    + T.plusSeconds(1) + ", but its outbox row parked at " + T.plusSeconds(60) + " after 1 attempt(s):"
                    + " channel closed: a later send of it (a resend) was given up: ask the ERP whether it has the"
                    + " package, and publish it again if not");
        });
    }

    @Test
    void anUnsentOutboxRowAMissingOneAndAnUnrecordedConfirmAreEachDrift() {
        PackageFigures one = pkg("PKG-1", "100.00", DEFAULT, "msg-1");
        PackageFigures two = pkg("PKG-2", "200.00", DEFAULT, "msg-2");
        PackageFigures three = pkg("PKG-3", "300.00", DEFAULT, "msg-3");
        ContractEvidence evidence = new ContractEvidence(CONTRACT, stored(eligible("800.00")),
                replay(Map.of("TIME_ENTRY:TE-3", eligible("800.00")), Map.of(), List.of(one, two, three), List.of(),
                        null), List.of(issued(one, null), issued(two, null), issued(three, null)),
                Map.of("PKG-1", new OutboxState("PKG-1", T, null, null, 2, "connection refused"),
                        "PKG-3", sent("PKG-3")));

        assertThat(Reconciliation.drifts(evidence)).extracting(Drift::kind)
                .containsExactly(DriftKind.OUTBOX_UNSENT, DriftKind.OUTBOX_MISSING, DriftKind.NOT_CONFIRMED);
        assertThat(Reconciliation.drifts(evidence).get(0).text())
                .contains("not sent to the broker yet (outbox row waiting since " + T + ", 2 attempt(s), last error:"
                        + " connection refused)");
    }

    @Test
    void aRuleSetTheReplayCouldNotUseIsNotedOnTheContractsDrifts() {
        ItemView replayed = eligible("800.00");
        ReleaseGap gap = new ReleaseGap("acme-2026.07@2222", DEFAULT,
                "decided with release acme-2026.07@2222, which is not in --releases /srv/releases", 2);
        ContractEvidence evidence = new ContractEvidence(CONTRACT, stored(eligible("750.00")),
                replay(Map.of(replayed.key(), replayed), Map.of(), List.of(), List.of(gap), null), List.of(),
                Map.of());

        assertThat(Reconciliation.drifts(evidence)).singleElement().satisfies(drift -> assertThat(drift.cause())
                .endsWith("note: the replay could not use the rule set that decided this contract: 2 message(s)"
                        + " decided with release acme-2026.07@2222, which is not in --releases /srv/releases: replayed"
                        + " with default@1111 instead"));
    }

    @Test
    void aReplayThatStoppedIsOneDriftAndItsStateIsNotCompared() {
        ContractEvidence evidence = new ContractEvidence(CONTRACT, stored(eligible("750.00")),
                replay(Map.of(), Map.of(), List.of(), List.of(),
                        "message msg-2 (seq 2) in the event log cannot be read"),
                List.of(), Map.of());

        assertThat(Reconciliation.drifts(evidence)).singleElement().satisfies(drift -> {
            assertThat(drift.kind()).isEqualTo(DriftKind.REPLAY_FAILED);
            assertThat(drift.text()).contains("msg-2").contains("not compared");
        });
    }

    @Test
    void aStateWithoutItsEventsAndEventsWithoutTheirStateAreSaidOncePerContract() {
        ReplayedContract nothingReplayed = new ReplayedContract(CONTRACT, 0, Map.of(), Map.of(),
                new Positions(BigDecimal.ZERO, BigDecimal.ZERO, false), null, false, List.of(), Map.of(), List.of(),
                null);
        ItemView replayed = eligible("800.00");

        assertThat(Reconciliation.drifts(new ContractEvidence(CONTRACT, stored(eligible("800.00")), nothingReplayed,
                List.of(), Map.of()))).extracting(Drift::kind).containsExactly(DriftKind.EVENTS_MISSING);
        assertThat(Reconciliation.drifts(new ContractEvidence(CONTRACT, StoredContract.none(CONTRACT),
                replay(Map.of(replayed.key(), replayed), Map.of(), List.of(), List.of(), null), List.of(), Map.of())))
                .extracting(Drift::kind).containsExactly(DriftKind.STATE_MISSING);
    }

    @Test
    void runningTotalsThatDifferAreDrift() {
        ItemView item = eligible("800.00");
        StoredContract stored = new StoredContract(CONTRACT, true, null, Map.of(item.key(), item),
                new Positions(new BigDecimal("1600.00"), BigDecimal.ZERO, false));

        assertThat(Reconciliation.drifts(new ContractEvidence(CONTRACT, stored,
                replay(Map.of(item.key(), item), Map.of(), List.of(), List.of(), null), List.of(), Map.of())))
                .singleElement().satisfies(drift -> {
                    assertThat(drift.kind()).isEqualTo(DriftKind.POSITION_DIFFERS);
                    assertThat(drift.text()).startsWith("contract C-7: the not-to-exceed cap consumed is stored as"
                            + " 1600.00 EUR, replay 800.00 EUR");
                });
    }
}
