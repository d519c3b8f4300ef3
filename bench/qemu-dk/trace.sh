# Sourced by the benchmarks that count Cortex-M33 instructions on the emulated DK (bench/qemu-dk/run.sh,
# bench/smp/m33.sh). Needs $repo and $out. QEMU executes one instruction per translation block and logs each one
# (-singlestep -d nochain,exec); stage_counter.c attributes them to address ranges.
an505="$repo/build/cmake/cortex-m33/bootloader/ports/qemu-an505"
mkdir -p "$out"
gcc -O2 -o "$out/stage_counter" "$repo/bench/qemu-dk/stage_counter.c"

# part NAME FIELD: a partition's ADDRESS or SIZE from the generated header.
part() { awk -v n="PM_$1_$2" '$2 == n { print $3 }' "$repo/build/generated/board_partitions.h" | tr -d u; }
# range LABEL NAME: "LABEL=start-end" of a partition, as stage_counter takes it.
range() { printf '%s=%x-%x' "$1" "$(( $(part "$2" ADDRESS) ))" "$(( $(part "$2" ADDRESS) + $(part "$2" SIZE) ))"; }
# sym NAME: a symbol of the AN505 port (an505_memory.ld), read from b0's ELF.
sym() { arm-none-eabi-nm "$an505/b0_an505.elf" | awk -v s="$1" '$3 == s { print "0x" $1 }'; }

# trace_boot FLASH LOG COUNTS [QEMU ARG...] -- RANGE...: boots FLASH once (the boot changes it: pass a copy), the
# UART log into LOG, the instructions per range into COUNTS. With STOP_AT set, QEMU is stopped once the log shows
# that text (an app that serves on, like the default app, never ends the emulation itself).
trace_boot() {
  local flash=$1 log=$2 counts=$3; shift 3
  local extra=()
  while [ "$1" != "--" ]; do extra+=("$1"); shift; done
  shift
  rm -f "$out/trace"; mkfifo "$out/trace"
  "$out/stage_counter" "$@" < "$out/trace" > "$counts" &
  local counter=$!
  qemu-system-arm -M mps2-an505 -nographic -semihosting-config enable=on,target=native \
    -object "memory-backend-file,id=dkflash,size=16M,mem-path=$flash,share=on" -machine memory-backend=dkflash \
    -device "loader,file=$an505/an505_reset_stub.elf" "${extra[@]}" -singlestep -d nochain,exec -D "$out/trace" \
    < /dev/null > "$log" 2>&1 &
  local qemu=$!
  if [ -n "${STOP_AT:-}" ]; then
    while kill -0 "$qemu" 2>/dev/null && ! grep -q "$STOP_AT" "$log"; do sleep 0.2; done
    kill "$qemu" 2>/dev/null || true
  fi
  wait "$qemu" || true
  wait "$counter"
  rm -f "$out/trace"
}
