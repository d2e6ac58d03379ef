package io.billwright.messaging.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.billing.BillingPackage;
import io.billwright.events.testing.TestMessages;
import io.billwright.events.testing.TestMessages.Msg;
import io.billwright.messaging.support.InMemoryReference;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.Sql;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.messaging.support.TestInfrastructure.Database;
import io.billwright.messaging.tools.BillwrightTools;
import io.billwright.messaging.topology.Topology;
import io.billwright.rules.release.ReleaseBuilder;
import io.billwright.rules.release.ReleaseKeys;
import io.billwright.rules.release.SigningKey;
import io.billwright.rules.release.TestReleases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real service bills (on PostgreSQL, and on the embedded H2 default) and stops; {@code reconcile} then
 * replays its event log and finds no drift. Tampered with (a package row deleted, an outbox row parked, item
 * records set back or changed), the database drifts, and the command names each drift with its cause.
 */
class ReconcileCommandIT {

    private static final Path EXAMPLE = Path.of("../examples/messages/consulting-quarter.jsonl");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path h2Directory;

    @TempDir
    Path directory;

    static Stream<Database> databases() {
        return Stream.of(TestInfrastructure.get().newPostgresSchema(), TestInfrastructure.newH2(h2Directory));
    }

    private static final String RELEASE = "acme-2026.07";
    private static final SigningKey KEY = TestReleases.newKey();
    private static byte[] release;

    /** The packaged rules released as {@value #RELEASE}: the same rules, so the same hash, under its own version. */
    private static synchronized byte[] release() {
        if (release == null) {
            ReleaseBuilder.Outcome outcome = TestReleases.build(TestReleases.defaultSources(), List.of(), RELEASE, KEY);
            assertThat(outcome.built()).as(outcome.check().findings().toString()).isTrue();
            release = outcome.jar();
        }
        return release;
    }

    /** A releases folder holding {@link #release()}, and a folder trusting {@code key}. */
    private Path[] releaseFolders(SigningKey key) throws Exception {
        Path releases = Files.createDirectories(directory.resolve("releases-" + key.keyId()));
        Files.write(releases.resolve("rules-" + RELEASE + ".jar"), release());
        Path trusted = Files.createDirectories(directory.resolve("trusted-" + key.keyId()));
        Files.writeString(trusted.resolve("release-signing.pub.pem"), ReleaseKeys.publicPem(key.publicKey()));
        return new Path[] {releases, trusted};
    }

    /** What one run of the command said. */
    private record Run(int status, String out, String err) {
    }

    private static Run reconcile(Database database, String... more) {
        List<String> args = new ArrayList<>(List.of("reconcile", "--url", database.url(), "--user", database.user(),
                "--password", database.password()));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = BillwrightTools.run(args.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findsNoDriftAfterTheServiceBillsThenNamesEveryTamperingWithItsCause(Database database) throws Exception {
        Topology topology = new Topology(TestInfrastructure.newNamespace());
        String twoPeriods = TestMessages.uniqueContractId();
        String onePeriod = TestMessages.uniqueContractId();
        List<Msg> first = new ArrayList<>(example());
        first.addAll(List.of(
                TestMessages.contract(twoPeriods, "NETSUITE"),
                TestMessages.timeEntry(twoPeriods, "TE-1", LocalDate.of(2026, 1, 5), "8", "APPROVED"),
                TestMessages.timeEntry(twoPeriods, "TE-2", LocalDate.of(2026, 1, 6), "4", "APPROVED"),
                TestMessages.periodClosed(twoPeriods, "2026-01", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)),
                TestMessages.timeEntry(twoPeriods, "TE-3", LocalDate.of(2026, 2, 3), "6", "APPROVED"),
                TestMessages.periodClosed(twoPeriods, "2026-02", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)),
                TestMessages.contract(onePeriod, "NETSUITE"),
                TestMessages.timeEntry(onePeriod, "TE-1", LocalDate.of(2026, 1, 5), "8", "APPROVED"),
                TestMessages.timeEntry(onePeriod, "TE-2", LocalDate.of(2026, 1, 7), "8", "APPROVED")));
        Msg lastClose = TestMessages.periodClosed(onePeriod, "2026-01", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31));
        List<BillingPackage> expected = InMemoryReference.packages(Stream.concat(first.stream(), Stream.of(lastClose))
                .toList());
        String eligibleBeforeItsClose;

        try {
            try (TestBroker broker = new TestBroker();
                 ServiceHarness ignored = ServiceHarness.start(topology, database, Map.of())) {
                broker.publishAll(topology, first);
                assertThat(Sql.awaitCount(database, "select count(*) from processed_message", n -> n == first.size(),
                        Duration.ofSeconds(30))).isEqualTo(first.size());
                // the item as it stood before its period closed: the record a state left behind would hold
                eligibleBeforeItsClose = Sql.text(database, "select record from contract_item where contract_id = '"
                        + onePeriod + "' and item_key = 'TIME_ENTRY:TE-1'");
                assertThat(eligibleBeforeItsClose).contains("\"status\":\"ELIGIBLE\"").doesNotContain("PKG-");
                broker.publish(topology, lastClose);
                assertThat(broker.drainErpQueues(topology, expected.size(), Duration.ofSeconds(30),
                        Duration.ofMillis(500))).hasSize(expected.size());
                assertThat(Sql.awaitCount(database, "select count(*) from outbox where sent_at is null", n -> n == 0,
                        Duration.ofSeconds(20))).as("every outbox row confirmed").isZero();
                assertThat(Sql.awaitCount(database, "select count(*) from billing_package where confirmed_at is null",
                        n -> n == 0, Duration.ofSeconds(20))).isZero();
            }
            long logged = Sql.count(database, "select count(*) from event_log");

            Run clean = reconcile(database);

            assertThat(clean.status()).as(clean.out() + clean.err()).isZero();
            assertThat(clean.out()).contains("reconcile: 3 contract(s) checked, " + logged + " event(s) replayed, "
                    + expected.size() + " package(s) in the database")
                    .contains("replayed with " + expected.get(0).ruleSetVersion() + " (" + logged + " message(s))")
                    .contains("no drift: the stored state, the packages and the broker agree with a replay of the"
                            + " event log");

            List<String> twoPeriodPackages = packageIds(database, twoPeriods);
            assertThat(twoPeriodPackages).hasSize(2);
            String january = twoPeriodPackages.get(0);
            String february = twoPeriodPackages.get(1);
            String onePeriodPackage = packageIds(database, onePeriod).get(0);
            assertThat(update(database, "delete from billing_package where package_id = ?", january)).isOne();
            assertThat(update(database, "update outbox set sent_at = null, parked_at = current_timestamp, last_error ="
                    + " 'NOT_FOUND - no exchange ''billwright.erp''' where message_id = ?", february)).isOne();
            assertThat(update(database, "update contract_item set record = ? where contract_id = ? and item_key ="
                    + " 'TIME_ENTRY:TE-1'", eligibleBeforeItsClose, onePeriod)).isOne();
            assertThat(update(database, "update contract_item set record = replace(record, '\"status\":\"ELIGIBLE\"',"
                    + " '\"status\":\"HELD\"') where contract_id = ? and item_key = 'TIME_ENTRY:TE-2'", onePeriod))
                    .isOne();

            Run drifted = reconcile(database);

            assertThat(drifted.status()).as(drifted.out() + drifted.err()).isOne();
            assertThat(drifted.out()).contains("drift: 4 (ITEM_DIFFERS 2, PACKAGE_NOT_ISSUED 1, OUTBOX_PARKED 1)")
                    .contains("- item TE-1 of " + onePeriod + ": stored ELIGIBLE 800.00 EUR, replay ELIGIBLE 800.00 EUR"
                            + " billed in " + onePeriodPackage + ": the stored state is behind the event log: it shows"
                            + " the item as message msg-" + onePeriod + "-TE-1-approved (timeentry.recorded.v1, seq")
                    .contains("misses message msg-" + onePeriod + "-close-2026-01 (period.closed.v1, seq")
                    .contains("- item TE-2 of " + onePeriod + ": stored HELD 800.00 EUR billed in " + onePeriodPackage
                            + ", replay ELIGIBLE 800.00 EUR billed in " + onePeriodPackage + ": the stored item matches"
                            + " the replay at no point: it was changed outside the engine")
                    .contains("- package " + january + " of contract " + twoPeriods + ": the replay issues it (net"
                            + " 1200.00, tax 228.00, due ")
                    .contains("the database has no such package: yet its outbox row was sent to the broker at")
                    .contains("- package " + february + " of contract " + twoPeriods + ": issued and confirmed by the"
                            + " broker at ")
                    .contains("its outbox row parked at ")
                    .contains("attempt(s): NOT_FOUND - no exchange 'billwright.erp'");

            Run one = reconcile(database, "--contract", onePeriod);
            assertThat(one.status()).isOne();
            assertThat(one.out()).contains("reconcile: 1 contract(s) checked").contains("drift: 2 (ITEM_DIFFERS 2)")
                    .doesNotContain(twoPeriods);

            Path csv = directory.resolve("drift.csv");
            Run table = reconcile(database, "--format", "csv", "-o", csv.toString());
            assertThat(table.status()).isOne();
            assertThat(table.out()).contains("drift: 4").contains("csv written to " + csv);
            assertThat(Files.readAllLines(csv)).hasSize(5).first()
                    .isEqualTo("contract,kind,area,subject,stored,replayed,cause");

            Run document = reconcile(database, "--contract", twoPeriods, "--format", "JSON");
            assertThat(document.status()).isOne();
            JsonNode json = JSON.readTree(document.out());
            assertThat(json.get("noDrift").asBoolean()).isFalse();
            List<String> kinds = new ArrayList<>();
            json.get("drifts").forEach(drift -> kinds.add(drift.get("kind").asString()));
            assertThat(kinds).containsExactlyInAnyOrder("PACKAGE_NOT_ISSUED", "OUTBOX_PARKED");
            assertThat(document.err()).as("the summary beside the document").contains("drift: 2");

            // decided, as the log now says, by a release: replayed with it when the folder has it ...
            String packaged = expected.get(0).ruleSetVersion();
            String released = RELEASE + packaged.substring(packaged.indexOf('@'));
            int decisions = update(database, "update decision_log set rule_set_version = ? where contract_id = ?",
                    released, onePeriod);
            assertThat(decisions).isPositive();
            Path[] folders = releaseFolders(KEY);
            Run withRelease = reconcile(database, "--contract", onePeriod, "--releases", folders[0].toString(),
                    "--trusted-keys", folders[1].toString());
            assertThat(withRelease.out()).contains("replayed with " + released + " (").doesNotContain("warning:")
                    .contains("drift: 2 (ITEM_DIFFERS 2)");
            // ... and with the packaged default, said so, when it does not
            Path noReleases = Files.createDirectory(directory.resolve("no-releases"));
            Run gap = reconcile(database, "--contract", onePeriod, "--releases", noReleases.toString());
            assertThat(gap.status()).isOne();
            assertThat(gap.out()).contains("warning: contract " + onePeriod + ": ")
                    .contains("message(s) decided with release " + released + ", which is not in --releases "
                            + noReleases + ": replayed with " + packaged + " instead")
                    .contains("note: the replay could not use the rule set that decided this contract");
        } finally {
            try (TestBroker broker = new TestBroker()) {
                broker.deleteNamespace(topology);
            }
        }
    }

    @Test
    void aReleaseIsReplayedWithOnlyWhenItIsTheBuildThatDecidedAndItsSignerIsTrusted() throws Exception {
        Path[] trustedFolders = releaseFolders(KEY);
        ReplayRuleSets trusting = ReplayRuleSets.of(trustedFolders[0], trustedFolders[1]);
        String packaged = trusting.packaged().version().toString();
        String released = RELEASE + packaged.substring(packaged.indexOf('@'));

        ReplayRuleSets.Choice exact = trusting.forVersion(released);
        assertThat(exact.gap()).isNull();
        assertThat(exact.used()).isEqualTo(released);

        assertThat(trusting.forVersion(RELEASE + "@0123abcd").gap()).isEqualTo("decided with release " + RELEASE
                + "@0123abcd, but " + trustedFolders[0].resolve("rules-" + RELEASE + ".jar") + " holds " + released
                + ": another build under the same version");
        assertThat(ReplayRuleSets.of(trustedFolders[0], null).forVersion(released).gap())
                .contains("not verified: no --trusted-keys");
        Path[] strangers = releaseFolders(TestReleases.newKey());
        ReplayRuleSets.Choice untrusted = ReplayRuleSets.of(trustedFolders[0], strangers[1]).forVersion(released);
        assertThat(untrusted.gap()).startsWith("decided with release " + released + ", but ")
                .contains("cannot be used");
        assertThat(untrusted.used()).isEqualTo(packaged);
    }

    @Test
    void aDatabaseThatIsNotTheServicesIsSaidInASentenceWithStatus3() {
        Database empty = TestInfrastructure.get().newPostgresSchema(); // no migrations ran: no tables

        Run run = reconcile(empty);

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.err()).contains("reconcile: cannot read the service's database at " + empty.url())
                .contains("is this the service's database?").doesNotContain("\tat org.postgresql");
    }

    @Test
    void aFormatItDoesNotKnowIsAUsageError() {
        Run run = reconcile(TestInfrastructure.get().newPostgresSchema(), "--format", "xml");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("'xml' is not a format: text, csv or json");
    }

    private static List<Msg> example() throws Exception {
        return Files.readAllLines(EXAMPLE).stream().filter(line -> !line.isBlank()).map(line -> {
            JsonNode event = JSON.readTree(line);
            return new Msg(event.get("type").asString().substring("io.billwright.".length()),
                    event.get("id").asString(), line);
        }).toList();
    }

    private static List<String> packageIds(Database database, String contractId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("select package_id from billing_package where"
                     + " contract_id = ? order by created_at")) {
            query.setString(1, contractId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private static int update(Database database, String sql, String... params) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            return statement.executeUpdate();
        }
    }
}
