/**
 * Drools' executable model: a rule set compiled to Java classes once, when its release is built, and loaded
 * from those classes with no DRL parse and no MVEL.
 */
package io.billwright.engine.ruleset.drools.model;
