/** Analysts' scenarios: the file format, its reader with located errors, and the runner that checks them. */
package io.billwright.rules.scenario;
