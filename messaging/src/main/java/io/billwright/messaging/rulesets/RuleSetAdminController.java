package io.billwright.messaging.rulesets;

import io.billwright.engine.ruleset.RuleInfo;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /admin/rules}: the version in force, its files and rules, the versions kept; deploy a signed
 * release, roll back, the audit trail; and, in development mode only, reload a rule folder.
 */
@RestController
@RequestMapping("/admin/rules")
class RuleSetAdminController {

    /** A version as listed. */
    record Version(String version, String origin, Instant liveSince, List<String> files, List<RuleInfo> rules) {
        static Version of(LiveRuleSet live, boolean withRules) {
            return new Version(live.version(), live.origin(), live.liveSince(), withRules ? live.files() : null,
                    withRules ? live.rules().stream().map(r -> new RuleInfo(r.packageName(), r.name(),
                            live.descriptions().getOrDefault(r.name(), r.description()))).toList() : null);
        }
    }

    /** What {@code GET /admin/rules} answers. */
    record Listing(Version serving, List<Version> kept, ReloadOutcome lastReload, long reloads, boolean development) {
    }

    private final RuleSetLibrary library;

    RuleSetAdminController(RuleSetLibrary library) {
        this.library = library;
    }

    @GetMapping
    Listing list() {
        return new Listing(Version.of(library.live(), true),
                library.versions().stream().map(v -> Version.of(v, false)).toList(), library.lastReload(),
                library.attempts(), library.development());
    }

    /**
     * Deploys a signed release: {@code {"version": "2026.12.1"}} from the releases folder, or
     * {@code {"coordinates": "group:artifact:version"}} from the local Maven repository. 200 when it serves,
     * 404 when there is no such release, 422 with the reason when a check refused it.
     */
    @PostMapping("/deploy")
    ResponseEntity<ReloadOutcome> deploy(@RequestBody(required = false) RuleSetLibrary.DeployRequest request,
                                         @RequestParam(defaultValue = "false") boolean verify, Principal who) {
        ReloadOutcome outcome = library.deploy(request == null ? new RuleSetLibrary.DeployRequest(null, null) : request,
                who == null ? null : who.getName(), verify);
        return ResponseEntity.status(status(outcome)).body(outcome);
    }

    /** 200 when the folder went live (or already serves), 422 with every finding when it was refused. */
    @PostMapping("/reload")
    ResponseEntity<ReloadOutcome> reload(Principal who) {
        ReloadOutcome outcome = library.reload(who == null ? null : who.getName());
        return ResponseEntity.status("DEVELOPMENT_MODE_OFF".equals(outcome.reason()) ? HttpStatus.CONFLICT
                : status(outcome)).body(outcome);
    }

    /** 200 with the version back in force, 409 when no earlier version is kept. */
    @PostMapping("/rollback")
    ResponseEntity<?> rollback(Principal who) {
        return library.rollback(who == null ? null : who.getName()).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT)
                        .body(Map.of("error", "no earlier rule-set version is kept to roll back to",
                                "serving", library.live().version())));
    }

    /** Every deploy, rollback, reload and refused attempt, newest first. */
    @GetMapping("/history")
    List<RuleSetAudit.Entry> history(@RequestParam(defaultValue = "100") int limit) {
        return library.auditTrail(Math.min(Math.max(limit, 1), 1000));
    }

    private static HttpStatus status(ReloadOutcome outcome) {
        return switch (outcome.status()) {
            case "NOT_FOUND" -> HttpStatus.NOT_FOUND;
            case "REJECTED" -> HttpStatus.UNPROCESSABLE_CONTENT;
            default -> HttpStatus.OK;
        };
    }
}
