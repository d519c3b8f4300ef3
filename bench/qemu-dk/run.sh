#!/usr/bin/env bash
# Cortex-M33 instructions per boot stage of the emulated DK (QEMU mps2-an505): QEMU runs one instruction per
# translation block and logs each one executed (-singlestep -d nochain,exec); stage_counter attributes them
# by address range (partitions from build/generated/board_partitions.h, the reset stub's SRAM from the ELF).
#   bench/qemu-dk/run.sh        (after ./build.sh build; output in build/bench-qemu-dk)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$repo/build/bench-qemu-dk"
an505="$repo/build/cmake/cortex-m33/bootloader/ports/qemu-an505"
mkdir -p "$out"
gcc -O2 -o "$out/stage_counter" "$here/stage_counter.c"

part() { awk -v n="PM_$1_$2" '$2 == n { print $3 }' "$repo/build/generated/board_partitions.h" | tr -d u; }
range() { printf '%s=%x-%x' "$1" "$(( $(part "$2" ADDRESS) ))" "$(( $(part "$2" ADDRESS) + $(part "$2" SIZE) ))"; }
sym() { arm-none-eabi-nm "$an505/b0_an505.elf" | awk -v s="$1" '$3 == s { print "0x" $1 }'; }
stub=$(printf 'reset-stub=%x-%x' "$(( $(sym an505_iotkit_sram) ))" "$(( $(sym an505_iotkit_sram) + $(sym an505_iotkit_sram_size) ))")
ranges=("$stub" "$(range b0 B0)" "$(range S0 S0)" "$(range S1 S1)" "$(range app MCUBOOT_PRIMARY)")

for case in boot_s0 csharp_app; do
  cp "$repo/build/artefacts/qemu-an505/$case.flash" "$out/$case.flash"
  rm -f "$out/trace"; mkfifo "$out/trace"
  "$out/stage_counter" "${ranges[@]}" < "$out/trace" > "$out/$case.txt" &
  qemu-system-arm -M mps2-an505 -nographic -semihosting-config enable=on,target=native \
    -object "memory-backend-file,id=dkflash,size=16M,mem-path=$out/$case.flash,share=on" -machine memory-backend=dkflash \
    -device "loader,file=$an505/an505_reset_stub.elf" -singlestep -d nochain,exec -D "$out/trace" \
    < /dev/null > "$out/$case.log" 2>&1 || true
  wait
  echo "== $case (instructions executed per stage; the app stage ends with the app's exit)"
  cat "$out/$case.txt"
done
rm -f "$out/trace"
