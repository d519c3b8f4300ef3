/*
 * clr_load: walks the assemblies of the image in place, checks each one (header and tables here; names,
 * signatures, tokens and IL in clr_check.c), resolves its references against the assemblies before it
 * and binds its internal calls. The first failed check is logged and the load refused.
 */
#include "clr_internal.h"

#include "crc32.h"

static const char *const table_names[CLR_TABLE_COUNT] = {
    "AssemblyRef", "TypeRef", "FieldRef", "MethodRef", "TypeDef", "FieldDef", "MethodDef", "Strings",
    "Blob", "IL", "InternalCall", "EH", "FieldData", "FieldRva", "InterfaceImpl", "MethodImpl", "Test",
};

#define RAM_ALIGN 16u
#define TABLE_ALIGN 8u /* _Alignof(struct clr_slot) on both targets: statics are slots */

static const char *const table_kind_names[CLR_TABLE_KINDS] = {
    "ref targets", "type infos", "vtables", "method slots", "field infos", "statics", "type-init states", "literals",
    "alignment",
};

const char *clr_table_kind_name(enum clr_table_kind kind)
{
    return (unsigned)kind < CLR_TABLE_KINDS ? table_kind_names[kind] : "?";
}

static uintptr_t align_up(uintptr_t v, uintptr_t align)
{
    return (v + align - 1) & ~(align - 1);
}

static void *arena_alloc(struct clr_runtime *rt, size_t bytes, uintptr_t align)
{
    uint8_t *p = (uint8_t *)align_up((uintptr_t)rt->arena_top, align);
    if (p > rt->arena_end || bytes > (size_t)(rt->arena_end - p))
        return NULL;
    memset(p, 0, bytes);
    rt->arena_top = p + bytes;
    return p;
}

void *clr_arena_alloc(struct clr_runtime *rt, size_t bytes)
{
    return arena_alloc(rt, bytes, RAM_ALIGN);
}

void *clr_table_alloc(struct clr_runtime *rt, enum clr_table_kind kind, size_t bytes)
{
    const uint8_t *before = rt->arena_top;
    uint8_t *p = arena_alloc(rt, bytes, TABLE_ALIGN);
    if (p != NULL) {
        rt->table_bytes[kind] += (uint32_t)bytes;
        rt->table_bytes[CLR_TABLE_ALIGNMENT] += (uint32_t)(p - before);
    }
    return p;
}

void clr_table_trim(struct clr_runtime *rt, enum clr_table_kind kind, void *table, size_t allocated, size_t used)
{
    if ((uint8_t *)table + allocated != rt->arena_top || used > allocated)
        return; /* not the last allocation: nothing to give back */
    rt->arena_top = (uint8_t *)table + used;
    rt->table_bytes[kind] -= (uint32_t)(allocated - used);
}

/*
 * The assembly's name when its header and string table already look sound, else "#n at offset 0x...":
 * messages about a damaged assembly must not read outside it.
 */
const char *clr_assembly_label(const struct clr_runtime *rt, const struct clr_assembly *a, char *buf, size_t cap)
{
    if (a->name != NULL)
        return a->name;
    const size_t offset = (size_t)(a->base - rt->image);
    const size_t avail = rt->image_size - offset;
    if (avail >= CLR_HEADER_SIZE) {
        const uint32_t total = clr_rd32(a->base + CLR_HDR_TOTAL_SIZE);
        const uint32_t str_off = clr_rd32(a->base + CLR_HDR_TABLES + 8 * CLR_TBL_STRINGS);
        const uint32_t str_len = clr_rd32(a->base + CLR_HDR_TABLES + 8 * CLR_TBL_STRINGS + 4);
        const uint32_t name = clr_rd32(a->base + CLR_HDR_NAME);
        /* The string table may lie before the point where a truncated image ends. */
        const uint32_t limit = total < avail ? total : (uint32_t)(avail < UINT32_MAX ? avail : UINT32_MAX);
        if (str_off >= CLR_HEADER_SIZE && str_off <= limit && str_len <= limit - str_off && name < str_len &&
            str_len - name >= 3) {
            const uint8_t *s = a->base + str_off + name;
            const uint16_t n = clr_rd16(s);
            if (n <= str_len - name - 3 && n < cap && memchr(s + 2, 0, n) == NULL) {
                bool printable = true;
                for (uint16_t i = 0; i < n; i++)
                    printable = printable && s[2 + i] >= 0x20 && s[2 + i] < 0x7F;
                if (printable && n > 0) {
                    memcpy(buf, s + 2, n);
                    buf[n] = '\0';
                    return buf;
                }
            }
        }
    }
    clr_format(buf, cap, "#%u at offset 0x%x", (unsigned)a->index, (unsigned)offset);
    return buf;
}

static bool check_header(struct clr_runtime *rt, struct clr_assembly *a)
{
    char name[64];
    const size_t offset = (size_t)(a->base - rt->image);
    const size_t avail = rt->image_size - offset;
    if (avail < CLR_HEADER_SIZE) {
        clr_log(rt, "assembly %s: %u bytes left in the image but its header takes %u: the deployment image is "
                    "truncated; deploy it again",
                clr_assembly_label(rt, a, name, sizeof name), (unsigned)avail, CLR_HEADER_SIZE);
        return false;
    }
    const uint16_t format = clr_rd16(a->base + CLR_HDR_FORMAT);
    if (format != CLR_FORMAT_VERSION) {
        clr_log(rt, "assembly %s: format %u but this runtime reads format %u: build the deployment and the "
                    "firmware from the same SDK version",
                clr_assembly_label(rt, a, name, sizeof name), format, CLR_FORMAT_VERSION);
        return false;
    }
    const uint32_t total = clr_rd32(a->base + CLR_HDR_TOTAL_SIZE);
    if (total % 4 != 0 || total < CLR_HEADER_SIZE) {
        clr_log(rt, "assembly %s: total_size %u is %s: the deployment image is corrupt; deploy it again",
                clr_assembly_label(rt, a, name, sizeof name), (unsigned)total,
                total % 4 != 0 ? "not a multiple of 4" : "smaller than the header");
        return false;
    }
    if (total > avail) {
        clr_log(rt, "assembly %s: total_size %u but only %u bytes remain in the image: the deployment image is "
                    "truncated; deploy it again",
                clr_assembly_label(rt, a, name, sizeof name), (unsigned)total, (unsigned)avail);
        return false;
    }
    a->size = total;
    const uint32_t stored = clr_rd32(a->base + CLR_HDR_CRC);
    const uint32_t crc = crc32_ieee(0, a->base + CLR_CRC_START, total - CLR_CRC_START);
    if (crc != stored) {
        clr_log(rt, "assembly %s: CRC 0x%08x but the header says 0x%08x: the deployment image is corrupt; "
                    "deploy it again",
                clr_assembly_label(rt, a, name, sizeof name), (unsigned)crc, (unsigned)stored);
        return false;
    }
    return true;
}

static bool check_tables(struct clr_runtime *rt, struct clr_assembly *a)
{
    char name[64];
    for (unsigned t = 0; t < CLR_TABLE_COUNT; t++) {
        const uint32_t offset = clr_rd32(a->base + CLR_HDR_TABLES + 8 * t);
        const uint32_t count = clr_rd32(a->base + CLR_HDR_TABLES + 8 * t + 4);
        a->tables[t] = (struct clr_table){offset, count};
        if (count == 0)
            continue;
        const uint64_t end = (uint64_t)offset + (uint64_t)count * clr_table_entry_size[t];
        if (offset < CLR_HEADER_SIZE || end > a->size) {
            clr_log(rt, "assembly %s: table %u (%s) at 0x%x with %u entries of %u bytes %s: the deployment image "
                        "is corrupt; deploy it again",
                    clr_assembly_label(rt, a, name, sizeof name), t, table_names[t], (unsigned)offset, (unsigned)count,
                    clr_table_entry_size[t],
                    offset < CLR_HEADER_SIZE ? "overlaps the header" : "ends outside the assembly");
            return false;
        }
    }
    /* Rows of these tables are addressed by 16-bit indexes (0xFFFF meaning none). */
    static const uint8_t indexed16[] = {CLR_TBL_ASSEMBLY_REF, CLR_TBL_TYPE_REF, CLR_TBL_TYPE_DEF,
                                        CLR_TBL_FIELD_DEF, CLR_TBL_METHOD_DEF, CLR_TBL_INTERNAL_CALL};
    for (unsigned i = 0; i < sizeof indexed16; i++) {
        const unsigned t = indexed16[i];
        if (a->tables[t].count > 0xFFFFu) {
            clr_log(rt, "assembly %s: table %s has %u entries, more than 16-bit indexes address (65535): split "
                        "the assembly",
                    clr_assembly_label(rt, a, name, sizeof name), table_names[t], (unsigned)a->tables[t].count);
            return false;
        }
    }
    return true;
}

static bool check_name(struct clr_runtime *rt, struct clr_assembly *a)
{
    const uint32_t name = clr_rd32(a->base + CLR_HDR_NAME);
    a->name = clr_string_at(a, name);
    for (unsigned i = 0; i < 4; i++)
        a->version[i] = clr_rd16(a->base + CLR_HDR_VERSION + 2 * i);
    for (uint32_t i = 0; i < a->index; i++) {
        if (strcmp(rt->assemblies[i].name, a->name) == 0) {
            clr_log(rt, "assembly %s: appears twice in the deployment image (also assembly #%u): deploy each "
                        "assembly once",
                    a->name, (unsigned)i);
            return false;
        }
    }
    return true;
}

static bool check_entry_point(struct clr_runtime *rt)
{
    for (uint32_t i = rt->assembly_count; i-- > 0;) {
        struct clr_assembly *a = &rt->assemblies[i];
        const uint16_t flags = clr_rd16(a->base + CLR_HDR_FLAGS);
        if ((flags & (CLR_ASSEMBLY_HAS_ENTRY_POINT | CLR_ASSEMBLY_IS_APP)) == 0)
            continue;
        rt->app = i;
        rt->entry_point = CLR_NONE32;
        if ((flags & CLR_ASSEMBLY_HAS_ENTRY_POINT) == 0)
            return true; /* a test assembly: clr_run_tests runs it */
        const uint32_t entry = clr_rd32(a->base + CLR_HDR_ENTRY_POINT);
        if (entry >= a->tables[CLR_TBL_METHOD_DEF].count) {
            clr_log(rt, "assembly %s: entry point MethodDef %u but the assembly has %u methods: the deployment "
                        "image is corrupt; deploy it again",
                    a->name, (unsigned)entry, (unsigned)a->tables[CLR_TBL_METHOD_DEF].count);
            return false;
        }
        struct clr_method_def md;
        clr_read_method_def(a, entry, &md);
        char method[96];
        clr_method_full_name(a, entry, method, sizeof method);
        /* Main() or Main(string[]) (which gets an empty array, as .NET without command-line arguments). */
        const uint8_t *sig = clr_blob_at(a, md.signature);
        const bool string_array = md.arg_count == 1 && sig[2] == 1 && sig[4] == CLR_ELEM_SZARRAY && sig[5] == CLR_ELEM_STRING;
        if ((md.flags & CLR_METHOD_ATTR_STATIC) == 0 || (md.arg_count != 0 && !string_array)) {
            clr_log(rt, "assembly %s: entry point %s %s: declare static void Main() or static void Main(string[])",
                    a->name, method, (md.flags & CLR_METHOD_ATTR_STATIC) == 0 ? "is not static" : "takes other arguments");
            return false;
        }
        rt->entry_point = CLR_HANDLE(i, entry);
        return true;
    }
    clr_log(rt, "deployment image: no assembly has an entry point or is the app (flags bits 0 and 1): the app must "
                "be in the image, last; deploy it");
    return false;
}

static bool reserve_stack(struct clr_runtime *rt, const struct clr_config *cfg)
{
    rt->frame_capacity = cfg->max_call_depth != 0 ? cfg->max_call_depth : CLR_DEFAULT_CALL_DEPTH;
    const uint32_t slots = cfg->stack_slots != 0 ? cfg->stack_slots : CLR_DEFAULT_STACK_SLOTS;
    rt->frames = clr_arena_alloc(rt, (size_t)rt->frame_capacity * sizeof(struct clr_frame));
    rt->slots = rt->frames != NULL ? clr_arena_alloc(rt, (size_t)slots * sizeof(struct clr_slot)) : NULL;
    if (rt->slots == NULL) {
        clr_log(rt, "runtime: %u bytes of RAM leave too little for a call stack of %u frames and %u slots "
                    "(%u bytes): give the runtime more RAM or a smaller stack",
                (unsigned)cfg->ram_size, (unsigned)rt->frame_capacity, (unsigned)slots,
                (unsigned)(rt->frame_capacity * sizeof(struct clr_frame) + slots * sizeof(struct clr_slot)));
        return false;
    }
    rt->slots_end = rt->slots + slots;
    rt->eh = clr_arena_alloc(rt, CLR_EH_MAX * sizeof *rt->eh);
    if (rt->eh == NULL) {
        clr_log(rt, "runtime: no RAM left for the exception handler records: give the runtime more RAM");
        return false;
    }
    clr_threads_init(rt, cfg);
    uint8_t *heap = (uint8_t *)align_up((uintptr_t)rt->arena_top, RAM_ALIGN);
    clr_heap_init(&rt->heap, heap, heap < rt->arena_end ? (size_t)(rt->arena_end - heap) : 0);
    rt->gc.stress = cfg->gc_stress != 0;
    return true;
}

static enum clr_result load(struct clr_runtime *rt, const struct clr_config *cfg)
{
    size_t offset = 0;
    while (offset + 4 <= rt->image_size && clr_rd32(rt->image + offset) == CLR_ASSEMBLY_MAGIC) {
        if (rt->assembly_count == CLR_MAX_ASSEMBLIES) {
            clr_log(rt, "deployment image: more than %u assemblies: this runtime loads at most %u; merge some",
                    CLR_MAX_ASSEMBLIES, CLR_MAX_ASSEMBLIES);
            return CLR_REFUSED;
        }
        struct clr_assembly *a = &rt->assemblies[rt->assembly_count];
        a->base = rt->image + offset;
        a->index = rt->assembly_count;
        if (!check_header(rt, a) || !check_tables(rt, a) || !clr_check_assembly(rt, a) || !check_name(rt, a) ||
            !clr_resolve_assembly(rt, a) || !clr_bind_natives(rt, a) || !clr_prepare_statics(rt, a) ||
            !clr_prepare_types(rt, a) || !clr_check_tests(rt, a))
            return CLR_REFUSED;
        rt->assembly_count++;
        offset += a->size;
    }
    if (rt->assembly_count == 0) {
        if (rt->image_size < 4)
            clr_log(rt, "deployment image: %u bytes, too short for an assembly: deploy the app",
                    (unsigned)rt->image_size);
        else
            clr_log(rt, "deployment image: no assembly at its start (first word 0x%08x, an assembly starts with "
                        "0x%08x \"NNA1\"; erased flash reads 0xffffffff): deploy the app",
                    (unsigned)clr_rd32(rt->image), CLR_ASSEMBLY_MAGIC);
        return CLR_REFUSED;
    }
    if (!check_entry_point(rt) || !reserve_stack(rt, cfg))
        return CLR_REFUSED;
    clr_prepare_out_of_memory(rt);
    rt->state = CLR_STATE_LOADED;
    return CLR_OK;
}

enum clr_result clr_load(const struct clr_config *cfg, struct clr_runtime **out)
{
    *out = NULL;
    uint8_t *ram = (uint8_t *)align_up((uintptr_t)cfg->ram, RAM_ALIGN);
    uint8_t *ram_end = (uint8_t *)cfg->ram + cfg->ram_size;
    if (cfg->ram == NULL || ram > ram_end || (size_t)(ram_end - ram) < sizeof(struct clr_runtime)) {
        /* No runtime to log through: say it with the caller's HAL directly. */
        char line[CLR_LOG_LINE_MAX];
        clr_format(line, sizeof line, "runtime: %u bytes of RAM given, the runtime's state alone takes %u: give it "
                                      "more RAM",
                   (unsigned)cfg->ram_size, (unsigned)(sizeof(struct clr_runtime) + RAM_ALIGN));
        if (cfg->hal.log_line != NULL)
            cfg->hal.log_line(cfg->hal.ctx, line);
        return CLR_REFUSED;
    }
    struct clr_runtime *rt = (struct clr_runtime *)ram;
    memset(rt, 0, sizeof *rt);
    rt->hal = cfg->hal;
    rt->board_natives = cfg->natives;
    rt->board_native_count = cfg->natives != NULL ? cfg->native_count : 0;
    rt->image = cfg->image;
    rt->image_size = cfg->image != NULL ? cfg->image_size : 0;
    rt->arena_top = ram + sizeof *rt;
    rt->arena_end = ram_end;
    const enum clr_result result = load(rt, cfg);
    if (result == CLR_OK)
        *out = rt;
    return result;
}

struct clr_memory_use clr_memory_use(const struct clr_runtime *rt)
{
    struct clr_memory_use use = {
        .state = sizeof *rt,
        .stack = (size_t)rt->frame_capacity * sizeof(struct clr_frame) +
                 (size_t)(rt->slots_end - rt->slots) * sizeof(struct clr_slot),
        .heap_size = clr_heap_size(&rt->heap),
        .heap_used = clr_heap_used(&rt->heap),
        .collections = rt->gc.collections,
        .bytes_freed = rt->gc.freed_total,
        .live_bytes = rt->gc.live_after,
        .mark_rescans = rt->gc.rescans,
    };
    for (unsigned k = 0; k < CLR_TABLE_KINDS; k++) {
        use.table_kind[k] = rt->table_bytes[k];
        use.tables += rt->table_bytes[k];
    }
    return use;
}

const char *clr_result_text(enum clr_result result)
{
    switch (result) {
    case CLR_OK:
        return "ok";
    case CLR_REFUSED:
        return "the deployment image was refused";
    case CLR_UNHANDLED_EXCEPTION:
        return "the program stopped on an unhandled exception";
    case CLR_NOT_LOADED:
        return "nothing loaded to run";
    case CLR_DEADLOCK:
        return "every thread waits for something nothing can give";
    case CLR_NO_ENTRY_POINT:
        return "the app has no entry point";
    case CLR_TESTS_FAILED:
        return "some tests failed";
    }
    return "unknown result";
}
