package io.billwright.messaging.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.billwright.engine.ruleset.Evaluation;
import io.billwright.engine.ruleset.RuleInfo;
import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetVersion;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which rule set a message is replayed with, and why when it cannot be the one that decided it. */
class ReplayRuleSetsTest {

    /** Stands in for the packaged default: only its version is read here. */
    private static final RuleSet PACKAGED = new RuleSet() {
        @Override
        public RuleSetVersion version() {
            return new RuleSetVersion("1111", "default");
        }

        @Override
        public List<RuleInfo> rules() {
            return List.of();
        }

        @Override
        public Evaluation evaluate(Collection<?> facts) {
            throw new UnsupportedOperationException("not evaluated in this test");
        }
    };

    @TempDir
    Path releases;

    @Test
    void theVersionOfThePackagedDefaultIsReplayedWithIt() {
        ReplayRuleSets ruleSets = new ReplayRuleSets(() -> PACKAGED, releases, null);

        ReplayRuleSets.Choice choice = ruleSets.forVersion("default@1111");

        assertThat(choice.ruleSet()).isSameAs(PACKAGED);
        assertThat(choice.gap()).isNull();
        assertThat(ruleSets.forVersion(null).gap()).as("nothing recorded, nothing to be faithful to").isNull();
    }

    @Test
    void aReleaseNotInTheFolderIsReplayedWithThePackagedDefaultAndSaysSo() {
        ReplayRuleSets.Choice choice = new ReplayRuleSets(() -> PACKAGED, releases, null)
                .forVersion("acme-2026.07@2222");

        assertThat(choice.ruleSet()).isSameAs(PACKAGED);
        assertThat(choice.used()).isEqualTo("default@1111");
        assertThat(choice.gap()).isEqualTo("decided with release acme-2026.07@2222, which is not in --releases "
                + releases);
    }

    @Test
    void withoutAReleasesFolderTheGapSaysHowToGiveOne() {
        assertThat(new ReplayRuleSets(() -> PACKAGED, null, null).forVersion("acme-2026.07@2222").gap())
                .contains("no releases folder was given (--releases or BILLWRIGHT_RULES_RELEASES)");
    }

    @Test
    void thePackagedDefaultOfAnotherBuildIsNotThisJars() {
        assertThat(new ReplayRuleSets(() -> PACKAGED, releases, null).forVersion("default@9999").gap())
                .isEqualTo("decided with the packaged rule set of another build of the service (default@9999), not"
                        + " this jar's (default@1111)");
    }

    @Test
    void theTimelineGivesTheVersionLiveAtAMoment() {
        RuleSetTimeline timeline = new RuleSetTimeline.Builder()
                .add(Instant.parse("2026-01-01T00:00:00Z"), "default@1111")
                .add(Instant.parse("2026-02-01T00:00:00Z"), "acme-2026.07@2222").build();

        assertThat(timeline.inForceAt(Instant.parse("2025-12-31T23:59:59Z"))).isNull();
        assertThat(timeline.inForceAt(Instant.parse("2026-01-15T00:00:00Z"))).isEqualTo("default@1111");
        assertThat(timeline.inForceAt(Instant.parse("2026-02-01T00:00:00Z"))).isEqualTo("acme-2026.07@2222");
    }
}
