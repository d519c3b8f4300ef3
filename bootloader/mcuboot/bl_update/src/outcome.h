/* The retained record of the last outcome (struct mb_bl_outcome). */
#ifndef OUTCOME_H
#define OUTCOME_H

#include "mb_bl_update.h"

/* Stores rule, result and line in env->outcome (if any), sealed. */
void outcome_record(const struct mb_bl_env *env, enum mb_bl_rule rule, enum mb_bl_result result, const char *line);

#endif /* OUTCOME_H */
