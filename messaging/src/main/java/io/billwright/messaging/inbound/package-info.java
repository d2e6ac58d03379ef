/**
 * The inbound listener: batches of messages read (with {@code io.billwright.events}), applied, acked, or
 * parked with their reason.
 */
package io.billwright.messaging.inbound;
