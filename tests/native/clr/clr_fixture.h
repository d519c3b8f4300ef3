/*
 * Test programs for the runtime: a small mscorlib (Object, Enum, String, Console, Number with exactly
 * the firmware's internal calls), an app assembly "App" with type App.Program and its Main, an IL
 * emitter with labels, and a runner that loads and runs an image with the console and log captured.
 *
 *   struct prog *p = prog_new();
 *   struct il *il = prog_main(p);
 *   il_ldc_i4(il, 42); prog_print_i4(p, il); il_op(il, CEE_RET);
 *   const struct run *r = prog_run(p);
 *   CHECK_STR_EQ(r->out, "42");
 */
#ifndef CLR_FIXTURE_H
#define CLR_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "clr.h"
#include "clr_opcodes.h"
#include "image_builder.h"

/* ---- IL emitter ---- */

#define IL_MAX 8192
#define IL_MAX_LABELS 64

struct il {
    uint8_t code[IL_MAX];
    uint32_t len;
    int32_t label_at[IL_MAX_LABELS];
    uint32_t labels;
    struct {
        uint32_t at;   /* where the offset goes */
        uint32_t from; /* offsets count from here (end of the instruction) */
        uint32_t label;
        uint8_t size; /* 1 or 4 */
    } fixups[256];
    uint32_t fixup_count;
};

void il_reset(struct il *il);
void il_op(struct il *il, unsigned opcode); /* 0xFExx for two-byte opcodes */
void il_u8(struct il *il, uint8_t v);
void il_u16(struct il *il, uint16_t v);
void il_i32(struct il *il, int32_t v);
void il_i64(struct il *il, int64_t v);
void il_ldc_i4(struct il *il, int32_t v); /* shortest form */
void il_ldc_i8(struct il *il, int64_t v);
void il_ldc_r4(struct il *il, float v);
void il_ldc_r8(struct il *il, double v);
void il_tok(struct il *il, unsigned opcode, uint32_t token);
uint32_t il_label(struct il *il);
void il_mark(struct il *il, uint32_t label);
void il_branch(struct il *il, unsigned opcode, uint32_t label); /* short forms take a 1-byte offset */
void il_switch(struct il *il, uint32_t n, const uint32_t *labels);
/* 1 / 0 with the result popped: throws DivideByZeroException. */
void il_divide_by_zero(struct il *il);
/* Resolves the labels; the code is ready after this. */
void il_finish(struct il *il);

/* ---- programs ---- */

struct prog {
    struct ib_assembly *corlib, *app;
    uint16_t program; /* TypeDef App.Program in app */
    uint16_t main;    /* MethodDef Main in app */
    struct il main_il;
    /* MethodRef tokens in app for corlib's methods */
    uint32_t array_length, write, i4_to_s, i8_to_s, u4_to_s, u8_to_s, r4_to_s, r8_to_s, object_to_s, concat, equals, get_chars,
        get_length, format_integer, format_double, format_single, parse_floating, parse_integer, format_slice, base64;
    uint16_t corlib_ref;    /* AssemblyRef of mscorlib in app */
    uint16_t enum_type_ref; /* TypeRef System.Enum in app */
    uint16_t string_type_ref;
    uint16_t object_type_ref;
    uint16_t corlib_type_refs[10]; /* TypeRefs in app of the fixture corlib's classes holding internal calls */
};

struct run {
    enum clr_result load, result;
    struct clr_test_summary summary; /* run_options.tests */
    char out[16384];
    size_t out_len;
    char log[16384];
    size_t log_len;
    struct clr_memory_use memory; /* after the run (when loaded) */
};

struct run_options {
    size_t ram;          /* 0: 1 MiB */
    uint32_t max_depth;  /* 0: runtime default */
    uint32_t stack_slots;
    bool gc_stress; /* also on for every run when the environment has CLR_GC_STRESS */
    int64_t (*utc_now_ticks)(void *ctx); /* the board's clock; NULL: none */
    bool tests; /* clr_run_tests instead of clr_run */
};

/* A fresh program (static storage, reused by the next prog_new). */
struct prog *prog_new(void);
struct il *prog_main(struct prog *p);
/* A MethodRef token in app for the firmware's internal call of that canonical name (0 when there is none). */
uint32_t prog_corlib_call(struct prog *p, const char *canonical);
/* Emits a call to print the value on top of the stack (the call of XToString, then WriteNative). */
void prog_print_i4(struct prog *p, struct il *il);
void prog_print_u4(struct prog *p, struct il *il);
void prog_print_i8(struct prog *p, struct il *il);
void prog_print_u8(struct prog *p, struct il *il);
void prog_print_r4(struct prog *p, struct il *il);
void prog_print_r8(struct prog *p, struct il *il);
void prog_print_str(struct prog *p, struct il *il);
/* Emits ldstr of text then a print. */
void prog_print_text(struct prog *p, struct il *il, const char *text);
/* A static method of the open type in app with a finished body. */
uint16_t prog_method(struct prog *p, const char *name, uint32_t sig, uint32_t locals, struct il *il);
/* An instance method of the open type (flags: MA_VIRTUAL, newslot 0x0100, ...) with a finished body. */
uint16_t prog_instance_method(struct prog *p, const char *name, uint16_t flags, uint32_t sig, struct il *il);
/* An instance method void() of the open type that prints `text`. */
uint16_t prog_printer(struct prog *p, const char *name, uint16_t flags, const char *text);

/* Builds corlib + app into one image (out), returns its size. Main gets main_il (finished here). */
size_t prog_image(struct prog *p, uint8_t *out, size_t cap);
/* Builds, loads and runs; the result stays valid until the next run. */
const struct run *prog_run(struct prog *p);
const struct run *prog_run_with(struct prog *p, const struct run_options *options);
const struct run *run_image(const uint8_t *image, size_t len, const struct run_options *options);

#endif /* CLR_FIXTURE_H */
