package io.billwright.simulations.input;

import io.billwright.engine.event.BillingEvent;
import io.billwright.events.EventDecoder;
import io.billwright.events.InboundMessage;
import io.billwright.events.InboundSchemas;
import io.billwright.events.MessageReader;
import io.billwright.events.Redelivery;
import io.billwright.events.RejectedMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
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

    /** The size of the files together, in bytes: what {@link #read}'s progress counts up to. */
    public static long totalBytes(List<Path> files) {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.isRegularFile(file) ? Files.size(file) : 0;
            } catch (IOException e) {
                // read() names the file that cannot be read
            }
        }
        return total;
    }

    /**
     * Reads every file, in the order given.
     *
     * @param progress told the number of bytes read so far (of all the files, up to {@link #totalBytes}), now and
     *                 then
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
        Seen seen = new Seen();
        List<InputProblem> skipped = new ArrayList<>();
        long[] counts = new long[3]; // lines, events, duplicates
        Instant[] period = new Instant[2]; // the first and the last event's time
        long before = 0; // bytes of the files already read
        for (Path file : files) {
            long offset = before;
            before += readFile(file, (chunk, bytes) -> {
                for (Line line : chunk) {
                    counts[0]++;
                    if (line.problem() != null) {
                        if (!skipBadLines) {
                            throw new InputException(List.of(line.problem()));
                        }
                        skipped.add(line.problem());
                    } else if (line.message() != null) {
                        InputProblem reused = seen.refuses(line);
                        if (reused != null) {
                            if (!skipBadLines) {
                                throw new InputException(List.of(reused));
                            }
                            skipped.add(reused);
                            continue;
                        }
                        if (seen.verdict != Redelivery.Verdict.APPLY) {
                            counts[2]++;
                            continue;
                        }
                        counts[1]++;
                        widen(period, line.message().time());
                        byContract.computeIfAbsent(line.message().contractId().value(), k -> new ArrayList<>())
                                .add(line.message().event());
                    }
                }
                progress.accept(offset + bytes);
            });
        }
        return new LoadedEvents(byContract, counts[1], counts[2], skipped, period[0], period[1]);
    }

    private static void widen(Instant[] period, Instant time) {
        if (time == null) {
            return;
        }
        if (period[0] == null || time.isBefore(period[0])) {
            period[0] = time;
        }
        if (period[1] == null || time.isAfter(period[1])) {
            period[1] = time;
        }
    }

    /** A line checked: a message, a problem, or neither (a blank line). */
    private record Line(InboundMessage message, InputProblem problem, Path file, long lineNo) {
    }

    /**
     * The messages read so far, remembered as the service remembers them: content by message id, and the
     * last content applied by business item. A line is applied, skipped as the service would skip it, or
     * refused for a reused id.
     */
    private static final class Seen {
        private final Map<String, Redelivery.Prior> contentById = new HashMap<>();
        private final Map<String, Redelivery.LastSeen> lastByItem = new HashMap<>();
        Redelivery.Verdict verdict;

        /** Judges the line (setting {@link #verdict}); the problem when its id was used for other content. */
        InputProblem refuses(Line line) {
            InboundMessage message = line.message();
            String item = Redelivery.keyOf(message.contractId().value(), message.businessKey());
            try {
                verdict = Redelivery.judge(message, contentById.get(message.messageId()), lastByItem.get(item));
            } catch (RejectedMessage e) {
                return new InputProblem(line.file(), line.lineNo(), e.reason() + " (field " + e.field() + "): "
                        + e.detail());
            }
            if (verdict != Redelivery.Verdict.DUPLICATE_MESSAGE) {
                contentById.put(message.messageId(), new Redelivery.Prior(message.contentHash(), message.envelopeHash()));
            }
            if (verdict == Redelivery.Verdict.APPLY) {
                lastByItem.put(item, new Redelivery.LastSeen(message.contentHash(), message.time()));
            }
            return null;
        }
    }

    /**
     * Reads the file as bytes, line by line (a trailing carriage return and a leading byte-order mark are
     * dropped), so a line that is not UTF-8 is one bad line, named, as it would be one parked message. Each chunk
     * of lines goes to {@code chunks} with the number of the file's bytes read up to its end.
     *
     * @return the number of bytes read
     */
    private long readFile(Path file, BiConsumer<List<Line>, Long> chunks) {
        long done = 0;
        try (InputStream in = Files.newInputStream(file)) {
            List<byte[]> lines = new ArrayList<>(CHUNK);
            long first = 1;
            ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
            boolean start = true;
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                int from = 0;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] != '\n') {
                        continue;
                    }
                    line.write(buffer, from, i - from);
                    from = i + 1;
                    lines.add(bytesOf(line, start));
                    start = false;
                    if (lines.size() == CHUNK) {
                        chunks.accept(check(file, first, lines), done + i + 1);
                        first += lines.size();
                        lines = new ArrayList<>(CHUNK);
                    }
                }
                line.write(buffer, from, read - from);
                done += read;
            }
            if (line.size() > 0) {
                lines.add(bytesOf(line, start));
            }
            if (!lines.isEmpty()) {
                chunks.accept(check(file, first, lines), done);
            }
            return done;
        } catch (NoSuchFileException e) {
            throw new InputException(List.of(new InputProblem(file, 0, "no such file")));
        } catch (IOException e) {
            throw new InputException(List.of(new InputProblem(file, 0, "cannot be read: " + e.getMessage())));
        }
    }

    private static byte[] bytesOf(ByteArrayOutputStream line, boolean firstLine) {
        byte[] bytes = line.toByteArray();
        line.reset();
        int from = firstLine && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        int to = bytes.length > from && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return from == 0 && to == bytes.length ? bytes : java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private List<Line> check(Path file, long first, List<byte[]> lines) {
        return IntStream.range(0, lines.size()).parallel()
                .mapToObj(i -> check(file, first + i, lines.get(i)))
                .toList();
    }

    private Line check(Path file, long lineNo, byte[] bytes) {
        if (isBlank(bytes)) {
            return new Line(null, null, file, lineNo);
        }
        try {
            return new Line(reader.read(bytes), null, file, lineNo);
        } catch (RejectedMessage e) {
            String field = e.field() == null || e.field().isEmpty() ? "" : " (field " + e.field() + ")";
            return new Line(null, new InputProblem(file, lineNo, e.reason() + field + ": " + e.detail()), file, lineNo);
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
