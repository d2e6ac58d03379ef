package io.billwright.rules.release;

/**
 * {@code META-INF/billwright/release.sig}: the signature over the exact bytes of the release manifest.
 *
 * @param algorithm {@code Ed25519} or {@code SHA256withRSA}
 * @param keyId     the signing key's fingerprint ({@link ReleaseKeys#keyId})
 * @param signature base64
 */
public record ReleaseSignature(String algorithm, String keyId, String signature) {
}
