/** Retention: the query retention rules answer for a package, and the withholding they conclude. */
package io.billwright.engine.retention;
