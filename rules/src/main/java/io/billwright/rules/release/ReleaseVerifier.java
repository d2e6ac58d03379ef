package io.billwright.rules.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billwright.engine.ruleset.bytecode.BytecodeCheck;
import io.billwright.engine.ruleset.bytecode.FactModelCheck;
import io.billwright.engine.ruleset.drools.model.CompiledModule;
import io.billwright.engine.ruleset.lint.Finding;
import io.billwright.rules.release.ReleaseRefusedException.Reason;
import java.io.IOException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a release jar before anything of it is loaded: its signature by a trusted key, that every entry is
 * the one signed, that this service's fact model has every member the rules use, and this service's own
 * bytecode check over every class. A release is never trusted for being signed alone.
 */
public final class ReleaseVerifier {

    private final Map<String, PublicKey> trusted = new HashMap<>();
    private final ObjectMapper json = ReleaseJson.mapper();

    public ReleaseVerifier(List<PublicKey> trustedKeys) {
        trustedKeys.forEach(key -> trusted.put(ReleaseKeys.keyId(key), key));
    }

    /** Whether a release signed by key {@code keyId} would be trusted now. */
    public boolean trusts(String keyId) {
        return trusted.containsKey(keyId);
    }

    /** @throws ReleaseRefusedException saying why, when any check fails */
    public VerifiedRelease verify(byte[] jar) {
        Map<String, byte[]> entries = ReleaseJar.read(jar);
        byte[] manifestBytes = entries.get(ReleaseJar.MANIFEST);
        byte[] signatureBytes = entries.get(ReleaseJar.SIGNATURE);
        if (manifestBytes == null || signatureBytes == null) {
            throw new ReleaseRefusedException(Reason.UNSIGNED, "the jar is not a signed release: it has no "
                    + (manifestBytes == null ? ReleaseJar.MANIFEST : ReleaseJar.SIGNATURE));
        }
        ReleaseSignature signature = read(signatureBytes, ReleaseSignature.class, Reason.UNSIGNED);
        PublicKey key = trusted.get(signature.keyId());
        if (key == null) {
            throw new ReleaseRefusedException(Reason.UNKNOWN_KEY, "the release is signed by key " + signature.keyId()
                    + ", which this service does not trust (trusted: " + (trusted.isEmpty() ? "none"
                    : String.join(", ", trusted.keySet())) + ")");
        }
        byte[] signed;
        try {
            signed = Base64.getDecoder().decode(signature.signature());
        } catch (IllegalArgumentException e) {
            throw new ReleaseRefusedException(Reason.BAD_SIGNATURE, "the release's signature is not base64");
        }
        if (!ReleaseKeys.verify(manifestBytes, signed, key)) {
            throw new ReleaseRefusedException(Reason.BAD_SIGNATURE, "the release's signature does not match its"
                    + " manifest: the manifest was changed after signing, or signed by another key");
        }
        ReleaseManifest manifest = read(manifestBytes, ReleaseManifest.class, Reason.TAMPERED);
        checkEntries(entries, manifest);
        CompiledModule module = ReleaseContents.module(entries);
        BytecodeCheck.Result check = new BytecodeCheck().check(module);
        if (!check.passed()) {
            throw new ReleaseRefusedException(Reason.BYTECODE, "this service's bytecode check refuses release "
                    + manifest.version() + ": " + String.join("; ", check.findings().stream().filter(Finding::isError)
                    .map(Finding::toString).limit(5).toList()));
        }
        // what the classes use, as read here: a manifest that lists less would not hide a missing member
        java.util.Set<String> uses = new java.util.TreeSet<>(check.factModelUses());
        uses.addAll(manifest.factModel().uses());
        List<String> missing = FactModelCheck.missing(uses, ReleaseVerifier.class.getClassLoader());
        if (!missing.isEmpty()) {
            throw new ReleaseRefusedException(Reason.FACT_MODEL, "release " + manifest.version()
                    + " was compiled against fact model " + manifest.factModel().version() + "; this service's fact"
                    + " model lacks " + missing.size() + " member(s) its rules use: " + String.join(", ",
                    missing.subList(0, Math.min(5, missing.size()))) + (missing.size() > 5 ? ", ..." : ""));
        }
        return new VerifiedRelease(manifest, module, signature.keyId(), ReleaseJar.sha256(jar));
    }

    private static void checkEntries(Map<String, byte[]> entries, ReleaseManifest manifest) {
        Set<String> listed = new HashSet<>(manifest.entries().keySet());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            String name = entry.getKey();
            if (name.equals(ReleaseJar.SIGNATURE) || name.equals(ReleaseJar.MANIFEST)) {
                continue;
            }
            String expected = manifest.entries().get(name);
            if (expected == null) {
                problems.add(name + " was added");
            } else if (!expected.equals(ReleaseJar.sha256(entry.getValue()))) {
                problems.add(name + " was changed");
            }
            listed.remove(name);
        }
        listed.forEach(name -> problems.add(name + " was removed"));
        if (!problems.isEmpty()) {
            throw new ReleaseRefusedException(Reason.TAMPERED, "the release was altered after signing: "
                    + String.join(", ", problems.stream().sorted().limit(5).toList())
                    + (problems.size() > 5 ? " (and " + (problems.size() - 5) + " more)" : ""));
        }
    }

    private <T> T read(byte[] bytes, Class<T> type, Reason reason) {
        try {
            return json.readValue(bytes, type);
        } catch (IOException e) {
            throw new ReleaseRefusedException(reason, "the release's " + type.getSimpleName() + " cannot be read: "
                    + e.getMessage());
        }
    }
}
