#!/usr/bin/env bash
# UDP upload speed to the simulated DK: a 256 KiB app image uploaded with the smp client's defaults (chunks and
# window from the device's buffer parameters), three runs, each after an image erase. Needs ./build.sh build.
# Prints one line per run and the median in KiB/s.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin="$root/build/dotnet/bin"
dksim=(dotnet "$bin/DkSim/Release/net10.0/dksim.dll")
smp=(dotnet "$bin/SmpClient/Release/net10.0/smp.dll")
port=${SMP_BENCH_PORT:-14337}
conn="udp:127.0.0.1:$port"
work=$(mktemp -d)
dk=
cleanup() {
    [ -n "$dk" ] && kill "$dk" 2>/dev/null && wait "$dk" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

"${dksim[@]}" image app --version 9.0.0 --size $((256 * 1024)) -o "$work/app.bin" >/dev/null 2>&1
"${dksim[@]}" run --state "$work/state" --udp "$port" >"$work/dk.log" 2>&1 &
dk=$!
for _ in $(seq 1 120); do
    "${smp[@]}" --conn "$conn" --timeout 0.5 --retries 0 echo up >/dev/null 2>&1 && break
    kill -0 "$dk" 2>/dev/null || { tail -20 "$work/dk.log"; echo "upload-sim: the DK stopped" >&2; exit 1; }
    sleep 0.5
done
"${smp[@]}" --conn "$conn" params
rates=()
for run in 1 2 3; do
    "${smp[@]}" --conn "$conn" image erase >/dev/null
    line=$("${smp[@]}" --conn "$conn" image upload "$work/app.bin" 2>/dev/null | tail -1)
    echo "run $run: $line"
    rates+=("$(sed -n 's/.*, \([0-9.]*\) KiB\/s$/\1/p' <<<"$line")")
done
median=$(printf '%s\n' "${rates[@]}" | sort -n | sed -n 2p)
echo "UDP upload to the simulated DK, $(stat -c %s "$work/app.bin") bytes: median $median KiB/s"
