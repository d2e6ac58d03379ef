package io.billwright.simulations.report;

import io.billwright.rules.diff.RuleChange;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a run simulated, as the reports state it on their first screen: the candidate's changes in words, the
 * input, the period and the number of events, and the rules that differ between the two rule sets.
 *
 * @param changes     the candidate's changes, one sentence each ({@code DE VAT 19 % → 16 % on every invoice in the
 *                    period}, {@code retention 5 % for contracts from 2026-07-01}); empty when not known
 * @param inputs      the files read, as given
 * @param firstEvent  the date (UTC) of the earliest event replayed; null when not known
 * @param lastEvent   the date (UTC) of the latest event replayed; null when not known
 * @param events      events replayed
 * @param ruleChanges the rules added, removed and changed from the baseline's rule set to the candidate's
 */
public record SimulationBrief(List<String> changes, List<String> inputs, LocalDate firstEvent, LocalDate lastEvent,
                              long events, List<RuleChange> ruleChanges) {

    /** A brief that knows nothing: for reports built by hand. */
    /** The label of the event count among the {@link #facts()}. */
    public static final String EVENTS = "Events replayed";

    public static final SimulationBrief NONE = new SimulationBrief(List.of(), List.of(), null, null, 0, List.of());

    public SimulationBrief {
        changes = List.copyOf(changes);
        inputs = List.copyOf(inputs);
        ruleChanges = List.copyOf(ruleChanges);
        if ((firstEvent == null) != (lastEvent == null)) {
            throw new IllegalArgumentException("a period needs both its first and its last day");
        }
        if (firstEvent != null && lastEvent.isBefore(firstEvent)) {
            throw new IllegalArgumentException("the period ends (" + lastEvent + ") before it starts (" + firstEvent
                    + ")");
        }
        if (events < 0) {
            throw new IllegalArgumentException("a negative number of events: " + events);
        }
    }

    /** {@code 2026-07-01 to 2026-09-30}, or empty when not known. */
    public String period() {
        if (firstEvent == null) {
            return "";
        }
        return firstEvent.equals(lastEvent) ? firstEvent.toString() : firstEvent + " to " + lastEvent;
    }

    /** {@code q3.jsonl, q4.jsonl}, or empty when not known. */
    public String input() {
        return String.join(", ", inputs);
    }

    /** The brief's facts as label and text, in the order the reports show them; unknown facts left out. */
    public List<Fact> facts() {
        List<Fact> facts = new java.util.ArrayList<>();
        if (!inputs.isEmpty()) {
            facts.add(new Fact(inputs.size() == 1 ? "Input file" : "Input files", input()));
        }
        if (firstEvent != null) {
            facts.add(new Fact("Period", period()));
        }
        if (events > 0) {
            facts.add(new Fact(EVENTS, String.format(java.util.Locale.ROOT, "%,d", events)));
        }
        return facts;
    }

    /** One fact of the brief: {@code Period}, {@code 2026-07-01 to 2026-09-30}. */
    public record Fact(String label, String text) {
        public Fact {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(text, "text");
        }
    }
}
