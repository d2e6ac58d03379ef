package io.billwright.messaging.operations;

import io.billwright.messaging.outbox.OutboxRepository;
import io.billwright.messaging.rulesets.RuleSetAudit;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operations API behind the operations page ({@code /ops/}): held and rejected items with aging, manual
 * decisions under four eyes, parked messages with replay, packages by their standing with the ERP, the
 * rule-set release history, the audit and the KPIs at a glance. Reading needs the {@code viewer} role;
 * approving, replaying and resending need {@code admin} ({@link OperationsSecurity}).
 */
@RestController
public class OperationsController {

    /** Asking for a manual decision. */
    public record DecisionRequest(String contractId, String itemId, String action, String reason) {
    }

    /** A note with an approval, refusal or resend. */
    public record Note(String note) {
    }

    /** The parked messages to replay. */
    public record Replay(List<String> messageIds) {
    }

    private final OpenExceptions exceptions;
    private final ManualDecisions decisions;
    private final DeadLetters deadLetters;
    private final ErpStatuses statuses;
    private final OpsAudit audit;
    private final RuleSetAudit releases;
    private final OutboxRepository outbox;
    private final Clock clock;
    private final int browseLimit;

    public OperationsController(OpenExceptions exceptions, ManualDecisions decisions, DeadLetters deadLetters,
                                ErpStatuses statuses, OpsAudit audit, RuleSetAudit releases, OutboxRepository outbox,
                                Clock clock, OperationsSettings settings) {
        this.exceptions = exceptions;
        this.decisions = decisions;
        this.deadLetters = deadLetters;
        this.statuses = statuses;
        this.audit = audit;
        this.releases = releases;
        this.outbox = outbox;
        this.clock = clock;
        this.browseLimit = settings.deadLetterBrowseLimit();
    }

    /** Who is signed in, with which roles, and the token a page sends with every change. */
    @GetMapping("/ops/api/me")
    Map<String, Object> me(Authentication authentication, CsrfToken csrf) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", authentication.getName());
        // roles only: Spring Security also grants the factors a person signed in with (FACTOR_PASSWORD)
        out.put("roles", authentication.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(name -> name.startsWith("ROLE_"))
                .map(name -> name.substring("ROLE_".length()).toLowerCase(Locale.ROOT)).sorted().toList());
        out.put("csrfHeader", csrf.getHeaderName());
        out.put("csrfToken", csrf.getToken());
        return out;
    }

    @GetMapping("/ops/api/exceptions")
    Map<String, Object> exceptions(@RequestParam(required = false) String status,
                                   @RequestParam(required = false) String reason,
                                   @RequestParam(required = false) String contract,
                                   @RequestParam(required = false) String currency,
                                   @RequestParam(required = false) String aging,
                                   @RequestParam(required = false) String rule,
                                   @RequestParam(defaultValue = "500") int limit) {
        List<OpenExceptions.OpenException> items = exceptions.list(
                new OpenExceptions.Filter(status, reason, contract, currency, aging, rule), clock.instant(),
                Math.min(Math.max(limit, 1), 10_000));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asOf", clock.instant().toString());
        out.put("count", items.size());
        out.put("buckets", OpenExceptions.buckets(items));
        out.put("items", items);
        return out;
    }

    @GetMapping("/ops/api/manual-decisions")
    List<ManualDecisions.Request> manualDecisions(@RequestParam(required = false) String status) {
        if (status == null || status.isBlank()) {
            return decisions.list(null, 500);
        }
        try {
            return decisions.list(ManualDecisions.Status.valueOf(status.trim().toUpperCase(Locale.ROOT)), 500);
        } catch (IllegalArgumentException e) {
            throw new ManualDecisions.Refused(400, "status '" + status + "': use one of "
                    + List.of(ManualDecisions.Status.values()));
        }
    }

    @PostMapping("/ops/api/manual-decisions")
    ResponseEntity<ManualDecisions.Request> requestDecision(@RequestBody DecisionRequest body, Principal user) {
        ManualDecisions.Action action;
        try {
            action = ManualDecisions.Action.valueOf(String.valueOf(body.action()).trim().toUpperCase(Locale.ROOT)
                    .replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ManualDecisions.Refused(400, "action '" + body.action() + "': use RELEASE or WRITE_OFF");
        }
        if (body.contractId() == null || body.itemId() == null) {
            throw new ManualDecisions.Refused(400, "contractId and itemId are required");
        }
        return ResponseEntity.status(201).body(decisions.request(body.contractId(), body.itemId(), action,
                body.reason(), user.getName()));
    }

    @PostMapping("/ops/api/manual-decisions/{id}/approve")
    ManualDecisions.Request approve(@PathVariable String id, @RequestBody(required = false) Note note, Principal user) {
        return decisions.approve(id, user.getName(), note == null ? null : note.note());
    }

    @PostMapping("/ops/api/manual-decisions/{id}/refuse")
    ManualDecisions.Request refuse(@PathVariable String id, @RequestBody(required = false) Note note,
                                   Authentication user) {
        ManualDecisions.Request request = decisions.find(id);
        boolean admin = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        if (!admin && !request.requestedBy().equalsIgnoreCase(user.getName())) {
            throw new ManualDecisions.Refused(403, "only an admin, or " + request.requestedBy()
                    + " who asked, can refuse " + id);
        }
        return decisions.refuse(id, user.getName(), note == null ? null : note.note());
    }

    @GetMapping("/ops/api/dead-letters")
    Map<String, Object> parked(@RequestParam(defaultValue = "200") int limit) {
        List<ParkedMessage> messages = deadLetters.list(Math.min(Math.max(limit, 1), browseLimit));
        Map<String, Long> byReason = new TreeMap<>();
        messages.forEach(m -> byReason.merge(m.reason(), 1L, Long::sum));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("depth", deadLetters.depth());
        out.put("byReason", byReason);
        out.put("messages", messages);
        return out;
    }

    /** Replays the parked messages named, audited, to the queues they came from. */
    @PostMapping("/ops/dead-letters/replay")
    DeadLetters.ReplayResult replay(@RequestBody Replay body, Principal user) {
        if (body == null || body.messageIds() == null || body.messageIds().isEmpty()) {
            throw new ManualDecisions.Refused(400, "name the messages to replay: {\"messageIds\": [\"...\"]}");
        }
        // each replay audited as it is acknowledged off the queue, so one that fails half-way leaves no replay unaudited
        DeadLetters.ReplayResult result = deadLetters.replay(body.messageIds(), user.getName(), browseLimit,
                id -> audit.record(user.getName(), "REPLAY_DEAD_LETTER", id, "replayed"));
        result.refused().forEach((id, why) -> audit.record(user.getName(), "REPLAY_REFUSED", id, why));
        return result;
    }

    @GetMapping("/ops/api/packages")
    List<ErpStatuses.PackageStatus> packages(@RequestParam(required = false) String standing,
                                              @RequestParam(required = false) String contract,
                                              @RequestParam(defaultValue = "500") int limit) {
        ErpStatuses.Standing filter;
        try {
            filter = standing == null || standing.isBlank() ? null
                    : ErpStatuses.Standing.valueOf(standing.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ManualDecisions.Refused(400, "standing '" + standing + "': use one of "
                    + List.of(ErpStatuses.Standing.values()));
        }
        return statuses.list(filter, contract, Math.min(Math.max(limit, 1), 10_000));
    }

    @PostMapping("/ops/api/packages/{id}/resend")
    ErpStatuses.PackageStatus resend(@PathVariable String id, @RequestBody(required = false) Note note,
                                     Principal user) {
        return statuses.resend(id, user.getName(), note == null ? null : note.note());
    }

    @GetMapping("/ops/api/audit")
    List<OpsAudit.Entry> audit(@RequestParam(defaultValue = "100") int limit) {
        return audit.recent(Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/ops/api/releases")
    List<RuleSetAudit.Entry> releases(@RequestParam(defaultValue = "50") int limit) {
        return releases.history(Math.min(Math.max(limit, 1), 500));
    }

    /** The figures at a glance: open exceptions, held value, packages awaiting the ERP, parked messages, outbox. */
    @GetMapping("/ops/api/kpis")
    Map<String, Object> kpis() {
        List<OpenExceptions.OpenException> open = exceptions.list(
                new OpenExceptions.Filter(null, null, null, null, null, null), clock.instant(), Integer.MAX_VALUE);
        Map<String, BigDecimal> heldByCurrency = new TreeMap<>();
        exceptions.heldValue().forEach((key, amount) -> heldByCurrency.merge(key.get(1), amount, BigDecimal::add));
        Map<String, Long> packageCounts = new TreeMap<>();
        statuses.counts().forEach((key, count) -> packageCounts.merge(key.get(0), count, Long::sum));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asOf", clock.instant().toString());
        out.put("held", open.stream().filter(o -> "HELD".equals(o.status())).count());
        out.put("rejected", open.stream().filter(o -> "REJECTED".equals(o.status())).count());
        out.put("heldValue", heldByCurrency);
        out.put("aging", OpenExceptions.buckets(open));
        out.put("unacknowledgedPackages", packageCounts.getOrDefault("unacknowledged", 0L));
        out.put("rejectedPackages", packageCounts.getOrDefault("rejected", 0L));
        out.put("unacknowledgedAfter", statuses.unacknowledgedAfter().toString());
        out.put("deadLetterDepth", deadLetters.depth());
        out.put("pendingApprovals", decisions.list(ManualDecisions.Status.PENDING, Integer.MAX_VALUE).size());
        out.put("outboxPending", outbox.pending());
        out.put("outboxOldestSeconds", outbox.oldestPendingSeconds(clock.instant()));
        return out;
    }
}
