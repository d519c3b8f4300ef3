/*
 * ECMA-335 opcodes: values, operand kinds (to walk any method body) and names (for messages).
 * Two-byte opcodes are written 0xFE00 | second byte.
 */
#ifndef CLR_OPCODES_H
#define CLR_OPCODES_H

#include <stdint.h>

#define CLR_ONE_BYTE_OPCODES 0xE1u /* 0x00..0xE0 */
#define CLR_TWO_BYTE_OPCODES 0x1Fu /* 0xFE 0x00..0xFE 0x1E */

enum clr_operand_kind {
    OPND_N,       /* none */
    OPND_U8,      /* one byte: short variable index, ldc.i4.s, unaligned., no. */
    OPND_BR8,     /* int8 branch offset */
    OPND_I4,      /* int32 */
    OPND_BR32,    /* int32 branch offset */
    OPND_I8,      /* int64 */
    OPND_R4,      /* float32 */
    OPND_R8,      /* float64 */
    OPND_VAR16,   /* uint16 variable index */
    OPND_SWITCH,  /* uint32 n, then n int32 offsets */
    OPND_METHOD,  /* token: MethodDef or MethodRef */
    OPND_FIELD,   /* token: FieldDef or FieldRef */
    OPND_TYPE,    /* token: TypeDef or TypeRef */
    OPND_STRING,  /* token: string */
    OPND_TOKEN,   /* token: type, field or method (ldtoken) */
    OPND_SIG,     /* token: stand-alone signature (calli), not in the format */
    OPND_INVALID, /* not an opcode */
};

extern const uint8_t clr_opcode_operand[CLR_ONE_BYTE_OPCODES];
extern const uint8_t clr_opcode2_operand[CLR_TWO_BYTE_OPCODES];

/* "ldloca.s", or "(not an opcode)". */
const char *clr_opcode_name(unsigned opcode);

enum clr_opcode {
    CEE_NOP = 0x00,
    CEE_LDARG_0 = 0x02,
    CEE_LDARG_1 = 0x03,
    CEE_LDARG_2 = 0x04,
    CEE_LDARG_3 = 0x05,
    CEE_LDLOC_0 = 0x06,
    CEE_LDLOC_1 = 0x07,
    CEE_LDLOC_2 = 0x08,
    CEE_LDLOC_3 = 0x09,
    CEE_STLOC_0 = 0x0A,
    CEE_STLOC_1 = 0x0B,
    CEE_STLOC_2 = 0x0C,
    CEE_STLOC_3 = 0x0D,
    CEE_LDARG_S = 0x0E,
    CEE_LDARGA_S = 0x0F,
    CEE_STARG_S = 0x10,
    CEE_LDLOC_S = 0x11,
    CEE_LDLOCA_S = 0x12,
    CEE_STLOC_S = 0x13,
    CEE_LDNULL = 0x14,
    CEE_LDC_I4_M1 = 0x15,
    CEE_LDC_I4_0 = 0x16,
    CEE_LDC_I4_1 = 0x17,
    CEE_LDC_I4_2 = 0x18,
    CEE_LDC_I4_3 = 0x19,
    CEE_LDC_I4_4 = 0x1A,
    CEE_LDC_I4_5 = 0x1B,
    CEE_LDC_I4_6 = 0x1C,
    CEE_LDC_I4_7 = 0x1D,
    CEE_LDC_I4_8 = 0x1E,
    CEE_LDC_I4_S = 0x1F,
    CEE_LDC_I4 = 0x20,
    CEE_LDC_I8 = 0x21,
    CEE_LDC_R4 = 0x22,
    CEE_LDC_R8 = 0x23,
    CEE_DUP = 0x25,
    CEE_POP = 0x26,
    CEE_CALL = 0x28,
    CEE_RET = 0x2A,
    CEE_BR_S = 0x2B,
    CEE_BRFALSE_S = 0x2C,
    CEE_BRTRUE_S = 0x2D,
    CEE_BEQ_S = 0x2E,
    CEE_BGE_S = 0x2F,
    CEE_BGT_S = 0x30,
    CEE_BLE_S = 0x31,
    CEE_BLT_S = 0x32,
    CEE_BNE_UN_S = 0x33,
    CEE_BGE_UN_S = 0x34,
    CEE_BGT_UN_S = 0x35,
    CEE_BLE_UN_S = 0x36,
    CEE_BLT_UN_S = 0x37,
    CEE_BR = 0x38,
    CEE_BRFALSE = 0x39,
    CEE_BRTRUE = 0x3A,
    CEE_BEQ = 0x3B,
    CEE_BGE = 0x3C,
    CEE_BGT = 0x3D,
    CEE_BLE = 0x3E,
    CEE_BLT = 0x3F,
    CEE_BNE_UN = 0x40,
    CEE_BGE_UN = 0x41,
    CEE_BGT_UN = 0x42,
    CEE_BLE_UN = 0x43,
    CEE_BLT_UN = 0x44,
    CEE_SWITCH = 0x45,
    CEE_LDIND_I1 = 0x46,
    CEE_LDIND_REF = 0x50,
    CEE_STIND_REF = 0x51,
    CEE_STIND_R8 = 0x57,
    CEE_ADD = 0x58,
    CEE_SUB = 0x59,
    CEE_MUL = 0x5A,
    CEE_DIV = 0x5B,
    CEE_DIV_UN = 0x5C,
    CEE_REM = 0x5D,
    CEE_REM_UN = 0x5E,
    CEE_AND = 0x5F,
    CEE_OR = 0x60,
    CEE_XOR = 0x61,
    CEE_SHL = 0x62,
    CEE_SHR = 0x63,
    CEE_SHR_UN = 0x64,
    CEE_NEG = 0x65,
    CEE_NOT = 0x66,
    CEE_CONV_I1 = 0x67,
    CEE_CONV_I2 = 0x68,
    CEE_CONV_I4 = 0x69,
    CEE_CONV_I8 = 0x6A,
    CEE_CONV_R4 = 0x6B,
    CEE_CONV_R8 = 0x6C,
    CEE_CONV_U4 = 0x6D,
    CEE_CONV_U8 = 0x6E,
    CEE_CALLVIRT = 0x6F,
    CEE_LDSTR = 0x72,
    CEE_NEWOBJ = 0x73,
    CEE_CONV_R_UN = 0x76,
    CEE_CASTCLASS = 0x74,
    CEE_ISINST = 0x75,
    CEE_UNBOX = 0x79,
    CEE_THROW = 0x7A,
    CEE_LDFLD = 0x7B,
    CEE_LDFLDA = 0x7C,
    CEE_STFLD = 0x7D,
    CEE_LDSFLD = 0x7E,
    CEE_LDSFLDA = 0x7F,
    CEE_STSFLD = 0x80,
    CEE_CONV_OVF_I1_UN = 0x82,
    CEE_CONV_OVF_I2_UN = 0x83,
    CEE_CONV_OVF_I4_UN = 0x84,
    CEE_CONV_OVF_I8_UN = 0x85,
    CEE_CONV_OVF_U1_UN = 0x86,
    CEE_CONV_OVF_U2_UN = 0x87,
    CEE_CONV_OVF_U4_UN = 0x88,
    CEE_CONV_OVF_U8_UN = 0x89,
    CEE_CONV_OVF_I_UN = 0x8A,
    CEE_CONV_OVF_U_UN = 0x8B,
    CEE_CPOBJ = 0x70,
    CEE_LDOBJ = 0x71,
    CEE_STOBJ = 0x81,
    CEE_BOX = 0x8C,
    CEE_NEWARR = 0x8D,
    CEE_LDLEN = 0x8E,
    CEE_LDELEMA = 0x8F,
    CEE_LDELEM_I1 = 0x90,
    CEE_LDELEM_REF = 0x9A,
    CEE_STELEM_I = 0x9B,
    CEE_STELEM_REF = 0xA2,
    CEE_LDELEM = 0xA3,
    CEE_STELEM = 0xA4,
    CEE_UNBOX_ANY = 0xA5,
    CEE_CONV_OVF_I1 = 0xB3,
    CEE_CONV_OVF_U1 = 0xB4,
    CEE_CONV_OVF_I2 = 0xB5,
    CEE_CONV_OVF_U2 = 0xB6,
    CEE_CONV_OVF_I4 = 0xB7,
    CEE_CONV_OVF_U4 = 0xB8,
    CEE_CONV_OVF_I8 = 0xB9,
    CEE_CONV_OVF_U8 = 0xBA,
    CEE_CONV_U2 = 0xD1,
    CEE_CONV_U1 = 0xD2,
    CEE_CONV_I = 0xD3,
    CEE_CONV_OVF_I = 0xD4,
    CEE_CONV_OVF_U = 0xD5,
    CEE_ADD_OVF = 0xD6,
    CEE_ADD_OVF_UN = 0xD7,
    CEE_MUL_OVF = 0xD8,
    CEE_MUL_OVF_UN = 0xD9,
    CEE_SUB_OVF = 0xDA,
    CEE_SUB_OVF_UN = 0xDB,
    CEE_LDTOKEN = 0xD0,
    CEE_STIND_I = 0xDF,
    CEE_CONV_U = 0xE0,
    CEE_PREFIX = 0xFE,
    CEE_CEQ = 0xFE01,
    CEE_CGT = 0xFE02,
    CEE_CGT_UN = 0xFE03,
    CEE_CLT = 0xFE04,
    CEE_CLT_UN = 0xFE05,
    CEE_LDARG = 0xFE09,
    CEE_LDARGA = 0xFE0A,
    CEE_STARG = 0xFE0B,
    CEE_LDLOC = 0xFE0C,
    CEE_LDLOCA = 0xFE0D,
    CEE_STLOC = 0xFE0E,
    CEE_LDFTN = 0xFE06,
    CEE_LDVIRTFTN = 0xFE07,
    CEE_INITOBJ = 0xFE15,
    CEE_CONSTRAINED = 0xFE16,
};

#endif /* CLR_OPCODES_H */
