package io.billwright.rules.release;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;

/**
 * The key a release is signed with, and its public half (whose fingerprint names the key in the
 * signature). The PEM text holds the {@code PRIVATE KEY} block and, for Ed25519, the {@code PUBLIC KEY}
 * block after it, as {@code billwright-rules keys generate} writes them; an RSA key's public half is derived.
 */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey) {

    public String keyId() {
        return ReleaseKeys.keyId(publicKey);
    }

    public static SigningKey parse(String pem) {
        int publicAt = pem.indexOf("-----BEGIN PUBLIC KEY-----");
        PrivateKey privateKey = ReleaseKeys.privateKey(publicAt < 0 ? pem : pem.substring(0, publicAt));
        if (publicAt >= 0) {
            return new SigningKey(privateKey, ReleaseKeys.publicKey(pem.substring(publicAt)));
        }
        if (privateKey instanceof RSAPrivateCrtKey rsa) {
            return new SigningKey(privateKey, rsaPublic(rsa.getModulus(), rsa.getPublicExponent()));
        }
        throw new IllegalArgumentException("an Ed25519 signing key needs its PUBLIC KEY block after the PRIVATE KEY"
                + " block (billwright-rules keys generate writes both; with openssl, append the output of"
                + " `openssl pkey -in key.pem -pubout`)");
    }

    private static PublicKey rsaPublic(BigInteger modulus, BigInteger exponent) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot derive the RSA public key: " + e.getMessage(), e);
        }
    }
}
