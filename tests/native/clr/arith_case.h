/*
 * One-instruction programs for the arithmetic tests: push the operands, run the opcode, print the result
 * with the printer of its kind, and compare with the text .NET prints (or the exception it throws).
 */
#ifndef ARITH_CASE_H
#define ARITH_CASE_H

#include <stdint.h>

#include "clr_fixture.h"

/* Operand / result kinds: int32, int64, native int (pushed as conv.i of an int64, printed through conv.i8),
 * float32, float64, null, a string literal. */
enum val_kind { V_I4, V_I8, V_I, V_R4, V_R8, V_NULL, V_STR };

struct val {
    enum val_kind kind;
    int64_t i;
    double d;
};

#define I4(x) ((struct val){V_I4, (int64_t)(x), 0})
#define I8(x) ((struct val){V_I8, (int64_t)(x), 0})
#define NI(x) ((struct val){V_I, (int64_t)(x), 0})
#define R4(x) ((struct val){V_R4, 0, (double)(float)(x)})
#define R8(x) ((struct val){V_R8, 0, (x)})
#define NUL ((struct val){V_NULL, 0, 0})
#define STR ((struct val){V_STR, 0, 0})

void push_val(struct prog *p, struct il *il, struct val v);
void print_val(struct prog *p, struct il *il, enum val_kind kind);

/*
 * Runs "a b op" (b skipped when b_present is false) and checks the printed result, or, when expected
 * starts with "System.", that the program stopped on that exception.
 */
void check_op(unsigned op, struct val a, struct val b, bool b_present, enum val_kind result, const char *expected,
              const char *file, int line);

#define CHECK_BINARY(op, a, b, result, expected) check_op((op), (a), (b), true, (result), (expected), __FILE__, __LINE__)
#define CHECK_UNARY(op, a, result, expected) check_op((op), (a), NUL, false, (result), (expected), __FILE__, __LINE__)

#endif /* ARITH_CASE_H */
