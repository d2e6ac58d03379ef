/** The Drools adapter: the only package that may use Drools (KIE) types. */
package io.billwright.engine.ruleset.drools;
