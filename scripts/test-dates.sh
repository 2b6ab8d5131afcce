#!/usr/bin/env bash
# Runs the date-sensitive tests under several system dates with Debian's libfaketime, so the
# suite cannot only pass "today". Every process of the run — vitest, its workers, the embedded
# Postgres — sees the same shifted clock: the shift is a fixed offset from the real time (not a
# frozen instant), so a server started later agrees with Node, and time still moves.
# Monotonic clocks are left alone (timers, BullMQ's delays and Postgres's timeouts keep working).
# redis-server is the exception: it cannot start under libfaketime (a recursive clock_gettime at
# load), so a `redis-server` first on PATH runs the real one without it. Redis's own clock only
# expires keys; BullMQ's due times come from Node's clock, which is shifted.
#
#   npm run test:dates                         # every date, the date-sensitive folders
#   npm run test:dates -- tests/jobs/digest.test.ts   # every date, these files only
#   DATES="2028-02-29T12:00:00+08:00" npm run test:dates
set -euo pipefail
cd "$(dirname "$0")/.."

lib=""
for candidate in /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 /usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1; do
  [ -e "$candidate" ] && lib="$candidate" && break
done
if [ -z "$lib" ]; then
  echo "libfaketime not found: sudo apt-get install faketime" >&2
  exit 2
fi

# The calendar edges (Asia/Shanghai is UTC+8, the demo tenant's zone): the 1st of a month at
# noon; 07:30 on 1 January (still the last day of the month, and of the year, in UTC); 23:30 on
# the last day of a month (quiet hours, half an hour before the next month); noon on 29 February;
# 23:30 on 31 December.
default_dates=(
  "2027-04-01T12:00:00+08:00"
  "2027-01-01T07:30:00+08:00"
  "2027-06-30T23:30:00+08:00"
  "2028-02-29T12:00:00+08:00"
  "2026-12-31T23:30:00+08:00"
)
if [ -n "${DATES:-}" ]; then read -r -a dates <<<"$DATES"; else dates=("${default_dates[@]}"); fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tests/jobs tests/chat tests/unit tests/nlu tests/router)

shim=$(mktemp -d)
trap 'rm -rf "$shim"' EXIT
real_redis=$(command -v redis-server || echo /usr/bin/redis-server)
printf '#!/bin/sh\nexec env -u LD_PRELOAD -u FAKETIME %s "$@"\n' "$real_redis" >"$shim/redis-server"
chmod +x "$shim/redis-server"

failed=()
for d in "${dates[@]}"; do
  offset=$(( $(date -d "$d" +%s) - $(date +%s) ))
  [ "$offset" -lt 0 ] || offset="+$offset"
  start=$(date +%s)
  echo "=== $d (faketime offset ${offset}s) ==="
  if PATH="$shim:$PATH" LD_PRELOAD="$lib" FAKETIME="${offset}" FAKETIME_DONT_FAKE_MONOTONIC=1 \
      npx vitest run "${targets[@]}"; then
    echo "=== $d: passed in $(( $(date +%s) - start ))s ==="
  else
    echo "=== $d: FAILED in $(( $(date +%s) - start ))s ==="
    failed+=("$d")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed under: ${failed[*]}" >&2
  exit 1
fi
echo "all ${#dates[@]} dates passed"
