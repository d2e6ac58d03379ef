package io.billwright.messaging.reconcile;

import java.util.Objects;

/**
 * One way the database or the broker differs from the replay of the event log.
 *
 * @param contractId the contract
 * @param kind       what kind of difference
 * @param subject    what it is about: an item id, a package id, or the contract id
 * @param stored     what the database says, in words; empty when it has nothing
 * @param replayed   what the replay says, in words; empty when it has nothing
 * @param cause      why it differs and what it means, in words a finance or operations person can act on
 * @param text       the whole finding as one sentence, as the report prints it
 */
public record Drift(String contractId, DriftKind kind, String subject, String stored, String replayed, String cause,
                    String text) {

    public Drift {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        stored = stored == null ? "" : stored;
        replayed = replayed == null ? "" : replayed;
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(text, "text");
    }

    /** The same finding with a note added to its cause (a rule set the replay could not use). */
    Drift withNote(String note) {
        return new Drift(contractId, kind, subject, stored, replayed, cause + "; " + note, text + "; " + note);
    }
}
