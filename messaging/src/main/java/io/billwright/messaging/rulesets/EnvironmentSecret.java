package io.billwright.messaging.rulesets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks the admin password against the one the environment holds, in constant time. A slow hash (BCrypt,
 * the Spring default) protects stored password hashes; this password is not stored anywhere but the
 * process environment, so a slow hash buys nothing here and costs about 100 ms of CPU on every admin
 * call, a reload request included.
 */
public final class EnvironmentSecret implements PasswordEncoder {

    private static final String PREFIX = "sha256:";

    @Override
    public String encode(CharSequence raw) {
        return PREFIX + HexFormat.of().formatHex(digest(raw));
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        if (raw == null || encoded == null || !encoded.startsWith(PREFIX)) {
            return false;
        }
        return MessageDigest.isEqual(encode(raw).getBytes(StandardCharsets.US_ASCII),
                encoded.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] digest(CharSequence raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
