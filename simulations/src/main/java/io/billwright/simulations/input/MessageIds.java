package io.billwright.simulations.input;

import java.util.Arrays;

/**
 * Which contract first used each message id, in 12 bytes an id: an open-addressing table of 64-bit
 * fingerprints. It finds the lines that reuse an id another contract used first, which the per-contract
 * checks cannot see. Two ids may share a fingerprint; a hit is therefore only a suspicion, which
 * {@link EventIndex} settles by comparing the ids themselves.
 */
final class MessageIds {

    private static final int NONE = -1;

    private long[] keys;
    private int[] contracts;
    private int size;

    MessageIds(long expected) {
        int capacity = Integer.highestOneBit((int) Math.min(1 << 28, Math.max(1024, expected * 4 / 3))) << 1;
        allocate(capacity);
    }

    /**
     * Remembers {@code contract} for the id unless one is remembered already.
     *
     * @return the contract remembered before, or -1 when the id's fingerprint is new
     */
    int putIfAbsent(String messageId, int contract) {
        long key = fingerprint(messageId);
        int mask = keys.length - 1;
        for (int slot = (int) key & mask; ; slot = (slot + 1) & mask) {
            if (keys[slot] == 0) {
                keys[slot] = key;
                contracts[slot] = contract;
                if (++size > keys.length / 4 * 3 && keys.length < 1 << 30) {
                    grow();
                }
                return NONE;
            }
            if (keys[slot] == key) {
                return contracts[slot];
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldContracts = contracts;
        allocate(oldKeys.length << 1);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = (int) oldKeys[i] & mask;
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                contracts[slot] = oldContracts[i];
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        contracts = new int[capacity];
        Arrays.fill(contracts, NONE);
    }

    /** FNV-1a over the characters, then a 64-bit finaliser to spread the bits; never 0 (the empty slot). */
    static long fingerprint(String id) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            hash ^= id.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash == 0 ? 1 : hash;
    }
}
