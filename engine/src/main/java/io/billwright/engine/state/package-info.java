/** Contract state between events, and the port it is stored behind (with an in-memory store). */
package io.billwright.engine.state;
