/**
 * Rule-set releases: a rule folder compiled once by the executable model, checked (lint, bytecode,
 * scenarios in a separate bounded JVM), written as a signed jar, and verified again wherever it is loaded.
 */
package io.billwright.rules.release;
