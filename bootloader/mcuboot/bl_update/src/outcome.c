#include <stddef.h>
#include <string.h>

#include "outcome.h"

static uint32_t outcome_crc(const struct mb_bl_outcome *o)
{
    return b0_crc32(o, offsetof(struct mb_bl_outcome, crc32));
}

void outcome_record(const struct mb_bl_env *env, enum mb_bl_rule rule, enum mb_bl_result result, const char *line)
{
    struct mb_bl_outcome *o = env->outcome;
    if (o == NULL)
        return;
    memset(o, 0, sizeof *o); /* padding included: the CRC covers every byte */
    o->magic = MB_BL_OUTCOME_MAGIC;
    o->rule = (uint16_t)rule;
    o->result = (uint16_t)result;
    strncpy(o->line, line, sizeof o->line - 1);
    o->crc32 = outcome_crc(o);
}

bool mb_bl_outcome_valid(const struct mb_bl_outcome *outcome)
{
    return outcome != NULL && outcome->magic == MB_BL_OUTCOME_MAGIC && outcome->crc32 == outcome_crc(outcome) &&
           memchr(outcome->line, '\0', sizeof outcome->line) != NULL;
}
