package io.billwright.simulations.input;

import io.billwright.events.InboundMessage;
import io.billwright.events.Redelivery;
import io.billwright.events.RejectedMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The first pass over the input: every line checked, and each contract's lines located. Lines are kept
 * decoded while a memory budget allows; the rest are read again, contract by contract, when their
 * contract replays. So a file of any size replays in bounded memory, and one that fits replays without
 * being read twice.
 *
 * <p>Closing it closes the files it reads again from.
 */
public final class EventIndex implements AutoCloseable {

    private final List<Path> files;
    private final boolean skipBadLines;
    private final Function<byte[], InboundMessage> reader;
    private final Arrivals arrivals;
    private final long keepBudget;
    private final FileChannel[] channels;
    private final List<ContractLines> contracts = new ArrayList<>();
    private final Map<String, Integer> contractIndex = new HashMap<>();
    private final MessageIds messageIds;
    private final List<Suspect> suspects = new ArrayList<>();
    private final Map<Long, Redelivery.Prior> crossPriors = new HashMap<>();
    private final List<InputProblem> badLines = new ArrayList<>();
    private long lines;
    private long messages;
    private long keptBytes;

    /**
     * @param keepBudget how many bytes of memory the lines kept decoded may take (a decoded line takes
     *                   {@link #KEPT_HUNDREDTHS_PER_LINE_BYTE} hundredths of its length)
     * @param expectedLines a guess at the number of lines, to size the table of message ids
     */
    EventIndex(List<Path> files, boolean skipBadLines, Function<byte[], InboundMessage> reader, Arrivals arrivals,
               long keepBudget, long expectedLines) {
        this.files = List.copyOf(files);
        this.skipBadLines = skipBadLines;
        this.reader = reader;
        this.arrivals = arrivals;
        this.keepBudget = keepBudget;
        this.channels = new FileChannel[files.size()];
        this.messageIds = new MessageIds(expectedLines);
    }

    /**
     * What a decoded line costs in memory, in hundredths of a byte per byte of its JSON: 1.66 measured on a
     * generated quarter (736 bytes a line of 442), rounded up.
     */
    static final int KEPT_HUNDREDTHS_PER_LINE_BYTE = 175;

    /**
     * What the first pass keeps of every line, kept decoded or not, in bytes: its place (24 bytes and room to
     * grow) and its id's slot in the table of ids (12 bytes, a table at most three quarters full, and room to
     * grow), rounded up.
     */
    static final int PLACE_BYTES_PER_LINE = 56;

    /** A line whose id another contract used first, to be settled once all lines are read. */
    private record Suspect(int contract, int position, int firstContract, String messageId) {
    }

    /** Takes the next line read, in file order. */
    void add(EventFiles.Line line) {
        lines++;
        if (line.problem() != null) {
            if (!skipBadLines) {
                throw new InputException(List.of(line.problem()));
            }
            badLines.add(line.problem());
            return;
        }
        Arrival arrival = line.arrival();
        if (arrival == null) {
            return; // a blank line
        }
        messages++;
        String contractId = line.contractId();
        Integer index = contractIndex.get(contractId);
        if (index == null) {
            index = contracts.size();
            contractIndex.put(contractId, index);
            contracts.add(new ContractLines(contractId));
        }
        ContractLines contract = contracts.get(index);
        int first = messageIds.putIfAbsent(arrival.messageId(), index);
        if (first >= 0 && first != index) {
            suspects.add(new Suspect(index, contract.size(), first, arrival.messageId()));
        }
        long cost = (long) line.length() * KEPT_HUNDREDTHS_PER_LINE_BYTE / 100;
        if (keptBytes + cost <= keepBudget) {
            keptBytes += cost;
        } else {
            arrival = null;
        }
        contract.add(line.file(), line.offset(), line.length(), line.lineNo(), line.arrival().content(), arrival);
    }

    /**
     * Settles the suspects: a line whose id an earlier line of another contract used is judged against that
     * line, as the service, which remembers ids across contracts, would judge it. A suspect whose id differs
     * from every line of the other contract only shared a fingerprint, and is left alone.
     */
    void settleSuspects() {
        // each contract that used an id first is read once, however many lines of others reuse its ids
        Map<Integer, Map<String, List<Suspect>>> byFirstContract = new HashMap<>();
        for (Suspect suspect : suspects) {
            byFirstContract.computeIfAbsent(suspect.firstContract(), k -> new HashMap<>())
                    .computeIfAbsent(suspect.messageId(), k -> new ArrayList<>()).add(suspect);
        }
        byFirstContract.forEach((first, wanted) -> {
            ContractLines other = contracts.get(first);
            for (int position = 0; position < other.size() && !wanted.isEmpty(); position++) {
                Arrival earlier = arrival(other, position);
                List<Suspect> reusing = wanted.get(earlier.messageId());
                if (reusing == null) {
                    continue;
                }
                Redelivery.Prior prior = new Redelivery.Prior(Arrival.hex(earlier.content()),
                        Arrival.hex(earlier.envelope()));
                for (Suspect suspect : reusing) {
                    if (before(other, position, contracts.get(suspect.contract()), suspect.position())) {
                        crossPriors.put(key(suspect.contract(), suspect.position()), prior);
                    }
                }
                wanted.remove(earlier.messageId()); // the first line under the id is the one remembered
            }
        });
        suspects.clear();
    }

    private static boolean before(ContractLines a, int i, ContractLines b, int j) {
        return a.file(i) < b.file(j) || a.file(i) == b.file(j) && a.lineNumber(i) < b.lineNumber(j);
    }

    public int contracts() {
        return contracts.size();
    }

    public String contractId(int contract) {
        return contracts.get(contract).contractId;
    }

    /** Lines read, blank and bad ones included. */
    public long lines() {
        return lines;
    }

    /** Lines that are messages: the events to replay, before the redelivery rules skip any. */
    public long messages() {
        return messages;
    }

    /** Lines skipped as bad (only when skipping them), with the reason of each. */
    public List<InputProblem> badLines() {
        return List.copyOf(badLines);
    }

    public List<Path> files() {
        return files;
    }

    /**
     * The contract's events, judged by the redelivery rules; the lines kept decoded are let go. Safe to call
     * for different contracts at once.
     */
    public ContractEvents events(int contract) {
        ContractLines lines = contracts.get(contract);
        ContractSeen seen = new ContractSeen(files);
        for (int position = 0; position < lines.size(); position++) {
            seen.judge(arrival(lines, position), crossPriors.get(key(contract, position)));
        }
        lines.release();
        return seen.result(lines.contractId);
    }

    private Arrival arrival(ContractLines lines, int position) {
        Arrival kept = lines.kept(position);
        if (kept != null) {
            return kept;
        }
        int file = lines.file(position);
        long lineNumber = lines.lineNumber(position);
        byte[] bytes = readAgain(file, lines.offset(position), lines.length(position), lineNumber);
        Arrival again;
        try {
            again = arrivals.of(reader.apply(bytes), file, lineNumber);
        } catch (RejectedMessage e) {
            throw changed(file, lineNumber, e.reason() + ": " + e.detail());
        }
        // the content hash covers the data, and with it the contract: the same line, or the run stops
        if (again.content() != lines.content(position)) {
            throw changed(file, lineNumber, "it holds another message now");
        }
        return again;
    }

    private InputException changed(int file, long lineNumber, String how) {
        return new InputException(List.of(new InputProblem(files.get(file), lineNumber,
                "changed since it was read: " + how)));
    }

    private byte[] readAgain(int file, long offset, int length, long lineNumber) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            FileChannel channel = channel(file);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw changed(file, lineNumber, "the file became shorter");
                }
            }
        } catch (IOException e) {
            throw new InputException(List.of(new InputProblem(files.get(file), lineNumber,
                    "cannot be read again: " + e.getMessage())));
        }
        return buffer.array();
    }
    private FileChannel channel(int file) throws IOException {
        synchronized (channels) {
            if (channels[file] == null) {
                channels[file] = FileChannel.open(files.get(file), StandardOpenOption.READ);
            }
            return channels[file];
        }
    }

    private static long key(int contract, int position) {
        return ((long) contract << 32) | position;
    }

    @Override
    public void close() {
        synchronized (channels) {
            for (FileChannel channel : channels) {
                try {
                    if (channel != null) {
                        channel.close();
                    }
                } catch (IOException e) {
                    // closing a file only read from loses nothing
                }
            }
        }
    }
}
