/** The billing engine: one event and one contract's state in, decisions, packages and new state out. */
package io.billwright.engine;
