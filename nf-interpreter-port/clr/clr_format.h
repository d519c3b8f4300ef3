/*
 * The numbers of DEPLOYMENT_FORMAT.md (version 2) and of ECMA-335 that the image carries: offsets,
 * table ids, entry sizes, element types, flags. Nothing here is a runtime choice.
 */
#ifndef CLR_FORMAT_H
#define CLR_FORMAT_H

#include <stdint.h>

#define CLR_ASSEMBLY_MAGIC 0x31414E4Eu /* "NNA1" */
#define CLR_FORMAT_VERSION 3u
#define CLR_HEADER_SIZE (CLR_HDR_TABLES + 8u * CLR_TABLE_COUNT) /* 176 */
#define CLR_CRC_START 16u /* the CRC covers [16, total_size) */
#define CLR_ASSEMBLY_HAS_ENTRY_POINT 0x0001u
#define CLR_ASSEMBLY_IS_APP 0x0002u /* the application: its Main and its tests run */
#define CLR_NONE32 0xFFFFFFFFu /* "none" in u32 index fields */
#define CLR_NONE16 0xFFFFu     /* "none" in u16 index fields */

/* Header field offsets. */
#define CLR_HDR_MAGIC 0u
#define CLR_HDR_FORMAT 4u
#define CLR_HDR_FLAGS 6u
#define CLR_HDR_TOTAL_SIZE 8u
#define CLR_HDR_CRC 12u
#define CLR_HDR_NAME 16u
#define CLR_HDR_VERSION 20u
#define CLR_HDR_NATIVE_CHECKSUM 28u
#define CLR_HDR_ENTRY_POINT 32u
#define CLR_HDR_TABLES 40u

enum clr_table_id {
    CLR_TBL_ASSEMBLY_REF = 0,
    CLR_TBL_TYPE_REF = 1,
    CLR_TBL_FIELD_REF = 2,
    CLR_TBL_METHOD_REF = 3,
    CLR_TBL_TYPE_DEF = 4,
    CLR_TBL_FIELD_DEF = 5,
    CLR_TBL_METHOD_DEF = 6,
    CLR_TBL_STRINGS = 7,
    CLR_TBL_BLOB = 8,
    CLR_TBL_IL = 9,
    CLR_TBL_INTERNAL_CALL = 10,
    CLR_TBL_EH = 11,
    CLR_TBL_FIELD_DATA = 12,
    CLR_TBL_FIELD_RVA = 13,
    CLR_TBL_INTERFACE_IMPL = 14, /* read by interface dispatch and casts */
    CLR_TBL_METHOD_IMPL = 15,
    CLR_TBL_TEST = 16,
    CLR_TABLE_COUNT = 17
};

/*
 * Entry size per table id; 1 for the byte tables (strings, blob, IL, field data).
 */
extern const uint8_t clr_table_entry_size[CLR_TABLE_COUNT];

/* Field offsets inside table entries. */
#define CLR_ASMREF_NAME 0u
#define CLR_ASMREF_VERSION 4u

#define CLR_TYPEREF_NAME 0u
#define CLR_TYPEREF_NAMESPACE 4u
#define CLR_TYPEREF_ASSEMBLY 8u
#define CLR_TYPEREF_ENCLOSING 10u /* TypeRef index, CLR_NONE16: top level */

#define CLR_MEMBERREF_NAME 0u /* FieldRef and MethodRef */
#define CLR_MEMBERREF_OWNER 4u
#define CLR_MEMBERREF_SIGNATURE 8u

#define CLR_TYPEDEF_NAME 0u
#define CLR_TYPEDEF_NAMESPACE 4u
#define CLR_TYPEDEF_FLAGS 8u
#define CLR_TYPEDEF_EXTENDS 12u
#define CLR_TYPEDEF_FIRST_FIELD 16u
#define CLR_TYPEDEF_FIELD_COUNT 18u
#define CLR_TYPEDEF_FIRST_METHOD 20u
#define CLR_TYPEDEF_METHOD_COUNT 22u
#define CLR_TYPEDEF_ENCLOSING 24u
#define CLR_TYPEDEF_CCTOR 28u

#define CLR_FIELDDEF_NAME 0u
#define CLR_FIELDDEF_FLAGS 4u
#define CLR_FIELDDEF_SIGNATURE 8u

#define CLR_METHODDEF_NAME 0u
#define CLR_METHODDEF_FLAGS 4u
#define CLR_METHODDEF_IMPL_FLAGS 6u
#define CLR_METHODDEF_OWNER 8u
#define CLR_METHODDEF_ARG_COUNT 10u
#define CLR_METHODDEF_LOCAL_COUNT 11u
#define CLR_METHODDEF_MAX_STACK 12u
#define CLR_METHODDEF_INTERNAL_CALL 14u
#define CLR_METHODDEF_SIGNATURE 16u
#define CLR_METHODDEF_LOCALS 20u
#define CLR_METHODDEF_IL 24u
#define CLR_METHODDEF_IL_SIZE 28u
#define CLR_METHODDEF_EH_FIRST 32u
#define CLR_METHODDEF_EH_COUNT 34u

#define CLR_ICALL_NAME 0u
#define CLR_ICALL_METHOD 4u

#define CLR_TEST_CLASS 0u
#define CLR_TEST_METHOD 2u
#define CLR_TEST_SETUP 4u
#define CLR_TEST_CLEANUP 6u
#define CLR_TEST_ARGS 8u

#define CLR_FIELDRVA_FIELD 0u
#define CLR_FIELDRVA_OFFSET 4u

/* Token table ids (the top byte of a token). */
#define CLR_TOK_TYPE_REF 0x01u
#define CLR_TOK_TYPE_DEF 0x02u
#define CLR_TOK_FIELD_DEF 0x04u
#define CLR_TOK_FIELD_REF 0x05u
#define CLR_TOK_METHOD_DEF 0x06u
#define CLR_TOK_METHOD_REF 0x07u
#define CLR_TOK_STRING 0x70u
#define CLR_TOK_TYPE_SPEC 0x1Bu
#define CLR_TOKEN_TABLE(tok) ((uint32_t)(tok) >> 24)
#define CLR_TOKEN_INDEX(tok) ((uint32_t)(tok) & 0x00FFFFFFu)

/* Signature kinds (first byte of a signature in the blob). */
#define CLR_SIG_METHOD 0u
#define CLR_SIG_FIELD 1u
#define CLR_SIG_LOCALS 2u
#define CLR_SIG_DATA_ROW 4u /* test arguments: u8 count, then (element type, value) each */
#define CLR_SIG_HASTHIS 0x01u

/* ECMA-335 II.23.1.16 element types used by the format. */
enum clr_element_type {
    CLR_ELEM_VOID = 0x01,
    CLR_ELEM_BOOLEAN = 0x02,
    CLR_ELEM_CHAR = 0x03,
    CLR_ELEM_I1 = 0x04,
    CLR_ELEM_U1 = 0x05,
    CLR_ELEM_I2 = 0x06,
    CLR_ELEM_U2 = 0x07,
    CLR_ELEM_I4 = 0x08,
    CLR_ELEM_U4 = 0x09,
    CLR_ELEM_I8 = 0x0A,
    CLR_ELEM_U8 = 0x0B,
    CLR_ELEM_R4 = 0x0C,
    CLR_ELEM_R8 = 0x0D,
    CLR_ELEM_STRING = 0x0E,
    CLR_ELEM_BYREF = 0x10,
    CLR_ELEM_VALUETYPE = 0x11,
    CLR_ELEM_CLASS = 0x12,
    CLR_ELEM_I = 0x18,
    CLR_ELEM_U = 0x19,
    CLR_ELEM_OBJECT = 0x1C,
    CLR_ELEM_SZARRAY = 0x1D
};

/* ECMA-335 attribute bits the runtime reads. */
#define CLR_TYPE_ATTR_INTERFACE 0x00000020u
#define CLR_TYPE_ATTR_ABSTRACT 0x00000080u
#define CLR_TYPE_ATTR_SEALED 0x00000100u
#define CLR_TYPE_ATTR_BEFORE_FIELD_INIT 0x00100000u

#define CLR_FIELD_ATTR_STATIC 0x0010u
#define CLR_FIELD_ATTR_LITERAL 0x0040u

#define CLR_METHOD_ATTR_STATIC 0x0010u
#define CLR_METHOD_ATTR_FINAL 0x0020u
#define CLR_METHOD_ATTR_VIRTUAL 0x0040u
#define CLR_METHOD_ATTR_ABSTRACT 0x0400u
#define CLR_METHOD_IMPL_INTERNAL_CALL 0x1000u
#define CLR_METHOD_IMPL_CODE_TYPE 0x0003u /* ECMA MethodImplAttributes.CodeTypeMask */
#define CLR_METHOD_IMPL_RUNTIME 0x0003u   /* ...Runtime: delegates' .ctor and Invoke */
#define CLR_METHOD_IMPL_FAST 0x0002u      /* ...OPTIL: the body is fast code (DEPLOYMENT_FORMAT.md, Fast code) */

#endif /* CLR_FORMAT_H */
