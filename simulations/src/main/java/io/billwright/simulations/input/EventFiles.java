package io.billwright.simulations.input;

import io.billwright.engine.event.BillingEvent;
import io.billwright.events.EventDecoder;
import io.billwright.events.InboundMessage;
import io.billwright.events.InboundSchemas;
import io.billwright.events.MessageReader;
import io.billwright.events.RejectedMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Reads CloudEvents JSON Lines files (the messages the service consumes, or its event-log export) with the
 * service's own reader: the same checks, in the same order, so a line the service would park is a line the
 * simulator refuses. Lines are checked in parallel, in chunks, and taken in file order.
 */
public final class EventFiles {

    private static final int CHUNK = 4_096;
    private static final int MAX_LINE_BYTES = 1 << 20;

    private final MessageReader reader = new MessageReader(new InboundSchemas(), new EventDecoder(), MAX_LINE_BYTES);
    private final boolean skipBadLines;
    private final Arrivals arrivals = new Arrivals();

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
     * Reads every file, in the order given, into memory: for inputs that fit, and for tests. A run indexes
     * the files instead ({@link #index}), so that memory does not grow with them.
     *
     * @param progress told the number of bytes read so far (of all the files, up to {@link #totalBytes}), now and
     *                 then
     * @throws InputException naming every missing file, or the first bad line (all bad lines are skipped
     *                        and listed instead when skipping)
     */
    public LoadedEvents read(List<Path> files, LongConsumer progress) {
        try (EventIndex index = index(files, progress, Long.MAX_VALUE)) {
            InputTally tally = new InputTally(index.badLines());
            List<ContractEvents> contracts = new ArrayList<>();
            List<InputProblem> refused = new ArrayList<>();
            for (int contract = 0; contract < index.contracts(); contract++) {
                ContractEvents events = index.events(contract);
                tally.add(events);
                refused.addAll(events.refused());
                contracts.add(events);
            }
            if (!skipBadLines && !refused.isEmpty()) {
                throw new InputException(List.of(InputTally.inFileOrder(refused, files).get(0)));
            }
            // contracts in the order of their first event applied, as the service would first see them
            contracts.sort(java.util.Comparator.comparingLong(ContractEvents::order));
            Map<String, List<BillingEvent>> byContract = new LinkedHashMap<>();
            for (ContractEvents events : contracts) {
                if (!events.events().isEmpty()) {
                    byContract.put(events.contractId(), events.events());
                }
            }
            return new LoadedEvents(byContract, tally.facts(files));
        }
    }

    /**
     * The first pass of a run: checks every line, in parallel chunks, as the service would check it, and
     * notes where each contract's lines are, keeping them decoded while a share of the heap allows.
     *
     * @param progress told the number of bytes read so far (of all the files, up to {@link #totalBytes})
     * @throws InputException naming every missing file, or the first bad line (all bad lines are skipped
     *                        and listed instead when skipping)
     */
    public EventIndex index(List<Path> files, LongConsumer progress) {
        long lines = totalBytes(files) / TYPICAL_LINE_BYTES;
        long share = Runtime.getRuntime().maxMemory() / 100 * KEEP_PERCENT_OF_HEAP;
        return index(files, progress, Math.max(0, share - lines * EventIndex.PLACE_BYTES_PER_LINE));
    }

    /**
     * The share of the heap that the first pass may take: the places of all lines and the lines kept decoded.
     * The replay and the reports need the rest.
     */
    static final int KEEP_PERCENT_OF_HEAP = 50;

    /** {@link #index(List, LongConsumer)} keeping decoded no more lines than take {@code keepBudget} bytes. */
    public EventIndex index(List<Path> files, LongConsumer progress, long keepBudget) {
        List<InputProblem> missing = files.stream().filter(file -> !Files.isRegularFile(file))
                .map(file -> new InputProblem(file, 0, Files.isDirectory(file) ? "is a folder, not a JSON Lines file"
                        : "no such file"))
                .toList();
        if (!missing.isEmpty()) {
            throw new InputException(missing);
        }
        EventIndex index = new EventIndex(files, skipBadLines, bytes -> reader.read(bytes), arrivals, keepBudget,
                totalBytes(files) / TYPICAL_LINE_BYTES);
        try {
            long before = 0; // bytes of the files already read
            for (int file = 0; file < files.size(); file++) {
                long offset = before;
                before += readFile(files.get(file), file, (chunk, bytes) -> {
                    chunk.forEach(index::add);
                    progress.accept(offset + bytes);
                });
            }
            index.settleSuspects();
            return index;
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /** A message's length on a line, about: to size the table of message ids before reading. */
    private static final long TYPICAL_LINE_BYTES = 400;

    /**
     * A line checked: a message (kept as an arrival, with its contract), a problem, or neither (a blank line),
     * and where its bytes are in its file.
     *
     * @param offset the first byte's offset (after a byte-order mark); {@code length} bytes follow it
     */
    record Line(Arrival arrival, String contractId, InputProblem problem, int file, long lineNo, long offset,
                int length) {
    }

    /**
     * Reads the file as bytes, line by line (a trailing carriage return and a leading byte-order mark are
     * dropped), so a line that is not UTF-8 is one bad line, named, as it would be one parked message. Each chunk
     * of lines goes to {@code chunks} with the number of the file's bytes read up to its end.
     *
     * @return the number of bytes read
     */
    private long readFile(Path file, int fileIndex, BiConsumer<List<Line>, Long> chunks) {
        long done = 0;
        try (InputStream in = Files.newInputStream(file)) {
            Chunk chunk = new Chunk(file, fileIndex, 1);
            ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
            long lineStart = 0;
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
                    chunk.add(line, lineStart);
                    lineStart = done + i + 1;
                    if (chunk.size() == CHUNK) {
                        chunks.accept(chunk.check(), done + i + 1);
                        chunk = chunk.next();
                    }
                }
                line.write(buffer, from, read - from);
                done += read;
            }
            if (line.size() > 0) {
                chunk.add(line, lineStart);
            }
            if (chunk.size() > 0) {
                chunks.accept(chunk.check(), done);
            }
            return done;
        } catch (NoSuchFileException e) {
            throw new InputException(List.of(new InputProblem(file, 0, "no such file")));
        } catch (IOException e) {
            throw new InputException(List.of(new InputProblem(file, 0, "cannot be read: " + e.getMessage())));
        }
    }

    /** Lines of one file gathered for checking together, with where each starts. */
    private final class Chunk {
        private final Path file;
        private final int fileIndex;
        private final long firstLine;
        private final List<byte[]> lines = new ArrayList<>(CHUNK);
        private final long[] offsets = new long[CHUNK];

        Chunk(Path file, int fileIndex, long firstLine) {
            this.file = file;
            this.fileIndex = fileIndex;
            this.firstLine = firstLine;
        }

        int size() {
            return lines.size();
        }

        /**
         * Takes the line gathered in {@code line} (and empties it), dropping a trailing carriage return and, on
         * the file's first line, a byte-order mark.
         */
        void add(ByteArrayOutputStream line, long offset) {
            byte[] bytes = line.toByteArray();
            line.reset();
            int from = offset == 0 && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                    && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
            int to = bytes.length > from && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            offsets[lines.size()] = offset + from;
            lines.add(from == 0 && to == bytes.length ? bytes : java.util.Arrays.copyOfRange(bytes, from, to));
        }

        Chunk next() {
            return new Chunk(file, fileIndex, firstLine + lines.size());
        }

        List<Line> check() {
            return IntStream.range(0, lines.size()).parallel()
                    .mapToObj(i -> EventFiles.this.check(file, fileIndex, firstLine + i, offsets[i], lines.get(i)))
                    .toList();
        }
    }

    private Line check(Path file, int fileIndex, long lineNo, long offset, byte[] bytes) {
        if (isBlank(bytes)) {
            return new Line(null, null, null, fileIndex, lineNo, offset, bytes.length);
        }
        try {
            InboundMessage message = reader.read(bytes);
            return new Line(arrivals.of(message, fileIndex, lineNo), message.contractId().value(), null, fileIndex,
                    lineNo, offset, bytes.length);
        } catch (RejectedMessage e) {
            String field = e.field() == null || e.field().isEmpty() ? "" : " (field " + e.field() + ")";
            return new Line(null, null, new InputProblem(file, lineNo, e.reason() + field + ": " + e.detail()), fileIndex,
                    lineNo, offset, bytes.length);
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
