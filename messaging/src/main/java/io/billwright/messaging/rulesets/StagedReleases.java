package io.billwright.messaging.rulesets;

import io.billwright.engine.ruleset.RuleSet;
import io.billwright.rules.release.VerifiedRelease;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Releases verified and built ahead of their deploy, by the SHA-256 of their jar: the newest
 * {@code capacity}. A deploy of a staged jar re-reads its bytes and, when they hash the same, only swaps;
 * building a knowledge base is the slow part of a deploy, and staging does it before anyone waits.
 */
final class StagedReleases {

    /** A verified release and the rule set built from it. */
    record Staged(VerifiedRelease release, RuleSet rules) {
    }

    private final int capacity;
    private final Map<String, Staged> byJarHash;

    StagedReleases(int capacity) {
        this.capacity = Math.max(0, capacity);
        this.byJarHash = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Staged> eldest) {
                return size() > StagedReleases.this.capacity;
            }
        };
    }

    synchronized Optional<Staged> get(String jarSha256) {
        return Optional.ofNullable(byJarHash.get(jarSha256));
    }

    synchronized boolean contains(String jarSha256) {
        return byJarHash.containsKey(jarSha256);
    }

    synchronized void put(Staged staged) {
        if (capacity > 0) {
            byJarHash.put(staged.release().jarSha256(), staged);
        }
    }

    synchronized int size() {
        return byJarHash.size();
    }
}
