/** The RabbitMQ exchanges, queues and bindings the service declares, under one namespace. */
package io.billwright.messaging.topology;
