#!/usr/bin/env bash
# x86 instructions per 512-byte upload chunk through the SMP server on our runtime (nfclr_sim, gcc -O3
# Release, no sanitisers), counted with callgrind: (Ir[N chunks] - Ir[0 chunks]) / N.
#   bench/smp/run.sh          (output in build/bench-smp)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$repo/build/bench-smp"
bin="$repo/build/dotnet/bin/Bench.Smp"
N=$(awk '/public const int N =/ { gsub(";", "", $6); print $6 }' "$here/Program.cs")
mkdir -p "$out"

# Our runtime (optimised nfclr_sim, metadata processor) and ir(): bench/nfclr_sim.sh.
. "$here/../nfclr_sim.sh"

for s in 0 1; do
  for c in 0 1; do
    v="c${c}s$s"
    dotnet build "$here/Bench.Smp.csproj" -c Release -p:BenchChunks=$c -p:BenchSerial=$s -nologo -v:q >/dev/null
    "${mp_build[@]}" --out "$out/$v.nfdeploy" "$bin/$v/Release/device/mscorlib.dll" \
      "$bin/$v/Release/device/Bench.Smp.dll" >/dev/null
  done
done

echo "x86-64 instructions per 512-byte upload chunk through the SMP server on nfclr_sim (callgrind Ir)"
for s in 0 1; do
  base=$(ir "c0s$s" "$sim" "$out/c0s$s.nfdeploy")
  full=$(ir "c1s$s" "$sim" "$out/c1s$s.nfdeploy")
  [ "$s" = 0 ] && path="SmpServer.Handle (datagram)" || path="Poll over a stream (serial framing)"
  awk -v a="$full" -v b="$base" -v n="$N" -v p="$path" \
    'BEGIN { printf "%-38s Ir[N=0] %.0f, Ir[N=%d] %.0f, per chunk %.0f\n", p, b, n, a, (a - b) / n }'
done

# The datagram deployments on the Cortex-M33 build in QEMU.
"$here/m33.sh" "$N"
