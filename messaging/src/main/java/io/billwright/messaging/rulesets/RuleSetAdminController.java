package io.billwright.messaging.rulesets;

import io.billwright.engine.ruleset.RuleInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /admin/rules}: the version in force, its files and rules, the versions kept; reload and rollback. */
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
    record Listing(Version serving, List<Version> kept, ReloadOutcome lastReload, long reloads) {
    }

    private final RuleSetLibrary library;

    RuleSetAdminController(RuleSetLibrary library) {
        this.library = library;
    }

    @GetMapping
    Listing list() {
        return new Listing(Version.of(library.live(), true),
                library.versions().stream().map(v -> Version.of(v, false)).toList(), library.lastReload(),
                library.attempts());
    }

    /** 200 when the folder went live (or already serves), 422 with every finding when it was refused. */
    @PostMapping("/reload")
    ResponseEntity<ReloadOutcome> reload() {
        ReloadOutcome outcome = library.reload();
        return ResponseEntity.status(outcome.status().equals("REJECTED") ? HttpStatus.UNPROCESSABLE_CONTENT
                : HttpStatus.OK).body(outcome);
    }

    /** 200 with the version back in force, 409 when no earlier version is kept. */
    @PostMapping("/rollback")
    ResponseEntity<?> rollback() {
        return library.rollback().<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT)
                        .body(Map.of("error", "no earlier rule-set version is kept to roll back to",
                                "serving", library.live().version())));
    }
}
