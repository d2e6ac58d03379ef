/** Command-line tools shipped in the service jar: publish sample events, watch outputs, measure load. */
package io.billwright.messaging.tools;
