/**
 * The gate a compiled rule set passes before it is loaded: every class it compiled to is read, and any
 * reference outside an allowlist is refused, with the rule, file and line it came from.
 */
package io.billwright.engine.ruleset.bytecode;
