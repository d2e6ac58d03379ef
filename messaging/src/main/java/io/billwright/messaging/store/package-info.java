/** The JDBC store: contract state under a row lock, dedup records, event and decision logs, packages. */
package io.billwright.messaging.store;
