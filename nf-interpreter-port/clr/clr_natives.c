/*
 * Binding internal calls: the firmware's sorted list of canonical names per assembly must be the one
 * the deployment was built against. The native checksum (CRC-32 over the names, each followed by '\n')
 * is computed here from the same strings the binding uses, so the two cannot drift apart.
 */
#include "clr_internal.h"

#include "crc32.h"

#define REBUILD_BOTH "rebuild the firmware and the deployment from the same SDK version"


uint32_t clr_native_checksum(const struct clr_native_assembly *natives)
{
    if (natives == NULL || natives->count == 0)
        return 0;
    uint32_t crc = 0;
    for (uint32_t i = 0; i < natives->count; i++) {
        crc = crc32_ieee(crc, natives->methods[i].canonical_name, strlen(natives->methods[i].canonical_name));
        crc = crc32_ieee(crc, "\n", 1);
    }
    return crc;
}

static uint32_t icall_name(const struct clr_assembly *a, uint32_t row)
{
    return clr_rd32(clr_row(a, CLR_TBL_INTERNAL_CALL, row) + CLR_ICALL_NAME);
}

/* Index of the first entry where the deployment's and the firmware's lists differ; count if none. */
static uint32_t first_difference(const struct clr_assembly *a, const struct clr_native_assembly *natives,
                                 uint32_t *count)
{
    const uint32_t deployed = a->tables[CLR_TBL_INTERNAL_CALL].count;
    const uint32_t implemented = natives != NULL ? natives->count : 0;
    *count = deployed > implemented ? deployed : implemented;
    for (uint32_t i = 0; i < *count; i++) {
        if (i >= deployed || i >= implemented || !clr_string_equals(a, icall_name(a, i), natives->methods[i].canonical_name))
            return i;
    }
    return *count;
}

bool clr_bind_natives(struct clr_runtime *rt, struct clr_assembly *a)
{
    const struct clr_native_assembly *natives = NULL;
    if (strcmp(clr_native_mscorlib.name, a->name) == 0)
        natives = &clr_native_mscorlib;
    for (uint32_t i = 0; i < rt->board_native_count; i++)
        if (strcmp(rt->board_natives[i]->name, a->name) == 0)
            natives = rt->board_natives[i];
    const uint32_t managed = clr_rd32(a->base + CLR_HDR_NATIVE_CHECKSUM);
    const uint32_t firmware = clr_native_checksum(natives);
    const uint32_t deployed = a->tables[CLR_TBL_INTERNAL_CALL].count;
    uint32_t count;
    const uint32_t diff = first_difference(a, natives, &count);
    if (managed != firmware || diff != count) {
        char difference[CLR_LOG_LINE_MAX / 2];
        if (diff == count)
            clr_format(difference, sizeof difference, "the names are the same, the header's checksum is wrong");
        else
            clr_format(difference, sizeof difference, "first difference at entry %u: the deployment has %s%s%s, the firmware %s%s%s",
                       (unsigned)diff, diff < deployed ? "\"" : "", diff < deployed ? clr_string_at(a, icall_name(a, diff)) : "nothing",
                       diff < deployed ? "\"" : "", natives != NULL && diff < natives->count ? "\"" : "",
                       natives != NULL && diff < natives->count ? natives->methods[diff].canonical_name : "nothing",
                       natives != NULL && diff < natives->count ? "\"" : "");
        clr_log(rt, "assembly %s: managed internal calls 0x%08x but this firmware implements 0x%08x; " REBUILD_BOTH " (%s)",
                a->name, (unsigned)managed, (unsigned)firmware, difference);
        return false;
    }
    /* Same names in the same order: row i is bound to the firmware's method i. Check the rows point back. */
    for (uint32_t i = 0; i < deployed; i++) {
        const uint32_t method = clr_rd32(clr_row(a, CLR_TBL_INTERNAL_CALL, i) + CLR_ICALL_METHOD);
        struct clr_method_def md;
        clr_read_method_def(a, method, &md);
        if (md.internal_call != i || (md.impl_flags & CLR_METHOD_IMPL_INTERNAL_CALL) == 0) {
            clr_log(rt, "assembly %s: InternalCall %u (%s) names MethodDef %u, which is not marked as that internal "
                        "call: the image breaks the deployment format; rebuild the deployment with this SDK's "
                        "metadata processor",
                    a->name, (unsigned)i, natives->methods[i].canonical_name, (unsigned)method);
            return false;
        }
    }
    a->natives = natives;
    return true;
}
