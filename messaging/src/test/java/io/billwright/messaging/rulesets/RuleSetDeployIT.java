package io.billwright.messaging.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.ruleset.RuleSource;
import io.billwright.events.testing.TestMessages;
import io.billwright.events.testing.TestMessages.Msg;
import io.billwright.messaging.support.AdminHttp;
import io.billwright.messaging.support.CloseStream;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.Sql;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.messaging.topology.Topology;
import io.billwright.rules.release.ReleaseBuilder;
import io.billwright.rules.release.ReleaseKeys;
import io.billwright.rules.release.SigningKey;
import io.billwright.rules.release.TestReleases;
import io.billwright.rules.scenario.ScenarioFiles;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed releases deployed to the running service: a deploy under a steady stream loses and repeats
 * nothing and every decision names its release; a refused release (tampered, untrusted, for another fact
 * model, or carrying hostile code) changes nothing and runs nothing; every attempt is audited; a restart
 * comes back on the release that was live; a rollback is one call.
 */
class RuleSetDeployIT {

    private static final String USER = "release-admin";
    private static final String PASSWORD = "s3cret-" + System.nanoTime();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SigningKey KEY = TestReleases.newKey();
    private static final String FIRST = "2026.12.1";
    private static final String SECOND = "2026.12.2";
    private static byte[] first;
    private static byte[] second;

    @TempDir
    Path tmp;

    private Path releases;
    private Path trusted;
    private Topology topology;

    @BeforeAll
    static void buildTwoReleases() throws Exception {
        List<Path> scenarios = ScenarioFiles.under(List.of(Path.of("../rules/src/test/resources/scenarios/tm")));
        first = built(TestReleases.build(TestReleases.defaultSources(), scenarios, FIRST, KEY));
        // the second decides alike, reworded: a new version every scenario still passes
        List<RuleSource> reworded = TestReleases.defaultSources().stream().map(s -> s.path().equals("tm/time-and-materials.drl")
                ? RuleSource.of(s.path(), new String(s.content(), StandardCharsets.UTF_8)
                .replace("Approved, billable hours are charged", "Approved and billable hours are charged")) : s).toList();
        second = built(TestReleases.build(reworded, scenarios, SECOND, KEY));
    }

    private static byte[] built(ReleaseBuilder.Outcome outcome) {
        assertThat(outcome.built()).as(outcome.check().findings().toString()).isTrue();
        return outcome.jar();
    }

    @BeforeEach
    void releasesFolderAndTrustedKey() throws Exception {
        releases = Files.createDirectories(tmp.resolve("releases"));
        trusted = Files.createDirectories(tmp.resolve("trusted"));
        Files.writeString(trusted.resolve("release-signing.pub.pem"), ReleaseKeys.publicPem(KEY.publicKey()));
        Files.write(releases.resolve("rules-" + FIRST + ".jar"), first);
        Files.write(releases.resolve("rules-" + SECOND + ".jar"), second);
        topology = new Topology(TestInfrastructure.newNamespace());
    }

    @AfterEach
    void deleteQueues() {
        try (TestBroker broker = new TestBroker()) {
            broker.deleteNamespace(topology);
        }
    }

    @Test
    void aDeployUnderASteadyStreamLosesNothingRepeatsNothingAndEveryDecisionNamesItsRelease() throws Exception {
        TestInfrastructure.Database database = TestInfrastructure.get().newPostgresSchema();
        CloseStream stream = CloseStream.of("C-DP", 120, topology.namespace());
        List<Msg> setup = stream.setup();
        List<Msg> closes = stream.closes();
        Set<String> expected = stream.expected();

        try (TestBroker broker = new TestBroker();
             ServiceHarness service = ServiceHarness.start(topology, database, settings())) {
            JsonNode deployedFirst = JSON.readTree(deploy(service, FIRST, false).body());
            String before = deployedFirst.path("serving").asString();
            assertThat(before).startsWith(FIRST + "@");
            setup.forEach(m -> broker.publish(topology, m));
            Sql.awaitCount(database, "select count(*) from event_log", n -> n == setup.size(), Duration.ofSeconds(60));

            java.util.concurrent.CountDownLatch deployed = new java.util.concurrent.CountDownLatch(1);
            Thread streaming = stream.stream(broker, topology, deployed);
            sleep(150);
            HttpResponse<String> response = deploy(service, SECOND, true);
            deployed.countDown();
            streaming.join();

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            String after = JSON.readTree(response.body()).path("serving").asString();
            assertThat(after).startsWith(SECOND + "@");
            List<TestBroker.Received> received = broker.drainErpQueues(topology, expected.size(),
                    Duration.ofSeconds(60), Duration.ofMillis(500));
            Map<String, Long> times = received.stream()
                    .collect(Collectors.groupingBy(TestBroker.Received::messageId, Collectors.counting()));
            assertThat(times.keySet()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(times).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
            assertThat(received).extracting(r -> JSON.readTree(r.body()).path("rulesetversion").asString())
                    .allMatch(v -> v.equals(before) || v.equals(after));
            assertThat(Sql.count(database, "select count(*) from decision_log where rule_set_version not in ('"
                    + before + "', '" + after + "')")).isZero();
            assertThat(Sql.count(database, "select count(*) from billing_package where rule_set_version = '" + after
                    + "'")).as("packages decided after the deploy").isPositive();
            assertThat(Sql.count(database, "select count(*) from event_log")).isEqualTo(setup.size() + closes.size());
            assertThat(broker.drain(topology.deadLetterQueue(), Duration.ofMillis(200))).isEmpty();
            assertThat(Sql.count(database, "select count(*) from rule_set_audit where action = 'DEPLOY'"
                    + " and outcome = 'LIVE' and actor = '" + USER + "'")).isEqualTo(2);
        }
    }

    @Test
    void refusedReleasesChangeNothingRunNothingAndAreAudited() throws Exception {
        Path marker = tmp.resolve("hostile-code-ran");
        Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
        byte[] tampered = first.clone();
        tampered[tampered.length / 2] ^= 0x01;
        bad.put("tampered", tampered);
        SigningKey stranger = TestReleases.newKey();
        bad.put("unknown-key", TestReleases.resigned(first, stranger, e -> e, m -> m));
        bad.put("fact-model", TestReleases.resigned(first, KEY, e -> e, m -> new io.billwright.rules.release.ReleaseManifest(
                m.format(), "2026.12.9", m.ruleSetHash(), m.sources(), m.entries(), m.modelClasses(), m.droolsVersion(),
                new io.billwright.rules.release.ReleaseManifest.FactModel("0.0.1", append(m.factModel().uses(),
                        "io/billwright/engine/item/TimeEntry#isBillable()Z")), m.rules(), m.findings(), m.scenarios(),
                m.coverage(), m.builtBy(), m.builtAt())));
        String touch = "new java.io.File(\"" + marker + "\").createNewFile();";
        bad.put("reflection", hostile("Class c = Class.forName(\"java.io.Fi\" + \"le\"); " + touch));
        bad.put("method-handles", hostile("Object l = java.lang.invoke.MethodHandles.lookup(); " + touch));
        bad.put("context-class-loader", hostile("ClassLoader l = Thread.currentThread().getContextClassLoader();"));
        bad.put("jndi", hostile("Object o = new javax.naming.InitialContext().lookup(\"ldap://127.0.0.1:1/x\");"));
        bad.put("endless-loop", hostile("while (true) { }"));
        bad.put("huge-allocation", hostile("long[] huge = new long[Integer.MAX_VALUE];"));
        Map<String, String> reasons = Map.of("tampered", "TAMPERED|UNREADABLE", "unknown-key", "UNKNOWN_KEY",
                "fact-model", "FACT_MODEL");

        try (TestBroker broker = new TestBroker();
             ServiceHarness service = ServiceHarness.start(topology, TestInfrastructure.newH2(tmp.resolve("db")),
                     settings())) {
            String serving = JSON.readTree(deploy(service, FIRST, false).body()).path("serving").asString();
            int n = 0;
            for (Map.Entry<String, byte[]> release : bad.entrySet()) {
                String version = "bad-" + release.getKey();
                Files.write(releases.resolve(version + ".jar"), release.getValue());
                HttpResponse<String> refused = post(service, "/admin/rules/deploy", "{\"coordinates\": \"io.billwright.test:"
                        + "rules:" + (++n) + "\"}");
                assertThat(refused.statusCode()).as("no such coordinates").isEqualTo(404);
                HttpResponse<String> byFile = deployFile(service, release.getKey(), release.getValue());
                assertThat(byFile.statusCode()).as(release.getKey() + ": " + byFile.body()).isEqualTo(422);
                JsonNode outcome = JSON.readTree(byFile.body());
                assertThat(outcome.path("reason").asString()).as(release.getKey())
                        .matches(reasons.getOrDefault(release.getKey(), "BYTECODE"));
                assertThat(outcome.path("serving").asString()).isEqualTo(serving);
            }
            assertThat(JSON.readTree(post(service, "/admin/rules/deploy", "{\"version\": \"9.9.9\"}").body())
                    .path("status").asString()).isEqualTo("NOT_FOUND");
            HttpResponse<String> reload = post(service, "/admin/rules/reload", "");
            assertThat(reload.statusCode()).isEqualTo(409);
            assertThat(reload.body()).contains("development mode");

            // the old release keeps deciding, and no hostile line ever ran
            String contract = "C-REF-" + topology.namespace();
            broker.publish(topology, TestMessages.contract(contract, "NETSUITE"));
            broker.publish(topology, TestMessages.timeEntry(contract, "TE-1", LocalDate.of(2026, 1, 5), "8", "APPROVED"));
            broker.publish(topology, TestMessages.periodClosed(contract, "2026-01", LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 1, 31)));
            List<TestBroker.Received> packages = broker.drainErpQueues(topology, 1, Duration.ofSeconds(30),
                    Duration.ofMillis(300));
            assertThat(packages).singleElement().satisfies(p -> assertThat(JSON.readTree(p.body()).path("rulesetversion")
                    .asString()).isEqualTo(serving));
            assertThat(marker).doesNotExist();

            JsonNode history = JSON.readTree(get(service, "/admin/rules/history?limit=100").body());
            List<String> refusedReasons = new ArrayList<>();
            history.forEach(e -> {
                if (e.path("outcome").asString().equals("REJECTED") && e.path("action").asString().equals("DEPLOY")) {
                    refusedReasons.add(e.path("reason").asString());
                    assertThat(e.path("actor").asString()).isEqualTo(USER);
                    assertThat(e.path("fromVersion").asString()).isEqualTo(serving);
                    assertThat(e.path("findings").size()).isPositive();
                }
            });
            assertThat(refusedReasons).hasSize(bad.size()).contains("UNKNOWN_KEY", "FACT_MODEL", "BYTECODE");
            assertThat(history.findValuesAsString("outcome")).contains("NOT_FOUND", "LIVE");
        }
    }

    @Test
    void aRestartComesBackOnTheDeployedReleaseAndARollbackIsOneCall() throws Exception {
        TestInfrastructure.Database database = TestInfrastructure.newH2(tmp.resolve("restart"));
        String firstLabel;
        String secondLabel;
        Map<String, Object> staging = settings();
        staging.put("billwright.rules.stage-every", "200ms");
        try (ServiceHarness service = ServiceHarness.start(topology, database, staging)) {
            String packaged = serving(service);
            assertThat(packaged).startsWith("default@");
            sleep(3_000); // the stager verifies and builds both releases in the folder meanwhile
            JsonNode deployedFirst = JSON.readTree(deploy(service, FIRST, false).body());
            assertThat(deployedFirst.path("staged").asBoolean()).as(deployedFirst.toString()).isTrue();
            firstLabel = deployedFirst.path("serving").asString();
            secondLabel = JSON.readTree(deploy(service, SECOND, true).body()).path("serving").asString();
            assertThat(JSON.readTree(deploy(service, SECOND, false).body()).path("status").asString()).isEqualTo("UNCHANGED");
            assertThat(serving(service)).isEqualTo(secondLabel);
        }
        try (ServiceHarness restarted = ServiceHarness.start(topology, database, settings())) {
            assertThat(serving(restarted)).as("the release live at the stop").isEqualTo(secondLabel);
            HttpResponse<String> rollback = post(restarted, "/admin/rules/rollback", "");
            assertThat(rollback.statusCode()).as(rollback.body()).isEqualTo(200);
            assertThat(serving(restarted)).as("the release the second replaced, from the audit trail")
                    .isEqualTo(firstLabel);
        }
        try (ServiceHarness again = ServiceHarness.start(topology, database, settings())) {
            assertThat(serving(again)).as("rolled back before the stop").isEqualTo(firstLabel);
            JsonNode history = JSON.readTree(get(again, "/admin/rules/history").body());
            List<String> actions = new ArrayList<>();
            history.forEach(e -> actions.add(e.path("action").asString() + " " + e.path("outcome").asString() + " "
                    + e.path("toVersion").asString() + " by " + e.path("actor").asString()));
            assertThat(actions).containsSubsequence("START LIVE " + firstLabel + " by system",
                    "ROLLBACK LIVE " + firstLabel + " by " + USER, "START LIVE " + secondLabel + " by system",
                    "DEPLOY UNCHANGED " + secondLabel + " by " + USER, "DEPLOY LIVE " + secondLabel + " by " + USER,
                    "DEPLOY LIVE " + firstLabel + " by " + USER);
            assertThat(actions.get(actions.size() - 1)).startsWith("START LIVE default@");
            JsonNode deployedSecond = history.get(actions.indexOf("DEPLOY LIVE " + secondLabel + " by " + USER));
            assertThat(deployedSecond.path("fromVersion").asString()).isEqualTo(firstLabel);
            assertThat(deployedSecond.path("ruleSetHash").asString()).isEqualTo(secondLabel.substring(secondLabel.indexOf('@') + 1));
            assertThat(deployedSecond.path("jarSha256").asString()).hasSize(64);
            assertThat(deployedSecond.path("keyId").asString()).isEqualTo(KEY.keyId());
            assertThat(deployedSecond.path("toSource").asString()).endsWith("rules-" + SECOND + ".jar");
        }
        Map<String, Object> packagedFirst = settings();
        packagedFirst.put("billwright.rules.start-on-packaged", "true");
        try (ServiceHarness forced = ServiceHarness.start(topology, database, packagedFirst)) {
            assertThat(serving(forced)).startsWith("default@");
        }
    }

    @Test
    void aDeployToOneInstanceReachesTheOthersOnTheSameDatabase() throws Exception {
        TestInfrastructure.Database database = TestInfrastructure.get().newPostgresSchema();
        Map<String, Object> settings = settings();
        settings.put("billwright.rules.follow-every", "500ms");
        try (ServiceHarness a = ServiceHarness.start(topology, database, settings);
             ServiceHarness b = ServiceHarness.start(topology, database, settings)) {
            String deployed = JSON.readTree(deploy(a, FIRST, false).body()).path("serving").asString();
            awaitServing(b, deployed);

            HttpResponse<String> rollback = post(b, "/admin/rules/rollback", "");
            assertThat(rollback.statusCode()).as(rollback.body()).isEqualTo(200);
            String packaged = serving(b);
            assertThat(packaged).startsWith("default@");
            awaitServing(a, packaged);

            JsonNode history = JSON.readTree(get(a, "/admin/rules/history").body());
            List<String> follows = new ArrayList<>();
            history.forEach(e -> {
                if (e.path("action").asString().equals("FOLLOW")) {
                    follows.add(e.path("outcome").asString() + " " + e.path("toVersion").asString() + " by "
                            + e.path("actor").asString());
                }
            });
            assertThat(follows).containsExactlyInAnyOrder("LIVE " + deployed + " by " + USER,
                    "LIVE " + packaged + " by " + USER);
        }
    }

    private void awaitServing(ServiceHarness service, String version) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!serving(service).equals(version) && System.nanoTime() < deadline) {
            sleep(100);
        }
        assertThat(serving(service)).as("the other instance follows").isEqualTo(version);
    }

    private byte[] hostile(String consequence) throws Exception {
        return TestReleases.withUncheckedRules(first, KEY, """
                package billwright.hostile
                import io.billwright.engine.item.TimeEntry

                rule "Hostile"
                when
                    $t : TimeEntry()
                then
                """ + consequence + "\nend\n");
    }

    private static List<String> append(List<String> list, String more) {
        List<String> out = new ArrayList<>(list);
        out.add(more);
        return out;
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("billwright.rules.releases", releases.toString());
        settings.put("billwright.rules.trusted-keys", trusted.toString());
        settings.put("billwright.rules.maven-repository", tmp.resolve("m2").toString());
        settings.put("billwright.admin.username", USER);
        settings.put("billwright.admin.password", PASSWORD);
        return settings;
    }

    private HttpResponse<String> deploy(ServiceHarness service, String version, boolean verify) throws Exception {
        return post(service, "/admin/rules/deploy" + (verify ? "?verify=true" : ""), "{\"version\": \"" + version + "\"}");
    }

    /** Deploys {@code jar} through a local Maven repository laid out for its coordinates. */
    private HttpResponse<String> deployFile(ServiceHarness service, String name, byte[] jar) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("m2/io/billwright/bad/" + name + "/1"));
        Files.write(folder.resolve(name + "-1.jar"), jar);
        return post(service, "/admin/rules/deploy", "{\"coordinates\": \"io.billwright.bad:" + name + ":1\"}");
    }

    private String serving(ServiceHarness service) throws Exception {
        return new AdminHttp(service, USER, PASSWORD).serving();
    }

    private HttpResponse<String> post(ServiceHarness service, String path, String json) throws Exception {
        return new AdminHttp(service, USER, PASSWORD).post(path, json);
    }

    private HttpResponse<String> get(ServiceHarness service, String path) throws Exception {
        return new AdminHttp(service, USER, PASSWORD).get(path);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
