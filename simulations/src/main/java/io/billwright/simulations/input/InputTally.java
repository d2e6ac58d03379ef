package io.billwright.simulations.input;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Adds contracts' events up into the {@link InputFacts} of a run, whatever order the contracts come in. */
public final class InputTally {

    private final List<InputProblem> skipped;
    private long events;
    private long duplicates;
    private Instant first;
    private Instant last;

    /** @param badLines the lines the first pass skipped as bad */
    public InputTally(List<InputProblem> badLines) {
        this.skipped = new ArrayList<>(badLines);
    }

    public synchronized void add(ContractEvents contract) {
        events += contract.events().size();
        duplicates += contract.duplicates();
        skipped.addAll(contract.refused());
        if (contract.firstEvent() != null && (first == null || contract.firstEvent().isBefore(first))) {
            first = contract.firstEvent();
        }
        if (contract.lastEvent() != null && (last == null || contract.lastEvent().isAfter(last))) {
            last = contract.lastEvent();
        }
    }

    /** @param files the files in the order read, to put the skipped lines in file order */
    public synchronized InputFacts facts(List<Path> files) {
        return new InputFacts(events, duplicates, inFileOrder(skipped, files), first, last);
    }

    /** The problems in the order of the files, then of their lines. */
    public static List<InputProblem> inFileOrder(List<InputProblem> problems, List<Path> files) {
        List<InputProblem> ordered = new ArrayList<>(problems);
        ordered.sort(Comparator.<InputProblem>comparingInt(problem -> files.indexOf(problem.file()))
                .thenComparingLong(InputProblem::line));
        return ordered;
    }
}
