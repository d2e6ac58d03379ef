#!/usr/bin/env bash
# The chaos suite (issue 13): a generated quarter through two service instances under each fault, on a
# RabbitMQ node (or 3-node cluster) and a PostgreSQL cluster of the suite's own, never the machine's
# default ones; after each fault the ERP queues are compared with the what-if simulator's packages for the
# same file. Figures go to messaging/target/chaos-report.md (record them in docs/reliability.md).
#
#   bench/chaos.sh                       every fault, 300 people (about 33,000 events), published in a burst
#   bench/chaos.sh -Dchaos.people=600    a larger quarter
#   bench/chaos.sh -Dit.test='ChaosSuiteIT#aBrokerRestart'   one fault
#
# Needs what .ci/run installs: JDK 17, Maven, RabbitMQ (with rabbitmq_consistent_hash_exchange) and
# PostgreSQL binaries; the machine's RabbitMQ and PostgreSQL hold the namespace and schema bookkeeping of
# the in-process instance's tests only.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f messaging/target/chaos-report.md
it_test='ChaosSuiteIT'
args=()
for arg in "$@"; do
  case "$arg" in
    -Dit.test=*) it_test="${arg#-Dit.test=}" ;;
    *) args+=("$arg") ;;
  esac
done
mvn -B -q -pl messaging -am install -DskipTests
mvn -B -pl messaging verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test="$it_test" \
    -Dchaos.full=true "${args[@]}" | grep -E '^\[chaos\]|Tests run:|FAIL' || true
echo
cat messaging/target/chaos-report.md
