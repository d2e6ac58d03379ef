/** Reading inbound CloudEvents: size, JSON, envelope and data schemas, mapping to engine events. */
package io.billwright.messaging.inbound;
