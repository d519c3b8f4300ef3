/*
 * "Never undefined behaviour": random method bodies that pass the load checks run to an end (normal or
 * an exception), and images with random damage (CRC fixed so the structural checks see it) load or are
 * refused — under ASan and UBSan, any out-of-bounds access or UB fails the test run.
 */
#include <stdio.h>
#include <string.h>

#include "clr_fixture.h"
#include "harness.h"

static uint64_t rng = 0x243F6A8885A308D3ull;

static uint32_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 11);
}

/* Instructions without branches (so the program ends) and with any operand values. */
static void random_instruction(struct prog *p, struct il *il, uint16_t field, uint16_t self)
{
    static const uint16_t plain[] = {
        CEE_NOP, CEE_LDNULL, CEE_DUP, CEE_POP, CEE_ADD, CEE_SUB, CEE_MUL, CEE_DIV, CEE_DIV_UN, CEE_REM, CEE_REM_UN,
        CEE_AND, CEE_OR, CEE_XOR, CEE_SHL, CEE_SHR, CEE_SHR_UN, CEE_NEG, CEE_NOT, CEE_CONV_I1, CEE_CONV_I2,
        CEE_CONV_I4, CEE_CONV_I8, CEE_CONV_R4, CEE_CONV_R8, CEE_CONV_U4, CEE_CONV_U8, CEE_CONV_R_UN, CEE_CONV_U2,
        CEE_CONV_U1, CEE_CONV_I, CEE_CONV_U, CEE_CONV_OVF_I1, CEE_CONV_OVF_U8_UN, CEE_CONV_OVF_I, CEE_ADD_OVF,
        CEE_MUL_OVF_UN, CEE_SUB_OVF, CEE_CEQ, CEE_CGT, CEE_CGT_UN, CEE_CLT, CEE_CLT_UN, CEE_LDLOC_0, CEE_LDLOC_1,
        CEE_STLOC_0, CEE_STLOC_1, CEE_LDARG_0, CEE_LDLOC_3, CEE_RET, CEE_LDC_I4_M1, CEE_LDC_I4_8,
    };
    switch (next() % 13) {
    case 0:
        il_ldc_i4(il, (int32_t)next());
        break;
    case 1:
        il_ldc_i8(il, (int64_t)((uint64_t)next() << 32 | next()));
        break;
    case 2: {
        const uint32_t bits = next();
        float f;
        memcpy(&f, &bits, 4);
        il_ldc_r4(il, f);
        break;
    }
    case 3: {
        const uint64_t bits = (uint64_t)next() << 32 | next();
        double d;
        memcpy(&d, &bits, 8);
        il_ldc_r8(il, d);
        break;
    }
    case 4:
        il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, next() % 2 ? "abc" : "")));
        break;
    case 5: {
        const uint32_t calls[] = {p->write, p->i4_to_s, p->r8_to_s, p->concat, p->get_chars, p->get_length,
                                  TOK_METHOD_DEF(self), p->u8_to_s, p->equals};
        il_tok(il, next() % 4 == 0 ? CEE_CALLVIRT : CEE_CALL, calls[next() % 9]);
        break;
    }
    case 6:
        il_tok(il, next() % 2 ? CEE_LDSFLD : CEE_STSFLD, TOK_FIELD_DEF(field));
        break;
    case 7: { /* managed pointers, arrays, objects */
        static const uint16_t ops[] = {CEE_LDIND_I1, 0x4A, 0x4C, 0x4D, 0x4F, CEE_LDIND_REF, CEE_STIND_REF, 0x54,
                                       0x55, 0x57, CEE_STIND_I, CEE_LDLEN, 0x91, 0x94, 0x99, CEE_LDELEM_REF,
                                       CEE_STELEM_I, 0x9E, 0xA1, CEE_STELEM_REF};
        const unsigned k = next() % (sizeof ops / sizeof ops[0] + 3);
        if (k < sizeof ops / sizeof ops[0]) {
            il_op(il, ops[k]);
        } else {
            il_op(il, k == sizeof ops / sizeof ops[0] ? CEE_LDLOCA_S : k % 2 ? CEE_LDARGA_S : CEE_LDLOCA_S);
            il_u8(il, (uint8_t)(next() % 3));
        }
        break;
    }
    case 8: {
        const uint32_t type = next() % 2 ? TOK_TYPE_REF(p->string_type_ref) : TOK_TYPE_DEF(p->program);
        static const uint16_t ops[] = {CEE_NEWARR, CEE_LDELEMA, CEE_LDELEM, CEE_STELEM, CEE_BOX, CEE_UNBOX_ANY,
                                       CEE_ISINST, CEE_CASTCLASS, CEE_UNBOX};
        il_tok(il, ops[next() % (sizeof ops / sizeof ops[0])], type);
        break;
    }
    case 9:
        il_tok(il, next() % 2 ? CEE_CALLVIRT : CEE_NEWOBJ, next() % 2 ? p->object_to_s : p->array_length);
        break;
    default:
        il_op(il, plain[next() % (sizeof plain / sizeof plain[0])]);
        break;
    }
}

/* Mostly well-typed code: a model of the stack's kinds picks instructions that fit it. */
enum { M_I4, M_I8, M_R4, M_R8, M_I, M_STR };

struct model {
    uint8_t kinds[16];
    unsigned depth;
};

static void model_push(struct model *m, uint8_t kind)
{
    if (m->depth < 16)
        m->kinds[m->depth++] = kind;
}

static void typed_instruction(struct prog *p, struct il *il, struct model *m, uint16_t field)
{
    static const uint16_t int_ops[] = {CEE_ADD, CEE_SUB, CEE_MUL, CEE_DIV, CEE_DIV_UN, CEE_REM, CEE_REM_UN,
                                       CEE_AND, CEE_OR, CEE_XOR, CEE_ADD_OVF, CEE_ADD_OVF_UN, CEE_SUB_OVF,
                                       CEE_SUB_OVF_UN, CEE_MUL_OVF, CEE_MUL_OVF_UN, CEE_CEQ, CEE_CGT, CEE_CGT_UN,
                                       CEE_CLT, CEE_CLT_UN, CEE_SHL, CEE_SHR, CEE_SHR_UN};
    static const uint16_t float_ops[] = {CEE_ADD, CEE_SUB, CEE_MUL, CEE_DIV, CEE_REM, CEE_CEQ, CEE_CGT, CEE_CGT_UN,
                                         CEE_CLT, CEE_CLT_UN};
    static const struct {
        uint16_t op;
        uint8_t result;
    } convs[] = {{CEE_CONV_I1, M_I4},     {CEE_CONV_U2, M_I4},     {CEE_CONV_I4, M_I4},         {CEE_CONV_U4, M_I4},
                 {CEE_CONV_I8, M_I8},     {CEE_CONV_U8, M_I8},     {CEE_CONV_R4, M_R4},         {CEE_CONV_R8, M_R8},
                 {CEE_CONV_R_UN, M_R8},   {CEE_CONV_I, M_I},       {CEE_CONV_U, M_I},           {CEE_CONV_OVF_I2, M_I4},
                 {CEE_CONV_OVF_U4, M_I4}, {CEE_CONV_OVF_I8, M_I8}, {CEE_CONV_OVF_U1_UN, M_I4}, {CEE_CONV_OVF_I_UN, M_I}};
    const uint8_t top = m->depth > 0 ? m->kinds[m->depth - 1] : 0xFF;
    const uint8_t below = m->depth > 1 ? m->kinds[m->depth - 2] : 0xFF;
    const unsigned pick = next() % 10;
    if (m->depth < 2 || pick < 3) {
        switch (next() % 6) {
        case 0: il_ldc_i4(il, next() % 3 ? (int32_t)(next() % 200) - 100 : (int32_t)next()); model_push(m, M_I4); break;
        case 1: il_ldc_i8(il, (int64_t)((uint64_t)next() << (next() % 33))); model_push(m, M_I8); break;
        case 2: il_ldc_r8(il, ((double)(int32_t)next()) / (1 + next() % 1000)); model_push(m, M_R8); break;
        case 3: il_ldc_r4(il, (float)(int32_t)next() / 7.0f); model_push(m, M_R4); break;
        case 4: il_tok(il, CEE_LDSFLD, TOK_FIELD_DEF(field)); model_push(m, M_I8); break;
        default: il_tok(il, CEE_LDSTR, TOK_STRING(ib_string(p->app, "xyz"))); model_push(m, M_STR); break;
        }
        return;
    }
    if (pick < 6 && top == below && top != M_STR) {
        const bool is_float = top == M_R4 || top == M_R8;
        const uint16_t op = is_float ? float_ops[next() % 10] : int_ops[next() % 24];
        if (op == CEE_SHL || op == CEE_SHR || op == CEE_SHR_UN) {
            il_op(il, CEE_POP);
            il_ldc_i4(il, (int32_t)(next() % 80) - 8);
            m->depth--;
            model_push(m, M_I4);
        }
        il_op(il, op);
        m->depth -= 2;
        model_push(m, op >= CEE_CEQ ? M_I4 : top);
        return;
    }
    if (top == M_STR) {
        il_tok(il, CEE_CALLVIRT, p->get_length);
        m->depth--;
        model_push(m, M_I4);
        return;
    }
    if (pick < 8) {
        const unsigned c = next() % (sizeof convs / sizeof convs[0]);
        il_op(il, convs[c].op);
        m->depth--;
        model_push(m, convs[c].result);
        return;
    }
    if (pick == 8 && top == M_I8) {
        il_tok(il, CEE_STSFLD, TOK_FIELD_DEF(field));
        m->depth--;
        return;
    }
    /* print the top: XToString then WriteNative */
    const uint32_t to_string = top == M_I4 ? p->i4_to_s : top == M_R4 ? p->r4_to_s : top == M_R8 ? p->r8_to_s : 0;
    if (to_string != 0) {
        il_tok(il, CEE_CALL, to_string);
        prog_print_str(p, il);
    } else {
        il_op(il, CEE_POP);
    }
    m->depth--;
}

TEST(random_bodies_end_in_a_defined_way)
{
    unsigned ok = 0, stopped = 0;
    for (int i = 0; i < 3000; i++) {
        struct prog *p = prog_new();
        const uint16_t field = ib_field_def(p->app, "f", FA_STATIC, ib_sig(p->app, SIG_BYTES(CLR_SIG_FIELD, CLR_ELEM_I8)));
        ib_put32(ib_row(p->app, CLR_TBL_METHOD_DEF, p->main) + 20,
                 ib_sig(p->app, SIG_BYTES(CLR_SIG_LOCALS, 2, CLR_ELEM_I4, CLR_ELEM_R8)));
        ib_row(p->app, CLR_TBL_METHOD_DEF, p->main)[11] = 2;
        struct il *il = prog_main(p);
        ib_put16(ib_row(p->app, CLR_TBL_METHOD_DEF, p->main) + 12, i % 2 ? 16 : 1 + next() % 8);
        const unsigned n = 1 + next() % 40;
        struct model m = {.depth = 0};
        for (unsigned k = 0; k < n; k++) {
            if (i % 2 == 0 || next() % 10 == 0)
                random_instruction(p, il, field, p->main);
            else
                typed_instruction(p, il, &m, field);
        }
        il_op(il, CEE_RET);
        const struct run *r = prog_run(p);
        CHECK(r->load == CLR_OK);
        CHECK(r->result == CLR_OK || r->result == CLR_UNHANDLED_EXCEPTION);
        if (r->result == CLR_UNHANDLED_EXCEPTION) {
            CHECK(strncmp(r->log, "Unhandled exception: System.", 28) == 0);
            stopped++;
        } else {
            ok++;
        }
    }
    fprintf(stderr, "random bodies: %u returned, %u stopped on an exception\n", ok, stopped);
    CHECK(ok > 100 && stopped > 100); /* both ends were exercised */
}

/* Recomputes an assembly's CRC when its (maybe damaged) total_size still lies inside the image. */
static void fix_crc_if_sane(uint8_t *image, size_t offset, size_t n)
{
    const uint32_t total = ib_get32(image + offset + 8);
    if (total >= 16 && total <= n - offset)
        ib_fix_crc(image + offset);
}

TEST(damaged_images_load_or_are_refused)
{
    static uint8_t image[64 * 1024];
    struct prog *p = prog_new();
    struct il *il = prog_main(p);
    prog_print_text(p, il, "hello");
    il_ldc_i4(il, 3);
    prog_print_i4(p, il);
    il_op(il, CEE_RET);
    const size_t n = prog_image(p, image, sizeof image);
    const uint32_t corlib = ib_get32(image + 8);
    static uint8_t damaged[64 * 1024];
    static uint8_t ram[256 * 1024];
    unsigned refused = 0;
    for (int i = 0; i < 4000; i++) {
        memcpy(damaged, image, n);
        const unsigned flips = 1 + next() % 4;
        for (unsigned k = 0; k < flips; k++) {
            /* Mostly header and tables of either assembly; sometimes anywhere. */
            const size_t at = next() % 3 == 0 ? next() % n : (next() % 2 ? next() % 600 : corlib + next() % 600);
            damaged[at] = (uint8_t)(next() % 5 == 0 ? 0xFF : damaged[at] ^ (1u << (next() % 8)));
        }
        fix_crc_if_sane(damaged, 0, n);
        fix_crc_if_sane(damaged, corlib, n);
        const struct clr_config cfg = {.image = damaged, .image_size = n, .ram = ram, .ram_size = sizeof ram};
        struct clr_runtime *rt;
        const enum clr_result result = clr_load(&cfg, &rt);
        CHECK(result == CLR_OK || result == CLR_REFUSED);
        CHECK((result == CLR_OK) == (rt != NULL));
        refused += result == CLR_REFUSED;
    }
    CHECK(refused > 1000);
}
