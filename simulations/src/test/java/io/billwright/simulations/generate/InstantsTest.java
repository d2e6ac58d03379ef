package io.billwright.simulations.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantsTest {

    @Test
    void writesTheSameInstantAsJavaTimeWithSecondsAlwaysShown() {
        Instants instants = new Instants();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            long second = 1_780_000_000L + random.nextLong(200_000_000L);
            assertThat(instants.format(second)).isEqualTo(Instant.ofEpochSecond(second).toString()
                    .replaceFirst("T(\\d\\d:\\d\\d)Z$", "T$1:00Z"));
        }
        assertThat(instants.format(1_782_864_000L)).isEqualTo("2026-07-01T00:00:00Z");
    }
}
