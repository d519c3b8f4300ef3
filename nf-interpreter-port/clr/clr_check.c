/*
 * Load checks inside one assembly: every string and blob offset inside its table, every signature
 * well-formed, every index and token inside its table, every IL body inside table 9 and made of whole
 * instructions whose branches stay in the body. Afterwards the rest of the runtime reads the tables
 * without bounds checks (the interpreter still checks what it decodes, since a branch may land
 * inside an instruction).
 */
#include "clr_internal.h"

#include "clr_opcodes.h"

#define REBUILD "the image breaks the deployment format; rebuild the deployment with this SDK's metadata processor"
#define MAX_TYPE_PREFIXES 16u /* SZARRAY/BYREF prefixes before an element type */

struct checker {
    struct clr_runtime *rt;
    struct clr_assembly *a;
    char where[96]; /* the row being checked, for messages */
};

static const char *name_of(struct checker *c)
{
    return c->a->name;
}

bool clr_string_offset_ok(const struct clr_assembly *a, uint32_t offset)
{
    const struct clr_table *t = &a->tables[CLR_TBL_STRINGS];
    if (offset >= t->count || t->count - offset < 3)
        return false;
    const uint8_t *s = a->base + t->offset + offset;
    const uint32_t len = clr_rd16(s);
    return len <= t->count - offset - 3 && s[2 + len] == 0;
}

static bool check_string(struct checker *c, uint32_t offset, const char *field)
{
    if (clr_string_offset_ok(c->a, offset))
        return true;
    clr_log(c->rt, "assembly %s: %s %s: string offset 0x%x is outside the string table (%u bytes) or not a "
                   "string: " REBUILD,
            name_of(c), c->where, field, (unsigned)offset, (unsigned)c->a->tables[CLR_TBL_STRINGS].count);
    return false;
}

static bool check_index(struct checker *c, uint32_t index, unsigned table, const char *field, bool none_allowed,
                        uint32_t none)
{
    if ((none_allowed && index == none) || index < c->a->tables[table].count)
        return true;
    clr_log(c->rt, "assembly %s: %s %s: index %u but the assembly has %u rows in that table: " REBUILD, name_of(c),
            c->where, field, (unsigned)index, (unsigned)c->a->tables[table].count);
    return false;
}

/* Row count of the table a token id names, or -1 for ids the format does not have. */
static int64_t token_table_rows(const struct clr_assembly *a, uint32_t table)
{
    switch (table) {
    case CLR_TOK_TYPE_REF:
        return a->tables[CLR_TBL_TYPE_REF].count;
    case CLR_TOK_TYPE_DEF:
        return a->tables[CLR_TBL_TYPE_DEF].count;
    case CLR_TOK_FIELD_DEF:
        return a->tables[CLR_TBL_FIELD_DEF].count;
    case CLR_TOK_FIELD_REF:
        return a->tables[CLR_TBL_FIELD_REF].count;
    case CLR_TOK_METHOD_DEF:
        return a->tables[CLR_TBL_METHOD_DEF].count;
    case CLR_TOK_METHOD_REF:
        return a->tables[CLR_TBL_METHOD_REF].count;
    default:
        return -1;
    }
}

/* A type token (TypeRef or TypeDef) inside its table; names the problem in *why. */
static bool type_token_ok(const struct clr_assembly *a, uint32_t token, const char **why)
{
    const uint32_t table = CLR_TOKEN_TABLE(token);
    if (table != CLR_TOK_TYPE_REF && table != CLR_TOK_TYPE_DEF) {
        *why = "is not a type token";
        return false;
    }
    if (CLR_TOKEN_INDEX(token) >= (uint64_t)token_table_rows(a, table)) {
        *why = "indexes past the end of its table";
        return false;
    }
    return true;
}

/* ---- signatures ---- */

struct sig_reader {
    const uint8_t *blob;
    uint32_t size, pos;
    const char *why;
    uint32_t bad_token;
};

static bool sig_byte(struct sig_reader *r, uint8_t *b)
{
    if (r->pos >= r->size) {
        r->why = "runs past the end of the blob table";
        return false;
    }
    *b = r->blob[r->pos++];
    return true;
}

static bool sig_type(const struct clr_assembly *a, struct sig_reader *r, bool void_allowed)
{
    for (unsigned prefixes = 0; prefixes <= MAX_TYPE_PREFIXES; prefixes++) {
        uint8_t e;
        if (!sig_byte(r, &e))
            return false;
        switch (e) {
        case CLR_ELEM_VOID:
            if (!void_allowed || prefixes > 0) {
                r->why = "has void where only a return type may be void";
                return false;
            }
            return true;
        case CLR_ELEM_BOOLEAN: case CLR_ELEM_CHAR: case CLR_ELEM_I1: case CLR_ELEM_U1: case CLR_ELEM_I2:
        case CLR_ELEM_U2: case CLR_ELEM_I4: case CLR_ELEM_U4: case CLR_ELEM_I8: case CLR_ELEM_U8:
        case CLR_ELEM_R4: case CLR_ELEM_R8: case CLR_ELEM_STRING: case CLR_ELEM_I: case CLR_ELEM_U:
        case CLR_ELEM_OBJECT:
            return true;
        case CLR_ELEM_VALUETYPE:
        case CLR_ELEM_CLASS: {
            if (r->size - r->pos < 4 || r->pos > r->size) {
                r->why = "runs past the end of the blob table";
                return false;
            }
            const uint32_t token = clr_rd32(r->blob + r->pos);
            r->pos += 4;
            if (!type_token_ok(a, token, &r->why)) {
                r->bad_token = token;
                return false;
            }
            return true;
        }
        case CLR_ELEM_SZARRAY:
        case CLR_ELEM_BYREF:
            void_allowed = false;
            continue;
        default:
            r->why = "has an element type the format does not list";
            r->bad_token = e;
            return false;
        }
    }
    r->why = "nests arrays or byrefs too deeply";
    return false;
}

/*
 * Checks the signature at `offset` is of `kind` and well-formed; for methods *count gets the parameter
 * count and *flags its flags, for locals *count gets the local count.
 */
static bool check_sig(struct checker *c, uint32_t offset, uint8_t kind, const char *field, uint8_t *count,
                      uint8_t *flags)
{
    const struct clr_table *t = &c->a->tables[CLR_TBL_BLOB];
    struct sig_reader r = {c->a->base + t->offset, t->count, offset, NULL, 0};
    uint8_t k = 0, n = 0, f = 0;
    bool ok = offset < t->count && sig_byte(&r, &k);
    if (!ok) {
        r.why = "is outside the blob table";
    } else if (k != kind) {
        r.why = kind == CLR_SIG_METHOD ? "is not a method signature"
                : kind == CLR_SIG_FIELD ? "is not a field signature"
                                        : "is not a locals signature";
        ok = false;
    } else if (kind == CLR_SIG_METHOD) {
        ok = sig_byte(&r, &f) && sig_byte(&r, &n) && sig_type(c->a, &r, true);
        for (unsigned i = 0; ok && i < n; i++)
            ok = sig_type(c->a, &r, false);
    } else if (kind == CLR_SIG_FIELD) {
        ok = sig_type(c->a, &r, false);
    } else {
        ok = sig_byte(&r, &n);
        for (unsigned i = 0; ok && i < n; i++)
            ok = sig_type(c->a, &r, false);
    }
    if (!ok) {
        clr_log(c->rt, "assembly %s: %s %s: the signature at blob offset 0x%x %s (0x%x): " REBUILD, name_of(c),
                c->where, field, (unsigned)offset, r.why, (unsigned)r.bad_token);
        return false;
    }
    if (count != NULL)
        *count = n;
    if (flags != NULL)
        *flags = f;
    return true;
}

/* ---- rows ---- */

static bool check_refs(struct checker *c)
{
    const struct clr_assembly *a = c->a;
    for (uint32_t i = 0; i < a->tables[CLR_TBL_ASSEMBLY_REF].count; i++) {
        clr_format(c->where, sizeof c->where, "AssemblyRef %u", (unsigned)i);
        if (!check_string(c, clr_rd32(clr_row(a, CLR_TBL_ASSEMBLY_REF, i) + CLR_ASMREF_NAME), "name"))
            return false;
    }
    for (uint32_t i = 0; i < a->tables[CLR_TBL_TYPE_REF].count; i++) {
        const uint8_t *r = clr_row(a, CLR_TBL_TYPE_REF, i);
        clr_format(c->where, sizeof c->where, "TypeRef %u", (unsigned)i);
        if (!check_string(c, clr_rd32(r + CLR_TYPEREF_NAME), "name") ||
            !check_string(c, clr_rd32(r + CLR_TYPEREF_NAMESPACE), "namespace") ||
            !check_index(c, clr_rd16(r + CLR_TYPEREF_ASSEMBLY), CLR_TBL_ASSEMBLY_REF, "assembly_ref", false, 0) ||
            !check_index(c, clr_rd16(r + CLR_TYPEREF_ENCLOSING), CLR_TBL_TYPE_REF, "enclosing", true, CLR_NONE16))
            return false;
    }
    for (unsigned table = CLR_TBL_FIELD_REF; table <= CLR_TBL_METHOD_REF; table++) {
        for (uint32_t i = 0; i < a->tables[table].count; i++) {
            struct clr_member_ref mr;
            clr_read_member_ref(a, table, i, &mr);
            clr_format(c->where, sizeof c->where, "%s %u", table == CLR_TBL_FIELD_REF ? "FieldRef" : "MethodRef",
                       (unsigned)i);
            if (!check_string(c, mr.name, "name") ||
                !check_index(c, mr.owner, CLR_TBL_TYPE_REF, "owner", false, 0) ||
                !check_sig(c, mr.signature, table == CLR_TBL_FIELD_REF ? CLR_SIG_FIELD : CLR_SIG_METHOD,
                           "signature", NULL, NULL))
                return false;
        }
    }
    return true;
}

static bool check_range(struct checker *c, uint32_t first, uint32_t count, unsigned table, const char *field)
{
    if ((uint64_t)first + count <= c->a->tables[table].count)
        return true;
    clr_log(c->rt, "assembly %s: %s %s: rows %u..%u but the assembly has %u: " REBUILD, name_of(c), c->where,
            field, (unsigned)first, (unsigned)(first + count), (unsigned)c->a->tables[table].count);
    return false;
}

static bool check_type_defs(struct checker *c)
{
    const struct clr_assembly *a = c->a;
    for (uint32_t i = 0; i < a->tables[CLR_TBL_TYPE_DEF].count; i++) {
        struct clr_type_def td;
        clr_read_type_def(a, i, &td);
        clr_format(c->where, sizeof c->where, "TypeDef %u", (unsigned)i);
        if (!check_string(c, td.name, "name") || !check_string(c, td.name_space, "namespace") ||
            !check_range(c, td.first_field, td.field_count, CLR_TBL_FIELD_DEF, "fields") ||
            !check_range(c, td.first_method, td.method_count, CLR_TBL_METHOD_DEF, "methods") ||
            !check_index(c, td.enclosing, CLR_TBL_TYPE_DEF, "enclosing", true, CLR_NONE16) ||
            !check_index(c, td.cctor, CLR_TBL_METHOD_DEF, "cctor", true, CLR_NONE32))
            return false;
        if (td.cctor != CLR_NONE32) {
            struct clr_method_def md;
            clr_read_method_def(a, td.cctor, &md);
            if ((md.flags & CLR_METHOD_ATTR_STATIC) == 0 || md.arg_count != 0) {
                clr_log(c->rt, "assembly %s: %s cctor: MethodDef %u is not a static method without arguments: " REBUILD,
                        name_of(c), c->where, (unsigned)td.cctor);
                return false;
            }
        }
        const char *why;
        if (td.extends != 0 && !type_token_ok(a, td.extends, &why)) {
            clr_log(c->rt, "assembly %s: %s extends: token 0x%08x %s: " REBUILD, name_of(c), c->where,
                    (unsigned)td.extends, why);
            return false;
        }
    }
    for (uint32_t i = 0; i < a->tables[CLR_TBL_FIELD_DEF].count; i++) {
        clr_format(c->where, sizeof c->where, "FieldDef %u", (unsigned)i);
        if (!check_string(c, clr_field_def_name(a, i), "name") ||
            !check_sig(c, clr_field_def_signature(a, i), CLR_SIG_FIELD, "signature", NULL, NULL))
            return false;
    }
    return true;
}

static bool check_method_def(struct checker *c, uint32_t i, const struct clr_method_def *md)
{
    uint8_t params = 0, flags = 0, locals = 0;
    if (!check_string(c, md->name, "name") || !check_index(c, md->owner, CLR_TBL_TYPE_DEF, "owner", false, 0) ||
        !check_sig(c, md->signature, CLR_SIG_METHOD, "signature", &params, &flags) ||
        (md->locals != CLR_NONE32 && !check_sig(c, md->locals, CLR_SIG_LOCALS, "locals", &locals, NULL)) ||
        !check_index(c, md->internal_call, CLR_TBL_INTERNAL_CALL, "internal_call", true, CLR_NONE16))
        return false;
    const bool is_static = (md->flags & CLR_METHOD_ATTR_STATIC) != 0;
    const bool has_this = (flags & CLR_SIG_HASTHIS) != 0;
    if (has_this == is_static || md->arg_count != params + (has_this ? 1u : 0u) || md->local_count != locals) {
        clr_log(c->rt, "assembly %s: %s: arg_count %u and local_count %u, but the signatures give %u parameters%s "
                       "and %u locals for a%s method: " REBUILD,
                name_of(c), c->where, md->arg_count, md->local_count, params, has_this ? " plus this" : "", locals,
                is_static ? " static" : "n instance");
        return false;
    }
    if ((uint64_t)md->il + md->il_size > c->a->tables[CLR_TBL_IL].count) {
        clr_log(c->rt, "assembly %s: %s: IL body at 0x%x of %u bytes ends outside the IL table (%u bytes): " REBUILD,
                name_of(c), c->where, (unsigned)md->il, (unsigned)md->il_size,
                (unsigned)c->a->tables[CLR_TBL_IL].count);
        return false;
    }
    const uint8_t *r = clr_row(c->a, CLR_TBL_METHOD_DEF, i);
    const uint16_t eh_first = clr_rd16(r + CLR_METHODDEF_EH_FIRST), eh_count = clr_rd16(r + CLR_METHODDEF_EH_COUNT);
    if (!check_range(c, eh_first, eh_count, CLR_TBL_EH, "exception handlers"))
        return false;
    if ((md->impl_flags & CLR_METHOD_IMPL_INTERNAL_CALL) != 0 && md->internal_call == CLR_NONE16) {
        clr_log(c->rt, "assembly %s: %s is an internal call but has no row in the InternalCall table: " REBUILD,
                name_of(c), c->where);
        return false;
    }
    return true;
}

/* ---- IL ---- */

struct il_walk {
    uint32_t ldstr_count;
    struct clr_literal *literals; /* second pass: collects the ldstr offsets */
};

/* A TypeSpec token's blob offset: a well-formed kind 3 signature (an SZARRAY type). */
static bool type_spec_ok(struct checker *c, uint32_t offset)
{
    const struct clr_table *t = &c->a->tables[CLR_TBL_BLOB];
    struct sig_reader r = {c->a->base + t->offset, t->count, offset, NULL, 0};
    uint8_t k;
    return offset < t->count && sig_byte(&r, &k) && k == 3u && r.pos < r.size && r.blob[r.pos] == CLR_ELEM_SZARRAY &&
           sig_type(c->a, &r, false);
}

static bool token_fits(struct checker *c, uint32_t pc, unsigned opcode, uint8_t kind, uint32_t token)
{
    const uint32_t table = CLR_TOKEN_TABLE(token), index = CLR_TOKEN_INDEX(token);
    bool kind_ok;
    switch (kind) {
    case OPND_METHOD:
        kind_ok = table == CLR_TOK_METHOD_DEF || table == CLR_TOK_METHOD_REF;
        break;
    case OPND_FIELD:
        kind_ok = table == CLR_TOK_FIELD_DEF || table == CLR_TOK_FIELD_REF;
        break;
    case OPND_TYPE:
        kind_ok = table == CLR_TOK_TYPE_DEF || table == CLR_TOK_TYPE_REF || table == CLR_TOK_TYPE_SPEC;
        break;
    case OPND_STRING:
        kind_ok = table == CLR_TOK_STRING;
        break;
    default: /* ldtoken: any member, or a type */
        kind_ok = token_table_rows(c->a, table) >= 0 || table == CLR_TOK_TYPE_SPEC;
        break;
    }
    const char *why = NULL;
    if (!kind_ok)
        why = "is not of a table this instruction takes";
    else if (table == CLR_TOK_TYPE_SPEC)
        why = type_spec_ok(c, index) ? NULL : "is not an array type signature in the blob table";
    else if (table == CLR_TOK_STRING ? !clr_string_offset_ok(c->a, index) : index >= (uint64_t)token_table_rows(c->a, table))
        why = table == CLR_TOK_STRING ? "is outside the string table" : "indexes past the end of its table";
    if (why == NULL)
        return true;
    clr_log(c->rt, "assembly %s: %s: IL_%04x %s: token 0x%08x %s: " REBUILD, name_of(c), c->where, (unsigned)pc,
            clr_opcode_name(opcode), (unsigned)token, why);
    return false;
}

static bool check_il(struct checker *c, const struct clr_method_def *md, struct il_walk *w)
{
    const uint8_t *il = c->a->base + c->a->tables[CLR_TBL_IL].offset + md->il;
    const uint32_t size = md->il_size;
    uint32_t pc = 0;
    while (pc < size) {
        const uint32_t start = pc;
        unsigned opcode = il[pc++];
        uint8_t kind;
        if (opcode == 0xFE) {
            if (pc >= size)
                goto truncated;
            opcode = 0xFE00u | il[pc++];
            kind = (opcode & 0xFF) < CLR_TWO_BYTE_OPCODES ? clr_opcode2_operand[opcode & 0xFF] : OPND_INVALID;
        } else {
            kind = opcode < CLR_ONE_BYTE_OPCODES ? clr_opcode_operand[opcode] : OPND_INVALID;
        }
        static const uint8_t operand_size[] = {
            [OPND_N] = 0, [OPND_U8] = 1, [OPND_BR8] = 1, [OPND_I4] = 4, [OPND_BR32] = 4, [OPND_I8] = 8,
            [OPND_R4] = 4, [OPND_R8] = 8, [OPND_VAR16] = 2, [OPND_SWITCH] = 4, [OPND_METHOD] = 4,
            [OPND_FIELD] = 4, [OPND_TYPE] = 4, [OPND_STRING] = 4, [OPND_TOKEN] = 4, [OPND_SIG] = 4,
        };
        if (kind == OPND_INVALID) {
            clr_log(c->rt, "assembly %s: %s: IL_%04x: 0x%x is not an IL opcode: " REBUILD, name_of(c), c->where,
                    (unsigned)start, opcode);
            return false;
        }
        if (size - pc < operand_size[kind])
            goto truncated;
        const uint8_t *operand = il + pc;
        pc += operand_size[kind];
        int64_t target = -1;
        switch (kind) {
        case OPND_BR8:
            target = (int64_t)pc + (int8_t)operand[0];
            break;
        case OPND_BR32:
            target = (int64_t)pc + (int32_t)clr_rd32(operand);
            break;
        case OPND_SWITCH: {
            const uint32_t n = clr_rd32(operand);
            if (n > (size - pc) / 4)
                goto truncated;
            const uint32_t end = pc + 4 * n;
            for (uint32_t k = 0; k < n; k++) {
                const int64_t t = (int64_t)end + (int32_t)clr_rd32(il + pc + 4 * k);
                if (t < 0 || t >= size) {
                    target = t;
                    break;
                }
            }
            pc = end;
            break;
        }
        case OPND_SIG:
            clr_log(c->rt, "assembly %s: %s: IL_%04x calli: stand-alone signatures are not in the format: " REBUILD,
                    name_of(c), c->where, (unsigned)start);
            return false;
        case OPND_METHOD:
        case OPND_FIELD:
        case OPND_TYPE:
        case OPND_STRING:
        case OPND_TOKEN: {
            const uint32_t token = clr_rd32(operand);
            if (!token_fits(c, start, opcode, kind, token))
                return false;
            if (opcode == CEE_LDSTR) {
                if (w->literals != NULL)
                    w->literals[w->ldstr_count].offset = CLR_TOKEN_INDEX(token);
                w->ldstr_count++;
            }
            break;
        }
        default:
            break;
        }
        if ((kind == OPND_BR8 || kind == OPND_BR32 || kind == OPND_SWITCH) && target != -1 &&
            (target < 0 || target >= size)) {
            clr_log(c->rt, "assembly %s: %s: IL_%04x %s: branch target %lld is outside the body (%u bytes): " REBUILD,
                    name_of(c), c->where, (unsigned)start, clr_opcode_name(opcode), (long long)target,
                    (unsigned)size);
            return false;
        }
    }
    return true;
truncated:
    clr_log(c->rt, "assembly %s: %s: the last instruction runs past the end of the body (%u bytes): " REBUILD,
            name_of(c), c->where, (unsigned)size);
    return false;
}

/* ---- fast code (DEPLOYMENT_FORMAT.md, "Fast code") ---- */

#define FAST_MARKS 2048u /* code offsets whose instruction starts are kept in a bitmap; beyond, targets are walked to */

static bool fast_refused(struct checker *c, uint32_t pc, const char *why)
{
    clr_log(c->rt, "assembly %s: %s: fast code at 0x%04x: %s: " REBUILD, name_of(c), c->where, (unsigned)pc, why);
    return false;
}

/* Bytes of an operand of letter o (clr_fast_ops.def) at p. */
static uint32_t fast_operand_size(char o, const uint8_t *p)
{
    return o == 'i' || o == 'k' ? 4u : o == 't' ? 2u : o == 'w' ? 2u + 2u * clr_rd16(p) : 1u;
}

/* Bytes of the instruction at code[pc] (0: not an instruction, or it runs past the end). */
static uint32_t fast_length(const uint8_t *code, uint32_t size, uint32_t pc)
{
    const char *operands = clr_fast_operands[code[pc]];
    if (operands == NULL)
        return 0;
    uint32_t n = 1;
    for (const char *o = operands; *o != '\0'; o++) {
        if (*o == 'w' && size - pc < n + 2)
            return 0;
        n += fast_operand_size(*o, code + pc + n);
    }
    return n <= size - pc ? n : 0;
}

static bool fast_is_start(const uint8_t *code, uint32_t size, const uint8_t *marks, uint32_t target)
{
    if (target >= size)
        return false;
    if (target < FAST_MARKS)
        return (marks[target / 8] >> (target % 8) & 1u) != 0;
    uint32_t pc = 0;
    while (pc < target)
        pc += fast_length(code, size, pc); /* the first pass checked every length */
    return pc == target;
}

/* The IL operand kind of a fast instruction's token (clr_fast_ops.def) and an IL opcode naming it in messages. */
static uint8_t fast_token_kind(unsigned op, unsigned *il_op)
{
    switch (op) {
    case CLR_FC_LDFLD: case CLR_FC_STFLD: case CLR_FC_LDSFLD: case CLR_FC_STSFLD:
        *il_op = CEE_LDFLD;
        return OPND_FIELD;
    case CLR_FC_CALL: case CLR_FC_CALLVIRT: case CLR_FC_NEWOBJ:
        *il_op = CEE_CALL;
        return OPND_METHOD;
    case CLR_FC_LDSTR:
        *il_op = CEE_LDSTR;
        return OPND_STRING;
    default:
        *il_op = CEE_NEWARR;
        return OPND_TYPE;
    }
}

static bool check_fast(struct checker *c, const struct clr_method_def *md, struct il_walk *w)
{
    const uint8_t *body = c->a->base + c->a->tables[CLR_TBL_IL].offset + md->il;
    const uint32_t temps = (uint32_t)md->arg_count + md->local_count, regs = temps + md->max_stack;
    if (md->il_size < 4u + md->local_count)
        return fast_refused(c, 0, "the body is shorter than its header");
    const uint32_t size = clr_rd16(body), map_size = clr_rd16(body + 2);
    const uint8_t *kinds = body + 4, *code = kinds + md->local_count, *map = code + size;
    if (4u + md->local_count + size + map_size != md->il_size || size == 0)
        return fast_refused(c, 0, "code and map sizes do not add up to the body's size");
    if (regs > 255u)
        return fast_refused(c, 0, "more than 255 registers");
    for (unsigned i = 0; i < md->local_count; i++)
        if (kinds[i] != CLR_K_I4 && kinds[i] != CLR_K_O)
            return fast_refused(c, 0, "a local starts as neither int32 nor reference");
    uint8_t marks[FAST_MARKS / 8] = {0};
    uint32_t pc = 0, last = 0;
    while (pc < size) {
        const uint32_t n = fast_length(code, size, pc);
        if (n == 0)
            return fast_refused(c, pc, "not an instruction, or it runs past the end of the code");
        if (pc < FAST_MARKS)
            marks[pc / 8] |= (uint8_t)(1u << (pc % 8));
        const unsigned op = code[pc];
        const uint8_t *p = code + pc + 1;
        for (const char *o = clr_fast_operands[op]; *o != '\0'; o++) {
            /* Live bounds and call arguments start at the temporaries: the frame's sp is set from them. */
            if (*o == 'r' && *p >= regs)
                return fast_refused(c, pc, "a register outside the frame");
            if (*o == 'p' && (*p > regs || *p < temps))
                return fast_refused(c, pc, "a live bound outside the frame's temporaries");
            if (*o == 'n' && (p[-1] < temps || (uint32_t)p[-1] + *p + (op == CLR_FC_NEWOBJ ? 1u : 0u) > regs))
                return fast_refused(c, pc, "call arguments outside the frame's temporaries");
            if (*o == 'k') {
                unsigned il_op;
                const uint8_t kind = fast_token_kind(op, &il_op);
                const uint32_t token = clr_rd32(p);
                if (!token_fits(c, pc, il_op, kind, token))
                    return false;
                if (op == CLR_FC_LDSTR) {
                    if (w->literals != NULL)
                        w->literals[w->ldstr_count].offset = CLR_TOKEN_INDEX(token);
                    w->ldstr_count++;
                }
            }
            p += fast_operand_size(*o, p);
        }
        last = pc;
        pc += n;
    }
    const unsigned end = code[last];
    if (end != CLR_FC_BR && end != CLR_FC_RET && end != CLR_FC_RET_VOID && end != CLR_FC_THROW)
        return fast_refused(c, last, "the code's last instruction falls through past its end");
    for (pc = 0; pc < size; pc += fast_length(code, size, pc)) {
        const uint8_t *p = code + pc + 1;
        for (const char *o = clr_fast_operands[code[pc]]; *o != '\0'; o++) {
            uint32_t targets = *o == 't' ? 1 : *o == 'w' ? clr_rd16(p) : 0;
            const uint8_t *t = *o == 'w' ? p + 2 : p;
            for (uint32_t k = 0; k < targets; k++)
                if (!fast_is_start(code, size, marks, clr_rd16(t + 2 * k)))
                    return fast_refused(c, pc, "a branch target is not the start of an instruction");
            p += fast_operand_size(*o, p);
        }
    }
    uint32_t at = 0, il = 0;
    for (const uint8_t *p = map, *end = map + map_size; p < end;) {
        const bool first = p == map;
        const uint32_t before = at;
        if (!clr_fast_map_next(&p, end, &at, &il) || (!first && at == before) || !fast_is_start(code, size, marks, at))
            return fast_refused(c, at, "a map entry does not parse, is not at an instruction start, or out of order");
    }
    return true;
}

static bool check_methods(struct checker *c, struct il_walk *w)
{
    const struct clr_assembly *a = c->a;
    for (uint32_t i = 0; i < a->tables[CLR_TBL_METHOD_DEF].count; i++) {
        struct clr_method_def md;
        clr_read_method_def(a, i, &md);
        clr_format(c->where, sizeof c->where, "MethodDef %u", (unsigned)i);
        if (w->literals == NULL && !check_method_def(c, i, &md))
            return false;
        /* Names of checked rows are safe to print from here on. */
        clr_method_full_name(a, i, c->where, sizeof c->where);
        const bool fast = (md.impl_flags & CLR_METHOD_IMPL_CODE_TYPE) == CLR_METHOD_IMPL_FAST;
        if (fast && clr_rd16(clr_row(a, CLR_TBL_METHOD_DEF, i) + CLR_METHODDEF_EH_COUNT) != 0) {
            clr_log(c->rt, "assembly %s: %s: fast code with exception handlers: " REBUILD, name_of(c), c->where);
            return false;
        }
        if (md.il_size > 0 && !(fast ? check_fast(c, &md, w) : check_il(c, &md, w)))
            return false;
    }
    return true;
}

static bool check_other_tables(struct checker *c)
{
    const struct clr_assembly *a = c->a;
    for (uint32_t i = 0; i < a->tables[CLR_TBL_INTERNAL_CALL].count; i++) {
        const uint8_t *r = clr_row(a, CLR_TBL_INTERNAL_CALL, i);
        clr_format(c->where, sizeof c->where, "InternalCall %u", (unsigned)i);
        if (!check_string(c, clr_rd32(r + CLR_ICALL_NAME), "canonical name") ||
            !check_index(c, clr_rd32(r + CLR_ICALL_METHOD), CLR_TBL_METHOD_DEF, "method", false, 0))
            return false;
    }
    for (uint32_t i = 0; i < a->tables[CLR_TBL_FIELD_RVA].count; i++) {
        const uint8_t *r = clr_row(a, CLR_TBL_FIELD_RVA, i);
        clr_format(c->where, sizeof c->where, "FieldRva %u", (unsigned)i);
        if (!check_index(c, clr_rd32(r + CLR_FIELDRVA_FIELD), CLR_TBL_FIELD_DEF, "field", false, 0) ||
            !check_index(c, clr_rd32(r + CLR_FIELDRVA_OFFSET), CLR_TBL_FIELD_DATA, "offset", false, 0))
            return false;
    }
    return true;
}

/* Sorts the literal offsets and drops repeats (shell sort: no recursion, no extra memory). */
static uint32_t sort_unique(struct clr_literal *lit, uint32_t n)
{
    for (uint32_t gap = n / 2; gap > 0; gap /= 2) {
        for (uint32_t i = gap; i < n; i++) {
            const struct clr_literal v = lit[i];
            uint32_t j = i;
            for (; j >= gap && lit[j - gap].offset > v.offset; j -= gap)
                lit[j] = lit[j - gap];
            lit[j] = v;
        }
    }
    uint32_t unique = 0;
    for (uint32_t i = 0; i < n; i++)
        if (unique == 0 || lit[unique - 1].offset != lit[i].offset)
            lit[unique++] = lit[i];
    return unique;
}

bool clr_check_assembly(struct clr_runtime *rt, struct clr_assembly *a)
{
    struct checker c = {.rt = rt, .a = a};
    const uint32_t name = clr_rd32(a->base + CLR_HDR_NAME);
    if (!clr_string_offset_ok(a, name)) {
        char label[64];
        clr_log(rt, "assembly %s: name: string offset 0x%x is outside the string table (%u bytes) or not a "
                    "string: " REBUILD,
                clr_assembly_label(rt, a, label, sizeof label), (unsigned)name,
                (unsigned)a->tables[CLR_TBL_STRINGS].count);
        return false;
    }
    a->name = clr_string_at(a, name);
    struct il_walk walk = {0};
    if (!check_refs(&c) || !check_type_defs(&c) || !check_other_tables(&c) || !check_methods(&c, &walk))
        return false;
    if (walk.ldstr_count > 0) {
        walk.literals = clr_table_alloc(rt, CLR_TABLE_LITERALS, walk.ldstr_count * sizeof *walk.literals);
        if (walk.literals == NULL) {
            clr_log(rt, "assembly %s: no RAM left for its %u string literals: give the runtime more RAM", a->name,
                    (unsigned)walk.ldstr_count);
            return false;
        }
        a->literals = walk.literals;
        const uint32_t ldstr_count = walk.ldstr_count;
        walk.ldstr_count = 0;
        check_methods(&c, &walk); /* cannot fail now: collects the offsets */
        a->literal_count = sort_unique(a->literals, walk.ldstr_count);
        /* A literal loaded in several places has one entry: the repeats' room goes back. */
        clr_table_trim(rt, CLR_TABLE_LITERALS, a->literals, ldstr_count * sizeof *a->literals,
                       a->literal_count * sizeof *a->literals);
    }
    return true;
}
