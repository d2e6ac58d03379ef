#!/usr/bin/env bash
# The what-if run of issue 17 as finance starts it (no JVM flags), beside generate's time as the
# machine's reference: generates the data once into a work folder, then times generate and run back to back.
#   bench/what-if.sh                 a million events
#   bench/what-if.sh 10000000        ten million (4.4 GB of disk in the work folder)
#   WORK=/data/what-if bench/what-if.sh   another work folder (default: target/what-if-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-1000000}"
work="${WORK:-target/what-if-bench}"
jar=simulations/target/billwright-simulations.jar
mvn -B -q -pl simulations -am package -DskipTests
mkdir -p "$work"
data="$work/events-$events.jsonl"
if [ ! -f "$data" ]; then
    java -jar "$jar" generate --seed 7 --events "$events" -o "$data" >/dev/null
fi
measure() { # label, then the command; prints wall seconds, CPU seconds and peak RSS
    local label="$1"; shift
    /usr/bin/time -f "$label: %e s wall, %U s CPU, peak RSS %M kB" "$@" >"$work/$label.out" 2>"$work/$label.err" \
        || { cat "$work/$label.err"; exit 1; }
    tail -1 "$work/$label.err"
}
measure generate java -jar "$jar" generate --seed 7 --events "$events" -o "$work/reference.jsonl"
rm -f "$work/reference.jsonl"
measure run java -jar "$jar" run "$data" --tax-rates examples/what-if/de-vat-16.csv \
    --retention examples/what-if/retention-5-for-new-contracts.csv -o "$work/report" --quiet
grep "s in all" "$work/run.out"
