package io.billwright.messaging.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.contract.ErpTarget;
import io.billwright.events.testing.TestMessages;
import io.billwright.events.testing.TestMessages.Msg;
import io.billwright.messaging.parking.DeadLetterPublisher;
import io.billwright.messaging.support.AdminHttp;
import io.billwright.messaging.support.ServiceHarness;
import io.billwright.messaging.support.Sql;
import io.billwright.messaging.support.TestBroker;
import io.billwright.messaging.support.TestInfrastructure;
import io.billwright.messaging.topology.Topology;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finance operations against the real broker and PostgreSQL: the exceptions workbench with aging and
 * filters, four eyes on a manual release, parked messages listed and replayed (a message that fails again
 * is parked again, once), the ERP's acknowledgements recorded and a rejected package resent, and the
 * business meters on the Prometheus scrape.
 */
class OperationsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Topology topology;
    private static TestInfrastructure.Database database;
    private static ServiceHarness service;
    private static AdminHttp admin;
    private static AdminHttp viewer;
    private static AdminHttp secondAdmin;

    @BeforeAll
    static void start() {
        topology = new Topology(TestInfrastructure.newNamespace());
        database = TestInfrastructure.get().newPostgresSchema();
        service = ServiceHarness.start(topology, database, Map.of(
                "billwright.admin.username", "ops", "billwright.admin.password", "ops-test-secret",
                "billwright.operations.users", "vera:viewer-secret:viewer,ada:ada-secret:admin",
                "billwright.operations.gauge-refresh", "200ms", "billwright.operations.dead-letter-reasons-every", "1s",
                "billwright.operations.unacknowledged-after", "1h"));
        admin = new AdminHttp(service, "ops", "ops-test-secret");
        viewer = new AdminHttp(service, "vera", "viewer-secret");
        secondAdmin = new AdminHttp(service, "ada", "ada-secret");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        try (TestBroker broker = new TestBroker()) {
            broker.deleteNamespace(topology);
        }
    }

    @Test
    void heldItemsAreListedWithTheirAgeAndReleasedOnlyUnderFourEyes() throws Exception {
        String contract = TestMessages.uniqueContractId();
        try (TestBroker broker = new TestBroker()) {
            broker.publish(topology, TestMessages.timeEntry(contract, "TE-1", LocalDate.of(2026, 1, 5), "8", "APPROVED"));
            JsonNode listed = await(() -> json(viewer.get("/ops/api/exceptions?contract=" + contract)),
                    page -> page.path("count").asInt() == 1);
            JsonNode item = listed.path("items").get(0);
            assertThat(item.path("itemId").asString()).isEqualTo("TE-1");
            assertThat(item.path("status").asString()).isEqualTo("HELD");
            assertThat(item.path("reason").asString()).isEqualTo("AWAITING_CONTRACT");
            assertThat(item.path("rule").asString()).as("the rule behind the hold").isNotBlank();
            assertThat(item.path("aging").asString()).isEqualTo("0-7");
            assertThat(listed.path("buckets").get(0).path("count").asInt()).isEqualTo(1);
            assertThat(json(viewer.get("/ops/api/exceptions?contract=" + contract + "&reason=cap_exceeded"))
                    .path("count").asInt()).as("filtered by another reason").isZero();
            assertThat(json(viewer.get("/ops/api/exceptions?contract=" + contract + "&aging=8-30"))
                    .path("count").asInt()).as("filtered by another bucket").isZero();

            HttpResponse<String> unpriced = viewer.post("/ops/api/manual-decisions", """
                    {"contractId": "%s", "itemId": "TE-1", "action": "RELEASE", "reason": "agreed"}""".formatted(contract));
            assertThat(unpriced.statusCode()).isEqualTo(409);
            assertThat(unpriced.body()).as("held for nothing: a release would bill nothing").contains("held for nothing");

            // the contract comes, with a receipt threshold: an expense without its receipt is held for its amount
            broker.publish(topology, withReceiptThreshold(TestMessages.contract(contract, "NETSUITE")));
            broker.publish(topology, withoutReceipt(TestMessages.expense(contract, "EX-1", "420.00", "EUR")));
            JsonNode expense = await(() -> json(viewer.get("/ops/api/exceptions?contract=" + contract
                    + "&reason=MISSING_RECEIPT")), page -> page.path("count").asInt() == 1).path("items").get(0);
            assertThat(expense.path("amount").decimalValue()).isEqualByComparingTo("420.00");
            assertThat(expense.path("rule").asString()).as("the rule behind the hold, not the engine's precedence")
                    .startsWith("Expense:");

            HttpResponse<String> noReason = viewer.post("/ops/api/manual-decisions", """
                    {"contractId": "%s", "itemId": "EX-1", "action": "RELEASE", "reason": " "}""".formatted(contract));
            assertThat(noReason.statusCode()).isEqualTo(400);
            assertThat(noReason.body()).contains("reason is required");
            HttpResponse<String> asked = viewer.post("/ops/api/manual-decisions", """
                    {"contractId": "%s", "itemId": "EX-1", "action": "WRITE_OFF", "reason": "client never signed"}"""
                    .formatted(contract));
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
            String requestId = JSON.readTree(asked.body()).path("requestId").asString();
            assertThat(JSON.readTree(asked.body()).path("itemKey").asString()).isEqualTo("EXPENSE:EX-1");
            assertThat(viewer.post("/ops/api/manual-decisions", """
                    {"contractId": "%s", "itemId": "EX-1", "action": "RELEASE", "reason": "again"}"""
                    .formatted(contract)).statusCode()).as("one open request per item").isEqualTo(409);

            assertThat(viewer.post("/ops/api/manual-decisions/" + requestId + "/approve", "").statusCode())
                    .as("a viewer cannot approve").isEqualTo(403);

            HttpResponse<String> approved = admin.post("/ops/api/manual-decisions/" + requestId + "/approve",
                    "{\"note\": \"checked with the engagement lead\"}");
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
            assertThat(JSON.readTree(approved.body()).path("status").asString()).isEqualTo("APPROVED");
            assertThat(JSON.readTree(approved.body()).path("decidedBy").asString()).isEqualTo("ops");
            assertThat(admin.post("/ops/api/manual-decisions/" + requestId + "/approve", "").statusCode())
                    .as("approved once").isEqualTo(409);

            JsonNode writtenOff = await(() -> json(viewer.get("/ops/api/exceptions?contract=" + contract
                    + "&reason=WRITTEN_OFF")), page -> page.path("count").asInt() == 1).path("items").get(0);
            assertThat(writtenOff.path("itemId").asString()).isEqualTo("EX-1");
            assertThat(writtenOff.path("status").asString()).isEqualTo("REJECTED");
            JsonNode receipt = json(admin.get("/admin/receipts/items?contract=" + contract + "&item=EX-1"));
            JsonNode last = receipt.path("decisions").get(receipt.path("decisions").size() - 1);
            assertThat(last.path("reason").asString()).isEqualTo("WRITTEN_OFF");
            assertThat(last.path("detail").asString()).as("the receipt says who and why").contains("vera")
                    .contains("ops").contains("client never signed");
            assertThat(last.path("rules").toString()).as("a decision of its own").contains("finance wrote off");
            String events = "select count(*) from event_log where message_id = 'manual-" + requestId + "'";
            assertThat(Sql.awaitCount(database, events, n -> n == 1, Duration.ofSeconds(20)))
                    .as("the approval reached the contract's partition and the event log").isEqualTo(1);
            JsonNode audit = json(viewer.get("/ops/api/audit"));
            assertThat(audit.toString()).contains("REQUEST_WRITE_OFF").contains("APPROVE_WRITE_OFF").contains("vera");
        }
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() throws Exception {
        String contract = TestMessages.uniqueContractId();
        try (TestBroker broker = new TestBroker()) {
            broker.publish(topology, withReceiptThreshold(TestMessages.contract(contract, "NETSUITE")));
            broker.publish(topology, withoutReceipt(TestMessages.expense(contract, "EX-9", "180.00", "EUR")));
            await(() -> json(viewer.get("/ops/api/exceptions?contract=" + contract)), p -> p.path("count").asInt() == 1);
            HttpResponse<String> asked = secondAdmin.post("/ops/api/manual-decisions", """
                    {"contractId": "%s", "itemId": "EX-9", "action": "RELEASE", "reason": "approved by phone"}"""
                    .formatted(contract));
            String requestId = JSON.readTree(asked.body()).path("requestId").asString();
            HttpResponse<String> own = secondAdmin.post("/ops/api/manual-decisions/" + requestId + "/approve", "");
            assertThat(own.statusCode()).isEqualTo(403);
            assertThat(own.body()).contains("four eyes");
            HttpResponse<String> refused = admin.post("/ops/api/manual-decisions/" + requestId + "/refuse",
                    "{\"note\": \"no written approval\"}");
            assertThat(JSON.readTree(refused.body()).path("status").asString()).isEqualTo("REFUSED");
            assertThat(Sql.awaitCount(database, "select count(*) from event_log where message_id = 'manual-" + requestId
                    + "'", n -> n > 0, Duration.ofSeconds(1))).as("nothing published").isZero();
        }
    }

    @Test
    void anApprovalOfAnItemThatChangedSinceTheRequestIsRefused() throws Exception {
        String contract = TestMessages.uniqueContractId();
        try (TestBroker broker = new TestBroker()) {
            broker.publish(topology, withReceiptThreshold(TestMessages.contract(contract, "NETSUITE")));
            broker.publish(topology, withoutReceipt(TestMessages.expense(contract, "EX-4", "300.00", "EUR")));
            await(() -> json(viewer.get("/ops/api/exceptions?contract=" + contract)), p -> p.path("count").asInt() == 1);
            String requestId = JSON.readTree(viewer.post("/ops/api/manual-decisions", """
                    {"contractId": "%s", "itemId": "EX-4", "action": "RELEASE", "reason": "receipt on file"}"""
                    .formatted(contract)).body()).path("requestId").asString();
            // the expense is corrected upstream before anyone approves: 350.00, still without its receipt
            Msg corrected = withoutReceipt(TestMessages.expense(contract, "EX-4", "350.00", "EUR"));
            broker.publish(topology, new Msg(corrected.routingKey(), corrected.id() + "-v2", corrected.body()
                    .replace(corrected.id(), corrected.id() + "-v2")));
            await(() -> json(viewer.get("/ops/api/exceptions?contract=" + contract)),
                    p -> p.path("items").get(0).path("amount").decimalValue().compareTo(new java.math.BigDecimal("350")) == 0);
            HttpResponse<String> approval = admin.post("/ops/api/manual-decisions/" + requestId + "/approve", "");
            assertThat(approval.statusCode()).isEqualTo(409);
            assertThat(approval.body()).contains("changed since").contains("350");
            assertThat(JSON.readTree(viewer.get("/ops/api/manual-decisions?status=pending").body()).toString())
                    .as("still pending, nothing published").contains(requestId);
            assertThat(viewer.get("/ops/api/manual-decisions?status=maybe").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aBrowserIsNeverAskedForBasicCredentials() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + service.httpPort();
        HttpResponse<String> api = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/ops/api/me"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).as("no Basic challenge: a browser keeps no credentials")
                .isEmpty();
        HttpResponse<String> page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/ops/"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("a page is sent to the sign-in form").isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> forged = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/admin/rules/rollback")).POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a change without credentials or token").isIn(401, 403);
    }

    @Test
    void parkedMessagesAreListedAndReplayedOnceWithAnAudit() throws Exception {
        String contract = TestMessages.uniqueContractId();
        try (TestBroker broker = new TestBroker()) {
            // bad input: parked by the service, and parked again when replayed unchanged
            String badId = "bad-" + contract;
            broker.publish(topology.inboundExchange(), "timeentry.recorded.v1",
                    "{\"not\": \"an event\"".getBytes(StandardCharsets.UTF_8), badId,
                    Map.of("partitionkey", contract));
            // a good message parked while upstream was broken (as the service parks one: reason, original queue)
            Msg good = TestMessages.contract(contract, "NETSUITE");
            String partition = topology.partitionQueue(0);
            broker.publish(topology.deadLetterExchange(), "parked", good.body().getBytes(StandardCharsets.UTF_8),
                    good.id(), Map.of("partitionkey", contract, DeadLetterPublisher.REASON, "PROCESSING_FAILED",
                            DeadLetterPublisher.ORIGINAL_QUEUE, partition, DeadLetterPublisher.DETAIL, "upstream outage"));

            JsonNode parked = await(() -> json(viewer.get("/ops/api/dead-letters")),
                    page -> page.path("messages").size() >= 2);
            assertThat(parked.path("messages").findValuesAsString("messageId")).contains(badId, good.id());
            JsonNode bad = find(parked.path("messages"), badId);
            assertThat(bad.path("reason").asString()).isEqualTo("MALFORMED_JSON");
            assertThat(bad.path("originalQueue").asString()).startsWith(topology.namespace() + ".inbound.partition.");

            assertThat(viewer.post("/ops/dead-letters/replay", "{\"messageIds\": [\"" + badId + "\"]}").statusCode())
                    .as("a viewer cannot replay").isEqualTo(403);
            HttpResponse<String> replayed = admin.post("/ops/dead-letters/replay",
                    "{\"messageIds\": [\"" + badId + "\", \"" + good.id() + "\", \"no-such-message\"]}");
            assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
            JsonNode result = JSON.readTree(replayed.body());
            assertThat(result.path("replayed").toString()).contains(badId).contains(good.id());
            assertThat(result.path("notFound").toString()).contains("no-such-message");

            assertThat(Sql.awaitCount(database, "select count(*) from event_log where message_id = '" + good.id() + "'",
                    n -> n == 1, Duration.ofSeconds(20))).as("the good message went the normal way").isEqualTo(1);
            JsonNode again = await(() -> json(viewer.get("/ops/api/dead-letters")),
                    page -> find(page.path("messages"), badId) != null && !page.path("messages").toString().contains(
                            "\"messageId\":\"" + good.id() + "\""));
            JsonNode reparked = find(again.path("messages"), badId);
            assertThat(reparked.path("replays").asInt()).as("parked again, with its replay counted").isEqualTo(1);
            assertThat(reparked.path("reason").asString()).isEqualTo("MALFORMED_JSON");
            Thread.sleep(1_000);
            assertThat(json(viewer.get("/ops/api/dead-letters")).path("messages").findValuesAsString("messageId")
                    .stream().filter(badId::equals).count()).as("parked once, never looped").isEqualTo(1);
            assertThat(json(viewer.get("/ops/api/audit")).toString()).contains("REPLAY_DEAD_LETTER").contains(badId);
        }
    }

    @Test
    void theDeadLettersToolListsAndReplaysAsThePersonRunningIt() throws Exception {
        String contract = TestMessages.uniqueContractId();
        Msg good = TestMessages.contract(contract, "DYNAMICS_365");
        try (TestBroker broker = new TestBroker()) {
            broker.publish(topology.deadLetterExchange(), "parked", good.body().getBytes(StandardCharsets.UTF_8),
                    good.id(), Map.of("partitionkey", contract, DeadLetterPublisher.REASON, "UNKNOWN_TYPE",
                            DeadLetterPublisher.ORIGINAL_QUEUE, topology.partitionQueue(1)));
        }
        String service = "http://127.0.0.1:" + service().httpPort();
        String[] listed = tool("dead-letters", "list", "--service", service, "--user", "vera", "--password",
                "viewer-secret", "--reason", "UNKNOWN_TYPE");
        assertThat(listed[0]).as(listed[1]).contains(good.id()).contains("UNKNOWN_TYPE");
        String[] refused = tool("dead-letters", "replay", good.id(), "--service", service, "--user", "vera",
                "--password", "viewer-secret");
        assertThat(refused[1]).contains("may not").contains("admin");
        String[] replayed = tool("dead-letters", "replay", good.id(), "--service", service, "--user", "ada",
                "--password", "ada-secret");
        assertThat(replayed[0]).as(replayed[1]).contains("replayed  " + good.id());
        assertThat(Sql.awaitCount(database, "select count(*) from event_log where message_id = '" + good.id() + "'",
                n -> n == 1, Duration.ofSeconds(20))).isEqualTo(1);
        assertThat(Sql.count(database, "select count(*) from ops_audit where actor = 'ada' and subject = '"
                + good.id() + "'")).isEqualTo(1);
        String[] nobody = tool("dead-letters", "list", "--service", "http://127.0.0.1:1", "--user", "ada",
                "--password", "x");
        assertThat(nobody[1]).contains("no service answers at http://127.0.0.1:1");
    }

    private static ServiceHarness service() {
        return service;
    }

    /** Runs a jar tool in this JVM: its standard output and its errors. */
    private static String[] tool(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        io.billwright.messaging.tools.BillwrightTools.run(args, new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(err, true));
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void acknowledgementsAreRecordedAndARejectedPackageIsResent() throws Exception {
        String contract = TestMessages.uniqueContractId();
        try (TestBroker broker = new TestBroker()) {
            broker.publish(topology, TestMessages.contract(contract, "NETSUITE"));
            broker.publish(topology, TestMessages.timeEntry(contract, "TE-1", LocalDate.of(2026, 3, 2), "6", "APPROVED"));
            broker.publish(topology, TestMessages.periodClosed(contract, "2026-03", LocalDate.of(2026, 3, 1),
                    LocalDate.of(2026, 3, 31)));
            String packageId = await(() -> json(viewer.get("/ops/api/packages?contract=" + contract)),
                    list -> list.size() == 1 && list.get(0).path("standing").asString().equals("AWAITING"))
                    .get(0).path("packageId").asString();
            String queue = topology.erpQueue(ErpTarget.NETSUITE);
            assertThat(broker.await(queue, 1, Duration.ofSeconds(20))).hasSize(1);

            acknowledge(broker, "ack-1-" + contract, "io.billwright.erp.rejected.v1",
                    "{\"packageId\": \"" + packageId + "\", \"reasonCode\": \"PERIOD_CLOSED\", \"reason\": \"March is closed\"}");
            acknowledge(broker, "ack-1-" + contract, "io.billwright.erp.rejected.v1",
                    "{\"packageId\": \"" + packageId + "\", \"reason\": \"a redelivery\"}");
            JsonNode rejected = await(() -> json(viewer.get("/ops/api/packages?standing=rejected&contract=" + contract)),
                    list -> list.size() == 1);
            assertThat(rejected.get(0).path("erpReason").asString()).isEqualTo("PERIOD_CLOSED: March is closed");
            JsonNode reconciliation = json(viewer.get("/ops/contracts/" + contract + "/reconciliation?asOf=2026-03-31"));
            assertThat(reconciliation.path("rejected").get(0).path("erpReason").asString())
                    .as("reconciliation shows the ERP's reason").isEqualTo("PERIOD_CLOSED: March is closed");
            JsonNode figures = reconciliation.path("figures");
            assertThat(figures.path("balanced").asBoolean()).as(figures.toString()).isTrue();
            assertThat(figures.path("recorded").path("count").asInt()).isEqualTo(1);
            assertThat(figures.path("billedNet").path("count").asInt()).isEqualTo(1);
            assertThat(figures.path("billedNet").path("amount").decimalValue())
                    .isEqualByComparingTo(figures.path("recorded").path("amount").decimalValue()).isPositive();
            assertThat(json(viewer.get("/ops/contracts/" + contract + "/reconciliation?asOf=2026-02-28"))
                    .path("figures").path("recorded").path("count").asInt()).as("as of before the work").isZero();
            assertThat(viewer.get("/ops/contracts/" + contract + "/reconciliation?asOf=March").statusCode()).isEqualTo(400);
            HttpResponse<String> portfolio = viewer.get("/ops/reconciliation.csv?asOf=2026-03-31");
            assertThat(portfolio.statusCode()).isEqualTo(200);
            String row = portfolio.body().lines().filter(line -> line.contains(contract)).findFirst().orElseThrow();
            assertThat(row).as("the portfolio CSV has the contract's row").contains("EUR");
            assertThat(portfolio.body().lines().findFirst().orElseThrow()).contains("Contract");
            HttpResponse<String> workbook = viewer.get("/ops/reconciliation.xlsx");
            assertThat(workbook.statusCode()).isEqualTo(200);
            assertThat(workbook.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
            assertThat(viewer.get("/ops/contracts/no-such-contract/reconciliation").statusCode()).isEqualTo(404);

            JsonNode asException = json(viewer.get("/ops/api/exceptions?contract=" + contract + "&reason=ERP_REJECTED"));
            assertThat(asException.path("items").get(0).path("itemId").asString()).as("a rejection is an exception")
                    .isEqualTo(packageId);
            assertThat(asException.path("items").get(0).path("detail").asString()).contains("March is closed");
            assertThat(viewer.post("/ops/api/packages/" + packageId + "/resend", "").statusCode()).isEqualTo(403);
            HttpResponse<String> resent = admin.post("/ops/api/packages/" + packageId + "/resend",
                    "{\"note\": \"period reopened\"}");
            assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
            List<TestBroker.Received> again = broker.await(queue, 1, Duration.ofSeconds(20));
            assertThat(again).singleElement().satisfies(m -> assertThat(m.messageId()).isEqualTo(packageId));

            acknowledge(broker, "ack-2-" + contract, "io.billwright.erp.posted.v1",
                    "{\"packageId\": \"" + packageId + "\", \"erpDocumentNumber\": \"INV-10042\"}");
            JsonNode posted = await(() -> json(viewer.get("/ops/api/packages?standing=posted&contract=" + contract)),
                    list -> list.size() == 1);
            assertThat(posted.get(0).path("erpDocument").asString()).isEqualTo("INV-10042");
            assertThat(Sql.awaitCount(database, "select count(*) from erp_acknowledgement where package_id = '"
                    + packageId + "'", n -> n == 2, Duration.ofSeconds(10))).as("the redelivery recorded once").isEqualTo(2);

            acknowledge(broker, "ack-3-" + contract, "io.billwright.erp.posted.v1",
                    "{\"packageId\": \"no-such-package\", \"erpDocumentNumber\": \"INV-1\"}");
            acknowledge(broker, "ack-4-" + contract, "io.billwright.erp.posted.v1", "{\"packageId\": \"" + packageId + "\"}");
            JsonNode parked = await(() -> json(viewer.get("/ops/api/dead-letters")),
                    page -> find(page.path("messages"), "ack-4-" + contract) != null
                            && find(page.path("messages"), "ack-3-" + contract) != null);
            assertThat(find(parked.path("messages"), "ack-3-" + contract).path("reason").asString())
                    .isEqualTo("UNKNOWN_PACKAGE");
            JsonNode missing = find(parked.path("messages"), "ack-4-" + contract);
            assertThat(missing.path("reason").asString()).isEqualTo("INVALID_ACKNOWLEDGEMENT");
            assertThat(missing.path("field").asString()).isEqualTo("data.erpDocumentNumber");

            // an item held (its contract not come yet), so the held-value gauge and the exceptions counter have a row
            broker.publish(topology, TestMessages.timeEntry(contract + "-later", "TE-5", LocalDate.of(2026, 3, 3), "2",
                    "APPROVED"));
            String scrape = await(() -> admin.get("/actuator/prometheus").body(),
                    body -> body.contains("billwright_held_value{") && body.contains("billwright_dead_letter_depth{")
                            && body.contains("billwright_exceptions_total{"));
            assertThat(scrape).contains("billwright_approval_to_erp_seconds_count{erp=\"netsuite\"")
                    .contains("billwright_close_to_package_seconds_count{erp=\"netsuite\"")
                    .contains("billwright_packages_amount_total{currency=\"EUR\",document=\"invoice\",erp=\"netsuite\"")
                    .contains("billwright_erp_acknowledgements_total{outcome=\"rejected\"")
                    .contains("billwright_packages_rejected{erp=\"netsuite\"")
                    .contains("billwright_packages_unacknowledged{erp=\"netsuite\"");
            assertThat(OpsDocuments.metricNames()).as("every metric the dashboard and the alerts use")
                    .allSatisfy(name -> assertThat(OpsDocuments.exposes(scrape, name)).as(name).isTrue());
        }
    }

    /** The contract with a receipt threshold for travel: an expense above it without a receipt is held. */
    static Msg withReceiptThreshold(Msg contract) {
        return new Msg(contract.routingKey(), contract.id(), contract.body().replace("\"erpTarget\"",
                "\"expensePolicy\":{\"billableCategories\":[\"TRAVEL\"],\"receiptThreshold\":\"75.00\"},\"erpTarget\""));
    }

    static Msg withoutReceipt(Msg expense) {
        return new Msg(expense.routingKey(), expense.id(), expense.body().replace("\"receipt\":true", "\"receipt\":false"));
    }

    private static void acknowledge(TestBroker broker, String id, String type, String data) {
        String body = """
                {"id": "%s", "source": "/connectors/netsuite", "specversion": "1.0", "type": "%s",
                 "time": "2026-04-02T10:00:00Z", "data": %s}""".formatted(id, type, data);
        broker.publish(topology.acknowledgementsExchange(), type.substring("io.billwright.".length()),
                body.getBytes(StandardCharsets.UTF_8), id, null);
    }

    private static JsonNode find(JsonNode messages, String messageId) {
        for (JsonNode message : messages) {
            if (message.path("messageId").asString().equals(messageId)) {
                return message;
            }
        }
        return null;
    }

    private static JsonNode json(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static <T> T await(Callable<T> read, java.util.function.Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T last = read.call();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            last = read.call();
        }
        assertThat(done.test(last)).as("waited 30 s for: " + last).isTrue();
        return last;
    }
}
