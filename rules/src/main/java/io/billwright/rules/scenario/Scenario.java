package io.billwright.rules.scenario;

import io.billwright.engine.event.BillingEvent;
import java.util.List;

/** A scenario ready to run: events in order, each with what to expect after it. */
public record Scenario(String file, String title, List<Step> steps) {

    /**
     * @param expectation null when the step checks nothing
     * @param line        the step's line in its file (its {@code -}), 0 when unknown
     */
    public record Step(int number, String label, BillingEvent event, Expectation expectation, int line) {
    }

    public Scenario {
        steps = List.copyOf(steps);
    }
}
