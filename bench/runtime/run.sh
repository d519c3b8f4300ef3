#!/usr/bin/env bash
# x86 instructions per iteration (callgrind) of four IL kernels on our runtime (nfclr_sim, gcc -O2/-O3
# Release, no sanitisers), CoreCLR (`dotnet App.dll`, default tiering) and mono JIT / mono --interpreter
# when `mono` and `mcs` are installed (Debian: mono-runtime, mono-mcs). Per iteration = (Ir of a run with N iterations - Ir of a run with 0) / N.
#   bench/runtime/run.sh          (output in build/bench-runtime)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$repo/build/bench-runtime"
bin="$repo/build/dotnet/bin/Bench.Runtime"
N=100000   # must match Program.N
kernels=("int arithmetic" "virtual call" "array read/write" "allocation (newobj)")
mkdir -p "$out"

# Our runtime (optimised nfclr_sim, metadata processor) and ir(): bench/nfclr_sim.sh.
. "$here/../nfclr_sim.sh"

# Variant k (0..4): kernel k runs N iterations, all others 0; k=0 is the baseline.
for k in 0 1 2 3 4; do
  dotnet build "$here/Bench.Runtime.csproj" -c Release -p:BenchKernel=$k -nologo -v:q >/dev/null
  "${mp_build[@]}" --out "$out/k$k.nfdeploy" "$bin/k$k/Release/device/mscorlib.dll" \
    "$bin/k$k/Release/device/Bench.Runtime.dll" >/dev/null
done

per_iter() { awk -v a="$1" -v b="$2" -v n="$N" 'BEGIN { printf "%.1f", (a - b) / n }'; }

declare -A res
run_engine() {  # name, then the command with @K@ for the variant
  local name=$1; shift; local base k v
  base=$(ir "$name.0" "${@//@K@/0}")
  for k in 1 2 3 4; do v=$(ir "$name.$k" "${@//@K@/$k}"); res[$name.$k]=$(per_iter "$v" "$base"); done
}
run_engine ours "$sim" "$out/k@K@.nfdeploy"
run_engine coreclr dotnet "$bin/k@K@/Release/net10.0/Bench.Runtime.dll"
if command -v mono >/dev/null && command -v mcs >/dev/null; then
  # mono runs .NET Framework assemblies: the same Program.cs compiled by mono's own C# compiler.
  for k in 0 1 2 3 4; do mcs -define:KERNEL$k -optimize+ -out:"$out/k$k.exe" "$here/Program.cs" >/dev/null; done
  run_engine monojit mono "$out/k@K@.exe"
  run_engine monoint mono --interpreter "$out/k@K@.exe"
else
  for k in 1 2 3 4; do res[monojit.$k]="mono not installed"; res[monoint.$k]="mono not installed"; done
fi

echo "x86-64 instructions per iteration (callgrind Ir, (Ir[N=$N] - Ir[N=0]) / N)"
printf '| %-20s | %10s | %10s | %18s | %18s |\n' kernel ours CoreCLR "mono JIT" "mono interp"
printf '|%s|%s|%s|%s|%s|\n' ---------------------- ------------ ------------ -------------------- --------------------
for k in 1 2 3 4; do
  printf '| %-20s | %10s | %10s | %18s | %18s |\n' "${kernels[$((k-1))]}" "${res[ours.$k]}" "${res[coreclr.$k]}" \
    "${res[monojit.$k]}" "${res[monoint.$k]}"
done
