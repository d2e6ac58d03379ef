package io.billwright.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnMemoryBoundTest {

    @Test
    void aHeapLimitTheUserGaveIsKept() {
        assertThat(OwnMemoryBound.limited(List.of("-Xmx4g"))).isTrue();
        assertThat(OwnMemoryBound.limited(List.of("-Dx=1", "-XX:MaxRAMPercentage=50"))).isTrue();
        assertThat(OwnMemoryBound.limited(List.of("-Dx=1", "-XX:+UseG1GC"))).isFalse();
        assertThat(OwnMemoryBound.limited(List.of())).isFalse();
    }

    @Test
    void theBoundedRunIsTheSameToolWithTheSameSettingsAndArguments() {
        assertThat(OwnMemoryBound.boundedCommand(Path.of("/jdk/bin/java"), List.of("-Dfile.encoding=UTF-8"),
                "billwright-simulations.jar", new String[] {"run", "q3.jsonl", "-o", "out"}))
                .containsExactly("/jdk/bin/java", "-Xmx1536m", "-XX:+UseParallelGC", "-Dfile.encoding=UTF-8", "-cp",
                        "billwright-simulations.jar", "io.billwright.simulations.cli.SimulationsCli", "run", "q3.jsonl",
                        "-o", "out");
    }

    @Test
    void aCollectorTheUserChoseIsKept() {
        assertThat(OwnMemoryBound.boundedCommand(Path.of("/jdk/bin/java"), List.of("-XX:+UseG1GC"), "tool.jar",
                new String[] {"run"}))
                .containsExactly("/jdk/bin/java", "-Xmx1536m", "-XX:+UseG1GC", "-cp", "tool.jar",
                        "io.billwright.simulations.cli.SimulationsCli", "run");
    }

    @Test
    void theRestartedJvmNeverStartsAThird() {
        assertThat(OwnMemoryBound.runBounded(new String[] {"run"}, Map.of(OwnMemoryBound.BOUNDED, "1"))).isEqualTo(-1);
    }
}
