/** The transactional outbox and its relay: publish with confirms, mark sent on the confirm. */
package io.billwright.messaging.outbox;
