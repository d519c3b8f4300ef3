/* Generated once from ECMA-335 Partition III (opcode values, names, operand kinds); edit by hand. */
#include "clr_opcodes.h"

#include <string.h>

/* Operand kind of each one-byte opcode 0x00..0xE0 (0xFE is the prefix of the two-byte ones). */
const uint8_t clr_opcode_operand[CLR_ONE_BYTE_OPCODES] = {
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x00 */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x04 */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x08 */
    OPND_N, OPND_N, OPND_U8, OPND_U8,  /* 0x0C */
    OPND_U8, OPND_U8, OPND_U8, OPND_U8,  /* 0x10 */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x14 */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x18 */
    OPND_N, OPND_N, OPND_N, OPND_U8,  /* 0x1C */
    OPND_I4, OPND_I8, OPND_R4, OPND_R8,  /* 0x20 */
    OPND_INVALID, OPND_N, OPND_N, OPND_METHOD,  /* 0x24 */
    OPND_METHOD, OPND_SIG, OPND_N, OPND_BR8,  /* 0x28 */
    OPND_BR8, OPND_BR8, OPND_BR8, OPND_BR8,  /* 0x2C */
    OPND_BR8, OPND_BR8, OPND_BR8, OPND_BR8,  /* 0x30 */
    OPND_BR8, OPND_BR8, OPND_BR8, OPND_BR8,  /* 0x34 */
    OPND_BR32, OPND_BR32, OPND_BR32, OPND_BR32,  /* 0x38 */
    OPND_BR32, OPND_BR32, OPND_BR32, OPND_BR32,  /* 0x3C */
    OPND_BR32, OPND_BR32, OPND_BR32, OPND_BR32,  /* 0x40 */
    OPND_BR32, OPND_SWITCH, OPND_N, OPND_N,  /* 0x44 */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x48 */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x4C */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x50 */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x54 */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x58 */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x5C */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x60 */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x64 */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x68 */
    OPND_N, OPND_N, OPND_N, OPND_METHOD,  /* 0x6C */
    OPND_TYPE, OPND_TYPE, OPND_STRING, OPND_METHOD,  /* 0x70 */
    OPND_TYPE, OPND_TYPE, OPND_N, OPND_INVALID,  /* 0x74 */
    OPND_INVALID, OPND_TYPE, OPND_N, OPND_FIELD,  /* 0x78 */
    OPND_FIELD, OPND_FIELD, OPND_FIELD, OPND_FIELD,  /* 0x7C */
    OPND_FIELD, OPND_TYPE, OPND_N, OPND_N,  /* 0x80 */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x84 */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x88 */
    OPND_TYPE, OPND_TYPE, OPND_N, OPND_TYPE,  /* 0x8C */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x90 */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x94 */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x98 */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0x9C */
    OPND_N, OPND_N, OPND_N, OPND_TYPE,  /* 0xA0 */
    OPND_TYPE, OPND_TYPE, OPND_INVALID, OPND_INVALID,  /* 0xA4 */
    OPND_INVALID, OPND_INVALID, OPND_INVALID, OPND_INVALID,  /* 0xA8 */
    OPND_INVALID, OPND_INVALID, OPND_INVALID, OPND_INVALID,  /* 0xAC */
    OPND_INVALID, OPND_INVALID, OPND_INVALID, OPND_N,  /* 0xB0 */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0xB4 */
    OPND_N, OPND_N, OPND_N, OPND_INVALID,  /* 0xB8 */
    OPND_INVALID, OPND_INVALID, OPND_INVALID, OPND_INVALID,  /* 0xBC */
    OPND_INVALID, OPND_INVALID, OPND_TYPE, OPND_N,  /* 0xC0 */
    OPND_INVALID, OPND_INVALID, OPND_TYPE, OPND_INVALID,  /* 0xC4 */
    OPND_INVALID, OPND_INVALID, OPND_INVALID, OPND_INVALID,  /* 0xC8 */
    OPND_INVALID, OPND_INVALID, OPND_INVALID, OPND_INVALID,  /* 0xCC */
    OPND_TOKEN, OPND_N, OPND_N, OPND_N,  /* 0xD0 */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0xD4 */
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0xD8 */
    OPND_N, OPND_BR32, OPND_BR8, OPND_N,  /* 0xDC */
    OPND_N,  /* 0xE0 */
};

/* Operand kind of each two-byte opcode 0xFE 0x00..0x1E. */
const uint8_t clr_opcode2_operand[CLR_TWO_BYTE_OPCODES] = {
    OPND_N, OPND_N, OPND_N, OPND_N,  /* 0xFE 0x00 */
    OPND_N, OPND_N, OPND_METHOD, OPND_METHOD,  /* 0xFE 0x04 */
    OPND_INVALID, OPND_VAR16, OPND_VAR16, OPND_VAR16,  /* 0xFE 0x08 */
    OPND_VAR16, OPND_VAR16, OPND_VAR16, OPND_N,  /* 0xFE 0x0C */
    OPND_INVALID, OPND_N, OPND_U8, OPND_N,  /* 0xFE 0x10 */
    OPND_N, OPND_TYPE, OPND_TYPE, OPND_N,  /* 0xFE 0x14 */
    OPND_N, OPND_U8, OPND_N, OPND_INVALID,  /* 0xFE 0x18 */
    OPND_TYPE, OPND_N, OPND_N,  /* 0xFE 0x1C */
};

/* Names, NUL-separated, one per opcode in the order above (one-byte, then two-byte); "" = not an opcode. */
static const char opcode_names[] =
    "nop\0break\0ldarg.0\0ldarg.1\0ldarg.2\0ldarg.3\0ldloc.0\0ldloc.1\0ldloc.2\0ldloc.3\0stloc.0\0stloc.1\0"
    "stloc.2\0stloc.3\0ldarg.s\0ldarga.s\0starg.s\0ldloc.s\0ldloca.s\0stloc.s\0ldnull\0ldc.i4.m1\0ldc.i4.0\0"
    "ldc.i4.1\0ldc.i4.2\0ldc.i4.3\0ldc.i4.4\0ldc.i4.5\0ldc.i4.6\0ldc.i4.7\0ldc.i4.8\0ldc.i4.s\0ldc.i4\0"
    "ldc.i8\0ldc.r4\0ldc.r8\0\0dup\0pop\0jmp\0call\0calli\0ret\0br.s\0brfalse.s\0brtrue.s\0beq.s\0bge.s\0"
    "bgt.s\0ble.s\0blt.s\0bne.un.s\0bge.un.s\0bgt.un.s\0ble.un.s\0blt.un.s\0br\0brfalse\0brtrue\0beq\0bge\0"
    "bgt\0ble\0blt\0bne.un\0bge.un\0bgt.un\0ble.un\0blt.un\0switch\0ldind.i1\0ldind.u1\0ldind.i2\0ldind.u2\0"
    "ldind.i4\0ldind.u4\0ldind.i8\0ldind.i\0ldind.r4\0ldind.r8\0ldind.ref\0stind.ref\0stind.i1\0stind.i2\0"
    "stind.i4\0stind.i8\0stind.r4\0stind.r8\0add\0sub\0mul\0div\0div.un\0rem\0rem.un\0and\0or\0xor\0shl\0shr\0"
    "shr.un\0neg\0not\0conv.i1\0conv.i2\0conv.i4\0conv.i8\0conv.r4\0conv.r8\0conv.u4\0conv.u8\0callvirt\0"
    "cpobj\0ldobj\0ldstr\0newobj\0castclass\0isinst\0conv.r.un\0\0\0unbox\0throw\0ldfld\0ldflda\0stfld\0"
    "ldsfld\0ldsflda\0stsfld\0stobj\0conv.ovf.i1.un\0conv.ovf.i2.un\0conv.ovf.i4.un\0conv.ovf.i8.un\0"
    "conv.ovf.u1.un\0conv.ovf.u2.un\0conv.ovf.u4.un\0conv.ovf.u8.un\0conv.ovf.i.un\0conv.ovf.u.un\0box\0"
    "newarr\0ldlen\0ldelema\0ldelem.i1\0ldelem.u1\0ldelem.i2\0ldelem.u2\0ldelem.i4\0ldelem.u4\0ldelem.i8\0"
    "ldelem.i\0ldelem.r4\0ldelem.r8\0ldelem.ref\0stelem.i\0stelem.i1\0stelem.i2\0stelem.i4\0stelem.i8\0"
    "stelem.r4\0stelem.r8\0stelem.ref\0ldelem\0stelem\0unbox.any\0\0\0\0\0\0\0\0\0\0\0\0\0\0conv.ovf.i1\0"
    "conv.ovf.u1\0conv.ovf.i2\0conv.ovf.u2\0conv.ovf.i4\0conv.ovf.u4\0conv.ovf.i8\0conv.ovf.u8\0\0\0\0\0\0\0\0"
    "refanyval\0ckfinite\0\0\0mkrefany\0\0\0\0\0\0\0\0\0\0ldtoken\0conv.u2\0conv.u1\0conv.i\0conv.ovf.i\0"
    "conv.ovf.u\0add.ovf\0add.ovf.un\0mul.ovf\0mul.ovf.un\0sub.ovf\0sub.ovf.un\0endfinally\0leave\0leave.s\0"
    "stind.i\0conv.u\0arglist\0ceq\0cgt\0cgt.un\0clt\0clt.un\0ldftn\0ldvirtftn\0\0ldarg\0ldarga\0starg\0"
    "ldloc\0ldloca\0stloc\0localloc\0\0endfilter\0unaligned.\0volatile.\0tail.\0initobj\0constrained.\0cpblk\0"
    "initblk\0no.\0rethrow\0\0sizeof\0refanytype\0readonly.\0";

const char *clr_opcode_name(unsigned opcode)
{
    unsigned index = opcode < CLR_ONE_BYTE_OPCODES ? opcode
                     : (opcode >> 8) == 0xFE && (opcode & 0xFF) < CLR_TWO_BYTE_OPCODES ? CLR_ONE_BYTE_OPCODES + (opcode & 0xFF)
                                                                                        : CLR_ONE_BYTE_OPCODES + CLR_TWO_BYTE_OPCODES;
    const char *name = opcode_names;
    for (unsigned i = 0; i < index && i < CLR_ONE_BYTE_OPCODES + CLR_TWO_BYTE_OPCODES; i++)
        name += strlen(name) + 1;
    return index < CLR_ONE_BYTE_OPCODES + CLR_TWO_BYTE_OPCODES && name[0] != '\0' ? name : "(not an opcode)";
}
