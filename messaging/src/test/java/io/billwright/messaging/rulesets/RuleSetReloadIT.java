package io.billwright.messaging.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.contract.ErpTarget;
import io.billwright.events.testing.TestMessages;
import io.billwright.events.testing.TestMessages.Msg;
import io.billwright.messaging.support.AdminHttp;
import io.billwright.messaging.support.CloseStream;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.Sql;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.messaging.topology.Topology;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hot reload through the admin endpoints: a candidate goes live only when it passes every check, the swap
 * under a steady stream loses and repeats nothing, a refused candidate leaves the old version serving, a
 * rollback puts the previous version back, and the endpoints need the credentials from the environment.
 */
class RuleSetReloadIT {

    private static final String USER = "analyst-admin";
    private static final String PASSWORD = "s3cret-" + System.nanoTime();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CONTRACTS = 120;

    @TempDir
    Path tmp;

    private Path rules;
    private Topology topology;

    @BeforeEach
    void copyTheDefaultRulesAndTheirScenarios() throws IOException {
        rules = tmp.resolve("rules");
        copy(Path.of("../rules/src/main/resources/billwright/rules"), rules);
        copy(Path.of("../rules/src/test/resources/scenarios"), rules.resolve("scenarios"));
        topology = new Topology(TestInfrastructure.newNamespace());
    }

    @AfterEach
    void deleteQueues() {
        try (TestBroker broker = new TestBroker()) {
            broker.deleteNamespace(topology);
        }
    }

    @Test
    void aReloadUnderASteadyStreamLosesNothingDecidesNothingTwiceAndSwapsBetweenTransactions() throws Exception {
        TestInfrastructure.Database database = TestInfrastructure.get().newPostgresSchema();
        CloseStream stream = CloseStream.of("C-RL", CONTRACTS, topology.namespace());
        List<Msg> setup = stream.setup();
        List<Msg> closes = stream.closes();
        Set<String> expected = stream.expected();

        try (TestBroker broker = new TestBroker();
             ServiceHarness service = ServiceHarness.start(topology, database, adminSettings())) {
            String before = serving(service);
            setup.forEach(m -> broker.publish(topology, m));
            Sql.awaitCount(database, "select count(*) from event_log", n -> n == setup.size(), Duration.ofSeconds(60));

            // the candidate: a reworded rule (a new version that decides alike, so every scenario still
            // passes); closes keep coming while it is checked and swapped in
            Path tm = rules.resolve("tm/time-and-materials.drl");
            Files.writeString(tm, Files.readString(tm).replace("Approved, billable hours are charged",
                    "Approved and billable hours are charged"));
            // half the closes stream in while the candidate is checked; the other half follow the swap
            java.util.concurrent.CountDownLatch swapped = new java.util.concurrent.CountDownLatch(1);
            Thread streaming = stream.stream(broker, topology, swapped);
            sleep(100);
            HttpResponse<String> reload = post(service, "/admin/rules/reload", USER, PASSWORD);
            swapped.countDown();
            streaming.join();

            assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
            JsonNode outcome = JSON.readTree(reload.body());
            assertThat(outcome.path("status").asString()).isEqualTo("LIVE");
            String after = outcome.path("serving").asString();
            assertThat(after).isNotEqualTo(before);

            List<TestBroker.Received> received = broker.drainErpQueues(topology, expected.size(),
                    Duration.ofSeconds(60), Duration.ofMillis(500));
            Map<String, Long> times = received.stream()
                    .collect(Collectors.groupingBy(TestBroker.Received::messageId, Collectors.counting()));
            assertThat(times.keySet()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(times).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
            Map<String, Long> byVersion = received.stream().collect(Collectors.groupingBy(
                    r -> JSON.readTree(r.body()).path("rulesetversion").asString(), Collectors.counting()));
            assertThat(byVersion.keySet()).containsAnyOf(before, after).isSubsetOf(before, after);
            // every package and every decision says which version decided it
            assertThat(Sql.count(database, "select count(*) from billing_package where rule_set_version not in ('"
                    + before + "', '" + after + "')")).isZero();
            assertThat(Sql.count(database, "select count(*) from decision_log where rule_set_version not in ('"
                    + before + "', '" + after + "')")).isZero();
            assertThat(Sql.count(database, "select count(*) from billing_package where rule_set_version = '" + after
                    + "'")).as("packages decided after the swap").isPositive();
            assertThat(Sql.count(database, "select count(*) from event_log")).isEqualTo(setup.size() + closes.size());
            assertThat(broker.drain(topology.deadLetterQueue(), Duration.ofMillis(200))).isEmpty();
        }
    }

    @Test
    void aRefusedCandidateLeavesTheOldVersionServingAndARollbackPutsThePreviousOneBack() throws Exception {
        try (ServiceHarness service = ServiceHarness.start(topology, TestInfrastructure.newH2(tmp.resolve("db")),
                adminSettings())) {
            String first = serving(service);

            Files.writeString(rules.resolve("tm/shortcut.drl"), """
                    package billwright.tm
                    import io.billwright.engine.item.TimeEntry
                    rule "Log every entry"
                        @description("Prints every entry.")
                    when
                        $t : TimeEntry()
                    then
                        System.out.println($t);
                    end
                    """);
            HttpResponse<String> refused = post(service, "/admin/rules/reload", USER, PASSWORD);
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("REJECTED").contains("tm/shortcut.drl:8: error: System is not allowed");
            assertThat(serving(service)).isEqualTo(first);

            Files.delete(rules.resolve("tm/shortcut.drl"));
            Path scenario = rules.resolve("scenarios/tm/hours-billed-at-period-close.yaml");
            Files.writeString(scenario, Files.readString(scenario).replace("amount: \"960.00\"", "amount: \"961.00\""));
            HttpResponse<String> failing = post(service, "/admin/rules/reload", USER, PASSWORD);
            assertThat(failing.statusCode()).isEqualTo(422);
            assertThat(failing.body()).contains("expected 961.00, actual 960.00");
            Files.writeString(scenario, Files.readString(scenario).replace("amount: \"961.00\"", "amount: \"960.00\""));

            Path tm = rules.resolve("tm/time-and-materials.drl");
            Files.writeString(tm, Files.readString(tm).replace("Approved, billable hours are charged",
                    "Approved and billable hours are charged"));
            HttpResponse<String> live = post(service, "/admin/rules/reload", USER, PASSWORD);
            assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
            String second = JSON.readTree(live.body()).path("serving").asString();
            assertThat(second).isNotEqualTo(first);
            assertThat(JSON.readTree(post(service, "/admin/rules/reload", USER, PASSWORD).body()).path("status")
                    .asString()).isEqualTo("UNCHANGED");

            JsonNode listing = JSON.readTree(get(service, "/admin/rules", USER, PASSWORD).body());
            assertThat(listing.path("serving").path("rules").size()).isEqualTo(96);
            assertThat(listing.path("serving").path("files").toString()).contains("tm/time-and-materials.drl");
            assertThat(listing.path("kept").findValuesAsString("version")).containsExactly(second, first);

            HttpResponse<String> rollback = post(service, "/admin/rules/rollback", USER, PASSWORD);
            assertThat(rollback.statusCode()).isEqualTo(200);
            assertThat(serving(service)).isEqualTo(first);
        }
    }

    @Test
    void receiptsExplainAHeldItemThenItsDecisionAndEveryLineOfItsPackage() throws Exception {
        String contract = "C-RC-" + topology.namespace();
        Msg entry = TestMessages.timeEntry(contract, "TE-1", LocalDate.of(2026, 1, 5), "8", "APPROVED");
        TestInfrastructure.Database database = TestInfrastructure.get().newPostgresSchema();
        try (TestBroker broker = new TestBroker();
             ServiceHarness service = ServiceHarness.start(topology, database, adminSettings())) {
            broker.publish(topology, entry); // before its contract: held
            Sql.awaitCount(database, "select count(*) from event_log", n -> n == 1, Duration.ofSeconds(30));
            broker.publish(topology, TestMessages.contract(contract, "NETSUITE"));
            Sql.awaitCount(database, "select count(*) from event_log", n -> n == 2, Duration.ofSeconds(30));
            broker.publish(topology, TestMessages.periodClosed(contract, "2026-01", LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 1, 31)));
            List<TestBroker.Received> packages = broker.await(topology.erpQueue(ErpTarget.NETSUITE), 1,
                    Duration.ofSeconds(30));
            assertThat(packages).hasSize(1);
            String version = serving(service);

            JsonNode item = JSON.readTree(get(service, "/admin/receipts/items?contract=" + contract + "&item=TE-1", USER,
                    PASSWORD).body());
            JsonNode decisions = item.path("decisions");
            assertThat(decisions.findValuesAsString("status")).startsWith("HELD").endsWith("ELIGIBLE");
            assertThat(decisions.get(0).path("reason").asString()).isEqualTo("AWAITING_CONTRACT");
            JsonNode eligible = decisions.get(decisions.size() - 1);
            assertThat(eligible.path("ruleSetVersion").asString()).isEqualTo(version);
            assertThat(eligible.path("contractVersion").asInt()).isEqualTo(1);
            assertThat(eligible.path("sourceEvents").toString()).contains(entry.id());
            assertThat(eligible.path("amount").asString()).isNotEmpty();
            assertThat(eligible.path("rules").get(0).path("name").asString()).isNotEmpty();
            assertThat(eligible.path("rules").get(0).path("description").asString()).isNotEmpty();

            String packageId = packages.get(0).messageId();
            JsonNode pkg = JSON.readTree(get(service, "/admin/receipts/packages/" + packageId, USER, PASSWORD).body());
            assertThat(pkg.path("packageId").asString()).isEqualTo(packageId);
            assertThat(pkg.path("ruleSetVersion").asString()).isEqualTo(version);
            JsonNode line = pkg.path("lines").get(0);
            assertThat(line.path("itemId").asString()).isEqualTo("TE-1");
            assertThat(line.path("contractVersion").asInt()).isEqualTo(1);
            assertThat(line.path("rules").findValuesAsString("description")).isNotEmpty().allMatch(d -> !d.isBlank());
            assertThat(get(service, "/admin/receipts/packages/PKG-none", USER, PASSWORD).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void watchingTheFolderLoadsAChangeOnlyOnceItHasBeenQuietSoAHalfSavedFileIsNeverRead() throws Exception {
        Map<String, Object> settings = adminSettings();
        settings.put("billwright.rules.watch", "true");
        settings.put("billwright.rules.quiet-period", "1500ms");
        try (ServiceHarness service = ServiceHarness.start(topology, TestInfrastructure.newH2(tmp.resolve("w")),
                settings)) {
            String first = serving(service);
            Path tm = rules.resolve("tm/time-and-materials.drl");
            String whole = Files.readString(tm).replace("Approved, billable hours are charged",
                    "Approved and billable hours are charged");
            // an editor writing the file in two parts, 300 ms apart: the first part alone does not compile
            Files.writeString(tm, whole.substring(0, whole.length() / 2));
            sleep(300);
            Files.writeString(tm, whole);

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            JsonNode listing = JSON.readTree(get(service, "/admin/rules", USER, PASSWORD).body());
            while (listing.path("serving").path("version").asString().equals(first) && System.nanoTime() < deadline) {
                sleep(200);
                listing = JSON.readTree(get(service, "/admin/rules", USER, PASSWORD).body());
            }
            assertThat(listing.path("serving").path("version").asString()).isNotEqualTo(first);
            assertThat(listing.path("lastReload").path("status").asString()).isEqualTo("LIVE");
            assertThat(listing.path("reloads").asLong()).as("the first load and one reload, none of the half file")
                    .isEqualTo(2);
        }
    }

    @Test
    void theAdminEndpointsNeedTheCredentialsFromTheEnvironmentAndNoneAreBuiltIn() throws Exception {
        try (ServiceHarness withAdmin = ServiceHarness.start(topology, TestInfrastructure.newH2(tmp.resolve("a")),
                adminSettings())) {
            assertThat(get(withAdmin, "/admin/rules", null, null).statusCode()).isEqualTo(401);
            assertThat(post(withAdmin, "/admin/rules/reload", USER, "wrong").statusCode()).isEqualTo(401);
            assertThat(get(withAdmin, "/actuator/health", null, null).statusCode()).isEqualTo(200);
        }
        try (ServiceHarness withoutAdmin = ServiceHarness.start(topology, TestInfrastructure.newH2(tmp.resolve("b")),
                Map.of("billwright.rules.directory", rules.toString(), "billwright.rules.development", "true"))) {
            int status = get(withoutAdmin, "/admin/rules", USER, PASSWORD).statusCode();
            assertThat(status).isIn(401, 403);
        }
    }

    private Map<String, Object> adminSettings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("billwright.rules.directory", rules.toString());
        settings.put("billwright.rules.development", "true");
        settings.put("billwright.admin.username", USER);
        settings.put("billwright.admin.password", PASSWORD);
        return settings;
    }

    private String serving(ServiceHarness service) throws Exception {
        return new AdminHttp(service, USER, PASSWORD).serving();
    }

    private HttpResponse<String> post(ServiceHarness service, String path, String user, String password) throws Exception {
        return new AdminHttp(service, user, password).post(path, "");
    }

    private HttpResponse<String> get(ServiceHarness service, String path, String user, String password) throws Exception {
        return new AdminHttp(service, user, password).get(path);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
