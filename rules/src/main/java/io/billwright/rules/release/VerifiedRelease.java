package io.billwright.rules.release;

import io.billwright.engine.ruleset.drools.model.CompiledModule;

/**
 * A release whose signature, entries, fact model and bytecode were all checked here.
 *
 * @param keyId     the trusted key that signed it
 * @param jarSha256 the SHA-256 of the whole jar, as the audit trail records it
 */
public record VerifiedRelease(ReleaseManifest manifest, CompiledModule module, String keyId, String jarSha256) {
}
