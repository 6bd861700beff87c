#!/usr/bin/env bash
# Runs Ferro's benchmarks: ferro-bench/bench.sh tiny|quick|full [--databases=h2,postgresql]
#   [--libraries=jdbc,ferro,jdbi,hibernate,jooq] [--workloads=insert,select,project,get,filter,report,path,cursor,prefetch,concurrentGet,stream]
# Builds the module (offline when BENCH_OFFLINE=1), then runs JMH; writes ferro-bench/target/bench/<profile>.json,
# <profile>.md (the table) and <profile>.log. PostgreSQL: FERRO_BENCH_PG_URL, else FERRO_TEST_PG_URL, else
# jdbc:postgresql://127.0.0.1:5432/test (user postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:?usage: ferro-bench/bench.sh tiny|quick|full [--databases=..] [--libraries=..] [--workloads=..]}"
offline=()
if [ "${BENCH_OFFLINE:-0}" = 1 ]; then offline=(-o); fi
./mvnw -B -q "${offline[@]}" -pl ferro-bench -am package -DskipTests
cd ferro-bench
mkdir -p target/bench
java -cp "target/classes:$(cat target/bench-classpath.txt)" dev.ferro.bench.BenchRunner "$@" 2>&1 | tee "target/bench/$profile.log"
