#!/usr/bin/env bash
# x86 instructions per 512-byte upload chunk through the SMP server on our runtime (nfclr_sim, gcc -O3
# Release, no sanitisers), counted with callgrind: (Ir[N chunks] - Ir[0 chunks]) / N.
#   bench/smp/run.sh          (output in build/bench-smp)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$repo/build/bench-smp"
bin="$repo/build/dotnet/bin/Bench.Smp"
mp="$repo/build/dotnet/bin/MetadataProcessor/Release/net10.0/MetadataProcessor.dll"
N=$(awk '/public const int N =/ { gsub(";", "", $6); print $6 }' "$here/Program.cs")
mkdir -p "$out"

# The same optimised nfclr_sim build as bench/runtime (its own folder; build/cmake/host-test is ASan).
mapfile -t sources < <(cd "$repo" && ./build.sh deps | awk '/^-D[A-Z_]+_SOURCE_DIR=/ { print $1 }')
[ "${#sources[@]}" -eq 2 ] || { echo "error: ./build.sh deps did not print the source folders" >&2; exit 1; }
cmake -S "$repo" -B "$out/clr" -G Ninja -DCMAKE_C_COMPILER=gcc -DCMAKE_BUILD_TYPE=Release \
  -DSDK_GENERATED_DIR="$repo/build/generated" "${sources[@]}" >/dev/null
cmake --build "$out/clr" --target nfclr_sim -j2 >/dev/null
sim="$out/clr/nf-interpreter-port/clr/nfclr_sim"
[ -f "$mp" ] || dotnet build "$repo/tools/MetadataProcessor" -c Release >/dev/null

for c in 0 1; do
  dotnet build "$here/Bench.Smp.csproj" -c Release -p:BenchChunks=$c -nologo -v:q >/dev/null
  dotnet "$mp" build --out "$out/c$c.nfdeploy" "$bin/c$c/Release/device/mscorlib.dll" \
    "$bin/c$c/Release/device/Bench.Smp.dll" >/dev/null
done

# Total instructions of one run: the sum over every file callgrind writes.
ir() {
  local f="$out/cg.$1"; shift; rm -f "$f".*
  valgrind --tool=callgrind --callgrind-out-file="$f.%p" "$@" >/dev/null 2>&1 || { echo "error: $*" >&2; return 1; }
  local total=0 t
  for g in "$f".*; do t=$(awk '/^summary:/ { print $2; exit } /^totals:/ { v = $2 } END { if (v) print v }' "$g" | head -1); total=$((total + t)); done
  rm -f "$f".*; echo "$total"
}

base=$(ir c0 "$sim" "$out/c0.nfdeploy")
full=$(ir c1 "$sim" "$out/c1.nfdeploy")
echo "x86-64 instructions per 512-byte upload chunk through SmpServer.Handle on nfclr_sim (callgrind Ir)"
echo "Ir[N=0] = $base, Ir[N=$N] = $full"
awk -v a="$full" -v b="$base" -v n="$N" 'BEGIN { printf "per chunk: %.0f\n", (a - b) / n }'
