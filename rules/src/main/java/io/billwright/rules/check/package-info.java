/** Checking a rule folder the way the service will: compile, lint, then every scenario. */
package io.billwright.rules.check;
