#!/usr/bin/env bash
# Cortex-M33 instructions per 512-byte upload chunk through the SMP server: run.sh's two datagram deployments (0 and N
# chunks) on the runtime app in QEMU (the csharp_app flash file of ./build.sh build with the deployment loaded over
# managed_deploy), every executed instruction counted from QEMU's exec trace (bench/qemu-dk/stage_counter.c);
# per chunk = (instructions[N] - instructions[0]) / N. Called by run.sh after it made the deployments.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$repo/build/bench-smp"
N=$1
imagetool="$repo/build/dotnet/bin/ImageTool/Release/net10.0/ImageTool.dll"
. "$repo/bench/qemu-dk/trace.sh"
psram=$(sym an505_flash_file_offset)
app=$(range runtime MCUBOOT_PRIMARY)

count() {
  local c=$1
  dotnet "$imagetool" sign "$out/c${c}s0.nfdeploy" "$out/c$c.signed.bin" -H 0x200 --pad-header --align 4 -v 1.0.0 \
    -S "$(( $(part MANAGED_DEPLOY SIZE) ))" >/dev/null
  arm-none-eabi-objcopy -I binary -O ihex --change-addresses "$(( psram + $(part MANAGED_DEPLOY ADDRESS) ))" \
    "$out/c$c.signed.bin" "$out/c$c.hex"
  cp "$repo/build/artefacts/qemu-an505/csharp_app.flash" "$out/m33.flash"
  trace_boot "$out/m33.flash" "$out/m33.c$c.log" "$out/m33.c$c.txt" -device "loader,file=$out/c$c.hex" -- "$app"
  grep -q "nfclr: ended (ok)" "$out/m33.c$c.log" || { echo "error: the M33 run of c$c failed, see $out/m33.c$c.log" >&2; return 1; }
  awk '$1 == "runtime" { print $2 }' "$out/m33.c$c.txt"
}

base=$(count 0)
full=$(count 1)
echo "Cortex-M33 instructions per 512-byte upload chunk through SmpServer.Handle on nfclr_an505 (QEMU exec trace)"
echo "instructions[N=0] = $base, instructions[N=$N] = $full"
awk -v a="$full" -v b="$base" -v n="$N" 'BEGIN { printf "per chunk: %.0f\n", (a - b) / n }'
