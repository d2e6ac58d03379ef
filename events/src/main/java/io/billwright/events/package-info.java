/**
 * Billwright's inbound events on the wire: the CloudEvents types, their JSON Schemas, and the reader that
 * checks a message (size, JSON, envelope, data, currency and decimals) and maps it to an engine event.
 * The service and the what-if simulator read events with the same code, so they accept and refuse the
 * same messages.
 */
package io.billwright.events;
