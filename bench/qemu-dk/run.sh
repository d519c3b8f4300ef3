#!/usr/bin/env bash
# Cortex-M33 instructions per boot stage of the emulated DK (QEMU mps2-an505): QEMU runs one instruction per
# translation block and logs each one executed (-singlestep -d nochain,exec); stage_counter attributes them
# by address range (partitions from build/generated/board_partitions.h, the reset stub's SRAM from the ELF).
#   bench/qemu-dk/run.sh        (after ./build.sh build; output in build/bench-qemu-dk)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$repo/build/bench-qemu-dk"
. "$here/trace.sh"
stub=$(printf 'reset-stub=%x-%x' "$(( $(sym an505_iotkit_sram) ))" "$(( $(sym an505_iotkit_sram) + $(sym an505_iotkit_sram_size) ))")
ranges=("$stub" "$(range b0 B0)" "$(range S0 S0)" "$(range S1 S1)" "$(range app MCUBOOT_PRIMARY)")

# The test app ends the emulation; the default C# app serves SMP on, so its boot ends at its ready line.
for case in boot_s0 csharp_app; do
  cp "$repo/build/artefacts/qemu-an505/$case.flash" "$out/$case.flash"
  stop=""
  [ "$case" = csharp_app ] && stop="ready: SMP server"
  STOP_AT="$stop" trace_boot "$out/$case.flash" "$out/$case.log" "$out/$case.txt" -- "${ranges[@]}"
  echo "== $case (instructions executed per stage, up to the app's exit or its ready line)"
  cat "$out/$case.txt"
done
