/** The billing service: RabbitMQ in, the engine, ERP queues out (placeholder until its issue lands). */
package io.billwright.messaging;
