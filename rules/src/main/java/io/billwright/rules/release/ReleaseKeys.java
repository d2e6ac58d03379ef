package io.billwright.rules.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Release signing keys, from the JDK alone: Ed25519 (preferred) or RSA, in the PEM files {@code openssl}
 * writes ({@code PRIVATE KEY} is PKCS#8, {@code PUBLIC KEY} is X.509 SubjectPublicKeyInfo).
 */
public final class ReleaseKeys {

    /** The environment variable holding the signing key's PEM text. */
    public static final String SIGNING_KEY_ENV = "BILLWRIGHT_RELEASE_SIGNING_KEY";
    /** The environment variable naming a file that holds it, when the text is not in the environment. */
    public static final String SIGNING_KEY_FILE_ENV = "BILLWRIGHT_RELEASE_SIGNING_KEY_FILE";

    private static final List<String> ALGORITHMS = List.of("Ed25519", "RSA");

    private ReleaseKeys() {
    }

    /** A new Ed25519 key pair. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    public static String privatePem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /**
     * The signing key from {@link #SIGNING_KEY_ENV} or the file {@link #SIGNING_KEY_FILE_ENV} names.
     *
     * @throws IllegalArgumentException when neither is set or the key cannot be read
     */
    public static SigningKey signingKeyFromEnvironment(java.util.function.UnaryOperator<String> env) {
        String text = env.apply(SIGNING_KEY_ENV);
        String file = env.apply(SIGNING_KEY_FILE_ENV);
        try {
            if ((text == null || text.isBlank()) && file != null && !file.isBlank()) {
                text = Files.readString(Path.of(file));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(SIGNING_KEY_FILE_ENV + " names " + file + ", which cannot be read: " + e);
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no signing key: set " + SIGNING_KEY_ENV + " to the key's PEM text, or "
                    + SIGNING_KEY_FILE_ENV + " to its file (see docs/rules-authoring.md, \"Signing releases\")");
        }
        return SigningKey.parse(text);
    }

    public static PrivateKey privateKey(String pem) {
        byte[] der = der(pem, "PRIVATE KEY");
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException ignored) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("the signing key is neither an Ed25519 nor an RSA private key in PKCS#8");
    }

    public static PublicKey publicKey(String pem) {
        byte[] der = der(pem, "PUBLIC KEY");
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException ignored) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("not an Ed25519 or RSA public key");
    }

    /** Every {@code *.pem} or {@code *.pub} public key in {@code folder}. */
    public static List<PublicKey> trusted(Path folder) {
        List<PublicKey> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pem") || f.toString().endsWith(".pub"))
                    .sorted().toList()) {
                try {
                    keys.add(publicKey(Files.readString(file)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the trusted keys in " + folder + ": " + e, e);
        }
        return keys;
    }

    /** The key's fingerprint: the first 16 hex digits of the SHA-256 of its encoding. */
    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String signatureAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalArgumentException("unsupported key algorithm " + keyAlgorithm);
        };
    }

    static byte[] sign(byte[] data, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(signatureAlgorithm(key.getAlgorithm()));
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    static boolean verify(byte[] data, byte[] signatureBytes, PublicKey key) {
        try {
            Signature signature = Signature.getInstance(signatureAlgorithm(key.getAlgorithm()));
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem, String type) {
        String body = pem.replace("-----BEGIN " + type + "-----", "").replace("-----END " + type + "-----", "")
                .replaceAll("\\s", "");
        if (body.contains("-----")) {
            throw new IllegalArgumentException("expected a PEM " + type + " block");
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM " + type + " block is not base64", e);
        }
    }
}
