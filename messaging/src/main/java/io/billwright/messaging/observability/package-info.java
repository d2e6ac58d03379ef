/** Metrics and logging context for every message the service handles. */
package io.billwright.messaging.observability;
