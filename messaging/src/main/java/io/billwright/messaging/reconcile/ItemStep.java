package io.billwright.messaging.reconcile;

/**
 * An item as one message of the replay left it.
 *
 * @param item      the item afterwards, or null when the message removed it
 * @param seq       the message's place in the event log
 * @param eventType the message's type, e.g. {@code io.billwright.period.closed.v1}
 */
record ItemStep(ItemView item, long seq, String messageId, String eventType) {

    /** {@code message msg-7 (period.closed.v1, seq 42)}. */
    String message() {
        return "message " + messageId + " (" + eventType.replaceFirst("^io\\.billwright\\.", "") + ", seq " + seq + ")";
    }
}
