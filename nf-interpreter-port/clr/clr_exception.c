/*
 * Exceptions the runtime throws, and the report of an unhandled one. Slice 1 has no handlers: every
 * exception ends the program with "Unhandled exception: <type>: <message>" (.NET's default texts) and
 * the managed stack trace, innermost frame first, each with the IL offset of its current instruction.
 */
#include "clr_internal.h"

struct exception_info {
    const char *type;
    const char *message; /* NULL: the detail is the whole message */
};

static const struct exception_info exceptions[] = {
    [CLR_EXC_NONE] = {"System.Exception", "Exception of type 'System.Exception' was thrown."},
    [CLR_EXC_DIVIDE_BY_ZERO] = {"System.DivideByZeroException", "Attempted to divide by zero."},
    [CLR_EXC_OVERFLOW] = {"System.OverflowException", "Arithmetic operation resulted in an overflow."},
    [CLR_EXC_NULL_REFERENCE] = {"System.NullReferenceException", "Object reference not set to an instance of an object."},
    [CLR_EXC_INDEX_OUT_OF_RANGE] = {"System.IndexOutOfRangeException", "Index was outside the bounds of the array."},
    [CLR_EXC_OUT_OF_MEMORY] = {"System.OutOfMemoryException", "Insufficient memory to continue the execution of the program."},
    [CLR_EXC_STACK_OVERFLOW] = {"System.StackOverflowException", "Operation caused a stack overflow."},
    [CLR_EXC_INVALID_PROGRAM] = {"System.InvalidProgramException", "Common Language Runtime detected an invalid program."},
    [CLR_EXC_NOT_SUPPORTED] = {"System.NotSupportedException", NULL},
    [CLR_EXC_INVALID_CAST] = {"System.InvalidCastException", NULL},
    [CLR_EXC_ARRAY_TYPE_MISMATCH] = {"System.ArrayTypeMismatchException",
                                     "Attempted to access an element as a type incompatible with the array."},
    [CLR_EXC_ARGUMENT_NULL] = {"System.ArgumentNullException", NULL},
    [CLR_EXC_ARGUMENT_OUT_OF_RANGE] = {"System.ArgumentOutOfRangeException", NULL},
    [CLR_EXC_SYNCHRONIZATION_LOCK] = {"System.Threading.SynchronizationLockException",
                                      "Object synchronization method was called from an unsynchronized block of code."},
    [CLR_EXC_THREAD_STATE] = {"System.Threading.ThreadStateException",
                              "Thread is running or terminated; it cannot restart."},
};

const char *clr_exception_type_name(enum clr_exception exc)
{
    return exc < CLR_EXC_COUNT && exceptions[exc].type != NULL ? exceptions[exc].type : "System.Exception";
}

bool clr_exception_catchable(enum clr_exception exc)
{
    /* A damaged program or an exhausted stack is never caught: the program (or thread) stops. */
    return exc < CLR_EXC_THROWN && exc != CLR_EXC_STACK_OVERFLOW && exc != CLR_EXC_INVALID_PROGRAM &&
           exc != CLR_EXC_NOT_SUPPORTED;
}

enum clr_exception clr_throw(struct clr_runtime *rt, enum clr_exception exc, const char *detail_fmt, ...)
{
    rt->exception = (uint8_t)exc;
    rt->exception_native = CLR_NONE32;
    rt->exception_detail[0] = '\0';
    if (detail_fmt != NULL) {
        va_list args;
        va_start(args, detail_fmt);
        clr_vformat(rt->exception_detail, sizeof rt->exception_detail, detail_fmt, args);
        va_end(args);
    }
    return exc;
}

struct line {
    char text[CLR_LOG_LINE_MAX];
    size_t len;
};

/* l NULL: only skips (add_type reading past a type). */
static void add(struct line *l, const char *text, size_t n)
{
    if (l == NULL)
        return;
    while (n-- > 0 && l->len + 1 < sizeof l->text)
        l->text[l->len++] = *text++;
    l->text[l->len] = '\0';
}

static void add_str(struct line *l, const char *text)
{
    add(l, text, strlen(text));
}

/* A parameter type as .NET's stack traces show it: "Int32", "String", "Int32[]", "Int32&". */
static void add_type(struct line *l, const struct clr_assembly *a, const uint8_t **p)
{
    static const char *const primitive[] = {
        [CLR_ELEM_VOID] = "Void",   [CLR_ELEM_BOOLEAN] = "Boolean", [CLR_ELEM_CHAR] = "Char",
        [CLR_ELEM_I1] = "SByte",    [CLR_ELEM_U1] = "Byte",         [CLR_ELEM_I2] = "Int16",
        [CLR_ELEM_U2] = "UInt16",   [CLR_ELEM_I4] = "Int32",        [CLR_ELEM_U4] = "UInt32",
        [CLR_ELEM_I8] = "Int64",    [CLR_ELEM_U8] = "UInt64",       [CLR_ELEM_R4] = "Single",
        [CLR_ELEM_R8] = "Double",   [CLR_ELEM_STRING] = "String",   [CLR_ELEM_I] = "IntPtr",
        [CLR_ELEM_U] = "UIntPtr",   [CLR_ELEM_OBJECT] = "Object",
    };
    uint8_t suffixes[16];
    unsigned n = 0;
    uint8_t e;
    while ((e = *(*p)++) == CLR_ELEM_SZARRAY || e == CLR_ELEM_BYREF)
        if (n < sizeof suffixes)
            suffixes[n++] = e;
    if (e == CLR_ELEM_CLASS || e == CLR_ELEM_VALUETYPE) {
        const uint32_t token = clr_rd32(*p);
        *p += 4;
        if (CLR_TOKEN_TABLE(token) == CLR_TOK_TYPE_REF) {
            const uint32_t name = clr_rd32(clr_row(a, CLR_TBL_TYPE_REF, CLR_TOKEN_INDEX(token)) + CLR_TYPEREF_NAME);
            add(l, clr_string_at(a, name), clr_string_length(a, name));
        } else {
            struct clr_type_def td;
            clr_read_type_def(a, CLR_TOKEN_INDEX(token), &td);
            add(l, clr_string_at(a, td.name), clr_string_length(a, td.name));
        }
    } else {
        add_str(l, e < sizeof primitive / sizeof primitive[0] && primitive[e] != NULL ? primitive[e] : "?");
    }
    while (n > 0)
        add_str(l, suffixes[--n] == CLR_ELEM_SZARRAY ? "[]" : "&");
}

/* "   at Namespace.Type.Method(Int32, String)" */
static void add_method(struct line *l, const struct clr_assembly *a, uint32_t method)
{
    struct clr_method_def md;
    clr_read_method_def(a, method, &md);
    char type[CLR_LOG_LINE_MAX / 2];
    clr_type_full_name(a, md.owner, '.', type, sizeof type);
    add_str(l, "   at ");
    add_str(l, type);
    add_str(l, ".");
    add(l, clr_string_at(a, md.name), clr_string_length(a, md.name));
    add_str(l, "(");
    const uint8_t *p = clr_blob_at(a, md.signature) + 2;
    const unsigned params = *p++;
    const uint8_t *ret = p;
    add_type(NULL, a, &ret); /* skip the return type */
    p = ret;
    for (unsigned i = 0; i < params; i++) {
        if (i > 0)
            add_str(l, ", ");
        add_type(l, a, &p);
    }
    add_str(l, ")");
}

static void log_frame(struct clr_runtime *rt, const struct clr_frame *f)
{
    struct line l = {.len = 0};
    add_method(&l, f->assembly, f->method);
    char offset[16];
    clr_format(offset, sizeof offset, " IL_%04x", (unsigned)clr_frame_il_offset(f));
    add_str(&l, offset);
    if (rt->hal.log_line != NULL)
        rt->hal.log_line(rt->hal.ctx, l.text);
}

static size_t runtime_message(const struct clr_runtime *rt, char *buf, size_t cap)
{
    const struct exception_info *info =
        &exceptions[rt->exception < sizeof exceptions / sizeof exceptions[0] ? rt->exception : 0];
    const bool detail = rt->exception_detail[0] != '\0';
    return clr_format(buf, cap, "%s%s%s", info->message != NULL ? info->message : "",
                      info->message != NULL && detail ? " " : "",
                      detail || info->message == NULL ? rt->exception_detail : "");
}

struct clr_string *clr_exception_message(struct clr_runtime *rt)
{
    char text[CLR_LOG_LINE_MAX];
    const size_t n = runtime_message(rt, text, sizeof text);
    return clr_string_from_utf8(rt, (const uint8_t *)text, n);
}

struct clr_object *clr_exception_new(struct clr_runtime *rt, clr_handle type)
{
    struct clr_object *o = clr_object_new(rt, type);
    if (o == NULL || !clr_gc_push_root(rt, o))
        return NULL;
    struct clr_string *msg = clr_exception_message(rt);
    clr_gc_pop_root(rt);
    if (msg == NULL)
        return NULL;
    if (o->field_count > 0)
        o->fields[0] = (struct clr_slot){.kind = CLR_K_O, .elem = CLR_ELEM_STRING, .v.o = &msg->block};
    return o;
}

void clr_prepare_out_of_memory(struct clr_runtime *rt)
{
    const clr_handle type = rt->exception_types[CLR_EXC_OUT_OF_MEMORY];
    if (type == CLR_NONE32)
        return;
    rt->exception = CLR_EXC_OUT_OF_MEMORY;
    rt->out_of_memory = clr_exception_new(rt, type);
    rt->exception = CLR_EXC_NONE;
}

void clr_report_unhandled(struct clr_runtime *rt)
{
    if (rt->exception == CLR_EXC_THROWN && rt->exception_object != NULL) {
        /* A managed exception object: its class's full name and its message field (Exception._message). */
        const struct clr_object *o = rt->exception_object;
        const clr_handle type = o->type;
        char name[CLR_LOG_LINE_MAX / 2];
        clr_type_full_name(&rt->assemblies[CLR_HANDLE_ASSEMBLY(type)], CLR_HANDLE_ROW(type), '+', name, sizeof name);
        char text[CLR_LOG_LINE_MAX / 2];
        const struct clr_block *m = o->field_count > 0 && o->fields[0].kind == CLR_K_O ? o->fields[0].v.o : NULL;
        if (m != NULL && m->kind == CLR_BLOCK_STRING) {
            const struct clr_string *str = (const struct clr_string *)m;
            size_t n = 0;
            for (int32_t i = 0; i < str->length && n + 1 < sizeof text; i++)
                text[n++] = str->chars[i] < 0x80 ? (char)str->chars[i] : '?';
            text[n] = '\0';
        } else {
            clr_format(text, sizeof text, "Exception of type '%s' was thrown.", name);
        }
        clr_log(rt, "Unhandled exception: %s: %s", name, text);
    } else {
        const struct exception_info *info =
            &exceptions[rt->exception < sizeof exceptions / sizeof exceptions[0] ? rt->exception : 0];
        char text[CLR_LOG_LINE_MAX];
        runtime_message(rt, text, sizeof text);
        clr_log(rt, "Unhandled exception: %s: %s", info->type, text);
    }
    if (rt->exception_native != CLR_NONE32) {
        /* Thrown inside an internal call: .NET shows the native method as the innermost frame. */
        struct line l = {.len = 0};
        add_method(&l, &rt->assemblies[CLR_HANDLE_ASSEMBLY(rt->exception_native)], CLR_HANDLE_ROW(rt->exception_native));
        if (rt->hal.log_line != NULL)
            rt->hal.log_line(rt->hal.ctx, l.text);
    }
    const uint32_t depth = rt->depth;
    for (uint32_t i = depth; i-- > 0;) {
        const uint32_t from_top = depth - 1 - i;
        if (depth > CLR_TRACE_HEAD + CLR_TRACE_TAIL + 1 && from_top == CLR_TRACE_HEAD) {
            clr_log(rt, "   ... %u more frames ...", (unsigned)(depth - CLR_TRACE_HEAD - CLR_TRACE_TAIL));
            i = CLR_TRACE_TAIL;
            continue;
        }
        log_frame(rt, &rt->frames[i]);
    }
}
