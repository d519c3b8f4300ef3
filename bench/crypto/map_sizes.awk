# Sums the input sections a GNU ld map file placed, per archive and per archive member:
#   awk -f map_sizes.awk [-v archive=libbl_crypto.a] bench_legacy.elf.map
# Prints "<archive or member> text data bss" for the loaded output sections .text (code and
# read-only data), .data and .bss of bench/crypto/an505/an505.ld; debug sections are not counted.
function hex(s,    i, v) {
    v = 0
    s = tolower(substr(s, 3))
    for (i = 1; i <= length(s); i++)
        v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
    return v
}
function add(size, file,    kind, lib, member) {
    if (size == 0 || output !~ /^\.(text|data|bss)$/) return
    kind = substr(output, 2)
    lib = file; sub(/\(.*/, "", lib); sub(/.*\//, "", lib)
    member = file; sub(/.*\(/, "", member); sub(/\)$/, "", member)
    total[lib, kind] += size; libs[lib] = 1
    if (archive != "" && lib == archive) { part[member, kind] += size; members[member] = 1 }
}
/^Linker script and memory map/ { in_map = 1; next }
!in_map { next }
/^\.[^ ]/ { output = $1 }                                     # output section header, column 0
/^ [.A-Z][^ ]*$/ { pending = $1; next }                       # long section name; numbers follow on the next line
pending != "" && $1 ~ /^0x/ && $2 ~ /^0x/ && NF >= 3 { add(hex($2), $3); pending = ""; next }
/^ [.A-Z]/ && $2 ~ /^0x/ && $3 ~ /^0x/ && NF >= 4 { add(hex($3), $4) }
{ pending = "" }
END {
    for (l in libs) printf "%s %d %d %d\n", l, total[l, "text"], total[l, "data"], total[l, "bss"]
    for (m in members) printf "  %s %d %d %d\n", m, part[m, "text"], part[m, "data"], part[m, "bss"]
}
