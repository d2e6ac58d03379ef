package io.billwright.messaging.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RuleSetLibraryWarmUpTest {

    @Test
    void warmingUpChecksTheServingRuleSetAgainAndChangesNothing() throws Exception {
        RuleSetLibrary library = new RuleSetLibrary(new RuleSetLibrary.Settings(null, null, 5, true, null, null, null,
                null, null, false, 0), Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC),
                new InMemoryRuleSetAudit());
        LiveRuleSet serving = library.live();
        ReloadOutcome loaded = library.lastReload();

        assertThat(library.warmUp(2).get(3, TimeUnit.MINUTES)).isEqualTo(2);

        assertThat(library.live()).isSameAs(serving);
        assertThat(library.versions()).containsExactly(serving);
        assertThat(library.attempts()).isEqualTo(1);
        assertThat(library.lastReload()).isSameAs(loaded);
        assertThat(library.warmUp(0).get()).isZero();
    }
}
