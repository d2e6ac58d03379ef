/** The analysts' command line: decide scenarios and explain every decision. */
package io.billwright.rules.cli;
