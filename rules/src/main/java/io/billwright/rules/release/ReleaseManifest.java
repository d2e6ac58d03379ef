package io.billwright.rules.release;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a release says of itself, in {@code META-INF/billwright/release.json}; the signature covers these
 * exact bytes, so everything here (the scenario results included) is as the builder wrote it.
 *
 * @param format        the manifest's own format, 1
 * @param version       the release version the analyst gave ({@code 2026.12.1})
 * @param ruleSetHash   the rule set's content hash (the same as a folder of these files would have)
 * @param sources       SHA-256 of every source file, by its path in the rule folder
 * @param entries       SHA-256 of every jar entry but the signature: nothing may be added, removed or changed
 * @param modelClasses  the executable model's {@code Model} classes, loaded to build the knowledge base
 * @param droolsVersion the Drools that compiled it
 * @param factModel     the fact model it was compiled against, and every member of it the rules use
 * @param rules         every rule with its description
 * @param findings      the warnings the checks left (a release has no errors)
 * @param scenarios     what the scenarios did, run in a separate bounded JVM
 * @param coverage      how often each rule fired in the scenarios
 * @param builtBy       who built it
 * @param builtAt       when
 */
public record ReleaseManifest(int format, String version, String ruleSetHash, Map<String, String> sources,
                              Map<String, String> entries, List<String> modelClasses, String droolsVersion,
                              FactModel factModel, List<Rule> rules, List<String> findings, Scenarios scenarios,
                              Map<String, Long> coverage, String builtBy, Instant builtAt) {

    public static final int FORMAT = 1;

    public ReleaseManifest {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(ruleSetHash, "ruleSetHash");
    }

    /** The version as receipts show it: {@code 2026.12.1@3f2a...}. */
    public String label() {
        return version + "@" + ruleSetHash;
    }

    /** @param uses members as {@code owner.nameDescriptor}, internal names ({@code io/billwright/...}) */
    public record FactModel(String version, List<String> uses) {
    }

    public record Rule(String packageName, String name, String description) {
    }

    /** @param results one per scenario file, in the order run */
    public record Scenarios(int run, int passed, int failed, List<ScenarioOutcome> results) {
    }

    /** @param failures every failed expectation as {@code file:line: message} */
    public record ScenarioOutcome(String file, boolean passed, List<String> failures) {
    }

    /** A copy with the entry hashes filled in (they are computed once everything else is written). */
    ReleaseManifest withEntries(Map<String, String> entryHashes) {
        return new ReleaseManifest(format, version, ruleSetHash, sources, entryHashes, modelClasses, droolsVersion,
                factModel, rules, findings, scenarios, coverage, builtBy, builtAt);
    }
}
