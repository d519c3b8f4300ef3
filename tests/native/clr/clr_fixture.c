#include "clr_fixture.h"
#include "clr_internal.h" /* the firmware's internal-call table */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- IL emitter ---- */

static void emit(struct il *il, uint8_t b)
{
    if (il->len >= IL_MAX) {
        fprintf(stderr, "clr_fixture: IL buffer full\n");
        abort();
    }
    il->code[il->len++] = b;
}

void il_reset(struct il *il)
{
    il->len = 0;
    il->labels = 0;
    il->fixup_count = 0;
}

void il_op(struct il *il, unsigned opcode)
{
    if (opcode > 0xFF)
        emit(il, (uint8_t)(opcode >> 8));
    emit(il, (uint8_t)opcode);
}

void il_u8(struct il *il, uint8_t v)
{
    emit(il, v);
}

void il_u16(struct il *il, uint16_t v)
{
    emit(il, (uint8_t)v);
    emit(il, (uint8_t)(v >> 8));
}

void il_i32(struct il *il, int32_t v)
{
    for (int i = 0; i < 4; i++)
        emit(il, (uint8_t)((uint32_t)v >> (8 * i)));
}

void il_i64(struct il *il, int64_t v)
{
    for (int i = 0; i < 8; i++)
        emit(il, (uint8_t)((uint64_t)v >> (8 * i)));
}

void il_ldc_i4(struct il *il, int32_t v)
{
    if (v >= -1 && v <= 8) {
        il_op(il, (unsigned)(CEE_LDC_I4_0 + v));
    } else if (v >= -128 && v <= 127) {
        il_op(il, CEE_LDC_I4_S);
        il_u8(il, (uint8_t)(int8_t)v);
    } else {
        il_op(il, CEE_LDC_I4);
        il_i32(il, v);
    }
}

void il_ldc_i8(struct il *il, int64_t v)
{
    il_op(il, CEE_LDC_I8);
    il_i64(il, v);
}

void il_ldc_r4(struct il *il, float v)
{
    uint32_t bits;
    memcpy(&bits, &v, 4);
    il_op(il, CEE_LDC_R4);
    il_i32(il, (int32_t)bits);
}

void il_ldc_r8(struct il *il, double v)
{
    uint64_t bits;
    memcpy(&bits, &v, 8);
    il_op(il, CEE_LDC_R8);
    il_i64(il, (int64_t)bits);
}

void il_tok(struct il *il, unsigned opcode, uint32_t token)
{
    il_op(il, opcode);
    il_i32(il, (int32_t)token);
}

void il_divide_by_zero(struct il *il)
{
    il_ldc_i4(il, 1);
    il_ldc_i4(il, 0);
    il_op(il, CEE_DIV);
    il_op(il, CEE_POP);
}

uint32_t il_label(struct il *il)
{
    il->label_at[il->labels] = -1;
    return il->labels++;
}

void il_mark(struct il *il, uint32_t label)
{
    il->label_at[label] = (int32_t)il->len;
}

static void add_fixup(struct il *il, uint32_t at, uint32_t from, uint32_t label, uint8_t size)
{
    il->fixups[il->fixup_count].at = at;
    il->fixups[il->fixup_count].from = from;
    il->fixups[il->fixup_count].label = label;
    il->fixups[il->fixup_count].size = size;
    il->fixup_count++;
}

void il_branch(struct il *il, unsigned opcode, uint32_t label)
{
    const bool is_short = opcode >= CEE_BR_S && opcode <= CEE_BLT_UN_S;
    il_op(il, opcode);
    const uint32_t at = il->len;
    const uint8_t size = is_short ? 1 : 4;
    for (unsigned i = 0; i < size; i++)
        emit(il, 0);
    add_fixup(il, at, il->len, label, size);
}

void il_switch(struct il *il, uint32_t n, const uint32_t *labels)
{
    il_op(il, CEE_SWITCH);
    il_i32(il, (int32_t)n);
    const uint32_t table = il->len;
    for (uint32_t i = 0; i < n; i++)
        il_i32(il, 0);
    for (uint32_t i = 0; i < n; i++)
        add_fixup(il, table + 4 * i, table + 4 * n, labels[i], 4);
}

void il_finish(struct il *il)
{
    for (uint32_t i = 0; i < il->fixup_count; i++) {
        const int32_t target = il->label_at[il->fixups[i].label];
        if (target < 0) {
            fprintf(stderr, "clr_fixture: label %u never marked\n", (unsigned)il->fixups[i].label);
            abort();
        }
        const int32_t offset = target - (int32_t)il->fixups[i].from;
        if (il->fixups[i].size == 1) {
            if (offset < -128 || offset > 127) {
                fprintf(stderr, "clr_fixture: short branch too far (%d)\n", (int)offset);
                abort();
            }
            il->code[il->fixups[i].at] = (uint8_t)(int8_t)offset;
        } else {
            ib_put32(il->code + il->fixups[i].at, (uint32_t)offset);
        }
    }
    il->fixup_count = 0;
}

/* ---- programs ---- */

static struct ib_assembly g_corlib, g_app;
static struct prog g_prog;

#define S CLR_ELEM_STRING

struct corlib_method {
    const char *type, *name, *canonical;
    uint8_t sig[10];
    uint8_t sig_len;
    bool instance;
};

/* The natives the tests call (each must be in the firmware's table). */
static const struct corlib_method corlib_natives[] = {
    {"Array", "get_Length", "System.Array::get_Length()", {0, 1, 0, CLR_ELEM_I4}, 4, true},
    {"Console", "WriteNative", "System.Console::WriteNative(System.String)", {0, 0, 1, CLR_ELEM_VOID, S}, 5, false},
    {"Number", "DoubleToString", "System.Number::DoubleToString(System.Double)", {0, 0, 1, S, CLR_ELEM_R8}, 5, false},
    {"Number", "FormatDouble", "System.Number::FormatDouble(System.Double,System.String)", {0, 0, 2, S, CLR_ELEM_R8, S}, 6, false},
    {"Number", "FormatInteger", "System.Number::FormatInteger(System.Int64,System.Int32,System.String)",
     {0, 0, 3, S, CLR_ELEM_I8, CLR_ELEM_I4, S}, 7, false},
    {"Number", "FormatSingle", "System.Number::FormatSingle(System.Single,System.String)", {0, 0, 2, S, CLR_ELEM_R4, S}, 6, false},
    {"Number", "Int32ToString", "System.Number::Int32ToString(System.Int32)", {0, 0, 1, S, CLR_ELEM_I4}, 5, false},
    {"Number", "Int64ToString", "System.Number::Int64ToString(System.Int64)", {0, 0, 1, S, CLR_ELEM_I8}, 5, false},
    {"Number", "ParseFloating", "System.Number::ParseFloating(System.String,System.Int32,System.Int32,System.Double&)",
     {0, 0, 4, CLR_ELEM_I4, S, CLR_ELEM_I4, CLR_ELEM_I4, CLR_ELEM_BYREF, CLR_ELEM_R8}, 9, false},
    {"Number", "ParseInteger", "System.Number::ParseInteger(System.String,System.Int32,System.Int32,System.Int64&)",
     {0, 0, 4, CLR_ELEM_I4, S, CLR_ELEM_I4, CLR_ELEM_I4, CLR_ELEM_BYREF, CLR_ELEM_I8}, 9, false},
    {"Number", "SingleToString", "System.Number::SingleToString(System.Single)", {0, 0, 1, S, CLR_ELEM_R4}, 5, false},
    {"Number", "UInt32ToString", "System.Number::UInt32ToString(System.UInt32)", {0, 0, 1, S, CLR_ELEM_U4}, 5, false},
    {"Number", "UInt64ToString", "System.Number::UInt64ToString(System.UInt64)", {0, 0, 1, S, CLR_ELEM_U8}, 5, false},
    {"Object", "ToString", "System.Object::ToString()", {0, 1, 0, S}, 4, true},
    {"String", "Concat", "System.String::Concat(System.String,System.String)", {0, 0, 2, S, S, S}, 6, false},
    {"String", "Equals", "System.String::Equals(System.String,System.String)", {0, 0, 2, CLR_ELEM_BOOLEAN, S, S}, 6, false},
    {"String", "get_Chars", "System.String::get_Chars(System.Int32)", {0, 1, 1, CLR_ELEM_CHAR, CLR_ELEM_I4}, 5, true},
    {"String", "get_Length", "System.String::get_Length()", {0, 1, 0, CLR_ELEM_I4}, 4, true},
    {"String", ".ctor", "System.String::.ctor(System.Char,System.Int32)", {0, 1, 2, CLR_ELEM_VOID, CLR_ELEM_CHAR, CLR_ELEM_I4}, 6, true},
    {"String", ".ctor", "System.String::.ctor(System.Char[])", {0, 1, 1, CLR_ELEM_VOID, CLR_ELEM_SZARRAY, CLR_ELEM_CHAR}, 6, true},
    {"String", ".ctor", "System.String::.ctor(System.Char[],System.Int32,System.Int32)", {0, 1, 3, CLR_ELEM_VOID, CLR_ELEM_SZARRAY, CLR_ELEM_CHAR, CLR_ELEM_I4, CLR_ELEM_I4}, 8, true},
    {"String", "CopyChars", "System.String::CopyChars(System.Int32,System.Char[],System.Int32,System.Int32)", {0, 1, 4, CLR_ELEM_VOID, CLR_ELEM_I4, CLR_ELEM_SZARRAY, CLR_ELEM_CHAR, CLR_ELEM_I4, CLR_ELEM_I4}, 9, true},
    {"String", "IndexOfUnchecked", "System.String::IndexOfUnchecked(System.Char,System.Int32,System.Int32)", {0, 1, 3, CLR_ELEM_I4, CLR_ELEM_CHAR, CLR_ELEM_I4, CLR_ELEM_I4}, 7, true},
    {"String", "IndexOfUnchecked", "System.String::IndexOfUnchecked(System.String,System.Int32,System.Int32)", {0, 1, 3, CLR_ELEM_I4, S, CLR_ELEM_I4, CLR_ELEM_I4}, 7, true},
    {"String", "LastIndexOfUnchecked", "System.String::LastIndexOfUnchecked(System.Char,System.Int32,System.Int32)", {0, 1, 3, CLR_ELEM_I4, CLR_ELEM_CHAR, CLR_ELEM_I4, CLR_ELEM_I4}, 7, true},
    {"String", "LastIndexOfUnchecked", "System.String::LastIndexOfUnchecked(System.String,System.Int32,System.Int32)", {0, 1, 3, CLR_ELEM_I4, S, CLR_ELEM_I4, CLR_ELEM_I4}, 7, true},
    {"String", "SubstringUnchecked", "System.String::SubstringUnchecked(System.Int32,System.Int32)", {0, 1, 2, S, CLR_ELEM_I4, CLR_ELEM_I4}, 6, true},
    {"DateTime", "GetUtcNowTicks", "System.DateTime::GetUtcNowTicks()", {0, 0, 0, CLR_ELEM_I8}, 4, false},
    {"BitConverter", "DoubleToInt64Bits", "System.BitConverter::DoubleToInt64Bits(System.Double)", {0, 0, 1, CLR_ELEM_I8, CLR_ELEM_R8}, 5, false},
    {"BitConverter", "Int32BitsToSingle", "System.BitConverter::Int32BitsToSingle(System.Int32)", {0, 0, 1, CLR_ELEM_R4, CLR_ELEM_I4}, 5, false},
    {"BitConverter", "Int64BitsToDouble", "System.BitConverter::Int64BitsToDouble(System.Int64)", {0, 0, 1, CLR_ELEM_R8, CLR_ELEM_I8}, 5, false},
    {"BitConverter", "SingleToInt32Bits", "System.BitConverter::SingleToInt32Bits(System.Single)", {0, 0, 1, CLR_ELEM_I4, CLR_ELEM_R4}, 5, false},
    {"Math", "Acos", "System.Math::Acos(System.Double)", {0, 0, 1, CLR_ELEM_R8, CLR_ELEM_R8}, 5, false},
    {"Math", "Asin", "System.Math::Asin(System.Double)", {0, 0, 1, CLR_ELEM_R8, CLR_ELEM_R8}, 5, false},
    {"Math", "Atan", "System.Math::Atan(System.Double)", {0, 0, 1, CLR_ELEM_R8, CLR_ELEM_R8}, 5, false},
    {"Math", "Ceiling", "System.Math::Ceiling(System.Double)", {0, 0, 1, CLR_ELEM_R8, CLR_ELEM_R8}, 5, false},
    {"Math", "Cos", "System.Math::Cos(System.Double)", {0, 0, 1, CLR_ELEM_R8, CLR_ELEM_R8}, 5, false},
    {"Math", "Exp", "System.Math::Exp(System.Double)", {0, 0, 1, CLR_ELEM_R8, CLR_ELEM_R8}, 5, false},
    {"Math", "Floor", "System.Math::Floor(System.Double)", {0, 0, 1, CLR_ELEM_R8, CLR_ELEM_R8}, 5, false},
    {"Math", "Log", "System.Math::Log(System.Double)", {0, 0, 1, CLR_ELEM_R8, CLR_ELEM_R8}, 5, false},
    {"Math", "Log10", "System.Math::Log10(System.Double)", {0, 0, 1, CLR_ELEM_R8, CLR_ELEM_R8}, 5, false},
    {"Math", "Round", "System.Math::Round(System.Double)", {0, 0, 1, CLR_ELEM_R8, CLR_ELEM_R8}, 5, false},
    {"Math", "Sin", "System.Math::Sin(System.Double)", {0, 0, 1, CLR_ELEM_R8, CLR_ELEM_R8}, 5, false},
    {"Math", "Sqrt", "System.Math::Sqrt(System.Double)", {0, 0, 1, CLR_ELEM_R8, CLR_ELEM_R8}, 5, false},
    {"Math", "Tan", "System.Math::Tan(System.Double)", {0, 0, 1, CLR_ELEM_R8, CLR_ELEM_R8}, 5, false},
    {"Math", "Truncate", "System.Math::Truncate(System.Double)", {0, 0, 1, CLR_ELEM_R8, CLR_ELEM_R8}, 5, false},
    {"Math", "Atan2", "System.Math::Atan2(System.Double,System.Double)", {0, 0, 2, CLR_ELEM_R8, CLR_ELEM_R8, CLR_ELEM_R8}, 6, false},
    {"Math", "Pow", "System.Math::Pow(System.Double,System.Double)", {0, 0, 2, CLR_ELEM_R8, CLR_ELEM_R8, CLR_ELEM_R8}, 6, false},
    {"String", "FormatSlice", "System.String::FormatSlice(System.String,System.Int32,System.Int32)",
     {0, 0, 3, S, S, CLR_ELEM_I4, CLR_ELEM_I4}, 7, false},
    {"Convert", "Base64", "System.Convert::Base64(System.Byte[])", {0, 0, 1, S, CLR_ELEM_SZARRAY, CLR_ELEM_U1}, 6, false},
    /* Only test_gc.c calls these (with its own references). */
    {"GC", "Collect", "System.GC::Collect()", {0, 0, 0, CLR_ELEM_VOID}, 4, false},
    {"GC", "GetTotalMemory", "System.GC::GetTotalMemory(System.Boolean)", {0, 0, 1, CLR_ELEM_I8, CLR_ELEM_BOOLEAN}, 5, false},
    {"NativeGC", "Run", "nanoFramework.Runtime.Native.GC::Run(System.Boolean)", {0, 0, 1, CLR_ELEM_U4, CLR_ELEM_BOOLEAN},
     5, false},
};
#define NATIVE_COUNT (sizeof corlib_natives / sizeof corlib_natives[0])
#define FIRMWARE_MAX 256u /* internal calls the firmware may have */

/* The classes holding them besides Object: String first (sealed), Array fifth (abstract), the rest static;
 * Math last, so that tests can add fields to it. */
static const struct {
    const char *key, *name_space, *name;
} corlib_types[] = {
    {"String", "System", "String"},     {"Console", "System", "Console"},   {"Number", "System", "Number"},
    {"Convert", "System", "Convert"},   {"Array", "System", "Array"},       {"BitConverter", "System", "BitConverter"},
    {"DateTime", "System", "DateTime"}, {"GC", "System", "GC"},             {"NativeGC", "nanoFramework.Runtime.Native", "GC"},
    {"Math", "System", "Math"},
};
#define TYPE_COUNT (sizeof corlib_types / sizeof corlib_types[0])
_Static_assert(TYPE_COUNT <= sizeof((struct prog *)0)->corlib_type_refs / sizeof(uint16_t), "prog.corlib_type_refs");

static unsigned corlib_type_index(const char *type)
{
    unsigned t = 0;
    while (t + 1 < TYPE_COUNT && strcmp(corlib_types[t].key, type) != 0)
        t++;
    return t;
}

static void build_corlib(struct ib_assembly *c)
{
    ib_init(c, "mscorlib", 1, 0);
    const uint16_t object = ib_type_def(c, "System", "Object", 0, 0);
    uint16_t methods[NATIVE_COUNT] = {0};
    for (unsigned i = 0; i < NATIVE_COUNT; i++)
        if (strcmp(corlib_natives[i].type, "Object") == 0)
            methods[i] = ib_method_def(c, corlib_natives[i].name, MA_VIRTUAL, MI_INTERNAL_CALL,
                                       ib_sig(c, corlib_natives[i].sig, corlib_natives[i].sig_len), IB_NONE, 0);
    const uint16_t value_type = ib_type_def(c, "System", "ValueType", 0x80, TOK_TYPE_DEF(object));
    ib_type_def(c, "System", "Enum", 0x80, TOK_TYPE_DEF(value_type));
    /* The InternalCall table lists the firmware's whole table in its order (binding compares names only):
     * the natives below with their real signatures, the others as placeholder methods. */
    uint16_t firmware[FIRMWARE_MAX] = {0};
    if (clr_native_mscorlib.count > FIRMWARE_MAX)
        abort(); /* raise FIRMWARE_MAX */
    ib_type_def(c, "System", "FirmwareOnly", 0x181, TOK_TYPE_DEF(object));
    for (uint32_t f = 0; f < clr_native_mscorlib.count; f++) {
        bool known = false;
        for (unsigned i = 0; i < NATIVE_COUNT; i++)
            known |= strcmp(corlib_natives[i].canonical, clr_native_mscorlib.methods[f].canonical_name) == 0;
        if (!known)
            firmware[f] = ib_method_def(c, "Placeholder", MA_STATIC, MI_INTERNAL_CALL,
                                        ib_sig(c, SIG_BYTES(0, 0, 0, CLR_ELEM_VOID)), IB_NONE, 0);
    }
    for (unsigned t = 0; t < TYPE_COUNT; t++) {
        ib_type_def(c, corlib_types[t].name_space, corlib_types[t].name, t == 0 ? TA_SEALED : t == 4 ? 0x81 : 0x181,
                    TOK_TYPE_DEF(object));
        for (unsigned i = 0; i < NATIVE_COUNT; i++) {
            const struct corlib_method *m = &corlib_natives[i];
            if (strcmp(m->type, corlib_types[t].key) != 0)
                continue;
            methods[i] = ib_method_def(c, m->name, m->instance ? 0 : MA_STATIC, MI_INTERNAL_CALL,
                                       ib_sig(c, m->sig, m->sig_len), IB_NONE, 0);
        }
    }
    for (uint32_t f = 0; f < clr_native_mscorlib.count; f++)
        for (unsigned i = 0; i < NATIVE_COUNT; i++)
            if (strcmp(corlib_natives[i].canonical, clr_native_mscorlib.methods[f].canonical_name) == 0)
                firmware[f] = methods[i];
    for (uint32_t f = 0; f < clr_native_mscorlib.count; f++)
        ib_internal_call(c, clr_native_mscorlib.methods[f].canonical_name, firmware[f]);
}

struct prog *prog_new(void)
{
    struct prog *p = &g_prog;
    memset(p, 0, sizeof *p);
    p->corlib = &g_corlib;
    p->app = &g_app;
    build_corlib(p->corlib);
    struct ib_assembly *a = p->app;
    ib_init(a, "App", 1, 0);
    p->corlib_ref = ib_assembly_ref(a, "mscorlib", 1, 0);
    const uint16_t object = ib_type_ref(a, p->corlib_ref, "System", "Object");
    p->enum_type_ref = ib_type_ref(a, p->corlib_ref, "System", "Enum");
    p->object_type_ref = object;
    for (unsigned t = 0; t < TYPE_COUNT; t++)
        p->corlib_type_refs[t] = ib_type_ref(a, p->corlib_ref, corlib_types[t].name_space, corlib_types[t].name);
    p->string_type_ref = p->corlib_type_refs[0];
    const struct {
        const char *canonical;
        uint32_t *token;
    } used[] = {
        {"System.Array::get_Length()", &p->array_length},
        {"System.Console::WriteNative(System.String)", &p->write},
        {"System.Number::DoubleToString(System.Double)", &p->r8_to_s},
        {"System.Number::Int32ToString(System.Int32)", &p->i4_to_s},
        {"System.Number::Int64ToString(System.Int64)", &p->i8_to_s},
        {"System.Number::SingleToString(System.Single)", &p->r4_to_s},
        {"System.Number::UInt32ToString(System.UInt32)", &p->u4_to_s},
        {"System.Number::UInt64ToString(System.UInt64)", &p->u8_to_s},
        {"System.Object::ToString()", &p->object_to_s},
        {"System.String::Concat(System.String,System.String)", &p->concat},
        {"System.String::Equals(System.String,System.String)", &p->equals},
        {"System.String::get_Chars(System.Int32)", &p->get_chars},
        {"System.String::get_Length()", &p->get_length},
        {"System.Number::FormatDouble(System.Double,System.String)", &p->format_double},
        {"System.Number::FormatInteger(System.Int64,System.Int32,System.String)", &p->format_integer},
        {"System.Number::FormatSingle(System.Single,System.String)", &p->format_single},
        {"System.Number::ParseFloating(System.String,System.Int32,System.Int32,System.Double&)", &p->parse_floating},
        {"System.Number::ParseInteger(System.String,System.Int32,System.Int32,System.Int64&)", &p->parse_integer},
        {"System.String::FormatSlice(System.String,System.Int32,System.Int32)", &p->format_slice},
        {"System.Convert::Base64(System.Byte[])", &p->base64},
    };
    for (unsigned u = 0; u < sizeof used / sizeof used[0]; u++)
        *used[u].token = prog_corlib_call(p, used[u].canonical);
    p->program = ib_type_def(a, "App", "Program", 0, TOK_TYPE_REF(object));
    p->main = ib_method_def(a, "Main", MA_STATIC, 0, ib_sig(a, SIG_BYTES(0, 0, 0, CLR_ELEM_VOID)), IB_NONE, 64);
    ib_entry_point(a, p->main);
    il_reset(&p->main_il);
    return p;
}

uint32_t prog_corlib_call(struct prog *p, const char *canonical)
{
    unsigned i = 0;
    while (i < NATIVE_COUNT && strcmp(corlib_natives[i].canonical, canonical) != 0)
        i++;
    if (i == NATIVE_COUNT)
        return 0; /* not one of the natives above: the test's token stays invalid */
    const struct corlib_method *m = &corlib_natives[i];
    const uint16_t owner = strcmp(m->type, "Object") == 0 ? p->object_type_ref
                                                           : p->corlib_type_refs[corlib_type_index(m->type)];
    return TOK_METHOD_REF(ib_method_ref(p->app, owner, m->name, ib_sig(p->app, m->sig, m->sig_len)));
}

struct il *prog_main(struct prog *p)
{
    return &p->main_il;
}

static void print_with(struct prog *p, struct il *il, uint32_t to_string)
{
    il_tok(il, CEE_CALL, to_string);
    il_tok(il, CEE_CALL, p->write);
}

void prog_print_i4(struct prog *p, struct il *il) { print_with(p, il, p->i4_to_s); }
void prog_print_u4(struct prog *p, struct il *il) { print_with(p, il, p->u4_to_s); }
void prog_print_i8(struct prog *p, struct il *il) { print_with(p, il, p->i8_to_s); }
void prog_print_u8(struct prog *p, struct il *il) { print_with(p, il, p->u8_to_s); }
void prog_print_r4(struct prog *p, struct il *il) { print_with(p, il, p->r4_to_s); }
void prog_print_r8(struct prog *p, struct il *il) { print_with(p, il, p->r8_to_s); }

void prog_print_str(struct prog *p, struct il *il)
{
    il_tok(il, CEE_CALL, p->write);
}

void prog_print_text(struct prog *p, struct il *il, const char *text)
{
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, text)));
    prog_print_str(p, il);
}

uint16_t prog_method(struct prog *p, const char *name, uint32_t sig, uint32_t locals, struct il *il)
{
    il_finish(il);
    const uint16_t m = ib_method_def(p->app, name, MA_STATIC, 0, sig, locals, 32);
    ib_method_body(p->app, m, il->code, il->len);
    return m;
}

uint16_t prog_instance_method(struct prog *p, const char *name, uint16_t flags, uint32_t sig, struct il *il)
{
    il_finish(il);
    const uint16_t m = ib_method_def(p->app, name, flags, 0, sig, IB_NONE, 8);
    ib_method_body(p->app, m, il->code, il->len);
    return m;
}

uint16_t prog_printer(struct prog *p, const char *name, uint16_t flags, const char *text)
{
    struct il il;
    il_reset(&il);
    prog_print_text(p, &il, text);
    il_op(&il, CEE_RET);
    return prog_instance_method(p, name, flags, ib_sig(p->app, SIG_BYTES(0, CLR_SIG_HASTHIS, 0, CLR_ELEM_VOID)), &il);
}

size_t prog_image(struct prog *p, uint8_t *out, size_t cap)
{
    il_finish(&p->main_il);
    ib_method_body(p->app, p->main, p->main_il.code, p->main_il.len);
    const size_t n = ib_build(p->corlib, out, cap);
    const size_t m = n > 0 ? ib_build(p->app, out + n, cap - n) : 0;
    return m > 0 ? n + m : 0;
}

/* ---- running ---- */

static struct run g_run;

static void capture_console(void *ctx, const char *utf8, size_t len)
{
    struct run *r = ctx;
    for (size_t i = 0; i < len && r->out_len + 1 < sizeof r->out; i++)
        r->out[r->out_len++] = utf8[i];
    r->out[r->out_len] = '\0';
}

static void capture_log(void *ctx, const char *line)
{
    struct run *r = ctx;
    const size_t n = strlen(line);
    for (size_t i = 0; i <= n && r->log_len + 1 < sizeof r->log; i++)
        r->log[r->log_len++] = i < n ? line[i] : '\n';
    r->log[r->log_len] = '\0';
}

const struct run *run_image(const uint8_t *image, size_t len, const struct run_options *options)
{
    struct run *r = &g_run;
    memset(r, 0, sizeof *r);
    const size_t ram_size = options != NULL && options->ram != 0 ? options->ram : 1u << 20;
    void *ram = malloc(ram_size);
    if (ram == NULL)
        abort();
    const struct clr_config cfg = {
        .image = image,
        .image_size = len,
        .ram = ram,
        .ram_size = ram_size,
        .max_call_depth = options != NULL ? options->max_depth : 0,
        .stack_slots = options != NULL ? options->stack_slots : 0,
        .hal = {.console_write = capture_console, .log_line = capture_log,
                .utc_now_ticks = options != NULL ? options->utc_now_ticks : NULL, .ctx = r},
        .gc_stress = (uint8_t)((options != NULL && options->gc_stress) || getenv("CLR_GC_STRESS") != NULL),
    };
    struct clr_runtime *rt;
    r->load = clr_load(&cfg, &rt);
    if (r->load != CLR_OK)
        r->result = r->load;
    else
        r->result = options != NULL && options->tests ? clr_run_tests(rt, &r->summary) : clr_run(rt);
    if (r->load == CLR_OK)
        r->memory = clr_memory_use(rt);
    free(ram);
    if (strstr(r->log, "heap verification failed") != NULL) { /* a collector fault fails every test */
        fprintf(stderr, "%s", r->log);
        abort();
    }
    return r;
}

static uint8_t g_image[256 * 1024];

const struct run *prog_run_with(struct prog *p, const struct run_options *options)
{
    const size_t n = prog_image(p, g_image, sizeof g_image);
    if (n == 0)
        abort();
    return run_image(g_image, n, options);
}

const struct run *prog_run(struct prog *p)
{
    return prog_run_with(p, NULL);
}
