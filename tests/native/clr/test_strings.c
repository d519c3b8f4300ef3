/*
 * Strings: UTF-16 objects made once per literal from the image's UTF-8, the String internal calls with
 * .NET's null handling, and UTF-8 console output (surrogate pairs joined, lone surrogates as U+FFFD).
 */
#include <string.h>

#include "clr_fixture.h"
#include "harness.h"

static void ldstr(struct prog *p, struct il *il, const char *text)
{
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, text)));
}

TEST(a_literal_is_one_object_made_once)
{
    struct prog *p = prog_new();
    ib_put32(ib_row(p->app, CLR_TBL_METHOD_DEF, p->main) + 20,
             ib_sig(p->app, SIG_BYTES(CLR_SIG_LOCALS, 1, CLR_ELEM_I4)));
    ib_row(p->app, CLR_TBL_METHOD_DEF, p->main)[11] = 1;
    struct il *il = prog_main(p);
    ldstr(p, il, "same");
    ldstr(p, il, "same");
    il_op(il, CEE_CEQ);
    prog_print_i4(p, il);
    /* 100000 ldstr in a 24 KiB runtime: no allocation after the first */
    const uint32_t top = il_label(il), done = il_label(il);
    il_ldc_i4(il, 100000);
    il_op(il, CEE_STLOC_0);
    il_mark(il, top);
    il_op(il, CEE_LDLOC_0);
    il_branch(il, CEE_BRFALSE_S, done);
    ldstr(p, il, "a literal of some length, a literal of some length");
    il_op(il, CEE_POP);
    il_op(il, CEE_LDLOC_0);
    il_op(il, CEE_LDC_I4_1);
    il_op(il, CEE_SUB);
    il_op(il, CEE_STLOC_0);
    il_branch(il, CEE_BR_S, top);
    il_mark(il, done);
    il_op(il, CEE_RET);
    const struct run_options small = {.ram = 24 * 1024, .stack_slots = 256};
    const struct run *r = prog_run_with(p, &small);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "1");
}

TEST(concat_treats_null_as_empty)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    il_op(il, CEE_LDNULL);
    il_op(il, CEE_LDNULL);
    il_tok(il, CEE_CALL, p->concat);
    il_op(il, CEE_DUP);
    il_tok(il, CEE_CALLVIRT, p->get_length); /* never null: "" */
    prog_print_i4(p, il);
    prog_print_str(p, il);
    prog_print_text(p, il, "|");
    ldstr(p, il, "a");
    il_op(il, CEE_LDNULL);
    il_tok(il, CEE_CALL, p->concat);
    prog_print_str(p, il);
    il_op(il, CEE_LDNULL);
    ldstr(p, il, "b");
    il_tok(il, CEE_CALL, p->concat);
    prog_print_str(p, il);
    ldstr(p, il, "cd");
    ldstr(p, il, "ef");
    il_tok(il, CEE_CALL, p->concat);
    prog_print_str(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "0|abcdef");
}

TEST(equals_compares_ordinally)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    /* "ab" + "c" is another object than the literal "abc" */
    ldstr(p, il, "ab");
    ldstr(p, il, "c");
    il_tok(il, CEE_CALL, p->concat);
    il_op(il, CEE_DUP);
    ldstr(p, il, "abc");
    il_tok(il, CEE_CALL, p->equals);
    prog_print_i4(p, il);
    ldstr(p, il, "abc");
    il_op(il, CEE_CEQ);
    prog_print_i4(p, il);
    il_op(il, CEE_LDNULL);
    il_op(il, CEE_LDNULL);
    il_tok(il, CEE_CALL, p->equals);
    prog_print_i4(p, il);
    ldstr(p, il, "a");
    il_op(il, CEE_LDNULL);
    il_tok(il, CEE_CALL, p->equals);
    prog_print_i4(p, il);
    ldstr(p, il, "a");
    ldstr(p, il, "A");
    il_tok(il, CEE_CALL, p->equals);
    prog_print_i4(p, il);
    ldstr(p, il, "ab");
    ldstr(p, il, "abc");
    il_tok(il, CEE_CALL, p->equals);
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "101000");
}

TEST(length_and_chars_count_utf16_code_units)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    static const char *const texts[] = {"", "h\xC3\xA9llo", "\xF0\x9D\x84\x9E"}; /* "", "héllo", U+1D11E */
    for (unsigned i = 0; i < 3; i++) {
        ldstr(p, il, texts[i]);
        il_tok(il, CEE_CALLVIRT, p->get_length);
        prog_print_i4(p, il);
        prog_print_text(p, il, ",");
    }
    const struct {
        unsigned text;
        int32_t index;
    } chars[] = {{1, 1}, {1, 4}, {2, 0}, {2, 1}};
    for (unsigned i = 0; i < 4; i++) {
        ldstr(p, il, texts[chars[i].text]);
        il_ldc_i4(il, chars[i].index);
        il_tok(il, CEE_CALLVIRT, p->get_chars);
        prog_print_i4(p, il);
        prog_print_text(p, il, ",");
    }
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "0,5,2,233,111,55348,56606,");
}

TEST(console_output_is_utf8)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    const char *text = "h\xC3\xA9llo \xE2\x82\xAC \xF0\x9D\x84\x9E \xE6\x97\xA5\xE6\x9C\xAC\n"; /* héllo € 𝄞 日本 */
    ldstr(p, il, text);
    prog_print_str(p, il);
    /* a long string: pairs and 3-byte characters straddle the writer's 64-byte chunks */
    char longer[400] = "";
    for (int i = 0; i < 30; i++)
        strcat(longer, i % 3 == 0 ? "\xF0\x9D\x84\x9E" : i % 3 == 1 ? "ab\xE2\x82\xAC" : "xyz");
    ldstr(p, il, longer);
    il_op(il, CEE_DUP);
    il_tok(il, CEE_CALL, p->concat); /* twice, through a heap string */
    prog_print_str(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    char expected[1024];
    strcpy(expected, text);
    strcat(expected, longer);
    strcat(expected, longer);
    CHECK_STR_EQ(r->out, expected);
}

TEST(invalid_utf8_and_lone_surrogates_become_replacement_characters)
{
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    /* 0xFF is never UTF-8; ED A0 80 is a lone high surrogate (WTF-8), kept as one UTF-16 unit */
    static const uint8_t bad[] = {'a', 0xFF, 'b'};
    static const uint8_t lone[] = {'<', 0xED, 0xA0, 0x80, '>'};
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string_bytes(p->app, bad, sizeof bad)));
    prog_print_str(p, il);
    il_tok(il, CEE_LDSTR, TOK_STRING(ib_string_bytes(p->app, lone, sizeof lone)));
    il_op(il, CEE_DUP);
    il_tok(il, CEE_CALLVIRT, p->get_length);
    prog_print_i4(p, il);
    il_op(il, CEE_DUP);
    il_ldc_i4(il, 1);
    il_tok(il, CEE_CALLVIRT, p->get_chars);
    prog_print_i4(p, il);
    prog_print_str(p, il);
    il_op(il, CEE_RET);
    const struct run *r = prog_run(p);
    CHECK_STR_EQ(r->log, "");
    CHECK_STR_EQ(r->out, "a\xEF\xBF\xBD" "b" "3" "55296" "<\xEF\xBF\xBD>");
}
