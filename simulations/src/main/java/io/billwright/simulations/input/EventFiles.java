package io.billwright.simulations.input;

import io.billwright.engine.event.BillingEvent;
import io.billwright.events.EventDecoder;
import io.billwright.events.InboundMessage;
import io.billwright.events.InboundSchemas;
import io.billwright.events.MessageReader;
import io.billwright.events.RejectedMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Reads CloudEvents JSON Lines files (the messages the service consumes, or its event-log export) with the
 * service's own reader: the same checks, in the same order, so a line the service would park is a line the
 * simulator refuses. Lines are checked in parallel, in chunks, and kept in file order.
 */
public final class EventFiles {

    private static final int CHUNK = 4_096;
    private static final int MAX_LINE_BYTES = 1 << 20;

    private final MessageReader reader = new MessageReader(new InboundSchemas(), new EventDecoder(), MAX_LINE_BYTES);
    private final boolean skipBadLines;

    /** @param skipBadLines count and skip bad lines instead of refusing the input */
    public EventFiles(boolean skipBadLines) {
        this.skipBadLines = skipBadLines;
    }

    /**
     * Reads every file, in the order given.
     *
     * @param progress told the number of lines read so far, now and then
     * @throws InputException naming every missing file, or the first bad line (all bad lines are skipped
     *                        and listed instead when skipping)
     */
    public LoadedEvents read(List<Path> files, LongConsumer progress) {
        List<InputProblem> missing = files.stream().filter(file -> !Files.isRegularFile(file))
                .map(file -> new InputProblem(file, 0, Files.isDirectory(file) ? "is a folder, not a JSON Lines file"
                        : "no such file"))
                .toList();
        if (!missing.isEmpty()) {
            throw new InputException(missing);
        }
        Map<String, List<BillingEvent>> byContract = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        List<InputProblem> skipped = new ArrayList<>();
        long[] counts = new long[3]; // lines, events, duplicates
        for (Path file : files) {
            readFile(file, chunk -> {
                for (Line line : chunk) {
                    counts[0]++;
                    if (line.problem() != null) {
                        if (!skipBadLines) {
                            throw new InputException(List.of(line.problem()));
                        }
                        skipped.add(line.problem());
                    } else if (line.message() != null) {
                        if (!ids.add(line.message().messageId())) {
                            counts[2]++;
                            continue;
                        }
                        counts[1]++;
                        byContract.computeIfAbsent(line.message().contractId().value(), k -> new ArrayList<>())
                                .add(line.message().event());
                    }
                }
                progress.accept(counts[0]);
            });
        }
        return new LoadedEvents(byContract, counts[1], counts[2], skipped);
    }

    /** A line checked: a message, a problem, or neither (a blank line). */
    private record Line(InboundMessage message, InputProblem problem) {
    }

    private void readFile(Path file, java.util.function.Consumer<List<Line>> chunks) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> texts = new ArrayList<>(CHUNK);
            long first = 1;
            String text;
            while ((text = in.readLine()) != null) {
                texts.add(text);
                if (texts.size() == CHUNK) {
                    chunks.accept(check(file, first, texts));
                    first += texts.size();
                    texts = new ArrayList<>(CHUNK);
                }
            }
            if (!texts.isEmpty()) {
                chunks.accept(check(file, first, texts));
            }
        } catch (NoSuchFileException e) {
            throw new InputException(List.of(new InputProblem(file, 0, "no such file")));
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException(List.of(new InputProblem(file, 0, "is not UTF-8 text")));
        } catch (IOException e) {
            throw new InputException(List.of(new InputProblem(file, 0, "cannot be read: " + e.getMessage())));
        }
    }

    private List<Line> check(Path file, long first, List<String> texts) {
        return IntStream.range(0, texts.size()).parallel()
                .mapToObj(i -> check(file, first + i, texts.get(i)))
                .toList();
    }

    private Line check(Path file, long lineNo, String text) {
        if (text.isBlank()) {
            return new Line(null, null);
        }
        try {
            return new Line(reader.read(text.getBytes(StandardCharsets.UTF_8)), null);
        } catch (RejectedMessage e) {
            String field = e.field() == null || e.field().isEmpty() ? "" : " (field " + e.field() + ")";
            return new Line(null, new InputProblem(file, lineNo, e.reason() + field + ": " + e.detail()));
        }
    }
}
