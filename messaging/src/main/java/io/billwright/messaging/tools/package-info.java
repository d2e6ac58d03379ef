/**
 * Command-line tools shipped in the service jar: publish sample events, watch outputs, measure load, export the
 * event log.
 */
package io.billwright.messaging.tools;
