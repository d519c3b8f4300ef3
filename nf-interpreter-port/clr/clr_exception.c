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
    [CLR_EXC_ARGUMENT] = {"System.ArgumentException", NULL},
    [CLR_EXC_ARGUMENT_NULL] = {"System.ArgumentNullException", NULL},
    [CLR_EXC_ARGUMENT_OUT_OF_RANGE] = {"System.ArgumentOutOfRangeException", NULL},
    [CLR_EXC_SYNCHRONIZATION_LOCK] = {"System.Threading.SynchronizationLockException",
                                      "Object synchronization method was called from an unsynchronized block of code."},
    [CLR_EXC_THREAD_STATE] = {"System.Threading.ThreadStateException",
                              "Thread is running or terminated; it cannot restart."},
    [CLR_EXC_TYPE_INITIALIZATION] = {"System.TypeInitializationException", NULL},
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
    rt->exception_rethrown = false;
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

/*
 * Line k (innermost first) of a trace over `frames` frames from frames[top] down: a deeper stack shows its
 * CLR_TRACE_HEAD innermost and CLR_TRACE_TAIL outermost frames around one "   ... N more frames ..." line.
 */
static void frame_line(struct clr_runtime *rt, uint32_t top, uint32_t frames, uint32_t k, bool offset, struct line *l)
{
    l->len = 0;
    l->text[0] = '\0';
    if (frames > CLR_TRACE_HEAD + CLR_TRACE_TAIL + 1) {
        if (k == CLR_TRACE_HEAD) {
            l->len = clr_format(l->text, sizeof l->text, "   ... %u more frames ...",
                                (unsigned)(frames - CLR_TRACE_HEAD - CLR_TRACE_TAIL));
            return;
        }
        if (k > CLR_TRACE_HEAD)
            k += frames - CLR_TRACE_HEAD - CLR_TRACE_TAIL - 1;
    }
    const struct clr_frame *f = &rt->frames[top - k];
    add_method(l, f->assembly, f->method);
    if (offset && f->op_ip < f->il_size) { /* not an entry frame whose type initialiser failed before it started */
        char text[16];
        clr_format(text, sizeof text, " IL_%04x", (unsigned)clr_frame_il_offset(f));
        add_str(l, text);
    }
}

static uint32_t trace_lines(uint32_t frames)
{
    return frames > CLR_TRACE_HEAD + CLR_TRACE_TAIL + 1 ? CLR_TRACE_HEAD + CLR_TRACE_TAIL + 1 : frames;
}

/* The internal call that threw, as .NET shows it above the managed frames. */
static void native_line(struct clr_runtime *rt, struct line *l)
{
    l->len = 0;
    l->text[0] = '\0';
    add_method(l, &rt->assemblies[CLR_HANDLE_ASSEMBLY(rt->exception_native)], CLR_HANDLE_ROW(rt->exception_native));
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

/* "<prefix>Namespace.Type: message" for a managed exception object (its class and Exception._message). */
static void log_object(struct clr_runtime *rt, const char *prefix, const struct clr_object *o)
{
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
    clr_log(rt, "%s%s: %s", prefix, name, text);
}

void clr_report_unhandled(struct clr_runtime *rt)
{
    if (rt->exception == CLR_EXC_THROWN && rt->exception_object != NULL) {
        const struct clr_object *o = rt->exception_object;
        log_object(rt, "Unhandled exception: ", o);
        /* The inner exceptions (Exception._innerException), as .NET's " ---> " lines: a failed type initialiser's cause. */
        enum { MAX_INNER = 4 };
        for (unsigned depth = 0; depth < MAX_INNER && o->field_count > 1 && o->fields[1].kind == CLR_K_O &&
                                 o->fields[1].v.o != NULL && o->fields[1].v.o->kind == CLR_BLOCK_OBJECT; depth++) {
            o = (const struct clr_object *)o->fields[1].v.o;
            log_object(rt, " ---> ", o);
        }
    } else {
        const struct exception_info *info =
            &exceptions[rt->exception < sizeof exceptions / sizeof exceptions[0] ? rt->exception : 0];
        char text[CLR_LOG_LINE_MAX];
        runtime_message(rt, text, sizeof text);
        clr_log(rt, "Unhandled exception: %s: %s", info->type, text);
    }
    struct line l;
    if (rt->exception_native != CLR_NONE32) {
        native_line(rt, &l);
        if (rt->hal.log_line != NULL)
            rt->hal.log_line(rt->hal.ctx, l.text);
    }
    for (uint32_t k = 0; k < trace_lines(rt->depth); k++) {
        frame_line(rt, rt->depth - 1, rt->depth, k, true, &l);
        if (rt->hal.log_line != NULL)
            rt->hal.log_line(rt->hal.ctx, l.text);
    }
}

/* Exception._stackTrace: the third field of every exception object (after _message and _innerException). */
#define STACK_TRACE_FIELD 2u

/* Writes (chars != NULL) or counts the trace's text: `old` (a rethrown exception's trace), the internal call, the
 * frames from `top` down to `bottom`, one line each, joined by '\n' as .NET's StackTrace is on Linux. */
static int32_t trace_text(struct clr_runtime *rt, const struct clr_string *old, uint32_t top, uint32_t bottom,
                          bool native, uint16_t *chars)
{
    int32_t n = 0;
    if (old != NULL) {
        if (chars != NULL)
            memcpy(chars, old->chars, 2 * (size_t)old->length);
        n = old->length;
    }
    const uint32_t frames = top + 1 > bottom ? top + 1 - bottom : 0;
    const uint32_t lines = trace_lines(frames) + (native ? 1u : 0u);
    for (uint32_t k = 0; k < lines; k++) {
        struct line l;
        if (native && k == 0)
            native_line(rt, &l);
        else
            frame_line(rt, top, frames, k - (native ? 1u : 0u), false, &l);
        if (n > 0) {
            if (chars != NULL)
                chars[n] = '\n';
            n++;
        }
        for (size_t i = 0; i < l.len; i++, n++)
            if (chars != NULL)
                chars[n] = (uint8_t)l.text[i] < 0x80 ? (uint8_t)l.text[i] : '?';
    }
    return n;
}

void clr_exception_clear_trace(struct clr_object *exc)
{
    if (exc->field_count > STACK_TRACE_FIELD)
        exc->fields[STACK_TRACE_FIELD] = (struct clr_slot){.kind = CLR_K_O, .elem = CLR_ELEM_STRING, .v.o = NULL};
}

void clr_exception_record_trace(struct clr_runtime *rt, struct clr_object *exc, uint32_t catch_frame)
{
    if (exc->field_count <= STACK_TRACE_FIELD || rt->depth == 0)
        return;
    struct clr_slot *field = &exc->fields[STACK_TRACE_FIELD];
    const struct clr_block *held = field->kind == CLR_K_O ? field->v.o : NULL;
    const struct clr_string *old = held != NULL && held->kind == CLR_BLOCK_STRING ? (const struct clr_string *)held : NULL;
    if (old != NULL && !rt->exception_rethrown)
        return; /* recorded already: a throw clears it, only a rethrow adds to it */
    /* A rethrow happens in the top frame, whose line the trace already has. */
    const uint32_t top = rt->depth - 1 - (old != NULL ? 1u : 0u);
    const bool native = old == NULL && rt->exception_native != CLR_NONE32;
    if (old != NULL && top + 1 <= catch_frame)
        return;
    const int32_t length = trace_text(rt, old, top, catch_frame, native, NULL);
    struct clr_string *text = clr_string_new(rt, length); /* `old` stays reachable through the exception */
    if (text == NULL)
        return;
    trace_text(rt, old, top, catch_frame, native, text->chars);
    *field = (struct clr_slot){.kind = CLR_K_O, .elem = CLR_ELEM_STRING, .v.o = &text->block};
}
