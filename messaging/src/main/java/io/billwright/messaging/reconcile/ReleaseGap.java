package io.billwright.messaging.reconcile;

import java.util.Objects;

/**
 * Messages of a contract the replay could not decide with the rule set that decided them.
 *
 * @param wanted   the version their decisions recorded
 * @param used     the version the replay used instead (the packaged default)
 * @param why      why {@code wanted} could not be used, in words
 * @param messages how many of the contract's messages
 */
record ReleaseGap(String wanted, String used, String why, int messages) {

    ReleaseGap {
        Objects.requireNonNull(wanted, "wanted");
        Objects.requireNonNull(used, "used");
        Objects.requireNonNull(why, "why");
    }

    /** {@code 3 message(s) decided with release X, which is not in --releases DIR: replayed with Y instead}. */
    String describe() {
        return messages + " message(s) " + why + ": replayed with " + used + " instead";
    }
}
