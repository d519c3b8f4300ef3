# Sourced by the bench/*/run.sh scripts that measure C# programs on our runtime; needs $repo and $out.
# Builds an optimised, non-sanitised nfclr_sim (gcc, Release, in $out/clr: build/cmake/host-test is ASan) and
# the metadata processor; sets $sim, $mp and $mp_build (its build command). `ir NAME COMMAND...` prints the x86 instructions callgrind counts
# for one run of COMMAND: the sum over every thread/process file it writes.
mp="$repo/build/dotnet/bin/MetadataProcessor/Release/net10.0/MetadataProcessor.dll"
mp_build=(dotnet "$mp" build)
mapfile -t sources < <(cd "$repo" && ./build.sh deps | awk '/^-D[A-Z_]+_SOURCE_DIR=/ { print $1 }')
[ "${#sources[@]}" -eq 2 ] || { echo "error: ./build.sh deps did not print the source folders" >&2; exit 1; }
cmake -S "$repo" -B "$out/clr" -G Ninja -DCMAKE_C_COMPILER=gcc -DCMAKE_BUILD_TYPE=Release \
  -DSDK_GENERATED_DIR="$repo/build/generated" "${sources[@]}" >/dev/null
cmake --build "$out/clr" --target nfclr_sim -j2 >/dev/null
sim="$out/clr/nf-interpreter-port/clr/nfclr_sim"
[ -f "$mp" ] || dotnet build "$repo/tools/MetadataProcessor" -c Release >/dev/null

ir() {
  local f="$out/cg.$1"; shift; rm -f "$f".*
  valgrind --tool=callgrind --callgrind-out-file="$f.%p" "$@" >/dev/null 2>&1 || { echo "error: $*" >&2; return 1; }
  local total=0 t
  for g in "$f".*; do t=$(awk '/^summary:/ { print $2; exit } /^totals:/ { v = $2 } END { if (v) print v }' "$g" | head -1); total=$((total + t)); done
  rm -f "$f".*; echo "$total"
}
