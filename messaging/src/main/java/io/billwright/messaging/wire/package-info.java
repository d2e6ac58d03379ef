/** The JSON the service reads and writes on the wire, configured in one place. */
package io.billwright.messaging.wire;
