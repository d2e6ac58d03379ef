/**
 * The chaos suite: a generated quarter through the service under faults, compared package by package with
 * what the what-if simulator bills for the same file.
 */
package io.billwright.messaging.chaos;
