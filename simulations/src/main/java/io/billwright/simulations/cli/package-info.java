/** The simulator's command line: generate, run (with its progress and one-screen summary), tables, rules. */
package io.billwright.simulations.cli;
