#!/usr/bin/env bash
# Measures rule-set release deploys while the service takes a steady load of half its maximum (issue 14).
# Needs the service jar (mvn -B -o -pl messaging -am package -DskipTests), RabbitMQ and PostgreSQL on this
# machine, and port 8080 free. Everything the service writes goes to the PostgreSQL schema "bench".
#
#   bench/deploy-under-load.sh [warm-up runs, default 4] [deploys, default 20]
#
# It builds two signed releases of the default rule set (the second reworded, deciding alike) with a new
# key, starts the service trusting that key, measures the maximum end-to-end rate (and the no-op relay
# beside it), then loads at half that rate while deploying the two releases in turn every EVERY seconds
# (default 2), and prints each deploy's request-to-serving time, their p95, and the throughput during
# deploys against the rest. The service stages both releases (verifies and builds them) when they appear
# in its releases folder, before the measured run, as it does in production; STAGED=0 turns staging off,
# so that every deploy verifies and builds its release while the load runs.
set -euo pipefail
cd "$(dirname "$0")/.."
warmups=${1:-4}
deploys=${2:-20}
every=${EVERY:-2}
jar=messaging/target/billwright-service.jar
work=target/bench-deploy
rm -rf "$work" && mkdir -p "$work/releases" "$work/trusted"
psql -h 127.0.0.1 -U postgres -d test -qc 'drop schema if exists bench cascade'

tools() { java -jar "$jar" "$@"; }
tools rules keys generate --out "$work/keys" > /dev/null
cp "$work/keys/release-signing.pub.pem" "$work/trusted/"
export BILLWRIGHT_RELEASE_SIGNING_KEY_FILE="$work/keys/release-signing.pem"
cp -r rules/src/main/resources/billwright/rules "$work/first"
cp -r rules/src/main/resources/billwright/rules "$work/second"
sed -i 's/Approved, billable hours are charged/Approved and billable hours are charged/' "$work/second/tm/time-and-materials.drl"
tools rules release "$work/first" --scenarios rules/src/test/resources/scenarios --version bench.1 \
    -o "$work/releases/bench-1.jar" | tail -1
tools rules release "$work/second" --scenarios rules/src/test/resources/scenarios --version bench.2 \
    -o "$work/releases/bench-2.jar" | tail -1

user=bench password=bench-$RANDOM
SPRING_DATASOURCE_URL='jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench' \
SPRING_DATASOURCE_USERNAME=postgres SPRING_FLYWAY_SCHEMAS=bench \
BILLWRIGHT_RULES_RELEASES="$work/releases" BILLWRIGHT_RULES_TRUSTED_KEYS="$work/trusted" \
BILLWRIGHT_ADMIN_USERNAME=$user BILLWRIGHT_ADMIN_PASSWORD=$password BILLWRIGHT_RULES_STAGED=${STAGED:-8} \
    java ${SERVICE_OPTS:-} -jar "$jar" > "$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true' EXIT
until curl -sf localhost:8080/actuator/health > /dev/null; do
    kill -0 $service 2>/dev/null || { tail -20 "$work/service.log"; exit 1; }
    sleep 1
done
if [[ "${STAGED:-8}" != 0 ]]; then
    until [[ $(grep -c 'staged: verified and built' "$work/service.log") -ge 2 ]]; do sleep 1; done
fi
grep -o 'release bench.[0-9]@[0-9a-f]* from [^ ]* staged: [^,]*, [^,]*' "$work/service.log"
deploy() {
    curl -sf -o /dev/null -w "idle deploy $1: %{time_total} s\n" -u "$user:$password" -H 'Content-Type: application/json' \
        -d "{\"version\": \"$1\"}" localhost:8080/admin/rules/deploy
}
deploy bench.1; deploy bench.2; deploy bench.1

load() { tools load --contracts 200 "$@"; }
for i in $(seq "$warmups"); do
    echo "warm-up $i of $warmups"
    load --events 20000 --no-baseline > "$work/warmup-$i.txt"
done
echo "maximum (with the no-op relay beside it)"
load --events 40000 | tee "$work/max.txt"
max=$(grep -o 'end to end: [0-9]*' "$work/max.txt" | grep -o '[0-9]*$')
half=$((max / 2))
events=$((half * (deploys * every * 12 / 10 + 10)))
echo "half of the maximum: $half events/s, $events events, a deploy every $every s"
load --events "$events" --rate "$half" --no-baseline --deploy bench.2,bench.1 --reload-every "$every" \
    --admin-user $user --admin-password $password | tee "$work/deploys.txt"
grep -o 'release bench.[0-9]@[0-9a-f]* from [^ ]* is live ([^)]*)' "$work/service.log" | tail -3
