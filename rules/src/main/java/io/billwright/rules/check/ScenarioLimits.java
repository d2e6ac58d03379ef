package io.billwright.rules.check;

import java.time.Duration;

/**
 * The bounds scenarios run under, in a JVM of their own.
 *
 * @param heapMegabytes the checking JVM's heap ({@code -Xmx}); a rule that allocates past it ends that JVM only
 * @param perScenario   wall-clock time one scenario file may take
 * @param perFiring     wall-clock time one rule evaluation (one firing batch) may take
 * @param startUp       time allowed for the checking JVM to start and load the rule set, beyond the scenarios
 */
public record ScenarioLimits(int heapMegabytes, Duration perScenario, Duration perFiring, Duration startUp) {

    public static final ScenarioLimits DEFAULT = new ScenarioLimits(256, Duration.ofSeconds(20), Duration.ofSeconds(2),
            Duration.ofSeconds(60));

    /** The whole run's limit: start-up plus each file's limit. */
    public Duration total(int files) {
        return startUp.plus(perScenario.multipliedBy(Math.max(1, files)));
    }
}
