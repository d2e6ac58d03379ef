#!/usr/bin/env bash
# What one message costs on a contract's 20,000th message against its 100th (issue 13), through the
# service's processor against the local PostgreSQL and RabbitMQ (as the integration tests use them).
#   bench/state-age.sh                    both ages, warm and after a rebalance
#   bench/state-age.sh -wi 3 -i 5         any JMH options
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl messaging -am install -DskipTests
mvn -B -q -pl messaging test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
cp="messaging/target/test-classes:messaging/target/classes:$(cat messaging/target/jmh.classpath)"
if [ $# -eq 0 ]; then set -- -f 1 -wi 3 -w 3s -i 5 -r 3s; fi
exec java -cp "$cp" org.openjdk.jmh.Main StateAgeBenchmarks "$@"
