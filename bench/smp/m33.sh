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
an505="$repo/build/cmake/cortex-m33/bootloader/ports/qemu-an505"
gcc -O2 -o "$out/stage_counter" "$repo/bench/qemu-dk/stage_counter.c"

part() { awk -v n="PM_$1_$2" '$2 == n { print $3 }' "$repo/build/generated/board_partitions.h" | tr -d u; }
psram=$(arm-none-eabi-nm "$an505/b0_an505.elf" | awk '$3 == "an505_flash_file_offset" { print "0x" $1 }')
app=$(printf 'runtime=%x-%x' "$(( $(part MCUBOOT_PRIMARY ADDRESS) ))" "$(( $(part MCUBOOT_PRIMARY ADDRESS) + $(part MCUBOOT_PRIMARY SIZE) ))")

count() {
  local c=$1
  dotnet "$imagetool" sign "$out/c${c}s0.nfdeploy" "$out/c$c.signed.bin" -H 0x200 --pad-header --align 4 -v 1.0.0 \
    -S "$(( $(part MANAGED_DEPLOY SIZE) ))" >/dev/null
  arm-none-eabi-objcopy -I binary -O ihex --change-addresses "$(( psram + $(part MANAGED_DEPLOY ADDRESS) ))" \
    "$out/c$c.signed.bin" "$out/c$c.hex"
  cp "$repo/build/artefacts/qemu-an505/csharp_app.flash" "$out/m33.flash"
  rm -f "$out/trace"; mkfifo "$out/trace"
  "$out/stage_counter" "$app" < "$out/trace" > "$out/m33.c$c.txt" &
  qemu-system-arm -M mps2-an505 -nographic -semihosting-config enable=on,target=native \
    -object "memory-backend-file,id=dkflash,size=16M,mem-path=$out/m33.flash,share=on" -machine memory-backend=dkflash \
    -device "loader,file=$an505/an505_reset_stub.elf" -device "loader,file=$out/c$c.hex" \
    -singlestep -d nochain,exec -D "$out/trace" < /dev/null > "$out/m33.c$c.log" 2>&1 || true
  wait
  rm -f "$out/trace"
  grep -q "nfclr: ended (ok)" "$out/m33.c$c.log" || { echo "error: the M33 run of c$c failed, see $out/m33.c$c.log" >&2; return 1; }
  awk '$1 == "runtime" { print $2 }' "$out/m33.c$c.txt"
}

base=$(count 0)
full=$(count 1)
echo "Cortex-M33 instructions per 512-byte upload chunk through SmpServer.Handle on nfclr_an505 (QEMU exec trace)"
echo "instructions[N=0] = $base, instructions[N=$N] = $full"
awk -v a="$full" -v b="$base" -v n="$N" 'BEGIN { printf "per chunk: %.0f\n", (a - b) / n }'
