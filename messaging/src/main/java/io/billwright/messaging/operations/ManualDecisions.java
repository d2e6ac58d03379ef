package io.billwright.messaging.operations;

import com.rabbitmq.client.AMQP;
import io.billwright.events.PartitionKey;
import io.billwright.events.WireJson;
import io.billwright.messaging.publish.ConfirmedPublisher;
import io.billwright.messaging.topology.Topology;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * Manual release or write-off of a held item, under four eyes: one person asks, with a reason; another
 * approves (never the one who asked). An approval publishes {@code io.billwright.item.manually-decided.v1}
 * to the inbound exchange with the contract's partition key, so the engine applies it in order with the
 * contract's other events, the event log keeps it (a replay decides the same), and the item's receipt
 * shows it as a decision of its own. The event's id is derived from the request, so approving twice (a
 * retry after a failure) changes nothing.
 */
public final class ManualDecisions {

    public static final String EVENT_TYPE = "io.billwright.item.manually-decided.v1";

    /** What is asked for. */
    public enum Action { RELEASE, WRITE_OFF }

    /** Where a request stands. */
    public enum Status { PENDING, APPROVING, APPROVED, REFUSED }

    /** The longest reason or note kept (the columns' size). */
    static final int MAX_TEXT = 2000;

    /** One request, with its approval or refusal once there is one. */
    public record Request(String requestId, String contractId, String itemId, String itemKey, Action action,
                          String reason,
                          BigDecimal amount, String currency, Status status, String requestedBy, Instant requestedAt,
                          String decidedBy, Instant decidedAt, String decisionNote) {
    }

    /** A request that cannot be made or decided as asked; {@code status} is the HTTP status that says so. */
    public static final class Refused extends RuntimeException {
        private final int status;

        public Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final JdbcClient jdbc;
    private final ConfirmedPublisher publisher;
    private final Topology topology;
    private final OpsAudit audit;
    private final Clock clock;
    private final Duration confirmTimeout;

    public ManualDecisions(JdbcClient jdbc, ConfirmedPublisher publisher, Topology topology, OpsAudit audit,
                           Clock clock, Duration confirmTimeout) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.topology = topology;
        this.audit = audit;
        this.clock = clock;
        this.confirmTimeout = confirmTimeout;
    }

    /** Asks to release or write off an item that is held now; one open request per item. */
    public synchronized Request request(String contractId, String itemId, Action action, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new Refused(400, "a reason is required: say why the item should be "
                    + (action == Action.RELEASE ? "released" : "written off"));
        }
        checkLength("reason", reason);
        List<Map<String, Object>> latest = jdbc.sql("select status, amount, currency from decision_log where id = "
                        + "(select max(id) from decision_log where contract_id = ? and item_id = ?)")
                .params(contractId, itemId).query().listOfRows();
        if (latest.isEmpty()) {
            throw new Refused(404, "no decision about item " + itemId + " of contract " + contractId);
        }
        if (!"HELD".equals(latest.get(0).get("status"))) {
            throw new Refused(409, "item " + itemId + " of contract " + contractId + " is "
                    + latest.get(0).get("status") + ", not held: only a held item can be released or written off");
        }
        Object held = latest.get(0).get("amount");
        if (held == null || ((BigDecimal) held).signum() == 0) {
            throw new Refused(409, "item " + itemId + " of contract " + contractId + " is held for nothing yet (the rules "
                    + "have not priced it): a release would bill nothing; settle what holds it first");
        }
        boolean open = jdbc.sql("select count(*) from manual_decision where contract_id = ? and item_id = ? "
                + "and status = 'PENDING'").params(contractId, itemId).query(Integer.class).single() > 0;
        if (open) {
            throw new Refused(409, "item " + itemId + " of contract " + contractId
                    + " already has a request awaiting approval");
        }
        String itemKey = stateKey(contractId, itemId);
        String id = "mr-" + UUID.randomUUID().toString().substring(0, 13);
        Instant now = clock.instant();
        jdbc.sql("insert into manual_decision (request_id, contract_id, item_id, item_key, action, reason, amount, "
                        + "currency, status, requested_by, requested_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)")
                .params(id, contractId, itemId, itemKey, action.name(), reason.trim(), latest.get(0).get("amount"),
                        latest.get(0).get("currency"), actor, Timestamp.from(now))
                .update();
        audit.record(actor, "REQUEST_" + action.name(), contractId + "/" + itemId, id + ": " + reason.trim());
        return find(id);
    }

    /**
     * Approves a pending request: publishes the decision to the contract's partition with a confirm, then
     * records the approval. The approver must not be the requester.
     */
    public synchronized Request approve(String requestId, String actor, String note) {
        checkLength("note", note);
        Request request = pending(requestId);
        if (request.requestedBy().equalsIgnoreCase(actor)) {
            throw new Refused(403, "four eyes: " + actor + " asked for " + requestId
                    + " and cannot approve it; another person must");
        }
        stillAsAsked(request);
        // claimed first, so a refusal (on any instance) cannot also win: only the claimant publishes
        int claimed = jdbc.sql("update manual_decision set status = 'APPROVING', decided_by = ? where request_id = ? "
                + "and status = 'PENDING'").params(actor, requestId).update();
        if (claimed != 1) {
            throw new Refused(409, "request " + requestId + " was decided by someone else meanwhile");
        }
        try {
            publish(request, actor);
        } catch (RuntimeException e) {
            jdbc.sql("update manual_decision set status = 'PENDING', decided_by = null where request_id = ? "
                    + "and status = 'APPROVING'").param(requestId).update();
            throw e;
        }
        jdbc.sql("update manual_decision set status = 'APPROVED', decided_at = ?, decision_note = ? "
                        + "where request_id = ? and status = 'APPROVING'")
                .params(Timestamp.from(clock.instant()), note, requestId).update();
        audit.record(actor, "APPROVE_" + request.action().name(), request.contractId() + "/" + request.itemId(),
                requestId + (note == null || note.isBlank() ? "" : ": " + note));
        return find(requestId);
    }

    /**
     * The item still stands as it did when asked: held, for the amount asked about. Otherwise the approver
     * would sign off something else (the item was re-priced, or is no longer held).
     */
    private void stillAsAsked(Request request) {
        List<Map<String, Object>> latest = jdbc.sql("select status, amount from decision_log where id = "
                        + "(select max(id) from decision_log where contract_id = ? and item_id = ?)")
                .params(request.contractId(), request.itemId()).query().listOfRows();
        Object status = latest.isEmpty() ? null : latest.get(0).get("status");
        BigDecimal amount = latest.isEmpty() ? null : (BigDecimal) latest.get(0).get("amount");
        boolean same = "HELD".equals(status) && amount != null && request.amount() != null
                && amount.compareTo(request.amount()) == 0;
        if (!same) {
            throw new Refused(409, "item " + request.itemId() + " of contract " + request.contractId()
                    + " changed since " + request.requestId() + " was asked (now " + status
                    + (amount == null ? "" : " for " + amount.stripTrailingZeros().toPlainString()) + "): refuse it"
                    + " and ask again if it still needs a decision");
        }
    }

    private static void checkLength(String field, String text) {
        if (text != null && text.length() > MAX_TEXT) {
            throw new Refused(400, "the " + field + " is " + text.length() + " characters; keep it to " + MAX_TEXT);
        }
    }

    /** Refuses a pending request: nothing is published. The requester may withdraw their own request this way. */
    public synchronized Request refuse(String requestId, String actor, String note) {
        checkLength("note", note);
        Request request = pending(requestId);
        int refused = jdbc.sql("update manual_decision set status = 'REFUSED', decided_by = ?, decided_at = ?, "
                        + "decision_note = ? where request_id = ? and status = 'PENDING'")
                .params(actor, Timestamp.from(clock.instant()), note, requestId).update();
        if (refused != 1) {
            throw new Refused(409, "request " + requestId + " was decided by someone else meanwhile");
        }
        audit.record(actor, "REFUSE_" + request.action().name(), request.contractId() + "/" + request.itemId(),
                requestId + (note == null || note.isBlank() ? "" : ": " + note));
        return find(requestId);
    }

    /**
     * Where the engine keeps the item in the contract's state ({@code TIME_ENTRY:TE-7}; the part of TE-7 a cap
     * held back is {@code EXCESS:TIME_ENTRY:TE-7}, decided as {@code TE-7#excess}): the event names it so.
     */
    private String stateKey(String contractId, String itemId) {
        boolean excess = itemId.endsWith(EXCESS_SUFFIX);
        String pattern = excess ? "EXCESS:%:" + like(itemId.substring(0, itemId.length() - EXCESS_SUFFIX.length()))
                : "%:" + like(itemId);
        List<String> keys = jdbc.sql("select item_key from contract_item where contract_id = ? and item_key like ? "
                        + "escape '\\'").params(contractId, pattern).query(String.class).list().stream()
                .filter(key -> excess == key.startsWith("EXCESS:"))
                .filter(key -> excess || key.substring(key.indexOf(':') + 1).equals(itemId))
                .toList();
        if (keys.size() != 1) {
            throw new Refused(409, keys.isEmpty() ? "item " + itemId + " of contract " + contractId
                    + " is not in the contract's state yet; try again in a moment"
                    : "item id " + itemId + " of contract " + contractId + " names " + keys.size()
                    + " items (" + String.join(", ", keys) + ")");
        }
        return keys.get(0);
    }

    private static final String EXCESS_SUFFIX = "#excess";

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Requests in this status (all when null), the newest first. */
    public List<Request> list(Status status, int limit) {
        String where = status == null ? "" : " where status = '" + status.name() + "'";
        return jdbc.sql("select * from manual_decision" + where + " order by requested_at desc")
                .query((rs, n) -> request(rs)).list().stream().limit(limit).toList();
    }

    public Request find(String requestId) {
        return jdbc.sql("select * from manual_decision where request_id = ?").param(requestId)
                .query((rs, n) -> request(rs)).optional()
                .orElseThrow(() -> new Refused(404, "no request " + requestId));
    }

    private Request pending(String requestId) {
        Request request = find(requestId);
        if (request.status() != Status.PENDING) {
            throw new Refused(409, "request " + requestId + " is " + request.status().name().toLowerCase(Locale.ROOT)
                    + " already (by " + request.decidedBy() + ")");
        }
        return request;
    }

    /** The event the engine applies, as the inbound contract defines it. */
    String event(Request request, String approver) {
        ObjectNode message = WireJson.mapper().createObjectNode();
        message.put("id", "manual-" + request.requestId());
        message.put("source", "/billwright/operations");
        message.put("specversion", "1.0");
        message.put("type", EVENT_TYPE);
        message.put("time", clock.instant().toString());
        message.put("datacontenttype", "application/json");
        message.put("correlationid", request.requestId());
        ObjectNode data = message.putObject("data");
        data.put("contractId", request.contractId());
        data.put("itemId", request.itemKey());
        data.put("action", request.action().name());
        data.put("reason", request.reason());
        data.put("requestedBy", request.requestedBy());
        data.put("approvedBy", approver);
        data.put("requestId", request.requestId());
        return WireJson.mapper().writeValueAsString(message);
    }

    private void publish(Request request, String approver) {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId("manual-" + request.requestId()).correlationId(request.requestId())
                .contentType("application/cloudevents+json").type(EVENT_TYPE).deliveryMode(2)
                .headers(Map.of(PartitionKey.HEADER, request.contractId())).build();
        String routingKey = EVENT_TYPE.substring("io.billwright.".length());
        ConfirmedPublisher.Confirmation confirmation = publisher.publishAndWait(topology.inboundExchange(), routingKey,
                properties, event(request, approver).getBytes(StandardCharsets.UTF_8), confirmTimeout);
        if (!confirmation.confirmed()) {
            throw new Refused(503, "the broker did not take the decision (" + confirmation.failure()
                    + "): approve again once it is back");
        }
    }

    private static Request request(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Request(rs.getString("request_id"), rs.getString("contract_id"), rs.getString("item_id"),
                rs.getString("item_key"), Action.valueOf(rs.getString("action")), rs.getString("reason"), rs.getBigDecimal("amount"),
                rs.getString("currency"), Status.valueOf(rs.getString("status")), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("decision_note"));
    }
}
