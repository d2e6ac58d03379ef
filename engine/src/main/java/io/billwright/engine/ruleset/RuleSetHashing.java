package io.billwright.engine.ruleset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** The content hash behind a {@link RuleSetVersion}. */
public final class RuleSetHashing {

    private RuleSetHashing() {
    }

    /** SHA-256 over every file's path and bytes in path order; the first 12 hex digits. */
    public static String hash(List<RuleSource> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleSource source : sources.stream().sorted(Comparator.comparing(RuleSource::path)).toList()) {
                digest.update(source.path().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(source.content());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
