/** JMH benchmarks of the service's store (run with {@code bench/state-age.sh}); nothing here runs in the build's tests. */
package io.billwright.messaging.bench;
