package io.billwright.simulations.input;

import java.util.Arrays;

/**
 * Where one contract's lines are, in file order, and those of them kept decoded. A line not kept is read
 * again from its file when the contract replays, so what stays in memory between reading and replay is
 * bounded: 24 bytes a line (28 once one is kept) plus the lines kept.
 */
final class ContractLines {

    private static final int FILE_SHIFT = 48;
    private static final long OFFSET_MASK = (1L << FILE_SHIFT) - 1;

    final String contractId;
    private long[] places = new long[16]; // file index in the top bits, the line's offset in the rest
    private int[] lengths = new int[16];
    private int[] lineNumbers = new int[16];
    private long[] contents = new long[16]; // what pass one read: a line read again must hash the same
    private Arrival[] kept; // allocated with the first line kept
    private int size;
    private boolean released;

    ContractLines(String contractId) {
        this.contractId = contractId;
    }

    /**
     * @param content the first 64 bits of the line's content hash, to know the line again
     * @param arrival the decoded line, or null when it is not kept and will be read again
     */
    void add(int file, long offset, int length, long lineNumber, long content, Arrival arrival) {
        if (size == places.length) {
            int capacity = size + (size >> 1);
            places = Arrays.copyOf(places, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
            lineNumbers = Arrays.copyOf(lineNumbers, capacity);
            contents = Arrays.copyOf(contents, capacity);
            kept = kept == null ? null : Arrays.copyOf(kept, capacity);
        }
        if (arrival != null && kept == null && !released) {
            kept = new Arrival[places.length];
        }
        places[size] = ((long) file << FILE_SHIFT) | offset;
        lengths[size] = length;
        lineNumbers[size] = Math.toIntExact(lineNumber);
        contents[size] = content;
        if (kept != null) {
            kept[size] = arrival;
        }
        size++;
    }

    int size() {
        return size;
    }

    int file(int position) {
        return (int) (places[position] >>> FILE_SHIFT);
    }

    long offset(int position) {
        return places[position] & OFFSET_MASK;
    }

    int length(int position) {
        return lengths[position];
    }

    /** The first 64 bits of the line's content hash as the first pass read it. */
    long content(int position) {
        return contents[position];
    }

    long lineNumber(int position) {
        return lineNumbers[position];
    }

    /** The decoded line, or null when it was not kept (or the contract has been {@linkplain #release released}). */
    Arrival kept(int position) {
        return kept == null ? null : kept[position];
    }

    /** Lets the kept lines go once the contract has replayed. */
    void release() {
        kept = null;
        released = true;
    }
}
