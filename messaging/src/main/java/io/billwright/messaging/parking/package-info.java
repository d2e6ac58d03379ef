/** Parking messages that cannot be processed on the dead-letter queue, confirmed, with the reason. */
package io.billwright.messaging.parking;
