package io.billwright.messaging.rulesets;

import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetVersion;
import io.billwright.engine.ruleset.drools.model.ModuleLoader;
import io.billwright.rules.release.ReleaseKeys;
import io.billwright.rules.release.ReleaseVerifier;
import io.billwright.rules.release.VerifiedRelease;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a signed release becomes a rule set, the one way the service and its tools do it: verified against
 * the trusted keys (ADR 0010, section 4), then built from its compiled classes under the version its
 * manifest states.
 */
public final class ReleaseRuleSets {

    private ReleaseRuleSets() {
    }

    /**
     * A verifier trusting every public key in {@code trustedKeys}.
     *
     * @throws IllegalArgumentException when no folder is given, saying how to give one
     */
    public static ReleaseVerifier verifier(Path trustedKeys) {
        if (trustedKeys == null) {
            throw new IllegalArgumentException("no trusted keys: set billwright.rules.trusted-keys to a folder of the"
                    + " release signers' public keys");
        }
        return new ReleaseVerifier(ReleaseKeys.trusted(trustedKeys));
    }

    /** The rule set of a verified release, labelled with its version and hash, bounded by {@code timeLimit}. */
    public static RuleSet build(VerifiedRelease release, Duration timeLimit) {
        return new ModuleLoader().load(release.module(), new RuleSetVersion(release.manifest().ruleSetHash(),
                release.manifest().version())).withTimeLimit(timeLimit);
    }
}
