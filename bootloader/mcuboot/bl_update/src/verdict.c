#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "verdict.h"

#define REFUSED "bootloader update refused: "

void verdict_init(struct mb_bl_verdict *v)
{
    memset(v, 0, sizeof *v);
    v->target_slot = MB_BL_NO_SLOT;
    v->running_slot = MB_BL_NO_SLOT;
    v->image.key_index = -1;
    v->b0_status = B0_NOT_CHECKED;
}

static void format_at(char *out, size_t size, const char *fmt, va_list args)
{
    vsnprintf(out, size, fmt, args);
}

enum mb_bl_rule verdict_say(struct mb_bl_verdict *v, enum mb_bl_rule rule, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    format_at(v->line, sizeof v->line, fmt, args);
    va_end(args);
    v->rule = rule;
    return rule;
}

enum mb_bl_rule verdict_refuse(struct mb_bl_verdict *v, enum mb_bl_rule rule, const char *fmt, ...)
{
    memcpy(v->line, REFUSED, sizeof REFUSED);
    va_list args;
    va_start(args, fmt);
    format_at(v->line + sizeof REFUSED - 1, sizeof v->line - (sizeof REFUSED - 1), fmt, args);
    va_end(args);
    v->rule = rule;
    return rule;
}

enum mb_bl_rule verdict_fault(struct mb_bl_verdict *v, enum mb_bl_rule rule, const char *what)
{
    return verdict_say(v, rule, "bootloader update not checked: %s; the image stays for the next boot", what);
}
