/*
 * Unit tests of the app (the Test table of DEPLOYMENT_FORMAT.md), run in table order. Per row: the class's
 * instance (made once per class with its parameterless constructor, when an instance method needs it),
 * Setup, the test with its DataRow arguments, Cleanup; then one console line. The same lines, in the same
 * order, are what the .NET build of nanoFramework.TestFramework prints for the same assembly.
 */
#include "clr_internal.h"

#define SKIP_EXCEPTION "nanoFramework.TestFramework.SkipTestException"
#define TEXT_MAX 128u /* names and messages the runner formats (C stack) */

/* ---- DataRow argument lists (blob kind 4) ---- */

struct data_arg {
    uint8_t elem; /* a primitive element type, STRING, or OBJECT for null */
    union {
        int64_t i;
        uint64_t u;
        float r4;
        double r8;
        uint32_t string; /* string offset */
    } v;
};

static uint8_t value_size(uint8_t elem)
{
    switch (elem) {
    case CLR_ELEM_BOOLEAN: case CLR_ELEM_I1: case CLR_ELEM_U1:
        return 1;
    case CLR_ELEM_CHAR: case CLR_ELEM_I2: case CLR_ELEM_U2:
        return 2;
    case CLR_ELEM_I4: case CLR_ELEM_U4: case CLR_ELEM_R4: case CLR_ELEM_STRING:
        return 4;
    case CLR_ELEM_I8: case CLR_ELEM_U8: case CLR_ELEM_R8:
        return 8;
    case CLR_ELEM_OBJECT:
        return 0;
    default:
        return 0xFF; /* not a DataRow constant */
    }
}

/* The argument at *pos of the blob (advancing it); false when it is not well-formed. */
static bool next_arg(const struct clr_assembly *a, uint32_t *pos, struct data_arg *out)
{
    const uint8_t *blob = a->base + a->tables[CLR_TBL_BLOB].offset;
    const uint32_t size = a->tables[CLR_TBL_BLOB].count;
    if (*pos >= size)
        return false;
    const uint8_t elem = blob[*pos];
    const uint8_t n = value_size(elem);
    if (n == 0xFF || size - *pos - 1 < n)
        return false;
    const uint8_t *p = blob + *pos + 1;
    *pos += 1u + n;
    out->elem = elem;
    const uint64_t bits = n == 8 ? clr_rd64(p) : n == 4 ? clr_rd32(p) : n == 2 ? clr_rd16(p) : n == 1 ? p[0] : 0;
    switch (elem) {
    case CLR_ELEM_I1: out->v.i = (int8_t)bits; break;
    case CLR_ELEM_I2: out->v.i = (int16_t)bits; break;
    case CLR_ELEM_I4: out->v.i = (int32_t)bits; break;
    case CLR_ELEM_R4: { uint32_t b = (uint32_t)bits; memcpy(&out->v.r4, &b, 4); break; }
    case CLR_ELEM_R8: memcpy(&out->v.r8, &bits, 8); break;
    case CLR_ELEM_STRING: out->v.string = (uint32_t)bits; return clr_string_offset_ok(a, out->v.string);
    default: out->v.u = bits; break;
    }
    return true;
}

/* The argument count of the list at `offset`, with *pos at its first argument; -1 when not a list. */
static int arg_list(const struct clr_assembly *a, uint32_t offset, uint32_t *pos)
{
    const uint8_t *blob = a->base + a->tables[CLR_TBL_BLOB].offset;
    if (offset >= a->tables[CLR_TBL_BLOB].count || a->tables[CLR_TBL_BLOB].count - offset < 2 ||
        blob[offset] != CLR_SIG_DATA_ROW)
        return -1;
    *pos = offset + 2;
    return blob[offset + 1];
}

/* ---- load check ---- */

/* A Setup/Cleanup entry: none, or a method of the class taking nothing but its `this`. */
static bool hook_ok(const struct clr_assembly *a, uint16_t type, uint16_t method)
{
    if (method == CLR_NONE16)
        return true;
    if (method >= a->tables[CLR_TBL_METHOD_DEF].count)
        return false;
    struct clr_method_def md;
    clr_read_method_def(a, method, &md);
    return md.owner == type && md.arg_count == ((md.flags & CLR_METHOD_ATTR_STATIC) != 0 ? 0 : 1);
}

bool clr_check_tests(struct clr_runtime *rt, struct clr_assembly *a)
{
    for (uint32_t i = 0; i < a->tables[CLR_TBL_TEST].count; i++) {
        const uint8_t *row = clr_row(a, CLR_TBL_TEST, i);
        const uint16_t type = clr_rd16(row + CLR_TEST_CLASS), method = clr_rd16(row + CLR_TEST_METHOD);
        const uint32_t args = clr_rd32(row + CLR_TEST_ARGS);
        const char *what = NULL;
        struct clr_method_def md;
        if (type >= a->tables[CLR_TBL_TYPE_DEF].count)
            what = "its class is not a TypeDef";
        else if (method >= a->tables[CLR_TBL_METHOD_DEF].count || (clr_read_method_def(a, method, &md), md.owner != type))
            what = "its method is not a MethodDef of its class";
        else if (!hook_ok(a, type, clr_rd16(row + CLR_TEST_SETUP)) || !hook_ok(a, type, clr_rd16(row + CLR_TEST_CLEANUP)))
            what = "its Setup or Cleanup is not a parameterless method of its class";
        else if (args != CLR_NONE32) {
            uint32_t pos;
            const int n = arg_list(a, args, &pos);
            struct data_arg arg;
            for (int k = 0; k < n && what == NULL; k++)
                if (!next_arg(a, &pos, &arg))
                    what = "an argument of its DataRow list is malformed";
            if (n < 0)
                what = "its DataRow list is not a kind 4 blob";
        }
        if (what != NULL) {
            clr_log(rt, "assembly %s: test %u: %s: the deployment image is corrupt; deploy it again", a->name,
                    (unsigned)i, what);
            return false;
        }
    }
    return true;
}

/* ---- console output ---- */

static void out_n(struct clr_runtime *rt, const char *text, size_t n)
{
    if (n > 0 && rt->hal.console_write != NULL)
        rt->hal.console_write(rt->hal.ctx, text, n);
}

static void out(struct clr_runtime *rt, const char *text)
{
    out_n(rt, text, strlen(text));
}

static void out_u32(struct clr_runtime *rt, uint32_t v)
{
    char buf[CLR_NUMBER_TEXT_MAX];
    out_n(rt, buf, clr_format_uint64(v, buf));
}

/* A DataRow argument as the .NET runner prints it: True, 'c', "text", null, numbers as ToString(). */
static void out_arg(struct clr_runtime *rt, const struct clr_assembly *a, const struct data_arg *arg)
{
    char buf[CLR_NUMBER_TEXT_MAX];
    switch (arg->elem) {
    case CLR_ELEM_BOOLEAN:
        out(rt, arg->v.u != 0 ? "True" : "False");
        return;
    case CLR_ELEM_CHAR: {
        const uint32_t c = (uint32_t)arg->v.u >= 0xD800 && (uint32_t)arg->v.u < 0xE000 ? 0xFFFD : (uint32_t)arg->v.u;
        size_t n = 0;
        buf[n++] = '\'';
        if (c < 0x80) {
            buf[n++] = (char)c;
        } else if (c < 0x800) {
            buf[n++] = (char)(0xC0 | c >> 6);
            buf[n++] = (char)(0x80 | (c & 0x3F));
        } else {
            buf[n++] = (char)(0xE0 | c >> 12);
            buf[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
            buf[n++] = (char)(0x80 | (c & 0x3F));
        }
        buf[n++] = '\'';
        out_n(rt, buf, n);
        return;
    }
    case CLR_ELEM_I1: case CLR_ELEM_I2: case CLR_ELEM_I4: case CLR_ELEM_I8:
        out_n(rt, buf, clr_format_int64(arg->v.i, buf));
        return;
    case CLR_ELEM_R4:
        out_n(rt, buf, clr_format_single(arg->v.r4, buf));
        return;
    case CLR_ELEM_R8:
        out_n(rt, buf, clr_format_double(arg->v.r8, buf));
        return;
    case CLR_ELEM_STRING:
        out(rt, "\"");
        out_n(rt, clr_string_at(a, arg->v.string), clr_string_length(a, arg->v.string));
        out(rt, "\"");
        return;
    case CLR_ELEM_OBJECT:
        out(rt, "null");
        return;
    default:
        out_n(rt, buf, clr_format_uint64(arg->v.u, buf));
        return;
    }
}

/* "Namespace.Class.Method(1, \"a\")": nested classes joined with '+', as Type.FullName. */
static void out_test_name(struct clr_runtime *rt, const struct clr_assembly *a, const uint8_t *row)
{
    char name[TEXT_MAX];
    out_n(rt, name, clr_type_full_name(a, clr_rd16(row + CLR_TEST_CLASS), '+', name, sizeof name));
    struct clr_method_def md;
    clr_read_method_def(a, clr_rd16(row + CLR_TEST_METHOD), &md);
    out(rt, ".");
    out_n(rt, clr_string_at(a, md.name), clr_string_length(a, md.name));
    const uint32_t args = clr_rd32(row + CLR_TEST_ARGS);
    if (args == CLR_NONE32)
        return;
    uint32_t pos;
    const int n = arg_list(a, args, &pos);
    out(rt, "(");
    for (int k = 0; k < n; k++) {
        struct data_arg arg;
        next_arg(a, &pos, &arg);
        if (k > 0)
            out(rt, ", ");
        out_arg(rt, a, &arg);
    }
    out(rt, ")");
}

/* ---- outcomes ---- */

enum verdict { PASS, FAIL, SKIP };

/* How a step ended: nothing, a managed exception object, or an exception of the runtime or a failure the
 * runner found (its class name and message; the message is a heap string, NULL when the heap is full). */
struct outcome {
    enum verdict verdict;
    struct clr_object *object;
    const char *type;
    struct clr_string *text;
};

static bool is_class(const struct clr_runtime *rt, const struct clr_object *o, const char *full_name)
{
    char name[TEXT_MAX];
    clr_type_full_name(&rt->assemblies[CLR_HANDLE_ASSEMBLY(o->type)], CLR_HANDLE_ROW(o->type), '+', name, sizeof name);
    return strcmp(name, full_name) == 0;
}

/* Keeps what the exception escaping clr_call_top left; a SkipTestException skips rather than fails. */
static void caught(struct clr_runtime *rt, struct outcome *o)
{
    if (rt->exception == CLR_EXC_THROWN) {
        *o = (struct outcome){.verdict = is_class(rt, rt->exception_object, SKIP_EXCEPTION) ? SKIP : FAIL,
                              .object = rt->exception_object};
        return;
    }
    *o = (struct outcome){.verdict = FAIL, .type = clr_exception_type_name((enum clr_exception)rt->exception),
                          .text = clr_exception_message(rt)};
}

static void runner_failure(struct clr_runtime *rt, struct outcome *o, const char *type, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void runner_failure(struct clr_runtime *rt, struct outcome *o, const char *type, const char *fmt, ...)
{
    char message[TEXT_MAX];
    va_list args;
    va_start(args, fmt);
    const size_t n = clr_vformat(message, sizeof message, fmt, args);
    va_end(args);
    *o = (struct outcome){.verdict = FAIL, .type = type, .text = clr_string_from_utf8(rt, (const uint8_t *)message, n)};
}

/* ": <exception type>: <message>" as Exception.Message gives it (the object's _message field). */
static void out_outcome(struct clr_runtime *rt, const struct outcome *o)
{
    out(rt, ": ");
    if (o->object == NULL) {
        out(rt, o->type);
        out(rt, ": ");
        if (o->text != NULL)
            clr_string_write_console(rt, o->text);
        else
            out(rt, "(no message: the heap is full)");
        return;
    }
    char name[TEXT_MAX];
    clr_type_full_name(&rt->assemblies[CLR_HANDLE_ASSEMBLY(o->object->type)], CLR_HANDLE_ROW(o->object->type), '+',
                       name, sizeof name);
    out(rt, name);
    out(rt, ": ");
    const struct clr_block *m = o->object->field_count > 0 && o->object->fields[0].kind == CLR_K_O
                                    ? o->object->fields[0].v.o
                                    : NULL;
    if (m != NULL && m->kind == CLR_BLOCK_STRING) {
        clr_string_write_console(rt, (const struct clr_string *)m);
    } else {
        out(rt, "Exception of type '");
        out(rt, name);
        out(rt, "' was thrown.");
    }
}

/* ---- running ---- */

struct runner {
    uint16_t type; /* the class whose instance is kept, CLR_NONE16: none yet */
    struct clr_object *instance;
    bool deadlock; /* every thread blocked: nothing more can run */
};

/* clr_call_top; false with *o failed when the call did not return. */
static bool call(struct clr_runtime *rt, struct runner *r, clr_handle method, const struct clr_slot *args,
                 struct outcome *o)
{
    const enum clr_exception exc = clr_call_top(rt, method, args);
    if (exc == CLR_EXC_YIELD) {
        r->deadlock = true;
        runner_failure(rt, o, "Deadlock", "every thread waits for something nothing can give; no further test runs");
    } else if (exc != CLR_EXC_NONE) {
        caught(rt, o);
    }
    return exc == CLR_EXC_NONE;
}

static bool is_static(const struct clr_assembly *a, uint16_t method)
{
    struct clr_method_def md;
    clr_read_method_def(a, method, &md);
    return (md.flags & CLR_METHOD_ATTR_STATIC) != 0;
}

/* The class's instance, made with its parameterless constructor; NULL with *o failed. */
static struct clr_object *instance_of(struct clr_runtime *rt, struct clr_assembly *a, uint16_t type,
                                      struct runner *r, struct outcome *o)
{
    if (r->type == type)
        return r->instance;
    struct clr_type_def td;
    clr_read_type_def(a, type, &td);
    uint32_t ctor = CLR_NONE32;
    for (uint32_t m = td.first_method; m < (uint32_t)td.first_method + td.method_count; m++) {
        struct clr_method_def md;
        clr_read_method_def(a, m, &md);
        if ((md.flags & CLR_METHOD_ATTR_STATIC) == 0 && md.arg_count == 1 && clr_string_equals(a, md.name, ".ctor"))
            ctor = m;
    }
    if (ctor == CLR_NONE32 || (td.flags & CLR_TYPE_ATTR_ABSTRACT) != 0) {
        char name[TEXT_MAX / 2];
        clr_type_full_name(a, type, '+', name, sizeof name);
        runner_failure(rt, o, "System.MissingMethodException", "No parameterless constructor defined for type '%s'.",
                       name);
        return NULL;
    }
    struct clr_slot self = {.kind = CLR_K_O, .elem = CLR_ELEM_OBJECT};
    struct clr_object *instance = clr_object_new(rt, CLR_HANDLE(a->index, type));
    if (instance == NULL) {
        clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
        caught(rt, o);
        return NULL;
    }
    self.v.o = &instance->block;
    if (!call(rt, r, CLR_HANDLE(a->index, ctor), &self, o))
        return NULL; /* tried again for the class's next test, as the .NET runner does */
    r->type = type;
    r->instance = instance;
    return instance;
}

static const char *const primitive_names[] = {
    [CLR_ELEM_BOOLEAN] = "Boolean", [CLR_ELEM_CHAR] = "Char",   [CLR_ELEM_I1] = "SByte",  [CLR_ELEM_U1] = "Byte",
    [CLR_ELEM_I2] = "Int16",        [CLR_ELEM_U2] = "UInt16",   [CLR_ELEM_I4] = "Int32",  [CLR_ELEM_U4] = "UInt32",
    [CLR_ELEM_I8] = "Int64",        [CLR_ELEM_U8] = "UInt64",   [CLR_ELEM_R4] = "Single", [CLR_ELEM_R8] = "Double",
    [CLR_ELEM_STRING] = "String",
};

enum fit { FITS, MISMATCH, NO_MEMORY };

/* A boxed primitive for an object parameter: an object of corlib's System.<type> holding the value. */
static enum fit box(struct clr_runtime *rt, uint8_t elem, const struct clr_slot *value, struct clr_slot *slot)
{
    const clr_handle type = rt->elem_types[elem];
    if (type == CLR_NONE32)
        return MISMATCH; /* a corlib without that type */
    struct clr_object *o = (struct clr_object *)clr_heap_alloc(&rt->heap, CLR_BLOCK_OBJECT,
                                                               sizeof *o - sizeof o->block + sizeof o->fields[0]);
    if (o == NULL)
        return NO_MEMORY;
    o->type = type;
    o->field_count = 1;
    clr_store_convert(elem, &o->fields[0], value);
    *slot = (struct clr_slot){.kind = CLR_K_O, .elem = CLR_ELEM_OBJECT, .v.o = &o->block};
    return FITS;
}

/*
 * The DataRow argument as the parameter of type *p (a signature type, advanced) receives it: the same
 * primitive type, a string or null for a reference type, any value for object (boxed), and null for a
 * value type gives its zero.
 */
static enum fit argument(struct clr_runtime *rt, const struct clr_assembly *a, const uint8_t **p,
                         const struct data_arg *arg, struct clr_slot *slot)
{
    const uint8_t declared = **p;
    const uint8_t elem = clr_sig_read_type(rt, a, p);
    struct clr_slot v = {.kind = CLR_K_I4};
    switch (arg->elem) {
    case CLR_ELEM_I8: case CLR_ELEM_U8: v = (struct clr_slot){.kind = CLR_K_I8, .v.i8 = arg->v.i}; break;
    case CLR_ELEM_R4: v = (struct clr_slot){.kind = CLR_K_R4, .v.r4 = arg->v.r4}; break;
    case CLR_ELEM_R8: v = (struct clr_slot){.kind = CLR_K_R8, .v.r8 = arg->v.r8}; break;
    default: v.v.i4 = (int32_t)arg->v.i; break;
    }
    if (arg->elem == CLR_ELEM_OBJECT) { /* null */
        if (elem == 0 || elem == CLR_ELEM_BYREF)
            return MISMATCH;
        clr_slot_zero(slot, elem);
        return FITS;
    }
    if (arg->elem == CLR_ELEM_STRING && (declared == CLR_ELEM_STRING || declared == CLR_ELEM_OBJECT)) {
        struct clr_string *s = clr_string_from_utf8(rt, (const uint8_t *)clr_string_at(a, arg->v.string),
                                                    clr_string_length(a, arg->v.string));
        if (s == NULL)
            return NO_MEMORY;
        *slot = (struct clr_slot){.kind = CLR_K_O, .elem = CLR_ELEM_OBJECT, .v.o = &s->block};
        return FITS;
    }
    if (declared == CLR_ELEM_OBJECT && arg->elem != CLR_ELEM_STRING)
        return box(rt, arg->elem, &v, slot);
    return declared == arg->elem && clr_store_convert(elem, slot, &v) ? FITS : MISMATCH;
}

/* The test's arguments into rt->slots ('this' first); false with *o failed. */
static bool arguments(struct clr_runtime *rt, const struct clr_assembly *a, const uint8_t *row,
                      const struct clr_method_def *md, struct clr_object *instance, struct outcome *o)
{
    const uint32_t list = clr_rd32(row + CLR_TEST_ARGS);
    uint32_t pos = 0;
    const int n = list != CLR_NONE32 ? arg_list(a, list, &pos) : 0;
    const unsigned self = instance != NULL ? 1u : 0u;
    const uint8_t *p = clr_blob_at(a, md->signature) + 2;
    const unsigned params = *p++;
    clr_sig_read_type(rt, a, &p); /* the return type */
    if ((unsigned)n != params) {
        runner_failure(rt, o, "System.Reflection.TargetParameterCountException", "Parameter count mismatch.");
        return false;
    }
    if ((size_t)(rt->slots_end - rt->slots) < self + params) {
        clr_throw(rt, CLR_EXC_STACK_OVERFLOW, NULL);
        caught(rt, o);
        return false;
    }
    if (instance != NULL)
        rt->slots[0] = (struct clr_slot){.kind = CLR_K_O, .elem = CLR_ELEM_OBJECT, .v.o = &instance->block};
    for (unsigned k = 0; k < params; k++) {
        struct data_arg arg;
        next_arg(a, &pos, &arg);
        const enum fit fit = argument(rt, a, &p, &arg, &rt->slots[self + k]);
        if (fit == FITS)
            continue;
        if (fit == NO_MEMORY) {
            clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
            caught(rt, o);
            return false;
        }
        runner_failure(rt, o, "System.ArgumentException", "DataRow argument %u (%s%s) does not fit the parameter's type.",
                       k + 1, arg.elem == CLR_ELEM_OBJECT ? "null" : "System.",
                       arg.elem == CLR_ELEM_OBJECT ? "" : primitive_names[arg.elem]);
        return false;
    }
    return true;
}

/* Setup or Cleanup (CLR_NONE16: none): true when it returned. */
static bool hook(struct clr_runtime *rt, struct runner *r, struct clr_assembly *a, uint16_t method,
                 struct clr_object *instance, struct outcome *o)
{
    if (method == CLR_NONE16)
        return true;
    const struct clr_slot self = {.kind = CLR_K_O, .elem = CLR_ELEM_OBJECT,
                                  .v.o = instance != NULL ? &instance->block : NULL}; /* NULL: static */
    return call(rt, r, CLR_HANDLE(a->index, method), is_static(a, method) ? NULL : &self, o);
}

/* Setup, the test, Cleanup. The first failure counts; Cleanup runs when Setup returned. */
static void run_test(struct clr_runtime *rt, struct clr_assembly *a, const uint8_t *row, struct runner *r,
                     struct outcome *o)
{
    const uint16_t type = clr_rd16(row + CLR_TEST_CLASS), method = clr_rd16(row + CLR_TEST_METHOD);
    const uint16_t setup = clr_rd16(row + CLR_TEST_SETUP), cleanup = clr_rd16(row + CLR_TEST_CLEANUP);
    *o = (struct outcome){.verdict = PASS};
    struct clr_object *instance = NULL;
    const bool needs_instance = !is_static(a, method) || (setup != CLR_NONE16 && !is_static(a, setup)) ||
                                (cleanup != CLR_NONE16 && !is_static(a, cleanup));
    if (needs_instance && (instance = instance_of(rt, a, type, r, o)) == NULL)
        return;
    if (!hook(rt, r, a, setup, instance, o))
        return;
    struct clr_method_def md;
    clr_read_method_def(a, method, &md);
    if (arguments(rt, a, row, &md, is_static(a, method) ? NULL : instance, o))
        call(rt, r, CLR_HANDLE(a->index, method), rt->slots, o);
    if (r->deadlock)
        return;
    struct outcome after = {.verdict = PASS};
    if (!hook(rt, r, a, cleanup, instance, &after) && (o->verdict == PASS || r->deadlock))
        *o = after;
    else if (after.verdict == FAIL && o->verdict == SKIP)
        *o = after;
}

enum clr_result clr_run_tests(struct clr_runtime *rt, struct clr_test_summary *summary)
{
    if (rt == NULL || rt->state != CLR_STATE_LOADED)
        return CLR_NOT_LOADED;
    rt->state = CLR_STATE_RAN;
    struct clr_assembly *a = &rt->assemblies[rt->app];
    struct clr_test_summary s = {0, 0, 0};
    struct runner r = {.type = CLR_NONE16, .instance = NULL, .deadlock = false};
    static const char *const labels[] = {[PASS] = "PASS ", [FAIL] = "FAIL ", [SKIP] = "SKIP "};
    for (uint32_t i = 0; i < a->tables[CLR_TBL_TEST].count && !r.deadlock; i++) {
        const uint8_t *row = clr_row(a, CLR_TBL_TEST, i);
        struct outcome o;
        run_test(rt, a, row, &r, &o);
        out(rt, labels[o.verdict]);
        out_test_name(rt, a, row);
        if (o.verdict != PASS)
            out_outcome(rt, &o);
        out(rt, "\n");
        s.passed += o.verdict == PASS;
        s.failed += o.verdict == FAIL;
        s.skipped += o.verdict == SKIP;
    }
    out_u32(rt, s.passed);
    out(rt, " passed, ");
    out_u32(rt, s.failed);
    out(rt, " failed");
    if (s.skipped > 0) {
        out(rt, ", ");
        out_u32(rt, s.skipped);
        out(rt, " skipped");
    }
    out(rt, "\n");
    if (summary != NULL)
        *summary = s;
    return r.deadlock ? CLR_DEADLOCK : s.failed == 0 ? CLR_OK : CLR_TESTS_FAILED;
}
