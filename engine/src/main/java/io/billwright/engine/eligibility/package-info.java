/** Eligibility: running the rules over one item and resolving their conclusions into decisions. */
package io.billwright.engine.eligibility;
