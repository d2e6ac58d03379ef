/** The rule-set lint: readable, unique, described rules that use only the fact model and safe JDK types. */
package io.billwright.engine.ruleset.lint;
