#!/usr/bin/env bash
# Measures the bootloader's crypto: flash/RAM of each verify set (from the linker map), instructions of one
# verification on Cortex-M33 (QEMU mps2-an505, -icount) and on the host (callgrind). Not a test.
#   bench/crypto/run.sh          (after ./build.sh deps; output in build/bench-crypto)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$repo/build/bench-crypto"

# The build tool owns where the sources are; take the -D arguments it prints.
mapfile -t sources < <(cd "$repo" && ./build.sh deps | awk '/^-D[A-Z_]+_SOURCE_DIR=/ { print $1 }')
[ "${#sources[@]}" -eq 2 ] || { echo "error: ./build.sh deps did not print the source folders" >&2; exit 1; }

cmake -S "$here" -B "$out/m33" -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel \
  -DCMAKE_TOOLCHAIN_FILE="$repo/cmake/arm-none-eabi.cmake" "${sources[@]}" >/dev/null
cmake -S "$here" -B "$out/host" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${sources[@]}" >/dev/null
cmake --build "$out/m33" -j2 >/dev/null
cmake --build "$out/host" -j2 >/dev/null

variants=(legacy psa legacy_no_nist psa_no_nist)
echo "Cortex-M33 -Os, --gc-sections: bytes placed from each library (text = code + rodata)"
printf '%-16s %-28s %7s %5s %6s\n' variant library text data bss
for v in "${variants[@]}"; do
  awk -f "$here/map_sizes.awk" "$out/m33/bench_$v.elf.map" | grep '^libbl_' | sort |
    while read -r lib text data bss; do printf '%-16s %-28s %7d %5d %6d\n' "$v" "$lib" "$text" "$data" "$bss"; done
done

echo
echo "Cortex-M33 (QEMU mps2-an505, -icount shift=0): instructions, stack bytes from reset"
for v in "${variants[@]}"; do
  # Semihosting output arrives on stderr; the exit status is the bench's verdict.
  timeout 600 qemu-system-arm -M mps2-an505 -nographic -semihosting-config enable=on,target=native \
    -icount shift=0 -kernel "$out/m33/bench_$v.elf" </dev/null 2>&1 | sed "s/^/$v: /"
done

echo
echo "x86-64 host, gcc -O2 (callgrind): instructions per operation"
for v in legacy psa legacy_no_nist; do
  valgrind --tool=callgrind --callgrind-out-file="$out/host/callgrind.$v" "$out/host/bench_$v" >/dev/null 2>&1
  callgrind_annotate --inclusive=yes --threshold=100 "$out/host/callgrind.$v" 2>/dev/null |
    awk -v v="$v" 'match($0, /bench_ops\.c:op_[a-z0-9_]+/) {  # sorted by count: the first line of each op is its total
      op = substr($0, RSTART + 12, RLENGTH - 12); if (!seen[op]++) print v ": " op " " $1 }'
done
