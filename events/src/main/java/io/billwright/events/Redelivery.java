package io.billwright.events;

import java.time.Instant;

/**
 * What becomes of a message that may have been seen before: the service's rules, in one place, so the
 * service and the what-if simulator skip exactly the same messages.
 *
 * <ul>
 *   <li>a message id processed before, with the same content: a redelivery, nothing to do;</li>
 *   <li>a message id processed before with other content, or with the same content from another source
 *       or as another type: a second message under a reused id, refused ({@link ParkReason#ID_REUSED}),
 *       never silently dropped;</li>
 *   <li>the same business item (contract and business key) with the same content under a new id: an
 *       upstream resend, nothing to do;</li>
 *   <li>an update older, by its CloudEvents {@code time}, than the one already applied for the item: it
 *       would undo the newer one (an approval withdrawn, a rejection reverted), so it is skipped.</li>
 * </ul>
 */
public final class Redelivery {

    /** What to do with the message. */
    public enum Verdict { APPLY, DUPLICATE_MESSAGE, DUPLICATE_CONTENT, STALE }

    /** The content last applied for a business item, and its CloudEvents time. */
    public record LastSeen(String contentHash, Instant time) {
    }

    /**
     * What was processed before under a message id.
     *
     * @param envelopeHash {@link InboundMessage#envelopeHash()}, or null when it was recorded by a release
     *                     that kept none
     */
    public record Prior(String contentHash, String envelopeHash) {
    }

    private Redelivery() {
    }

    /**
     * @param prior      what was processed before under the message's id, or null
     * @param lastForKey what was last applied for the message's business item, or null
     * @throws RejectedMessage when the id was processed before with other content, or from another source
     */
    public static Verdict judge(InboundMessage message, Prior prior, LastSeen lastForKey) {
        // the envelope's hash is a digest: made only when a prior recorded one to compare with
        String envelopeHash = prior != null && prior.envelopeHash() != null ? message.envelopeHash() : null;
        return judge(new Sighting(message.messageId(), message.contentHash(), envelopeHash,
                message.envelope().source(), message.envelope().type(), message.time()), prior, lastForKey);
    }

    /**
     * What the rules need of a message, so a caller that cannot keep whole messages (the simulator, holding
     * millions) can judge from what it kept. The hashes only need to compare as the message's own would; the
     * envelope's is read only when a prior has one.
     */
    public record Sighting(String messageId, String contentHash, String envelopeHash, String source, String type,
                           Instant time) {
    }

    /** {@link #judge(InboundMessage, Prior, LastSeen)} from what was kept of the message. */
    public static Verdict judge(Sighting message, Prior prior, LastSeen lastForKey) {
        if (prior != null) {
            if (!prior.contentHash().equals(message.contentHash())) {
                throw new RejectedMessage(ParkReason.ID_REUSED, "id", "message id '" + message.messageId()
                        + "' was processed before with different content; CloudEvents ids must be unique across sources");
            }
            if (prior.envelopeHash() != null && !prior.envelopeHash().equals(message.envelopeHash())) {
                throw new RejectedMessage(ParkReason.ID_REUSED, "id", "message id '" + message.messageId()
                        + "' was processed before with the same data from another source or as another type ("
                        + message.source() + ", " + message.type() + " now); CloudEvents ids"
                        + " must be unique across sources");
            }
            return Verdict.DUPLICATE_MESSAGE;
        }
        if (lastForKey != null && lastForKey.contentHash().equals(message.contentHash())) {
            return Verdict.DUPLICATE_CONTENT;
        }
        if (lastForKey != null && message.time() != null && lastForKey.time() != null
                && message.time().isBefore(lastForKey.time())) {
            return Verdict.STALE;
        }
        return Verdict.APPLY;
    }

    /** The key a business item is remembered under: its contract and business key. */
    public static String keyOf(String contractId, String businessKey) {
        return contractId + '\u0000' + businessKey;
    }
}
