package io.billwright.rules.release;

import io.billwright.engine.ruleset.RuleSource;
import io.billwright.engine.ruleset.RuleSources;
import io.billwright.engine.ruleset.drools.model.CompiledModule;
import io.billwright.engine.ruleset.drools.model.ExecutableModelCompiler;
import io.billwright.rules.DefaultRuleSet;
import io.billwright.rules.check.ScenarioLimits;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Releases for tests: the default rule set built and signed the way {@code rules release} does it, and
 * crafted ones a builder would never write (re-signed after a change, or carrying a hostile class), which
 * the verifier must still refuse.
 */
public final class TestReleases {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T09:00:00Z"), ZoneOffset.UTC);
    public static final Path DEFAULT_RULES = Path.of("src/main/resources/billwright/rules");

    private TestReleases() {
    }

    public static SigningKey newKey() {
        KeyPair pair = ReleaseKeys.generate();
        return new SigningKey(pair.getPrivate(), pair.getPublic());
    }

    /** The default rule set (from {@code rulesDir}) released as {@code version}, with {@code scenarios}. */
    public static ReleaseBuilder.Outcome build(List<RuleSource> sources, List<Path> scenarios, String version,
                                               SigningKey key) {
        return new ReleaseBuilder(CLOCK, ScenarioLimits.DEFAULT).build(sources, null, scenarios, version, "test", key);
    }

    public static List<RuleSource> defaultSources() {
        return DefaultRuleSet.sources();
    }

    /** The release's entries with {@code change} applied to its manifest, re-hashed and signed again by {@code key}. */
    public static byte[] resigned(byte[] jar, SigningKey key, UnaryOperator<Map<String, byte[]>> changeEntries,
                                  UnaryOperator<ReleaseManifest> changeManifest) throws Exception {
        Map<String, byte[]> entries = new TreeMap<>(changeEntries.apply(new TreeMap<>(ReleaseJar.read(jar))));
        ReleaseManifest manifest = ReleaseJson.mapper().readValue(entries.remove(ReleaseJar.MANIFEST), ReleaseManifest.class);
        entries.remove(ReleaseJar.SIGNATURE);
        Map<String, String> hashes = new TreeMap<>();
        entries.forEach((name, bytes) -> hashes.put(name, ReleaseJar.sha256(bytes)));
        manifest = changeManifest.apply(manifest.withEntries(hashes));
        byte[] manifestBytes = ReleaseJson.mapper().writeValueAsBytes(manifest);
        entries.put(ReleaseJar.MANIFEST, manifestBytes);
        entries.put(ReleaseJar.SIGNATURE, ReleaseJson.mapper().writeValueAsBytes(new ReleaseSignature(
                ReleaseKeys.signatureAlgorithm(key.privateKey().getAlgorithm()), key.keyId(),
                Base64.getEncoder().encodeToString(ReleaseKeys.sign(manifestBytes, key.privateKey())))));
        return ReleaseJar.write(entries);
    }

    /**
     * {@code jar} with every class of a module compiled, unchecked, from {@code drl} added, its model listed
     * first, and signed by {@code key}: what a builder that skipped the checks would ship.
     */
    public static byte[] withUncheckedRules(byte[] jar, SigningKey key, String drl) throws Exception {
        CompiledModule hostile = new ExecutableModelCompiler().compile(List.of(RuleSource.of("tm/hostile.drl", drl)));
        return resigned(jar, key, entries -> {
            hostile.classes().forEach((name, bytes) -> entries.put(CompiledModule.entryName(name), bytes));
            List<String> models = new ArrayList<>(hostile.modelClasses());
            models.addAll(new String(entries.get(ReleaseJar.MODEL_LIST)).lines().toList());
            entries.put(ReleaseJar.MODEL_LIST, String.join("\n", models).getBytes());
            entries.put(ReleaseJar.SOURCES + "tm/hostile.drl", drl.getBytes());
            return entries;
        }, manifest -> manifest);
    }

    static List<RuleSource> folder(Path dir) {
        return RuleSources.fromDirectory(dir);
    }
}
