/**
 * Inbound partitions: one consumer per partition queue, and the spread of partitions over the service
 * instances that share a database (ADR 0009).
 */
package io.billwright.messaging.partition;
