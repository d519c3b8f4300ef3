#!/usr/bin/env bash
# Measures the second stage: instructions of mb_image_validate on a signed 256 KiB image (host callgrind,
# Cortex-M33 in QEMU mps2-an505 with -icount), flash erases/writes of swap using move on the simulated
# nRF5340 flash, and the Cortex-M33 -Os size of the second stage's libraries. Not a test.
#   bench/bootloader/run.sh      (after ./build.sh build; output in build/bench-bootloader)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$repo/build/bench-bootloader"
m33_tree="$repo/build/cmake/cortex-m33"
[ -d "$m33_tree" ] || { echo "error: $m33_tree is missing: run ./build.sh build first" >&2; exit 1; }

# The build tool owns where the sources are; take the -D arguments it prints.
mapfile -t sources < <(cd "$repo" && ./build.sh deps | awk '/^-D[A-Z_]+_SOURCE_DIR=/ { print $1 }')
[ "${#sources[@]}" -eq 2 ] || { echo "error: ./build.sh deps did not print the source folders" >&2; exit 1; }

# Host first: it makes the signed image that the Cortex-M33 build includes.
cmake -S "$here" -B "$out/host" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${sources[@]}" >/dev/null
cmake --build "$out/host" -j2 >/dev/null
cmake -S "$here" -B "$out/m33" -G Ninja -DCMAKE_BUILD_TYPE=MinSizeRel \
  -DCMAKE_TOOLCHAIN_FILE="$repo/cmake/arm-none-eabi.cmake" -DBENCH_IMAGE_DIR="$out/host/mcuboot-test-images" \
  "${sources[@]}" >/dev/null
cmake --build "$out/m33" -j2 >/dev/null

# Cortex-M33: "<op> instructions=N stack=N ok" lines from semihosting (stderr); the exit status is the verdict.
m33=$(timeout 600 qemu-system-arm -M mps2-an505 -nographic -semihosting-config enable=on,target=native \
  -icount shift=0 -kernel "$out/m33/bench_validate.elf" </dev/null 2>&1) ||
  { echo "$m33" >&2; echo "error: the Cortex-M33 validation failed" >&2; exit 1; }
# Host: callgrind's inclusive count of each op_* function and of the signature part inside mb_image.
valgrind --tool=callgrind --callgrind-out-file="$out/host/callgrind.validate" "$out/host/bench_validate" >/dev/null 2>&1
host=$(callgrind_annotate --inclusive=yes --threshold=100 "$out/host/callgrind.validate" 2>/dev/null |
  awk 'match($0, /:(op_[a-z_]+|mb_image_check_signature)( |$)/) {  # by count: the first line of each is its total
    f = substr($0, RSTART + 1, RLENGTH - 1); sub(/ $/, "", f); if (!seen[f]++) { gsub(",", "", $1); print f, $1 } }')

printf '%s\n%s\n' "$m33" "$host" | awk '
  /^image:/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); img[kv[1]] = kv[2] } }
  / instructions=/ { split($2, a, "="); split($3, s, "="); m[$1] = a[2]; stack[$1] = s[2] }
  /^(op_|mb_image_check_signature)/ { h[$1] = $2 }
  function row(name, host, m33, st) { printf "%-44s %14s %14s %10s\n", name, host, m33, st }
  function mi(v) { return sprintf("%.2f M", v / 1e6) }
  END {
    hashed = img["hdr_size"] + img["img_size"]
    printf "mb_image_validate of one signed image (ECDSA-P256, imgtool test key): payload %d B, %d B hashed, %d B in all\n",
      img["img_size"], hashed, img["total_size"]
    row("instructions", "x86-64 -O2", "Cortex-M33 -Os", "M33 stack")
    row("validate with keyring (full)", mi(h["op_validate_signed"]), mi(m["validate_signed"]), stack["validate_signed"] " B")
    row("validate hash-only (header, TLVs, SHA-256)", mi(h["op_validate_hash_only"]), mi(m["validate_hash_only"]),
      stack["validate_hash_only"] " B")
    row("  per hashed byte", sprintf("%.1f", h["op_validate_hash_only"] / hashed),
      sprintf("%.1f", m["validate_hash_only"] / hashed), "")
    row("signature check (full - hash-only)", mi(h["op_validate_signed"] - h["op_validate_hash_only"]),
      mi(m["validate_signed"] - m["validate_hash_only"]), "")
    row("  callgrind: mb_image_check_signature", mi(h["mb_image_check_signature"]), "-", "")
  }'

echo
echo "Swap using move, nRF5340 app flash (host flash_sim), mcuboot_primary/secondary; mb_swap_boot alone"
echo "silicon_s = page_erases x 87.5 ms + words_written x 43 us (nRF5340 PS NVMC tERASEPAGE, tWRITE)"
"$out/host/bench_swap"

echo
echo "Second-stage libraries, Cortex-M33 -Os ($m33_tree), arm-none-eabi-size of the archive (before --gc-sections)"
printf '%-14s %7s %5s %5s\n' library text data bss
sum=0
for lib in mb_image mb_swap mb_bl_update mb_pcd mb_loader; do
  a=$(find "$m33_tree/bootloader/mcuboot" -name "lib$lib.a" | head -n 1)
  [ -n "$a" ] || { echo "error: lib$lib.a is not in $m33_tree: run ./build.sh build" >&2; exit 1; }
  read -r text data bss _ < <(arm-none-eabi-size -t "$a" | awk '/\(TOTALS\)/')
  printf '%-14s %7d %5d %5d\n' "$lib" "$text" "$data" "$bss"
  sum=$((sum + text))
done
printf '%-14s %7d\n' total "$sum"
