/*
 * Every check of the format's "Checks at load": each refusal is one log line naming the assembly and
 * the values, the load returns CLR_REFUSED and nothing runs.
 */
#define _DEFAULT_SOURCE /* mmap */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "clr_fixture.h"
#include "clr_internal.h" /* the firmware's internal-call table */
#include "harness.h"

#define CEE_LDTOKEN_FOR_TEST 0xD0u /* not run, only loaded */

static uint8_t img[256 * 1024];

/* A program that prints "ok". */
static struct prog *ok_program(void)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    prog_print_text(p, il, "ok");
    il_op(il, CEE_RET);
    return p;
}

static size_t build(struct prog *p)
{
    const size_t n = prog_image(p, img, sizeof img);
    CHECK(n > 0);
    return n;
}

static uint8_t *app_of(void)
{
    return img + ib_get32(img + 8);
}

static uint32_t table_offset(const uint8_t *assembly, unsigned t)
{
    return ib_get32(assembly + 40 + 8 * t);
}

/* Refused with exactly this log (one line) and no output. */
static void check_refused(const struct run *r, const char *log)
{
    CHECK_EQ(r->load, CLR_REFUSED);
    CHECK_EQ(r->result, CLR_REFUSED);
    CHECK_STR_EQ(r->out, "");
    CHECK_STR_EQ(r->log, log);
}

/* Refused with one log line containing each part. */
static void check_refused_with(const struct run *r, const char *part1, const char *part2)
{
    CHECK_EQ(r->load, CLR_REFUSED);
    CHECK_STR_EQ(r->out, "");
    CHECK_CONTAINS(r->log, part1);
    if (part2 != NULL)
        CHECK_CONTAINS(r->log, part2);
    CHECK(strchr(r->log, '\n') == r->log + strlen(r->log) - 1); /* one line */
}

TEST(valid_image_loads_and_runs)
{
    const size_t n = build(ok_program());
    const struct run *r = run_image(img, n, NULL);
    CHECK_EQ(r->result, CLR_OK);
    CHECK_STR_EQ(r->out, "ok");
    CHECK_STR_EQ(r->log, "");
}

TEST(refuses_an_empty_image)
{
    check_refused(run_image(img, 0, NULL), "deployment image: 0 bytes, too short for an assembly: deploy the app\n");
}

TEST(refuses_erased_flash)
{
    memset(img, 0xFF, 4096);
    check_refused(run_image(img, 4096, NULL),
                  "deployment image: no assembly at its start (first word 0xffffffff, an assembly starts with "
                  "0x31414e4e \"NNA1\"; erased flash reads 0xffffffff): deploy the app\n");
}

TEST(refuses_a_bad_magic)
{
    const size_t n = build(ok_program());
    img[0] = 'M';
    check_refused_with(run_image(img, n, NULL), "no assembly at its start (first word 0x31414e4d", NULL);
}

TEST(list_ends_at_the_first_word_that_is_not_the_magic)
{
    const size_t n = build(ok_program());
    memset(img + n, 0xFF, 64); /* erased flash after the app */
    const struct run *r = run_image(img, n + 64, NULL);
    CHECK_EQ(r->result, CLR_OK);
    CHECK_STR_EQ(r->out, "ok");
}

TEST(refuses_a_wrong_format)
{
    const size_t n = build(ok_program());
    ib_put16(app_of() + 4, 2); /* before fast code */
    check_refused(run_image(img, n, NULL), "assembly App: format 2 but this runtime reads format 3: build the "
                                           "deployment and the firmware from the same SDK version\n");
}

TEST(refuses_a_truncated_image)
{
    const size_t n = build(ok_program());
    const uint32_t app_size = ib_get32(app_of() + 8);
    char expected[256];
    snprintf(expected, sizeof expected,
             "assembly App: total_size %u but only %u bytes remain in the image: the deployment image is truncated; "
             "deploy it again\n",
             (unsigned)app_size, (unsigned)app_size - 4);
    check_refused(run_image(img, n - 4, NULL), expected);
}

TEST(refuses_a_header_cut_short)
{
    build(ok_program());
    const uint32_t corlib = ib_get32(img + 8);
    char expected[256];
    snprintf(expected, sizeof expected,
             "assembly #1 at offset 0x%x: 100 bytes left in the image but its header takes 176: the deployment image "
             "is truncated; deploy it again\n",
             (unsigned)corlib);
    check_refused(run_image(img, corlib + 100, NULL), expected);
}

TEST(refuses_a_total_size_not_multiple_of_4)
{
    const size_t n = build(ok_program());
    ib_put32(app_of() + 8, ib_get32(app_of() + 8) - 2);
    check_refused_with(run_image(img, n, NULL), "assembly App: total_size ", "is not a multiple of 4");
}

TEST(refuses_a_crc_mismatch)
{
    const size_t n = build(ok_program());
    uint8_t *app = app_of();
    const uint32_t stored = ib_get32(app + 12);
    app[table_offset(app, CLR_TBL_IL)] ^= 0x01; /* one bit of Main's first instruction */
    const uint32_t actual = ib_crc32(0, app + 16, ib_get32(app + 8) - 16);
    char expected[256];
    snprintf(expected, sizeof expected,
             "assembly App: CRC 0x%08x but the header says 0x%08x: the deployment image is corrupt; deploy it again\n",
             (unsigned)actual, (unsigned)stored);
    check_refused(run_image(img, n, NULL), expected);
}

TEST(refuses_a_table_outside_the_assembly)
{
    const size_t n = build(ok_program());
    uint8_t *app = app_of();
    ib_put32(app + 44 + 8 * CLR_TBL_IL, 0x10000);
    ib_fix_crc(app);
    check_refused_with(run_image(img, n, NULL), "assembly App: table 9 (IL) at 0x",
                       "with 65536 entries of 1 bytes ends outside the assembly");
}

TEST(refuses_a_table_over_the_header)
{
    const size_t n = build(ok_program());
    uint8_t *app = app_of();
    ib_put32(app + 40 + 8 * CLR_TBL_TYPE_REF, 100);
    ib_fix_crc(app);
    check_refused_with(run_image(img, n, NULL), "assembly App: table 1 (TypeRef) at 0x64", "overlaps the header");
}

TEST(refuses_a_method_impl_table_outside_the_assembly)
{
    const size_t n = build(ok_program());
    uint8_t *app = app_of();
    ib_put32(app + 40 + 8 * CLR_TBL_METHOD_IMPL, CLR_HEADER_SIZE);
    ib_put32(app + 44 + 8 * CLR_TBL_METHOD_IMPL, 0x100000);
    ib_fix_crc(app);
    check_refused_with(run_image(img, n, NULL), "assembly App: table 15 (MethodImpl) at 0xb0", "ends outside the assembly");
}

TEST(refuses_a_string_offset_outside_the_string_table)
{
    struct prog *p = ok_program();
    ib_put32(ib_row(p->app, CLR_TBL_TYPE_REF, 0), 0x7000);
    const size_t n = build(p);
    check_refused_with(run_image(img, n, NULL), "assembly App: TypeRef 0 name: string offset 0x7000 is outside the "
                                                "string table", "rebuild the deployment");
}

TEST(refuses_a_string_without_its_terminator)
{
    struct prog *p = ok_program();
    const uint32_t s = ib_string(p->app, "Console");
    p->app->strings[s + 2 + 7] = 'X';
    const size_t n = build(p);
    check_refused_with(run_image(img, n, NULL), "assembly App: TypeRef 3 name: string offset 0x", "or not a string");
}

TEST(refuses_an_assembly_name_outside_the_string_table)
{
    const size_t n = build(ok_program());
    uint8_t *app = app_of();
    ib_put32(app + 16, 0x9000);
    ib_fix_crc(app);
    const uint32_t corlib = ib_get32(img + 8);
    char expected[64];
    snprintf(expected, sizeof expected, "assembly #1 at offset 0x%x: name: string offset 0x9000", (unsigned)corlib);
    check_refused_with(run_image(img, n, NULL), expected, NULL);
}

TEST(refuses_a_blob_offset_outside_the_blob_table)
{
    struct prog *p = ok_program();
    ib_put32(ib_row(p->app, CLR_TBL_METHOD_DEF, p->main) + 16, 0x4000);
    const size_t n = build(p);
    check_refused_with(run_image(img, n, NULL), "assembly App: MethodDef 0 signature: the signature at blob offset "
                                                "0x4000 is outside the blob table", NULL);
}

TEST(refuses_a_signature_with_an_unknown_element_type)
{
    struct prog *p = ok_program();
    const uint32_t sig = ib_sig(p->app, SIG_BYTES(0, 0, 1, CLR_ELEM_VOID, 0x45));
    ib_method_ref(p->app, p->string_type_ref, "Concat", sig);
    const size_t n = build(p);
    check_refused_with(run_image(img, n, NULL), "assembly App: MethodRef 20 signature: the signature at blob offset",
                       "has an element type the format does not list (0x45)");
}

TEST(refuses_a_signature_running_past_the_blob)
{
    struct prog *p = ok_program();
    const uint32_t sig = ib_sig(p->app, SIG_BYTES(0, 0, 3, CLR_ELEM_VOID, CLR_ELEM_I4));
    ib_method_ref(p->app, p->string_type_ref, "Concat", sig);
    const size_t n = build(p);
    check_refused_with(run_image(img, n, NULL), "MethodRef 20 signature", "runs past the end of the blob table");
}

TEST(refuses_a_signature_token_outside_its_table)
{
    struct prog *p = ok_program();
    const uint32_t sig = ib_sig(p->app, SIG_BYTES(1, CLR_ELEM_CLASS, SIG_TOKEN(TOK_TYPE_REF(40))));
    ib_field_ref(p->app, p->string_type_ref, "Empty", sig);
    const size_t n = build(p);
    check_refused_with(run_image(img, n, NULL), "FieldRef 0 signature", "indexes past the end of its table (0x1000028)");
}

TEST(refuses_an_arg_count_that_disagrees_with_the_signature)
{
    struct prog *p = ok_program();
    ib_row(p->app, CLR_TBL_METHOD_DEF, p->main)[10] = 2;
    const size_t n = build(p);
    check_refused_with(run_image(img, n, NULL), "assembly App: MethodDef 0: arg_count 2 and local_count 0, but the "
                                                "signatures give 0 parameters and 0 locals for a static method", NULL);
}

TEST(refuses_a_method_token_outside_its_table)
{
    struct prog *p = prog_new();
    il_tok(prog_main(p), CEE_CALL, TOK_METHOD_DEF(99));
    il_op(prog_main(p), CEE_RET);
    const size_t n = build(p);
    check_refused(run_image(img, n, NULL), "assembly App: App.Program::Main: IL_0000 call: token 0x06000063 indexes "
                                           "past the end of its table: the image breaks the deployment format; rebuild "
                                           "the deployment with this SDK's metadata processor\n");
}

TEST(refuses_a_token_of_the_wrong_table_for_the_instruction)
{
    struct prog *p = prog_new();
    il_tok(prog_main(p), CEE_LDSFLD, TOK_METHOD_DEF(0));
    il_op(prog_main(p), CEE_RET);
    const size_t n = build(p);
    check_refused_with(run_image(img, n, NULL), "App.Program::Main: IL_0000 ldsfld: token 0x06000000 is not of a "
                                                "table this instruction takes", NULL);
}

TEST(refuses_an_ldstr_outside_the_string_table)
{
    struct prog *p = prog_new();
    il_tok(prog_main(p), CEE_LDSTR, TOK_STRING(0x8000));
    il_op(prog_main(p), CEE_RET);
    const size_t n = build(p);
    check_refused_with(run_image(img, n, NULL), "IL_0000 ldstr: token 0x70008000 is outside the string table", NULL);
}

TEST(refuses_an_unknown_token_table)
{
    struct prog *p = prog_new();
    il_tok(prog_main(p), CEE_LDTOKEN_FOR_TEST, 0x11000001u);
    il_op(prog_main(p), CEE_RET);
    const size_t n = build(p);
    check_refused_with(run_image(img, n, NULL), "IL_0000 ldtoken: token 0x11000001 is not of a table", NULL);
}

TEST(refuses_an_il_body_outside_the_il_table)
{
    struct prog *p = ok_program();
    build(p);
    ib_put32(ib_row(p->app, CLR_TBL_METHOD_DEF, p->main) + 28, 5000);
    /* prog_image appended the body already: build the assemblies again without it. */
    const size_t c = ib_build(p->corlib, img, sizeof img);
    const size_t n = c + ib_build(p->app, img + c, sizeof img - c);
    check_refused_with(run_image(img, n, NULL), "assembly App: MethodDef 0: IL body at 0x0 of 5000 bytes ends outside "
                                                "the IL table", NULL);
}

TEST(refuses_an_instruction_cut_by_the_end_of_the_body)
{
    struct prog *p = prog_new();
    il_op(prog_main(p), CEE_LDC_I4);
    il_u8(prog_main(p), 1);
    const size_t n = build(p);
    check_refused_with(run_image(img, n, NULL), "App.Program::Main: the last instruction runs past the end of the body "
                                                "(2 bytes)", NULL);
}

TEST(refuses_a_branch_out_of_the_body)
{
    struct prog *p = prog_new();
    il_op(prog_main(p), CEE_BR_S);
    il_u8(prog_main(p), 100);
    il_op(prog_main(p), CEE_RET);
    const size_t n = build(p);
    check_refused_with(run_image(img, n, NULL), "IL_0000 br.s: branch target 102 is outside the body (3 bytes)", NULL);
}

TEST(refuses_a_switch_target_out_of_the_body)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    il_ldc_i4(il, 0);
    il_op(il, CEE_SWITCH);
    il_i32(il, 1);
    il_i32(il, -40);
    il_op(il, CEE_RET);
    const size_t n = build(p);
    check_refused_with(run_image(img, n, NULL), "IL_0001 switch: branch target -30 is outside the body", NULL);
}

TEST(refuses_a_byte_that_is_not_an_opcode)
{
    struct prog *p = prog_new();
    il_op(prog_main(p), CEE_NOP);
    il_u8(prog_main(p), 0x24);
    il_op(prog_main(p), CEE_RET);
    const size_t n = build(p);
    check_refused_with(run_image(img, n, NULL), "App.Program::Main: IL_0001: 0x24 is not an IL opcode", NULL);
}

TEST(refuses_a_missing_assembly_reference)
{
    struct prog *p = ok_program();
    ib_assembly_ref(p->app, "System.Device.Gpio", 1, 2);
    const size_t n = build(p);
    check_refused(run_image(img, n, NULL), "assembly App: references System.Device.Gpio 1.2, which is not earlier in "
                                           "the deployment image: deploy it with the app, before App (dependency "
                                           "order, mscorlib first)\n");
}

TEST(refuses_an_assembly_reference_of_another_version)
{
    struct prog *p = ok_program();
    ib_put16(ib_row(p->app, CLR_TBL_ASSEMBLY_REF, p->corlib_ref) + 6, 3);
    const size_t n = build(p);
    check_refused(run_image(img, n, NULL), "assembly App: references mscorlib 1.3 but the image has mscorlib 1.0.0.0: "
                                           "rebuild App against the deployed mscorlib (major.minor must match)\n");
}

TEST(accepts_an_assembly_reference_with_another_build_and_revision)
{
    struct prog *p = ok_program();
    p->corlib->version[2] = 7;
    p->corlib->version[3] = 9;
    const size_t n = build(p);
    CHECK_EQ(run_image(img, n, NULL)->result, CLR_OK);
}

TEST(refuses_an_assembly_that_appears_twice)
{
    struct prog *p = ok_program();
    const size_t c = ib_build(p->corlib, img, sizeof img);
    memcpy(img + c, img, c);
    const size_t n = 2 * c;
    check_refused(run_image(img, n, NULL), "assembly mscorlib: appears twice in the deployment image (also assembly "
                                           "#0): deploy each assembly once\n");
}

TEST(refuses_more_assemblies_than_the_runtime_loads)
{
    static struct ib_assembly lib;
    size_t n = 0;
    for (int i = 0; i < 17; i++) {
        char name[16];
        snprintf(name, sizeof name, "Lib%d", i);
        ib_init(&lib, name, 1, 0);
        n += ib_build(&lib, img + n, sizeof img - n);
    }
    check_refused(run_image(img, n, NULL), "deployment image: more than 16 assemblies: this runtime loads at most 16; "
                                           "merge some\n");
}

TEST(refuses_an_unresolvable_type_reference)
{
    struct prog *p = ok_program();
    const uint16_t missing = ib_type_ref(p->app, p->corlib_ref, "System.Collections", "Hashtable");
    const size_t n = build(p);
    char expected[200];
    snprintf(expected, sizeof expected, "assembly App: TypeRef %u System.Collections.Hashtable is not in mscorlib: "
             "rebuild App against the deployed mscorlib\n", (unsigned)missing);
    check_refused(run_image(img, n, NULL), expected);
}

TEST(refuses_a_type_reference_nested_in_a_row_that_does_not_exist)
{
    struct prog *p = ok_program();
    const uint16_t r = ib_type_ref(p->app, p->corlib_ref, "", "Inner");
    ib_put16(ib_row(p->app, CLR_TBL_TYPE_REF, r) + CLR_TYPEREF_ENCLOSING, 0x7000);
    const size_t n = build(p);
    char expected[256];
    snprintf(expected, sizeof expected, "assembly App: TypeRef %u enclosing: index 28672 but the assembly has %u rows "
             "in that table:", (unsigned)r, (unsigned)r + 1u);
    check_refused_with(run_image(img, n, NULL), expected, NULL);
}

TEST(refuses_an_unresolvable_method_reference_by_name)
{
    struct prog *p = ok_program();
    const uint16_t console = ib_type_ref(p->app, p->corlib_ref, "System", "Console");
    ib_method_ref(p->app, console, "WriteLine", ib_sig(p->app, SIG_BYTES(0, 0, 1, CLR_ELEM_VOID, CLR_ELEM_STRING)));
    const size_t n = build(p);
    check_refused(run_image(img, n, NULL), "assembly App: MethodRef 20 System.Console::WriteLine is not in mscorlib (no "
                                           "method of that name and signature): rebuild App against the deployed "
                                           "mscorlib\n");
}

TEST(refuses_a_method_reference_whose_signature_differs)
{
    struct prog *p = ok_program();
    const uint16_t number = ib_type_ref(p->app, p->corlib_ref, "System", "Number");
    ib_method_ref(p->app, number, "Int32ToString", ib_sig(p->app, SIG_BYTES(0, 0, 1, CLR_ELEM_STRING, CLR_ELEM_I8)));
    const size_t n = build(p);
    check_refused_with(run_image(img, n, NULL), "MethodRef 20 System.Number::Int32ToString is not in mscorlib", NULL);
}

TEST(refuses_an_unresolvable_field_reference)
{
    struct prog *p = ok_program();
    ib_field_ref(p->app, p->string_type_ref, "Empty", ib_sig(p->app, SIG_BYTES(1, CLR_ELEM_STRING)));
    const size_t n = build(p);
    check_refused(run_image(img, n, NULL), "assembly App: FieldRef 0 System.String::Empty is not in mscorlib (no field "
                                           "of that name and signature): rebuild App against the deployed mscorlib\n");
}

/* The checksum of a list of canonical names, computed here from the format's definition. */
static uint32_t names_checksum(const char *const *names, unsigned count)
{
    uint32_t crc = 0;
    for (unsigned i = 0; i < count; i++) {
        crc = ib_crc32(crc, names[i], strlen(names[i]));
        crc = ib_crc32(crc, "\n", 1);
    }
    return crc;
}

/* The firmware's names, in its order. */
static const char *firmware_names[256];

static unsigned firmware_name_count(void)
{
    for (uint32_t i = 0; i < clr_native_mscorlib.count && i < 256; i++)
        firmware_names[i] = clr_native_mscorlib.methods[i].canonical_name;
    return clr_native_mscorlib.count;
}

TEST(refuses_a_native_checksum_mismatch_naming_the_first_difference)
{
    const unsigned count = firmware_name_count();
    unsigned at = 0;
    while (at < count && strcmp(firmware_names[at], "System.Number::Int32ToString(System.Int32)") != 0)
        at++;
    struct prog *p = ok_program();
    ib_put32(ib_row(p->corlib, CLR_TBL_INTERNAL_CALL, at), ib_string(p->corlib, "System.Number::Int32ToString(System.Int16)"));
    const size_t n = build(p);
    const char *deployed[256];
    memcpy(deployed, firmware_names, sizeof deployed);
    deployed[at] = "System.Number::Int32ToString(System.Int16)";
    char expected[512];
    snprintf(expected, sizeof expected,
             "assembly mscorlib: managed internal calls 0x%08x but this firmware implements 0x%08x; rebuild the "
             "firmware and the deployment from the same SDK version (first difference at entry %u: the deployment has "
             "\"System.Number::Int32ToString(System.Int16)\", the firmware "
             "\"System.Number::Int32ToString(System.Int32)\")\n",
             (unsigned)names_checksum(deployed, count), (unsigned)names_checksum(firmware_names, count), at);
    check_refused(run_image(img, n, NULL), expected);
}

TEST(refuses_an_internal_call_the_firmware_lacks)
{
    struct prog *p = ok_program();
    const uint16_t m = ib_method_def(p->corlib, "Zzz", MA_STATIC, MI_INTERNAL_CALL,
                                     ib_sig(p->corlib, SIG_BYTES(0, 0, 0, CLR_ELEM_VOID)), IB_NONE, 0);
    ib_internal_call(p->corlib, "System.Number::Zzz()", m);
    const size_t n = build(p);
    char expected[160];
    snprintf(expected, sizeof expected, "(first difference at entry %u: the deployment has \"System.Number::Zzz()\", "
             "the firmware nothing)", firmware_name_count());
    check_refused_with(run_image(img, n, NULL), expected, NULL);
}

TEST(refuses_internal_calls_in_an_assembly_the_firmware_has_none_for)
{
    struct prog *p = ok_program();
    const uint16_t m = ib_method_def(p->app, "Native", MA_STATIC, MI_INTERNAL_CALL,
                                     ib_sig(p->app, SIG_BYTES(0, 0, 0, CLR_ELEM_VOID)), IB_NONE, 0);
    ib_internal_call(p->app, "App.Program::Native()", m);
    const size_t n = build(p);
    const char *names[] = {"App.Program::Native()"};
    char expected[400];
    snprintf(expected, sizeof expected,
             "assembly App: managed internal calls 0x%08x but this firmware implements 0x00000000; rebuild the firmware "
             "and the deployment from the same SDK version (first difference at entry 0: the deployment has "
             "\"App.Program::Native()\", the firmware nothing)\n",
             (unsigned)names_checksum(names, 1));
    check_refused(run_image(img, n, NULL), expected);
}

TEST(refuses_a_header_checksum_that_does_not_match_identical_names)
{
    struct prog *p = ok_program();
    ib_set_native_checksum(p->corlib, 0x12345678);
    const size_t n = build(p);
    char expected[400];
    snprintf(expected, sizeof expected,
             "assembly mscorlib: managed internal calls 0x12345678 but this firmware implements 0x%08x; rebuild the "
             "firmware and the deployment from the same SDK version (the names are the same, the header's checksum is "
             "wrong)\n",
             (unsigned)names_checksum(firmware_names, firmware_name_count()));
    check_refused(run_image(img, n, NULL), expected);
}

TEST(refuses_an_image_without_an_entry_point)
{
    struct prog *p = ok_program();
    p->app->flags = 0;
    const size_t n = build(p);
    check_refused(run_image(img, n, NULL), "deployment image: no assembly has an entry point or is the app (flags "
                                           "bits 0 and 1): the app must be in the image, last; deploy it\n");
}

TEST(refuses_an_entry_point_with_other_arguments)
{
    struct prog *p = prog_new();
    const uint16_t m = ib_method_def(p->app, "Main2", MA_STATIC, 0,
                                     ib_sig(p->app, SIG_BYTES(0, 0, 1, CLR_ELEM_VOID, CLR_ELEM_SZARRAY, CLR_ELEM_I4)),
                                     IB_NONE, 8);
    const uint8_t ret = CEE_RET;
    ib_method_body(p->app, m, &ret, 1);
    ib_entry_point(p->app, m);
    il_op(prog_main(p), CEE_RET);
    const size_t n = build(p);
    check_refused(run_image(img, n, NULL), "assembly App: entry point App.Program::Main2 takes other arguments: declare "
                                           "static void Main() or static void Main(string[])\n");
}

TEST(main_with_a_string_array_gets_an_empty_one)
{
    struct prog *p = prog_new();
    struct il il;
    il_reset(&il);
    il_op(&il, CEE_LDARG_0);
    il_op(&il, CEE_LDLEN);
    il_op(&il, CEE_CONV_I4);
    prog_print_i4(p, &il);
    il_op(&il, CEE_LDARG_0);
    il_tok(&il, CEE_CALLVIRT, p->object_to_s);
    prog_print_str(p, &il);
    il_op(&il, CEE_RET);
    il_finish(&il);
    const uint16_t m = ib_method_def(p->app, "Main2", MA_STATIC, 0,
                                     ib_sig(p->app, SIG_BYTES(0, 0, 1, CLR_ELEM_VOID, CLR_ELEM_SZARRAY, CLR_ELEM_STRING)),
                                     IB_NONE, 8);
    ib_method_body(p->app, m, il.code, il.len);
    ib_entry_point(p->app, m);
    il_op(prog_main(p), CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "0System.String[]");
}

TEST(refuses_too_little_ram)
{
    const size_t n = build(ok_program());
    const struct run_options tiny = {.ram = 64};
    const struct run *r = run_image(img, n, &tiny);
    CHECK_EQ(r->load, CLR_REFUSED);
    CHECK_CONTAINS(r->log, "runtime: 64 bytes of RAM given, the runtime's state alone takes");
    const struct run_options small = {.ram = 16 * 1024, .stack_slots = 100000};
    r = run_image(img, n, &small);
    CHECK_EQ(r->load, CLR_REFUSED);
    CHECK_CONTAINS(r->log, "runtime: 16384 bytes of RAM leave too little for a call stack of 64 frames and 100000 slots");
}

TEST(run_without_a_load_or_twice_runs_nothing)
{
    CHECK_EQ(clr_run(NULL), CLR_NOT_LOADED);
    const size_t n = build(ok_program());
    static uint8_t ram[256 * 1024];
    const struct clr_config cfg = {.image = img, .image_size = n, .ram = ram, .ram_size = sizeof ram};
    struct clr_runtime *rt;
    CHECK_EQ(clr_load(&cfg, &rt), CLR_OK);
    CHECK_EQ(clr_run(rt), CLR_OK); /* no HAL console: output dropped */
    CHECK_EQ(clr_run(rt), CLR_NOT_LOADED);
    img[0] = 0;
    CHECK_EQ(clr_load(&cfg, &rt), CLR_REFUSED);
    CHECK(rt == NULL);
}

TEST(runs_in_place_from_read_only_memory)
{
    /* As from flash: the image is never written (nor copied, the RAM is far smaller than needed for that). */
    const size_t n = build(ok_program());
    const size_t pages = (n + 4095) / 4096 * 4096;
    uint8_t *ro = mmap(NULL, pages, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(ro != MAP_FAILED);
    memcpy(ro, img, n);
    CHECK_EQ(mprotect(ro, pages, PROT_READ), 0);
    const struct run_options small = {.ram = 24 * 1024, .stack_slots = 256};
    const struct run *r = run_image(ro, n, &small);
    CHECK_EQ(r->result, CLR_OK);
    CHECK_STR_EQ(r->out, "ok");
    munmap(ro, pages);
}

TEST(resolves_a_type_reference_to_a_nested_type)
{
    /* Lib: Lib.Outer and Lib.Outer/Inner with static Hello(); App calls it through TypeRef Inner nested in Lib.Outer. */
    struct prog *p = prog_new();
    static struct ib_assembly lib;
    ib_init(&lib, "Lib", 2, 1);
    const uint16_t lib_corlib = ib_assembly_ref(&lib, "mscorlib", 1, 0);
    const uint16_t console = ib_type_ref(&lib, lib_corlib, "System", "Console");
    const uint16_t write = ib_method_ref(&lib, console, "WriteNative",
                                         ib_sig(&lib, SIG_BYTES(0, 0, 1, CLR_ELEM_VOID, CLR_ELEM_STRING)));
    const uint16_t outer = ib_type_def(&lib, "Lib", "Outer", 0, 0);
    ib_type_def(&lib, "Lib", "Inner", 0, 0); /* a top-level Lib.Inner, not the one wanted */
    const uint16_t inner = ib_type_def(&lib, "", "Inner", 0, 0);
    ib_type_set_enclosing(&lib, inner, outer);
    const uint16_t hello = ib_method_def(&lib, "Hello", MA_STATIC, 0, ib_sig(&lib, SIG_BYTES(0, 0, 0, CLR_ELEM_VOID)),
                                         IB_NONE, 1);
    struct il body;
    il_reset(&body);
    il_tok(&body, CEE_LDSTR, TOK_STRING(ib_string(&lib, "nested")));
    il_tok(&body, CEE_CALL, TOK_METHOD_REF(write));
    il_op(&body, CEE_RET);
    ib_method_body(&lib, hello, body.code, body.len);

    const uint16_t lib_ref = ib_assembly_ref(p->app, "Lib", 2, 1);
    const uint16_t inner_ref = ib_nested_type_ref(p->app, ib_type_ref(p->app, lib_ref, "Lib", "Outer"), "Inner");
    const uint16_t hello_ref = ib_method_ref(p->app, inner_ref, "Hello",
                                             ib_sig(p->app, SIG_BYTES(0, 0, 0, CLR_ELEM_VOID)));
    il_tok(prog_main(p), CEE_CALL, TOK_METHOD_REF(hello_ref));
    il_op(prog_main(p), CEE_RET);
    il_finish(prog_main(p));
    ib_method_body(p->app, p->main, prog_main(p)->code, prog_main(p)->len);
    size_t n = ib_build(p->corlib, img, sizeof img);
    n += ib_build(&lib, img + n, sizeof img - n);
    n += ib_build(p->app, img + n, sizeof img - n);
    const struct run *r = run_image(img, n, NULL);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "nested");
}

TEST(resolves_a_method_reference_through_the_base_type)
{
    /* A MethodRef owned by a type that inherits the method: found in the base type (String : Object here). */
    struct prog *p = prog_new();
    const uint16_t object = ib_type_def(p->corlib, "System", "Derived", 0, TOK_TYPE_DEF(6)); /* extends Number (after Object, ValueType, Enum, FirmwareOnly, String, Console) */
    (void)object;
    const uint16_t derived = ib_type_ref(p->app, p->corlib_ref, "System", "Derived");
    const uint16_t i4 = ib_method_ref(p->app, derived, "Int32ToString",
                                      ib_sig(p->app, SIG_BYTES(0, 0, 1, CLR_ELEM_STRING, CLR_ELEM_I4)));
    il_ldc_i4(prog_main(p), 7);
    il_tok(prog_main(p), CEE_CALL, TOK_METHOD_REF(i4));
    prog_print_str(p, prog_main(p));
    il_op(prog_main(p), CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "7");
}
