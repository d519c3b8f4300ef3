/*
 * Shared by the runtime's files, not by its users: the runtime state, loaded assemblies, evaluation
 * stack slots, frames, and the helpers each file offers the others.
 */
#ifndef CLR_INTERNAL_H
#define CLR_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "clr.h"
#include "clr_format.h"
#include "clr_heap.h"

#define CLR_MAX_ASSEMBLIES 16u
#define CLR_LOG_LINE_MAX 400u   /* one log line, longer names are cut */
#define CLR_DETAIL_MAX 160u     /* text added to a runtime exception's message */
#define CLR_TRACE_HEAD 15u      /* unhandled exceptions print these innermost frames... */
#define CLR_TRACE_TAIL 4u       /* ...and these outermost ones when the stack is deeper */
#define CLR_FAILED_INITS 4u     /* failed types whose TypeInitializationException is kept to throw again */

/* Native int is the pointer width: 64-bit in the host simulator, as on .NET x64; 32-bit on the device. */
#define CLR_NATIVE_INT_64 (UINTPTR_MAX > 0xFFFFFFFFu)

/* A method, field or type of a loaded assembly: assembly index << 16 | row. */
typedef uint32_t clr_handle;
#define CLR_HANDLE(assembly, row) (((uint32_t)(assembly) << 16) | (uint32_t)(row))
#define CLR_HANDLE_ASSEMBLY(h) ((h) >> 16)
#define CLR_HANDLE_ROW(h) ((h) & 0xFFFFu)

/*
 * Evaluation stack types (ECMA-335 I.12.3.2.1). F is split into R4 and R8 because .NET computes
 * float32 operands in single precision, and the printed results must match.
 */
enum clr_kind {
    CLR_K_NONE = 0,
    CLR_K_I4,
    CLR_K_I8,
    CLR_K_I, /* native int, kept sign-extended in v.i8 */
    CLR_K_R4,
    CLR_K_R8,
    CLR_K_O, /* object reference, NULL included */
    CLR_K_REF, /* managed pointer (&) to a local, argument or static slot */
};

struct clr_slot {
    union {
        int32_t i4;
        int64_t i8;
        float r4;
        double r8;
        struct clr_block *o;
        struct clr_slot *ref;
        uint8_t *raw;
    } v;
    uint8_t kind; /* enum clr_kind */
    uint8_t elem; /* locals, arguments and statics: the declared element type stores convert to */
    uint8_t ref_elem; /* CLR_K_REF: 0 when v.ref is a slot; CLR_ELEM_VALUETYPE when v.o is a struct's block;
                         else v.raw points at an array element of this type */
    clr_handle type;  /* elem CLR_ELEM_VALUETYPE: the struct's TypeDef (its default value is made from it) */
};

/* A runtime string: UTF-16 code units (what get_Chars indexes), no terminator. */
struct clr_string {
    struct clr_block block;
    int32_t length;
    uint16_t chars[];
};

struct clr_table {
    uint32_t offset;
    uint32_t count;
};

/* One ldstr literal: its string offset and, once created, its object. */
struct clr_literal {
    uint32_t offset;
    struct clr_string *string;
};

/* Vtables hold at most CLR_VTABLE_MAX slots (a byte per MethodDef names its slot); the loader refuses bigger ones. */
#define CLR_NO_SLOT 0xFFu
#define CLR_VTABLE_MAX CLR_NO_SLOT

/* Per FieldDef (8 bytes: a struct field's TypeDef is read from its signature, clr_field_struct_type). */
struct clr_field_info {
    uint16_t static_slot;   /* index into statics, CLR_NONE16 for instance and literal fields */
    uint16_t owner;         /* TypeDef */
    uint16_t instance_slot; /* instance fields: index into the object's fields (base fields first) */
    uint8_t elem;           /* what the field holds (clr_sig_read_type) */
};

/* Per TypeDef, built at load (clr_object.c). */
struct clr_type_info {
    const clr_handle *vtable; /* MethodDef handles by slot, base slots first */
    uint16_t vtable_size;
    uint16_t field_count; /* instance fields, base fields included */
    uint8_t value_elem;   /* 0: a class or interface; a primitive element type for primitives and enums (what
                             their boxes hold); CLR_ELEM_VALUETYPE for structs */
    bool interface;
    bool ready;
};

/* An instance of a class: its type and its instance fields, as slots (stores convert to the field type). */
struct clr_object {
    struct clr_block block;
    clr_handle type;
    uint32_t field_count;
    struct clr_slot fields[];
};

/* FAILED: an exception left the .cctor; every later access throws its TypeInitializationException (clr_type_init.c). */
enum clr_type_init { CLR_TYPE_NOT_INITIALISED = 0, CLR_TYPE_INITIALISING, CLR_TYPE_INITIALISED, CLR_TYPE_INIT_FAILED };

struct clr_native_assembly;

struct clr_assembly {
    const uint8_t *base; /* the header, in flash */
    uint32_t size;
    uint32_t index;
    const char *name; /* in the image's string table (NUL-terminated there) */
    uint16_t version[4];
    struct clr_table tables[CLR_TABLE_COUNT];
    /* Built at load, in RAM: */
    uint8_t *assembly_ref_target;  /* per AssemblyRef: assembly index */
    clr_handle *type_ref_target;   /* per TypeRef: TypeDef handle */
    clr_handle *field_ref_target;  /* per FieldRef: FieldDef handle */
    clr_handle *method_ref_target; /* per MethodRef: MethodDef handle */
    const struct clr_native_assembly *natives;
    uint8_t *type_init;              /* per TypeDef: enum clr_type_init */
    struct clr_field_info *fields;   /* per FieldDef */
    struct clr_slot *statics;
    uint32_t static_count;
    struct clr_type_info *types; /* per TypeDef */
    uint8_t *method_slot;        /* per MethodDef: its vtable slot, CLR_NO_SLOT when not virtual (clr_method_slot) */
    struct clr_literal *literals; /* sorted by offset */
    uint32_t literal_count;
};

struct clr_frame {
    struct clr_assembly *assembly;
    const uint8_t *il;
    uint32_t il_size;
    uint32_t ip;    /* next byte to decode */
    uint32_t op_ip; /* start of the instruction being executed, for stack traces */
    struct clr_slot *args; /* the caller's evaluation stack top, where the arguments were pushed */
    struct clr_slot *locals;
    struct clr_slot *stack_base;
    struct clr_slot *sp; /* next free evaluation slot */
    struct clr_slot *stack_limit;
    uint16_t method;    /* MethodDef row */
    uint16_t init_type; /* TypeDef whose .cctor this frame runs, CLR_NONE16 otherwise */
    uint8_t arg_count;
    uint8_t local_count;
    bool newobj; /* a constructor called by newobj: its return leaves the object on the caller's stack */
    uint8_t ret_elem; /* what the method returns (clr_sig_read_type), CLR_ELEM_VOID for nothing */
    bool fast; /* runs fast code (clr_fast.c): il is its code, ip and op_ip code offsets, registers from args */
};

enum clr_exception {
    CLR_EXC_NONE = 0,
    CLR_EXC_DIVIDE_BY_ZERO,
    CLR_EXC_OVERFLOW,
    CLR_EXC_NULL_REFERENCE,
    CLR_EXC_INDEX_OUT_OF_RANGE,
    CLR_EXC_OUT_OF_MEMORY,
    CLR_EXC_STACK_OVERFLOW,
    CLR_EXC_INVALID_PROGRAM,
    CLR_EXC_NOT_SUPPORTED,
    CLR_EXC_INVALID_CAST,
    CLR_EXC_ARRAY_TYPE_MISMATCH,
    CLR_EXC_ARGUMENT,              /* from internal calls; the detail is .NET's whole message */
    CLR_EXC_ARGUMENT_NULL,         /* likewise */
    CLR_EXC_ARGUMENT_OUT_OF_RANGE, /* likewise */
    CLR_EXC_SYNCHRONIZATION_LOCK,
    CLR_EXC_THREAD_STATE,
    CLR_EXC_TYPE_INITIALIZATION, /* made by clr_type_init.c around the exception that left a .cctor */
    CLR_EXC_THROWN, /* a managed exception object (rt->exception_object): throw, or a runtime one being handled */
    CLR_EXC_COUNT,
    CLR_EXC_YIELD = 0xFF /* not an exception: the running thread gives the CPU up (blocked, or its slice ended) */
};

#define CLR_EH_MAX 16u /* handlers (catch, finally, fault) running at once, per thread */

enum clr_eh_kind { CLR_EH_CATCH = 1, CLR_EH_LEAVE, CLR_EH_UNWIND, CLR_EH_FILTER };

/* A handler running: a catch (for rethrow), or a finally/fault entered by leave or by the second pass. */
struct clr_eh_record {
    struct clr_object *exception; /* CATCH, UNWIND: the exception */
    uint32_t from_ip;             /* LEAVE, UNWIND: the instruction the handlers are run for */
    uint32_t target;              /* LEAVE: the leave target; UNWIND: the frame of the catch; FILTER: the frame
                                     whose clause the filter belongs to (the record's frame is the filter's copy) */
    uint16_t frame;               /* frame index the handler runs in */
    uint16_t clause;              /* its clause (index within the method's clauses) */
    uint16_t target_clause;       /* UNWIND: the catch clause */
    uint8_t kind;                 /* enum clr_eh_kind */
};

enum clr_state { CLR_STATE_LOADED = 1, CLR_STATE_RAN };

#define CLR_GC_MARK_STACK 64u     /* blocks waiting to be scanned (a ring: overflow evicts the oldest) */
#define CLR_GC_INTERIOR_BATCH 16u /* managed pointers resolved to their blocks per heap walk */
#define CLR_GC_TEMP_ROOTS 16u     /* blocks C code holds across another allocation (clr_gc_push_root) */

/* The collector's state and statistics (clr_gc.c). */
struct clr_gc {
    struct clr_block *mark_stack[CLR_GC_MARK_STACK];
    uint32_t mark_bottom, mark_count;
    bool overflowed; /* a block was evicted from the mark stack: it stays marked but not scanned */
    bool stress;     /* collect before every allocation and verify the heap after each collection */
    bool corrupt;    /* the verifier found a fault (logged): allocation refuses from then on */
    uint32_t interior_count;
    const uint8_t *interior[CLR_GC_INTERIOR_BATCH];
    struct clr_block *temp_roots[CLR_GC_TEMP_ROOTS];
    uint32_t temp_count;
    uint32_t collections;
    uint32_t rescans; /* heap walks for evicted blocks */
    uint64_t freed_total;
    size_t live_after; /* bytes in use after the last collection */
};

/* ---- type initialisers that fail (clr_type_init.c) ---- */

/* The clause index exception dispatch uses for a .cctor frame's boundary: an exception reaching it fails the type. */
#define CLR_TYPE_INIT_BOUNDARY 0xFFFFu
/* The exception `inner` left the .cctor of the top frame (its finally blocks have run): pops that frame, marks the
 * type failed and throws TypeInitializationException(inner) at the caller. Returns the exception to dispatch. */
enum clr_exception clr_type_init_failed(struct clr_runtime *rt, struct clr_object *inner);
/* An access to a failed type: throws its TypeInitializationException again. */
enum clr_exception clr_type_init_throw_again(struct clr_runtime *rt, struct clr_assembly *a, uint16_t type);

/* ---- threads (clr_thread.c) ---- */

#define CLR_MAX_THREADS 12u   /* the main thread included */
#define CLR_MAX_LOCKS 16u     /* objects locked (Monitor) at once */
#define CLR_EVENT_QUEUE 16u   /* native events waiting for the managed side */
#define CLR_TIME_SLICE 4000u  /* backward branches and calls a thread runs before the next one's turn */
#define CLR_NEVER UINT64_MAX

enum clr_thread_state { CLR_THREAD_FREE = 0, CLR_THREAD_RUNNABLE, CLR_THREAD_BLOCKED, CLR_THREAD_DONE };
enum clr_wait_kind { CLR_WAIT_NONE = 0, CLR_WAIT_SLEEP, CLR_WAIT_JOIN, CLR_WAIT_LOCK, CLR_WAIT_MONITOR, CLR_WAIT_EVENT,
                     CLR_WAIT_NATIVE_EVENT };

/* A green thread. The running thread's call stack lives in struct clr_runtime; it is saved here on a switch. */
struct clr_thread {
    struct clr_frame *frames;
    struct clr_slot *slots, *slots_end;
    struct clr_eh_record *eh;
    uint32_t frame_capacity, depth, eh_count;
    struct clr_block *stack_block; /* heap block of frames, handler records and slots; NULL for the main thread */
    struct clr_object *managed;    /* its System.Threading.Thread, NULL until asked for (main thread) */
    struct clr_block *wait_object; /* what a blocked thread waits for (lock, event, thread) */
    uint64_t deadline;             /* ms; CLR_NEVER: no timeout */
    uint32_t monitor_count;        /* Monitor.Wait: the recursion count to take back */
    uint8_t state, wait_kind;
    uint8_t monitor_phase; /* Monitor.Wait: 0 not waiting, 1 waiting for Pulse, 2 pulsed (or timed out) */
    bool in_wait;          /* inside a wait that may be entered again (the deadline stays) */
    bool timed_out;
    bool background;
};

struct clr_lock {
    struct clr_block *object; /* NULL: free entry */
    uint32_t owner;           /* thread index */
    uint32_t count;
};

struct clr_native_event {
    uint32_t source, data0, data1;
};

#define CLR_INTERFACE_CACHE 64u /* (type, interface method) -> implementation, direct-mapped */

struct clr_interface_cache_entry {
    clr_handle type, method, target;
};

/* A type whose .cctor failed and the TypeInitializationException every later access throws again. */
struct clr_failed_init {
    clr_handle type;
    struct clr_object *exception;
};

#define CLR_CALL_SITES 32u /* fast code's resolved calls, direct-mapped by call instruction (and receiver type) */

/* A call instruction of fast code whose callee is a fast method ready to run (clr_fast.c). */
struct clr_call_site {
    const uint8_t *pc;   /* the CALL, CALLVIRT or NEWOBJ instruction; NULL: free */
    clr_handle type;     /* CALLVIRT: the receiver's type the callee was found for; 0 otherwise */
    clr_handle target;   /* the callee */
    clr_handle owner;    /* its type (NEWOBJ: the type of the new object) */
    struct clr_assembly *assembly; /* the callee's */
    const uint8_t *body; /* its fast body */
    uint8_t arg_count, local_count;
    uint16_t max_stack, code_size;
};

struct clr_runtime {
    struct clr_hal hal;
    const uint8_t *image;
    size_t image_size;
    struct clr_assembly assemblies[CLR_MAX_ASSEMBLIES];
    uint32_t assembly_count;
    /* Load-time tables, bump-allocated from cfg.ram after this struct. */
    uint8_t *arena_top;
    uint8_t *arena_end;
    uint32_t table_bytes[CLR_TABLE_KINDS]; /* what each kind took */
    /* The call stack: frames and slots (arguments, locals, evaluation stacks). */
    struct clr_frame *frames; /* the running thread's call stack (struct clr_thread keeps the others') */
    uint32_t frame_capacity;
    uint32_t depth;
    struct clr_slot *slots;
    struct clr_slot *slots_end;
    struct clr_eh_record *eh;
    uint32_t eh_count;
    struct clr_thread threads[CLR_MAX_THREADS];
    uint32_t current; /* index of the running thread */
    uint32_t slice;   /* ticks left before the next thread's turn */
    uint64_t virtual_ms; /* the clock when the board has none: it jumps to the next deadline when all threads wait */
    uint32_t thread_frames, thread_slots; /* call stack of each started thread */
    struct clr_lock locks[CLR_MAX_LOCKS];
    struct clr_native_event events[CLR_EVENT_QUEUE];
    volatile uint32_t event_head, event_tail; /* the board's interrupts write at head, the runtime reads at tail */
    volatile uint32_t events_lost;
    uint32_t events_lost_reported;
    const struct clr_native_assembly *const *board_natives; /* clr_config.natives */
    uint32_t board_native_count;
    clr_handle thread_type; /* System.Threading.Thread, and its Run method (what a started thread runs) */
    clr_handle thread_run;
    struct clr_heap heap;
    struct clr_gc gc;
    clr_handle entry_point;
    uint8_t state; /* enum clr_state */
    uint8_t exception;
    clr_handle exception_native; /* the internal call that threw it, CLR_NONE32 otherwise */
    char exception_detail[CLR_DETAIL_MAX];
    struct clr_object *exception_object; /* CLR_EXC_THROWN */
    struct clr_object *out_of_memory;    /* made at load, thrown for every OutOfMemoryException (NULL: none) */
    clr_handle exception_types[CLR_EXC_COUNT]; /* corlib's class per runtime exception, CLR_NONE32 if absent */
    bool exception_final; /* no handler: a filter's endfilter ended the first pass */
    bool exception_rethrown; /* by rethrow: its catch adds the frames below the rethrowing one to its trace */
    struct clr_failed_init failed_inits[CLR_FAILED_INITS];
    struct clr_string *empty_string;
    clr_handle string_type; /* System.String, the type of string blocks */
    clr_handle array_type;  /* System.Array, the type arrays dispatch virtual calls on */
    struct clr_interface_cache_entry interface_cache[CLR_INTERFACE_CACHE];
    struct clr_call_site call_sites[CLR_CALL_SITES];
    clr_handle elem_types[0x20]; /* corlib's TypeDef per signature element type (I4: System.Int32, ...) */
    clr_handle token_types[3];   /* ldtoken's results: System.RuntimeTypeHandle, RuntimeFieldHandle, RuntimeMethodHandle */
    uint32_t app; /* the application's assembly: the last flagged one (entry point or app bit) */
};

/* ---- little-endian reads (the image may sit at any alignment on the host) ---- */

static inline uint16_t clr_rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint32_t clr_rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t clr_rd64(const uint8_t *p)
{
    return (uint64_t)clr_rd32(p) | (uint64_t)clr_rd32(p + 4) << 32;
}

/* ---- decoded table rows (clr_image.c) ---- */

struct clr_type_def {
    uint32_t name, name_space, flags, extends;
    uint16_t first_field, field_count, first_method, method_count, enclosing;
    uint32_t cctor;
};

struct clr_method_def {
    uint32_t name;
    uint16_t flags, impl_flags, owner;
    uint8_t arg_count, local_count;
    uint16_t max_stack, internal_call;
    uint32_t signature, locals, il, il_size;
};

struct clr_member_ref {
    uint32_t name;
    uint16_t owner;
    uint32_t signature;
};

extern const uint8_t clr_table_entry_size[CLR_TABLE_COUNT];

/* The vtable slot of MethodDef row `method`, CLR_NONE16 when it is not virtual. */
static inline uint16_t clr_method_slot(const struct clr_assembly *a, uint32_t method)
{
    const uint8_t slot = a->method_slot[method];
    return slot != CLR_NO_SLOT ? slot : CLR_NONE16;
}

/* Row `index` of a table (the loader checked the table's bounds; callers check the index). */
static inline const uint8_t *clr_row(const struct clr_assembly *a, unsigned table, uint32_t index)
{
    return a->base + a->tables[table].offset + index * clr_table_entry_size[table];
}
void clr_read_type_def(const struct clr_assembly *a, uint32_t index, struct clr_type_def *td);
void clr_read_method_def(const struct clr_assembly *a, uint32_t index, struct clr_method_def *md);
void clr_read_member_ref(const struct clr_assembly *a, unsigned table, uint32_t index, struct clr_member_ref *mr);
uint32_t clr_field_def_flags(const struct clr_assembly *a, uint32_t index);
uint32_t clr_field_def_signature(const struct clr_assembly *a, uint32_t index);
uint32_t clr_field_def_name(const struct clr_assembly *a, uint32_t index);

/* Is there a well-formed string (length, bytes, NUL) at this offset of the string table? */
bool clr_string_offset_ok(const struct clr_assembly *a, uint32_t offset);
/* A checked string (see clr_string_offset_ok): its bytes, NUL-terminated, and its length. */
const char *clr_string_at(const struct clr_assembly *a, uint32_t offset);
uint16_t clr_string_length(const struct clr_assembly *a, uint32_t offset);
bool clr_string_equals(const struct clr_assembly *a, uint32_t offset, const char *text);
/* A checked blob offset: the signature's bytes. */
const uint8_t *clr_blob_at(const struct clr_assembly *a, uint32_t offset);

/* The MethodDef / FieldDef handle of a method / field token of `a` (loaded: refs resolved); CLR_NONE32 if none. */
static inline clr_handle clr_method_token_target(const struct clr_assembly *a, uint32_t token)
{
    const uint32_t index = CLR_TOKEN_INDEX(token);
    if (CLR_TOKEN_TABLE(token) == CLR_TOK_METHOD_DEF && index < a->tables[CLR_TBL_METHOD_DEF].count)
        return CLR_HANDLE(a->index, index);
    if (CLR_TOKEN_TABLE(token) == CLR_TOK_METHOD_REF && index < a->tables[CLR_TBL_METHOD_REF].count)
        return a->method_ref_target[index];
    return CLR_NONE32;
}

static inline clr_handle clr_field_token_target(const struct clr_assembly *a, uint32_t token)
{
    const uint32_t index = CLR_TOKEN_INDEX(token);
    if (CLR_TOKEN_TABLE(token) == CLR_TOK_FIELD_DEF && index < a->tables[CLR_TBL_FIELD_DEF].count)
        return CLR_HANDLE(a->index, index);
    if (CLR_TOKEN_TABLE(token) == CLR_TOK_FIELD_REF && index < a->tables[CLR_TBL_FIELD_REF].count)
        return a->field_ref_target[index];
    return CLR_NONE32;
}

/* TypeDef handle of a type token of `a` (TypeDef or resolved TypeRef); 0xFFFFFFFF if not a type token. */
clr_handle clr_type_token_target(const struct clr_assembly *a, uint32_t token);

/* Is TypeDef `h` System.Enum's subtype, i.e. an enum? */
bool clr_type_is_enum(struct clr_runtime *rt, clr_handle type);
/* Is TypeDef `h` a value type (derived from System.ValueType, other than System.Enum, or from Enum)? */
bool clr_type_is_value_type(struct clr_runtime *rt, clr_handle type);

/* ---- text (clr_log.c) ---- */

size_t clr_vformat(char *buf, size_t cap, const char *fmt, va_list args);
size_t clr_format(char *buf, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void clr_log(struct clr_runtime *rt, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "Namespace.Outer.Inner" of TypeDef row `type` (nested types joined with `nest_sep`), cut to cap. */
size_t clr_type_full_name(const struct clr_assembly *a, uint32_t type, char nest_sep, char *buf, size_t cap);
/* "Namespace.Type::Method" of MethodDef row `method`. */
size_t clr_method_full_name(const struct clr_assembly *a, uint32_t method, char *buf, size_t cap);

/* ---- load (clr_loader.c, clr_check.c, clr_resolve.c, clr_natives.c) ---- */

/* Zeroed RAM from the arena, 16-byte aligned (call stack, heap); NULL when it does not fit. */
void *clr_arena_alloc(struct clr_runtime *rt, size_t bytes);
/* The same for a load-time table of `kind`, 8-byte aligned (a slot's alignment), counted per kind. */
void *clr_table_alloc(struct clr_runtime *rt, enum clr_table_kind kind, size_t bytes);
/* Gives back the end of the last table allocated (`table`, of `kind`) past its first `used` bytes. */
void clr_table_trim(struct clr_runtime *rt, enum clr_table_kind kind, void *table, size_t allocated, size_t used);
/* The assembly's name for messages, or "#n at offset 0x..." while its name cannot be trusted yet. */
const char *clr_assembly_label(const struct clr_runtime *rt, const struct clr_assembly *a, char *buf, size_t cap);
bool clr_check_assembly(struct clr_runtime *rt, struct clr_assembly *a);
bool clr_resolve_assembly(struct clr_runtime *rt, struct clr_assembly *a);
bool clr_bind_natives(struct clr_runtime *rt, struct clr_assembly *a);
bool clr_prepare_statics(struct clr_runtime *rt, struct clr_assembly *a);

/* ---- internal calls (clr_natives.c, clr_corlib.c) ---- */

/* A native method: args[0..arg_count) as the interpreter normalised them; fills *result when not void. */
typedef enum clr_exception (*clr_native_fn)(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);

struct clr_native_method {
    const char *canonical_name;
    clr_native_fn fn;
};

struct clr_native_assembly {
    const char *name;
    const struct clr_native_method *methods; /* sorted by canonical name (ordinal) */
    uint32_t count;
};

extern const struct clr_native_assembly clr_native_mscorlib;
/* CRC-32 over the canonical names, each followed by '\n' (the format's native_checksum). */
uint32_t clr_native_checksum(const struct clr_native_assembly *natives);

/* ---- strings (clr_string.c) ---- */

/* A new string of `length` code units (zeroed), or NULL when the heap is full. */
struct clr_string *clr_string_new(struct clr_runtime *rt, int32_t length);
/* A new string from UTF-8 (invalid sequences become U+FFFD), or NULL when the heap is full. */
struct clr_string *clr_string_from_utf8(struct clr_runtime *rt, const uint8_t *utf8, size_t len);
/* The string as NUL-terminated UTF-8 in buf (lone surrogates become U+FFFD); false when it does not fit. */
bool clr_string_to_utf8(const struct clr_string *s, char *buf, size_t cap);
/* Writes the string to the console as UTF-8 (lone surrogates become U+FFFD). */
void clr_string_write_console(struct clr_runtime *rt, const struct clr_string *s);
/* The literal of `offset` in assembly `a`, created at its first use; NULL when the heap is full. */
struct clr_string *clr_literal(struct clr_runtime *rt, struct clr_assembly *a, uint32_t offset);

/* ---- numbers and text (clr_number.c, clr_number_format.c, clr_number_parse.c) ---- */

#define CLR_NUMBER_TEXT_MAX 32u
size_t clr_format_int64(int64_t value, char *out);
size_t clr_format_uint64(uint64_t value, char *out);
/* .NET's ToString() with the invariant culture: shortest round-trip text. */
size_t clr_format_double(double value, char *out);
size_t clr_format_single(float value, char *out);

/* Number types of the format and parse internal calls (managed/CoreLibrary/System/Number.cs): the bit width,
 * | CLR_NUMBER_UNSIGNED for unsigned integers, | CLR_NUMBER_FLOAT for floating point. */
#define CLR_NUMBER_UNSIGNED 0x100u
#define CLR_NUMBER_FLOAT 0x200u
#define CLR_NUMBER_SINGLE (CLR_NUMBER_FLOAT | 32u)
#define CLR_NUMBER_DOUBLE (CLR_NUMBER_FLOAT | 64u)
/* The value (a slot of that type) formatted as .NET's ToString(format) with the invariant culture: the length
 * (up to cap units stored in out), or CLR_NUMBER_REFUSED for a format string the type does not take. */
#define CLR_NUMBER_REFUSED SIZE_MAX
size_t clr_number_format_units(const struct clr_slot *value, unsigned type, const struct clr_string *format,
                               uint16_t *out, size_t cap);
/* Number.FormatInteger(long, int type, string), FormatDouble(double, string), FormatSingle(float, string):
 * the text, or null when the format string is not one the type takes (the caller throws FormatException). */
enum clr_exception clr_native_format_integer(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_native_format_double(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_native_format_single(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
/* Number.ParseInteger(string, int styles, int type, out long) and ParseFloating(string, int styles, int type,
 * out double): CLR_PARSE_OK, or why not (the caller throws). */
#define CLR_PARSE_OK 0
#define CLR_PARSE_FORMAT 1
#define CLR_PARSE_OVERFLOW 2
enum clr_exception clr_native_parse_integer(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_native_parse_floating(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
/* Convert.Base64(byte[]): the Base64 text of the bytes (clr_convert.c). */
enum clr_exception clr_native_convert_base64(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);

/* ---- types and signatures (clr_types.c) ---- */

/*
 * Reads one type of a signature at *p (advancing it) and gives what a slot of that type holds: a
 * primitive element type, CLR_ELEM_OBJECT for every reference type, the underlying type for an enum,
 * CLR_ELEM_VOID, CLR_ELEM_BYREF for a managed pointer, CLR_ELEM_VALUETYPE for a struct, or 0 for a type token
 * that does not resolve.
 */
uint8_t clr_sig_read_type(struct clr_runtime *rt, const struct clr_assembly *a, const uint8_t **p);
/* The same, and for CLR_ELEM_VALUETYPE the struct's TypeDef in *type (CLR_NONE32 otherwise). */
uint8_t clr_sig_read_type_of(struct clr_runtime *rt, const struct clr_assembly *a, const uint8_t **p, clr_handle *type);
/* The corlib's System types that signatures name by element type (System.Int32 is I4, ...). */
#define CLR_CORLIB_ELEM_TYPES 16u
struct clr_corlib_elem_type {
    const char *name;
    uint8_t elem;
};
extern const struct clr_corlib_elem_type clr_corlib_elem_types[CLR_CORLIB_ELEM_TYPES];
/* The TypeDef of field row `field` of `a` when it holds a struct (elem CLR_ELEM_VALUETYPE), CLR_NONE32 otherwise. */
clr_handle clr_field_struct_type(struct clr_runtime *rt, const struct clr_assembly *a, uint32_t field);
/* What a location of TypeDef `type` holds: 0 for classes and interfaces, the primitive element type of a
 * primitive or an enum, CLR_ELEM_VALUETYPE for a struct (by names, usable before the types are prepared). */
uint8_t clr_type_value_elem(struct clr_runtime *rt, clr_handle type);
/* Stack kind of values of a slot element type. */
uint8_t clr_elem_kind(uint8_t elem);
/* Converts src for a store into a location of element type elem (truncation, float rounding). */
bool clr_store_convert(uint8_t elem, struct clr_slot *dst, const struct clr_slot *src);
/* A zero value of element type elem. */
void clr_slot_zero(struct clr_slot *slot, uint8_t elem);

/* ---- arithmetic (clr_arith.c): each returns CLR_EXC_NONE or the exception to throw ---- */

enum clr_exception clr_arith_binary(unsigned opcode, struct clr_slot *a, const struct clr_slot *b);
enum clr_exception clr_arith_unary(unsigned opcode, struct clr_slot *a);
enum clr_exception clr_arith_convert(unsigned opcode, struct clr_slot *a);
#define CLR_CONV_R_UN_R4 0x10000u /* conv.r.un directly followed by conv.r4, for clr_arith_convert */
/* Compare for ceq/cgt/clt and branches: *result gets the truth. */
enum clr_exception clr_arith_compare(unsigned opcode, const struct clr_slot *a, const struct clr_slot *b,
                                     bool *result);
/* brtrue's test. */
enum clr_exception clr_arith_truth(const struct clr_slot *a, bool *result);
/* Describes a slot's kind for messages ("int32", "float64", ...). */
const char *clr_kind_name(uint8_t kind);

/* ---- exceptions (clr_exception.c) ---- */

/* Records an exception to throw; detail (printf-like, may be NULL) is added to its message. */
enum clr_exception clr_throw(struct clr_runtime *rt, enum clr_exception exc, const char *detail_fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* "System.DivideByZeroException" ... (the corlib class a runtime exception becomes). */
const char *clr_exception_type_name(enum clr_exception exc);
/* Can a catch clause catch it? (not StackOverflow, InvalidProgram, NotSupported: those stop the program) */
bool clr_exception_catchable(enum clr_exception exc);
/* Logs "Unhandled exception: ..." and the managed stack trace of the current frames. */
void clr_report_unhandled(struct clr_runtime *rt);
/* The message of the runtime exception recorded (text and detail) as a string object, NULL when the heap is full. */
struct clr_string *clr_exception_message(struct clr_runtime *rt);
/* An object of corlib class `type` for the runtime exception recorded, with its message; NULL when the heap is full. */
struct clr_object *clr_exception_new(struct clr_runtime *rt, clr_handle type);
/* Exception._stackTrace of `exc`, caught in frame `catch_frame`: the frames from the throw point (and the internal
 * call that threw, if any) down to it, one "   at N.T.M(Int32)" line each; a rethrown exception's trace gets the
 * frames below the rethrowing one added. Left as it was when the heap is full. */
void clr_exception_record_trace(struct clr_runtime *rt, struct clr_object *exc, uint32_t catch_frame);
/* A throw (not a rethrow) of `exc`: its trace is recorded anew. */
void clr_exception_clear_trace(struct clr_object *exc);
/* Makes rt->out_of_memory at load: when OutOfMemoryException is thrown, the heap has no room left for it. */
void clr_prepare_out_of_memory(struct clr_runtime *rt);

/* ---- objects and types (clr_object.c) ---- */

/* Signatures of the same kind compared structurally (clr_resolve.c). */
bool clr_same_signature(const struct clr_assembly *a, uint32_t sig_a, const struct clr_assembly *b, uint32_t sig_b);
/* Field slots and vtables of the assembly's types (after clr_prepare_statics). */
bool clr_prepare_types(struct clr_runtime *rt, struct clr_assembly *a);
/* The base TypeDef of `type`, CLR_NONE32 for none. */
clr_handle clr_type_base(struct clr_runtime *rt, clr_handle type);
/* The runtime type of a non-null object. */
static inline clr_handle clr_object_type(const struct clr_runtime *rt, const struct clr_block *o)
{
    if (o->kind == CLR_BLOCK_OBJECT)
        return ((const struct clr_object *)o)->type;
    return o->kind == CLR_BLOCK_ARRAY ? rt->array_type : rt->string_type;
}
/* Is `type` `target` or derived from it? */
bool clr_type_derives(struct clr_runtime *rt, clr_handle type, clr_handle target);
/* Can a reference to an object of `type` be used as `target` (a base class, itself, an interface it implements)? */
bool clr_type_assignable(struct clr_runtime *rt, clr_handle type, clr_handle target);
/* The method an interface method call on an object of `type` runs, CLR_NONE32 when the type has none
 * (clr_interface.c). */
clr_handle clr_interface_target(struct clr_runtime *rt, clr_handle type, clr_handle method);

/* The method a virtual call of `method` on an object of `type` runs: the vtable's entry for its slot, the
 * implementation of an interface method, or the method itself (not virtual); CLR_NONE32 when `type` lacks it.
 * Only bounds are checked: for damaged code an unrelated type's method runs, whose field accesses check 'this'. */
static inline clr_handle clr_virtual_target(struct clr_runtime *rt, clr_handle type, clr_handle method)
{
    const struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(method)];
    const uint32_t row = CLR_HANDLE_ROW(method);
    const uint16_t owner = clr_rd16(clr_row(a, CLR_TBL_METHOD_DEF, row) + CLR_METHODDEF_OWNER);
    if (a->types[owner].interface)
        return clr_interface_target(rt, type, method);
    const uint16_t slot = clr_method_slot(a, row);
    if (slot == CLR_NONE16)
        return method;
    const struct clr_type_info *ti = &rt->assemblies[CLR_HANDLE_ASSEMBLY(type)].types[CLR_HANDLE_ROW(type)];
    return slot < ti->vtable_size ? ti->vtable[slot] : CLR_NONE32;
}


/* A single-dimension, zero-based array: elements packed at their own size after the header. */
struct clr_array {
    struct clr_block block;
    clr_handle elem_type; /* the element's TypeDef, CLR_NONE32 for arrays of arrays */
    int32_t length;
    uint8_t elem;      /* what an element holds (a primitive element type, or CLR_ELEM_OBJECT) */
    uint8_t elem_size; /* bytes per element */
    uint8_t reserved[6];
    uint8_t data[];
};

/* Bytes per array element of element type elem (0: not an array element type). */
uint8_t clr_array_elem_size(uint8_t elem);
/* A new zeroed array, NULL when the heap is full. */
struct clr_array *clr_array_new(struct clr_runtime *rt, uint8_t elem, clr_handle elem_type, int32_t length);
/* An element (or any raw location of type elem) read into a slot, and written from a slot already of that type. */
void clr_raw_read(uint8_t elem, const uint8_t *p, struct clr_slot *out);
void clr_raw_write(uint8_t elem, uint8_t *p, const struct clr_slot *v);
/* The element type (and TypeDef) of newarr's type token; false for what arrays cannot hold yet (structs). */
bool clr_array_elem_of_token(struct clr_runtime *rt, const struct clr_assembly *a, uint32_t token, uint8_t *elem,
                             clr_handle *elem_type);

/* ---- garbage collection (clr_gc.c) ---- */

/*
 * Every allocation of the runtime: a zeroed block, collecting and retrying once when the heap is full;
 * NULL when it still does not fit (the caller throws OutOfMemoryException). Any allocation may free
 * every block that is not reachable from the roots (the call stacks, statics, the literal cache, the
 * exception being handled, the temporary roots): a block held only in a C variable must be pushed with
 * clr_gc_push_root before the next allocation.
 */
struct clr_block *clr_gc_alloc_collecting(struct clr_runtime *rt, enum clr_block_kind kind, size_t bytes);
static inline struct clr_block *clr_gc_alloc(struct clr_runtime *rt, enum clr_block_kind kind, size_t bytes)
{
    struct clr_block *b = rt->gc.stress || rt->gc.corrupt ? NULL : clr_heap_alloc(&rt->heap, kind, bytes);
    return b != NULL ? b : clr_gc_alloc_collecting(rt, kind, bytes);
}

/* A new object of class `type` (fields zero), NULL when the heap is full. */
static inline struct clr_object *clr_object_new(struct clr_runtime *rt, clr_handle type)
{
    const struct clr_type_info *ti = &rt->assemblies[CLR_HANDLE_ASSEMBLY(type)].types[CLR_HANDLE_ROW(type)];
    struct clr_object *o = (struct clr_object *)clr_gc_alloc(
        rt, CLR_BLOCK_OBJECT, sizeof *o - sizeof o->block + (size_t)ti->field_count * sizeof o->fields[0]);
    if (o != NULL) {
        o->type = type;
        o->field_count = ti->field_count;
    }
    return o;
}
/* Marks from the roots, sweeps, updates the statistics (and verifies the heap under stress). */
void clr_gc_collect(struct clr_runtime *rt);
/* Keeps `block` alive until the matching pop (last in, first out); false when the CLR_GC_TEMP_ROOTS are in use. */
bool clr_gc_push_root(struct clr_runtime *rt, void *block);
void clr_gc_pop_root(struct clr_runtime *rt);
/* Checks every block, the free list and the references of live blocks; false with the fault in msg. */
bool clr_gc_verify(struct clr_runtime *rt, char *msg, size_t cap);

/* ---- struct values (clr_value.c) ---- */

#define CLR_VALUE_FLAG 1u /* clr_block.reserved: an unboxed struct value, copied on load (a box lacks it) */

bool clr_is_value(const struct clr_block *b);
/* A default value of struct `type`, NULL when the heap is full. */
struct clr_object *clr_value_new(struct clr_runtime *rt, clr_handle type);
/* A deep copy (nested structs copied too). */
enum clr_exception clr_value_clone(struct clr_runtime *rt, const struct clr_object *src, struct clr_object **out);
/* What loading the struct location `loc` (elem CLR_ELEM_VALUETYPE) pushes: a copy, or a new default value. */
enum clr_exception clr_value_load(struct clr_runtime *rt, const struct clr_slot *loc, struct clr_slot *out);
/* The struct held by location `loc`, made (default) if it held none; NULL when the heap is full. */
struct clr_object *clr_value_at(struct clr_runtime *rt, struct clr_slot *loc);
/* The struct a managed pointer designates; NULL (with *exc unset) when it designates something else. */
struct clr_object *clr_ref_object(struct clr_runtime *rt, const struct clr_slot *ref, enum clr_exception *exc);
/* ValueType.Equals: same type, fields equal (structs recursively, references by identity, strings by text). */
bool clr_value_equals(struct clr_runtime *rt, const struct clr_object *a, const struct clr_object *b, unsigned depth);

/* ---- interpreter (clr_interp.c) ---- */

enum clr_result clr_interpret(struct clr_runtime *rt);
/*
 * Calls `method` with no managed frame under it (the test runner): args[0..arg_count) are its arguments,
 * `this` first, already of the parameters' types (args may be rt->slots itself), on the main thread; other
 * threads run in its time slices. Returns with the call stack empty and no handler running; an exception that
 * escaped is returned and stays recorded (rt->exception...). CLR_EXC_YIELD: every thread blocked (logged).
 */
enum clr_exception clr_call_top(struct clr_runtime *rt, clr_handle method, const struct clr_slot *args);

/* Calls `handle` with the arguments on top of the caller's stack: pushes its frame, or runs an internal call
 * (or a delegate's runtime method) at once. virt: callvirt's dispatch on the object's type. */
enum clr_exception clr_call_method(struct clr_runtime *rt, struct clr_frame *caller, clr_handle handle, bool virt);
/* Starts the .cctor the call of `method` must run first: *restart when it was pushed (the caller's current
 * instruction runs again after it). */
enum clr_exception clr_init_before_call(struct clr_runtime *rt, struct clr_frame *caller, clr_handle method,
                                        bool *restart);
/* Starts `type`'s .cctor if it has not run: *started tells whether a frame was pushed for it. */
enum clr_exception clr_start_type_init(struct clr_runtime *rt, struct clr_assembly *a, uint16_t type, bool *started);
/* Pushes the frame of MethodDef `method` (IL or fast code) with its arguments on the caller's stack. */
enum clr_exception clr_push_frame(struct clr_runtime *rt, struct clr_assembly *a, uint32_t method, uint16_t init_type,
                                  const struct clr_method_def *md, uint8_t ret_elem);
/* newobj of constructor `ctor` with its arguments on top of f's stack: allocates, then calls it (*restart: a frame
 * was pushed, the constructor's or a .cctor's, which then reruns the instruction at f->op_ip). */
enum clr_exception clr_new_object(struct clr_runtime *rt, struct clr_frame *f, clr_handle ctor, bool *restart);
/* castclass / isinst of *v (an object reference) to the type of `token` in `a`: *v becomes null when isinst fails. */
enum clr_exception clr_cast_slot(struct clr_runtime *rt, const struct clr_assembly *a, uint32_t token, bool isinst,
                                 struct clr_slot *v);
/* box, unbox.any, unbox of *v (in place) to the type of `token` in `a`. */
enum clr_exception clr_box_slot(struct clr_runtime *rt, const struct clr_assembly *a, uint32_t token, unsigned op,
                                struct clr_slot *v);
/* throw of *v: records the exception object (NullReference for null). */
enum clr_exception clr_throw_slot(struct clr_runtime *rt, const struct clr_slot *v);
/* Throws object `o` (rethrow: keeps its trace, `throw;`; else the catch records it anew, `throw e`). */
enum clr_exception clr_throw_object(struct clr_runtime *rt, struct clr_object *o, bool rethrow);
/* Returns from frame f with the value on its stack (if its method returns one). */
enum clr_exception clr_do_return(struct clr_runtime *rt, struct clr_frame *f);
/* A boxed value calling a method of its value type (`owner`): 'this' becomes the address of the value. */
void clr_this_for_value_method(struct clr_runtime *rt, struct clr_slot *this_slot, clr_handle owner);

/* ---- fast code (clr_fast.c, checked by clr_check.c) ---- */

enum clr_fast_op {
#define FC_OP(name, code, operands) CLR_FC_##name = code,
#include "clr_fast_ops.def"
#undef FC_OP
};
/* Operand letters of each opcode (clr_fast_ops.def), NULL for codes that are not instructions. */
extern const char *const clr_fast_operands[256];
/* Pushes a fast-code frame for `method` whose arguments are args[0..arg_count). */
enum clr_exception clr_fast_push(struct clr_runtime *rt, struct clr_assembly *a, uint32_t method,
                                 const struct clr_method_def *md, struct clr_slot *args, uint16_t init_type);
/* Runs fast-code frames from the top one until a frame of another kind is on top, a thread switch or an exception. */
enum clr_exception clr_fast_run(struct clr_runtime *rt);
/* The next entry of a fast body's map at *p (before end): adds its steps to *code and *il; false when malformed. */
bool clr_fast_map_next(const uint8_t **p, const uint8_t *end, uint32_t *code, uint32_t *il);
/* The IL offset of the instruction a frame is at (fast code: through its map), for stack traces. */
uint32_t clr_frame_il_offset(const struct clr_frame *f);

/* ---- threads (clr_thread.c) ---- */

void clr_threads_init(struct clr_runtime *rt, const struct clr_config *cfg);
uint64_t clr_now(struct clr_runtime *rt); /* ms */
/* The running thread's call stack into its struct clr_thread. */
void clr_thread_save(struct clr_runtime *rt);
/* Blocks the running thread inside an internal call (which runs again when the thread wakes): CLR_EXC_YIELD. */
enum clr_exception clr_block(struct clr_runtime *rt, uint8_t kind, struct clr_block *object, uint64_t deadline);
/* Makes the threads blocked on (kind, object) runnable: all of them, or the first. */
void clr_wake(struct clr_runtime *rt, uint8_t kind, const struct clr_block *object, bool all);
/* The running thread's last frame returned (or an exception ended it). */
void clr_thread_finished(struct clr_runtime *rt);
/* Picks the next thread to run (waiting for deadlines or events when all wait). *stop: the program ends. */
enum clr_result clr_schedule(struct clr_runtime *rt, bool *stop);
/* Pushes the first frame of the running thread's empty stack: `method` with its arguments at slots[0..). */
enum clr_exception clr_push_entry(struct clr_runtime *rt, clr_handle method);

/* ---- unit tests (clr_test_runner.c) ---- */

/* The Test table's rows and their DataRow argument lists are well-formed (at load). */
bool clr_check_tests(struct clr_runtime *rt, struct clr_assembly *a);

/* ---- type ids (clr_corlib_type.c): a TypeDef handle, bits 24..30 the array levels around it ---- */

int32_t clr_type_id_of_object(struct clr_runtime *rt, const struct clr_block *o);
/* The id of a type token (TypeDef, TypeRef, TypeSpec), -1 when it names none. */
int32_t clr_type_id_of_token(struct clr_runtime *rt, const struct clr_assembly *a, uint32_t token);

/* ---- delegates (clr_delegate.c) ---- */

/* Field slots of System.Delegate / System.MulticastDelegate: their declaration order in the corlib (the
 * runtime checks each value's kind before using it). */
#define CLR_DELEGATE_TARGET 0u
#define CLR_DELEGATE_METHOD 1u
#define CLR_DELEGATE_LIST 2u
/* A delegate's .ctor or Invoke (runtime-implemented methods); args: 'this' and the arguments. */
enum clr_exception clr_delegate_method(struct clr_runtime *rt, struct clr_frame *caller, clr_handle method,
                                       struct clr_slot *args);
/* The next call of a multicast Invoke (a frame without IL), or its return after the last one. */
enum clr_exception clr_delegate_step(struct clr_runtime *rt, struct clr_frame *f);

#endif /* CLR_INTERNAL_H */
