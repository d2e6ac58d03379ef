package io.billwright.messaging.reconcile;

import io.billwright.engine.ruleset.RuleSet;
import io.billwright.engine.ruleset.RuleSetException;
import io.billwright.messaging.rulesets.ReleaseRuleSets;
import io.billwright.messaging.rulesets.ReleaseStore;
import io.billwright.rules.DefaultRuleSet;
import io.billwright.rules.release.ReleaseRefusedException;
import io.billwright.rules.release.VerifiedRelease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rule set to replay a message with: the one that decided it, by the version its decisions recorded
 * ({@code label@hash}). That is the packaged default of this jar, or a signed release from the releases folder,
 * verified against the trusted keys and built the way the service builds it ({@link ReleaseRuleSets}). A version
 * that cannot be had is replayed with the packaged default, and the choice says why ({@link Choice#gap}).
 */
final class ReplayRuleSets {

    /** How long one rule evaluation may fire, as in the service (billwright.rules.evaluation-time-limit). */
    static final Duration TIME_LIMIT = Duration.ofSeconds(2);

    /**
     * The rule set chosen for a version.
     *
     * @param wanted the version asked for, or null when nothing says which
     * @param gap    why the replay could not use {@code wanted}, in words; null when it could
     */
    record Choice(RuleSet ruleSet, String wanted, String gap) {
        String used() {
            return ruleSet.version().toString();
        }
    }

    private final Supplier<RuleSet> packagedSource;
    private final Path releases;
    private final Path trustedKeys;
    private final Map<String, Choice> chosen = new HashMap<>();
    private RuleSet packaged;

    /**
     * @param packaged    the jar's own default rule set, compiled when first needed
     * @param releases    the folder of release jars, or null
     * @param trustedKeys the folder of the release signers' public keys, or null
     */
    ReplayRuleSets(Supplier<RuleSet> packaged, Path releases, Path trustedKeys) {
        this.packagedSource = packaged;
        this.releases = releases;
        this.trustedKeys = trustedKeys;
    }

    /** The packaged default of this jar, as the service serves it. */
    static ReplayRuleSets of(Path releases, Path trustedKeys) {
        return new ReplayRuleSets(() -> DefaultRuleSet.load().withTimeLimit(TIME_LIMIT), releases, trustedKeys);
    }

    RuleSet packaged() {
        if (packaged == null) {
            packaged = packagedSource.get();
        }
        return packaged;
    }

    /** The rule set for {@code wanted}; the packaged default when it is null. */
    Choice forVersion(String wanted) {
        if (wanted == null) {
            return new Choice(packaged(), null, null);
        }
        return chosen.computeIfAbsent(wanted, this::resolve);
    }

    private Choice resolve(String wanted) {
        if (wanted.equals(packaged().version().toString())) {
            return new Choice(packaged(), wanted, null);
        }
        int at = wanted.lastIndexOf('@');
        String label = at < 0 ? wanted : wanted.substring(0, at);
        String hash = at < 0 ? null : wanted.substring(at + 1);
        if (DefaultRuleSet.LABEL.equals(label)) {
            return fallback(wanted, "decided with the packaged rule set of another build of the service (" + wanted
                    + "), not this jar's (" + packaged().version() + ")");
        }
        if (releases == null) {
            return fallback(wanted, "decided with release " + wanted + ", and no releases folder was given"
                    + " (--releases or BILLWRIGHT_RULES_RELEASES)");
        }
        Optional<Path> jar;
        try {
            jar = new ReleaseStore(releases, null).byVersion(label);
        } catch (UncheckedIOException e) {
            return fallback(wanted, "decided with release " + wanted + ", and --releases " + releases
                    + " cannot be listed: " + e.getCause().getMessage());
        }
        if (jar.isEmpty()) {
            return fallback(wanted, "decided with release " + wanted + ", which is not in --releases " + releases);
        }
        if (trustedKeys == null) {
            return fallback(wanted, "decided with release " + wanted + ", found in " + jar.get() + " but not verified:"
                    + " no --trusted-keys (or BILLWRIGHT_RULES_TRUSTED_KEYS) to check its signature with");
        }
        try {
            VerifiedRelease release = ReleaseRuleSets.verifier(trustedKeys).verify(Files.readAllBytes(jar.get()));
            if (hash != null && !hash.equals(release.manifest().ruleSetHash())) {
                return fallback(wanted, "decided with release " + wanted + ", but " + jar.get() + " holds "
                        + release.manifest().label() + ": another build under the same version");
            }
            return new Choice(ReleaseRuleSets.build(release, TIME_LIMIT), wanted, null);
        } catch (ReleaseRefusedException | IllegalArgumentException | RuleSetException | UncheckedIOException e) {
            return fallback(wanted, "decided with release " + wanted + ", but " + jar.get() + " cannot be used: "
                    + e.getMessage());
        } catch (IOException e) {
            return fallback(wanted, "decided with release " + wanted + ", but " + jar.get() + " cannot be read: "
                    + e.getMessage());
        }
    }

    private Choice fallback(String wanted, String why) {
        return new Choice(packaged(), wanted, why);
    }
}
