#!/usr/bin/env bash
# Measures rule-set reloads while the service takes a steady load (issue 5). Needs the service jar
# (mvn -B -o -pl messaging -am package -DskipTests), RabbitMQ and PostgreSQL on this machine, and
# port 8080 free. Everything the service writes goes to the PostgreSQL schema "bench".
#
#   bench/reload-under-load.sh [warm-up runs, default 6] [measured runs, default 3]
#
# Environment: JFR=1 records the service with Java Flight Recorder (target/bench/service.jfr);
# SERVICE_OPTS adds JVM options to the service; IDLE_RELOADS reloads that many times before the load; RATE (default 1000), EVERY (seconds between reloads,
# default 4) and EVENTS (default 20000) shape the measured runs.
set -euo pipefail
cd "$(dirname "$0")/.."
warmups=${1:-6}
runs=${2:-3}
jar=messaging/target/billwright-service.jar
work=target/bench
rm -rf "$work" && mkdir -p "$work"
cp -r rules/src/main/resources/billwright/rules "$work/rules"
cp -r rules/src/test/resources/scenarios "$work/rules/scenarios"
psql -h 127.0.0.1 -U postgres -d test -qc 'drop schema if exists bench cascade'

user=bench password=bench-$RANDOM
jfr=()
if [[ "${JFR:-0}" == 1 ]]; then
    jfr=(-XX:StartFlightRecording=filename=$work/service.jfr,settings=${JFR_SETTINGS:-default},dumponexit=true)
fi
SPRING_DATASOURCE_URL='jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench' \
SPRING_DATASOURCE_USERNAME=postgres SPRING_FLYWAY_SCHEMAS=bench \
BILLWRIGHT_RULES_DIRECTORY="$work/rules" \
BILLWRIGHT_ADMIN_USERNAME=$user BILLWRIGHT_ADMIN_PASSWORD=$password \
    java "${jfr[@]}" ${SERVICE_OPTS:-} -jar "$jar" > "$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null || true' EXIT
until curl -sf localhost:8080/actuator/health > /dev/null; do
    kill -0 $service 2>/dev/null || { tail -20 "$work/service.log"; exit 1; }
    sleep 1
done

load() { java -jar "$jar" load --contracts 200 --no-baseline "$@"; }
for i in $(seq "${IDLE_RELOADS:-0}"); do
    echo "// idle reload $i" >> "$work/rules/tm/time-and-materials.drl"
    curl -sf -o /dev/null -w "idle reload $i: %{time_total} s\n" -u "$user:$password" -X POST localhost:8080/admin/rules/reload
done
for i in $(seq "$warmups"); do
    echo "warm-up $i of $warmups"
    load --events 20000 > "$work/warmup-$i.txt"
done
for i in $(seq "$runs"); do
    echo "run $i of $runs"
    load --events "${EVENTS:-20000}" --rate "${RATE:-1000}" --reload-file "$work/rules/tm/time-and-materials.drl" \
        --reload-every "${EVERY:-4}" --admin-user $user --admin-password $password | tee "$work/run-$i.txt"
done
grep -o 'is live ([^)]*)' "$work/service.log" | tail -20
