package io.billwright.rules.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billwright.engine.ruleset.RuleSetHashing;
import io.billwright.engine.ruleset.drools.model.ModuleLoader;
import io.billwright.engine.ruleset.RuleSetVersion;
import io.billwright.rules.release.ReleaseRefusedException.Reason;
import io.billwright.rules.scenario.ScenarioFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default rule set released, verified, and refused in every way a release can be wrong. */
class ReleaseTest {

    private static final SigningKey KEY = TestReleases.newKey();
    private static ReleaseBuilder.Outcome release;
    private static List<Path> scenarios;

    @BeforeAll
    static void buildTheDefaultRelease() throws Exception {
        scenarios = ScenarioFiles.under(List.of(Path.of("src/test/resources/scenarios")));
        release = TestReleases.build(TestReleases.defaultSources(), scenarios, "2026.12.1", KEY);
    }

    private static ReleaseVerifier trusting(SigningKey... keys) {
        return new ReleaseVerifier(java.util.Arrays.stream(keys).map(SigningKey::publicKey).toList());
    }

    @Test
    void aReleaseCarriesItsClassesSourcesAndAManifestOfEverythingItWasCheckedWith() {
        assertThat(release.built()).as(release.check().findings().toString()).isTrue();
        ReleaseManifest manifest = release.manifest();

        assertThat(manifest.version()).isEqualTo("2026.12.1");
        assertThat(manifest.ruleSetHash()).isEqualTo(RuleSetHashing.hash(TestReleases.defaultSources()));
        assertThat(manifest.label()).isEqualTo("2026.12.1@" + manifest.ruleSetHash());
        assertThat(manifest.sources()).containsKey("tax/tax-rates.drl.csv").hasSize(TestReleases.defaultSources().size());
        assertThat(manifest.entries()).containsKey("sources/tax/tax-rates.drl.csv")
                .containsKey(ReleaseJar.KMODULE).containsKey(ReleaseJar.MODEL_LIST)
                .anySatisfy((name, hash) -> assertThat(name).endsWith(".class"));
        assertThat(manifest.rules()).hasSize(96);
        assertThat(manifest.scenarios().run()).isEqualTo(scenarios.size());
        assertThat(manifest.scenarios().failed()).isZero();
        assertThat(manifest.coverage()).as("the rules and the engine's own")
                .hasSize(96 + io.billwright.engine.ruleset.EngineRule.values().length).allSatisfy((rule, fired) -> assertThat(fired).isNotNegative());
        assertThat(manifest.coverage().get("T&M: approved billable hours at the rate card rate")).isPositive();
        assertThat(manifest.coverage().values().stream().mapToLong(Long::longValue).sum()).isPositive();
        assertThat(manifest.factModel().uses()).isNotEmpty()
                .allSatisfy(use -> assertThat(use).startsWith("io/billwright/engine/"));
        assertThat(manifest.droolsVersion()).isEqualTo("10.2.0");
        assertThat(manifest.builtBy()).isEqualTo("test");
        assertThat(manifest.builtAt()).isEqualTo(TestReleases.CLOCK.instant());
    }

    @Test
    void aVerifiedReleaseLoadsAndDecidesWithoutTheDrlCompiler() {
        VerifiedRelease verified = trusting(KEY).verify(release.jar());

        assertThat(verified.keyId()).isEqualTo(KEY.keyId());
        assertThat(verified.jarSha256()).hasSize(64);
        var rules = new ModuleLoader().load(verified.module(), new RuleSetVersion(verified.manifest().ruleSetHash(),
                verified.manifest().version()));
        assertThat(rules.rules()).hasSize(96);
        assertThat(rules.version().toString()).isEqualTo(verified.manifest().label());
    }

    @Test
    void aChangedByteIsRefused() throws Exception {
        Map<String, byte[]> entries = new java.util.TreeMap<>(ReleaseJar.read(release.jar()));
        String someClass = entries.keySet().stream().filter(n -> n.endsWith(".class")).findFirst().orElseThrow();
        byte[] changed = entries.get(someClass).clone();
        changed[changed.length - 1] ^= 1;
        entries.put(someClass, changed);

        assertThatThrownBy(() -> trusting(KEY).verify(ReleaseJar.write(entries)))
                .isInstanceOfSatisfying(ReleaseRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED))
                .hasMessageContaining(someClass + " was changed");
    }

    @Test
    void anAddedOrRemovedEntryIsRefused() {
        Map<String, byte[]> added = new java.util.TreeMap<>(ReleaseJar.read(release.jar()));
        added.put("billwright/tm/Extra.class", new byte[] {1});
        Map<String, byte[]> removed = new java.util.TreeMap<>(ReleaseJar.read(release.jar()));
        removed.remove("sources/tax/tax-rates.drl.csv");

        assertThatThrownBy(() -> trusting(KEY).verify(ReleaseJar.write(added)))
                .hasMessageContaining("billwright/tm/Extra.class was added");
        assertThatThrownBy(() -> trusting(KEY).verify(ReleaseJar.write(removed)))
                .hasMessageContaining("sources/tax/tax-rates.drl.csv was removed");
    }

    @Test
    void aChangedManifestNoLongerMatchesItsSignature() throws Exception {
        Map<String, byte[]> entries = new java.util.TreeMap<>(ReleaseJar.read(release.jar()));
        entries.put(ReleaseJar.MANIFEST, new String(entries.get(ReleaseJar.MANIFEST)).replace("\"failed\" : 0",
                "\"failed\" : 0 ").getBytes());

        assertThatThrownBy(() -> trusting(KEY).verify(ReleaseJar.write(entries)))
                .isInstanceOfSatisfying(ReleaseRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void aReleaseSignedByAnUntrustedKeyOrUnsignedIsRefused() {
        SigningKey other = TestReleases.newKey();
        Map<String, byte[]> unsigned = new java.util.TreeMap<>(ReleaseJar.read(release.jar()));
        unsigned.remove(ReleaseJar.SIGNATURE);

        assertThatThrownBy(() -> trusting(other).verify(release.jar()))
                .isInstanceOfSatisfying(ReleaseRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY))
                .hasMessageContaining(KEY.keyId()).hasMessageContaining(other.keyId());
        assertThatThrownBy(() -> trusting(KEY).verify(ReleaseJar.write(unsigned)))
                .isInstanceOfSatisfying(ReleaseRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSIGNED));
        assertThatThrownBy(() -> trusting(KEY).verify("not a jar".getBytes()))
                .isInstanceOfSatisfying(ReleaseRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE));
    }

    @Test
    void aReleaseForAnotherFactModelIsRefusedNamingWhatIsGone() throws Exception {
        byte[] other = TestReleases.resigned(release.jar(), KEY, entries -> entries, manifest -> {
            List<String> uses = new ArrayList<>(manifest.factModel().uses());
            uses.add("io/billwright/engine/item/TimeEntry#isBillable()Z");
            return new ReleaseManifest(manifest.format(), manifest.version(), manifest.ruleSetHash(), manifest.sources(),
                    manifest.entries(), manifest.modelClasses(), manifest.droolsVersion(),
                    new ReleaseManifest.FactModel("0.0.9", uses), manifest.rules(), manifest.findings(),
                    manifest.scenarios(), manifest.coverage(), manifest.builtBy(), manifest.builtAt());
        });

        assertThatThrownBy(() -> trusting(KEY).verify(other))
                .isInstanceOfSatisfying(ReleaseRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FACT_MODEL))
                .hasMessageContaining("fact model 0.0.9")
                .hasMessageContaining("io/billwright/engine/item/TimeEntry#isBillable()Z");
    }

    @Test
    void aSignedReleaseWithAHostileClassIsRefusedByTheVerifiersOwnBytecodeCheck() throws Exception {
        byte[] hostile = TestReleases.withUncheckedRules(release.jar(), KEY, """
                package billwright.hostile
                import io.billwright.engine.item.TimeEntry
                import io.billwright.engine.facts.Charge

                rule "Reach the runtime"
                when
                    $t : TimeEntry()
                then
                    ClassLoader l = Charge.class.getClassLoader();
                    Class c = l.loadClass("java.lang.Run" + "time");
                end
                """);

        assertThatThrownBy(() -> trusting(KEY).verify(hostile))
                .isInstanceOfSatisfying(ReleaseRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BYTECODE))
                .hasMessageContaining("tm/hostile.drl:5: error: rule \"Reach the runtime\" calls java.lang.Class.getClassLoader()");
    }

    @Test
    void aSignedReleaseCannotShadowOrPoseAsAClassOfThePlatform() throws Exception {
        org.objectweb.asm.ClassWriter writer = new org.objectweb.asm.ClassWriter(0);
        writer.visit(org.objectweb.asm.Opcodes.V17, org.objectweb.asm.Opcodes.ACC_PUBLIC, "java/lang/Runtime", null,
                "java/lang/Object", null);
        writer.visitEnd();
        byte[] fakeRuntime = writer.toByteArray();
        byte[] posing = TestReleases.resigned(release.jar(), KEY, entries -> {
            entries.put("java/lang/Runtime.class", fakeRuntime);
            return entries;
        }, m -> m);
        byte[] misnamed = TestReleases.resigned(release.jar(), KEY, entries -> {
            byte[] someClass = entries.entrySet().stream().filter(e -> e.getKey().endsWith(".class")).findFirst()
                    .orElseThrow().getValue();
            entries.put("billwright/tm/Elsewhere.class", someClass);
            return entries;
        }, m -> m);

        assertThatThrownBy(() -> trusting(KEY).verify(posing))
                .isInstanceOfSatisfying(ReleaseRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BYTECODE))
                .hasMessageContaining("java.lang.Runtime is in a package a rule set may not define classes in");
        assertThatThrownBy(() -> trusting(KEY).verify(misnamed))
                .isInstanceOfSatisfying(ReleaseRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BYTECODE))
                .hasMessageContaining("billwright.tm.Elsewhere is stored under a name that is not its own");
    }
}
