/* Filling a verdict: the rule and its one line (rule, values, fix). */
#ifndef VERDICT_H
#define VERDICT_H

#include "mb_bl_update.h"

/* Returned by a rule that passed; never stored in a verdict. */
#define RULE_PASSED MB_BL_RULE_COUNT

void verdict_init(struct mb_bl_verdict *v);

/* Sets v->rule and v->line = the formatted text. Returns rule. */
enum mb_bl_rule verdict_say(struct mb_bl_verdict *v, enum mb_bl_rule rule, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* As verdict_say, the line starting "bootloader update refused: ". */
enum mb_bl_rule verdict_refuse(struct mb_bl_verdict *v, enum mb_bl_rule rule, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A device fault while checking: "bootloader update not checked: <what>; ..." (the image stays). */
enum mb_bl_rule verdict_fault(struct mb_bl_verdict *v, enum mb_bl_rule rule, const char *what);

#endif /* VERDICT_H */
