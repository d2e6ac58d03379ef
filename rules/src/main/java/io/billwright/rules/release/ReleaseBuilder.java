package io.billwright.rules.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.billwright.engine.ruleset.RuleSetHashing;
import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.lint.Finding;
import io.billwright.engine.ruleset.lint.RuleTexts;
import io.billwright.rules.check.RuleSetCheck;
import io.billwright.rules.check.ScenarioLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a signed release from a rule folder: the same gate as the service's (executable model, bytecode
 * check, lint, scenarios in a bounded JVM), then the jar, its manifest and the signature. A rule set with
 * any error is not written.
 */
public final class ReleaseBuilder {

    /** What building gave: the check, and the jar when everything passed. */
    public record Outcome(RuleSetCheck check, ReleaseManifest manifest, byte[] jar) {
        public boolean built() {
            return jar != null;
        }
    }

    private final Clock clock;
    private final ScenarioLimits limits;

    public ReleaseBuilder(Clock clock, ScenarioLimits limits) {
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * @param version   the release version ({@code 2026.12.1})
     * @param root      what findings' file names are shown relative to (null: as they are)
     * @param builtBy   who builds it, recorded in the manifest
     */
    public Outcome build(List<RuleSource> sources, Path root, List<Path> scenarioFiles, String version,
                         String builtBy, SigningKey key) {
        RuleSetCheck check = RuleSetCheck.of(sources, version, root, scenarioFiles, RuleSetCheck.Isolation.SEPARATE_JVM,
                limits);
        if (!check.passed()) {
            return new Outcome(check, null, null);
        }
        Map<String, byte[]> entries = new TreeMap<>(ReleaseContents.entries(check.build().module()));
        Map<String, Path> carried = ReleaseContents.scenarioEntries(scenarioFiles);
        try {
            for (Map.Entry<String, Path> scenario : carried.entrySet()) {
                entries.put(scenario.getKey(), java.nio.file.Files.readAllBytes(scenario.getValue()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read a scenario file: " + e.getMessage(), e);
        }
        entries.put("META-INF/MANIFEST.MF", ReleaseJar.utf8("Manifest-Version: 1.0\nBillwright-Release: " + version
                + "\nCreated-By: billwright-rules release\n\n"));
        Map<String, String> hashes = new TreeMap<>();
        entries.forEach((name, bytes) -> hashes.put(name, ReleaseJar.sha256(bytes)));
        ReleaseManifest manifest = manifest(check, sources, carried, version, builtBy, hashes);
        try {
            byte[] manifestBytes = ReleaseJson.mapper().writeValueAsBytes(manifest);
            ReleaseSignature signature = new ReleaseSignature(
                    ReleaseKeys.signatureAlgorithm(key.privateKey().getAlgorithm()), key.keyId(),
                    Base64.getEncoder().encodeToString(ReleaseKeys.sign(manifestBytes, key.privateKey())));
            entries.put(ReleaseJar.MANIFEST, manifestBytes);
            entries.put(ReleaseJar.SIGNATURE, ReleaseJson.mapper().writeValueAsBytes(signature));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the release manifest", e);
        }
        return new Outcome(check, manifest, ReleaseJar.write(entries));
    }

    private ReleaseManifest manifest(RuleSetCheck check, List<RuleSource> sources, Map<String, Path> scenarioFiles,
                                     String version, String builtBy, Map<String, String> entries) {
        Map<String, String> sourceHashes = new TreeMap<>();
        sources.forEach(s -> sourceHashes.put(s.path(), ReleaseJar.sha256(s.content())));
        Map<String, String> descriptions = RuleTexts.descriptions(sources, check.compiled().rules());
        List<ReleaseManifest.Rule> rules = check.compiled().rules().stream()
                .map(r -> new ReleaseManifest.Rule(r.packageName(), r.name(), descriptions.getOrDefault(r.name(),
                        r.description()))).toList();
        List<ReleaseManifest.ScenarioOutcome> outcomes = new ArrayList<>();
        scenarioFiles.keySet().forEach(entry -> outcomes.add(new ReleaseManifest.ScenarioOutcome(
                entry.substring(ReleaseContents.SCENARIOS.length()), true, List.of())));
        return new ReleaseManifest(ReleaseManifest.FORMAT, version, RuleSetHashing.hash(sources), sourceHashes, entries,
                check.build().module().modelClasses(), Versions.drools(), new ReleaseManifest.FactModel(
                Versions.factModel(), List.copyOf(check.build().check().factModelUses())), rules,
                check.findings().stream().map(Finding::toString).toList(),
                new ReleaseManifest.Scenarios(check.scenarios(), check.scenarios() - check.failed(), check.failed(),
                        outcomes),
                new TreeMap<>(check.coverage()), builtBy, clock.instant());
    }
}
