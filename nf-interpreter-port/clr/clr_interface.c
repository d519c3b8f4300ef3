/*
 * Interfaces: which types implement which interfaces (InterfaceImpl rows, inherited through base types and
 * through interfaces that extend others), and which method an interface call lands on: an explicit
 * implementation (MethodImpl row) of the object's type or a base, else the most derived override of the
 * public virtual method with the interface method's name and signature. Results are cached per
 * (type, interface method) in a small direct-mapped table.
 */
#include "clr_internal.h"

#define MAX_INTERFACE_DEPTH 8u /* interfaces extending interfaces */

/* Rows [*first, *first + count) of a table sorted by its u16 type column: the rows of TypeDef `row`. */
static uint32_t rows_of_type(const struct clr_assembly *a, unsigned table, uint32_t row, uint32_t *first)
{
    uint32_t lo = 0, hi = a->tables[table].count;
    while (lo < hi) {
        const uint32_t mid = lo + (hi - lo) / 2;
        if (clr_rd16(clr_row(a, table, mid)) < row)
            lo = mid + 1;
        else
            hi = mid;
    }
    *first = lo;
    uint32_t end = lo;
    while (end < a->tables[table].count && clr_rd16(clr_row(a, table, end)) == row)
        end++;
    return end - lo;
}

static bool implements(struct clr_runtime *rt, clr_handle type, clr_handle iface, unsigned depth)
{
    for (unsigned chain = 0; type != CLR_NONE32 && chain <= 32; chain++, type = clr_type_base(rt, type)) {
        const struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(type)];
        uint32_t first;
        const uint32_t n = rows_of_type(a, CLR_TBL_INTERFACE_IMPL, CLR_HANDLE_ROW(type), &first);
        for (uint32_t i = first; i < first + n; i++) {
            const clr_handle h = clr_type_token_target(a, clr_rd32(clr_row(a, CLR_TBL_INTERFACE_IMPL, i) + 4));
            if (h == iface || (h != CLR_NONE32 && depth < MAX_INTERFACE_DEPTH && implements(rt, h, iface, depth + 1)))
                return true;
        }
    }
    return false;
}

bool clr_type_assignable(struct clr_runtime *rt, clr_handle type, clr_handle target)
{
    if (type == target)
        return true;
    const struct clr_type_info *ti = &rt->assemblies[CLR_HANDLE_ASSEMBLY(target)].types[CLR_HANDLE_ROW(target)];
    return ti->interface ? implements(rt, type, target, 0) : clr_type_derives(rt, type, target);
}

/* The MethodDef handle a MethodImpl declaration token (MethodDef or MethodRef) of `a` names. */
static clr_handle declaration(const struct clr_assembly *a, uint32_t token)
{
    const uint32_t table = CLR_TOKEN_TABLE(token), index = CLR_TOKEN_INDEX(token);
    if (table == CLR_TOK_METHOD_DEF)
        return index < a->tables[CLR_TBL_METHOD_DEF].count ? CLR_HANDLE(a->index, index) : CLR_NONE32;
    if (table == CLR_TOK_METHOD_REF)
        return index < a->tables[CLR_TBL_METHOD_REF].count ? a->method_ref_target[index] : CLR_NONE32;
    return CLR_NONE32;
}

static clr_handle find_target(struct clr_runtime *rt, clr_handle type, clr_handle method)
{
    const struct clr_assembly *ma = &rt->assemblies[CLR_HANDLE_ASSEMBLY(method)];
    struct clr_method_def md;
    clr_read_method_def(ma, CLR_HANDLE_ROW(method), &md);
    const struct clr_type_info *oi = &rt->assemblies[CLR_HANDLE_ASSEMBLY(type)].types[CLR_HANDLE_ROW(type)];
    for (clr_handle t = type; t != CLR_NONE32; t = clr_type_base(rt, t)) {
        const struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(t)];
        uint32_t first;
        const uint32_t n = rows_of_type(a, CLR_TBL_METHOD_IMPL, CLR_HANDLE_ROW(t), &first);
        for (uint32_t i = first; i < first + n; i++) {
            const uint8_t *row = clr_row(a, CLR_TBL_METHOD_IMPL, i);
            if (declaration(a, clr_rd32(row + 8)) == method) {
                const uint32_t body = CLR_TOKEN_INDEX(clr_rd32(row + 4));
                return body < a->tables[CLR_TBL_METHOD_DEF].count ? CLR_HANDLE(a->index, body) : CLR_NONE32;
            }
        }
        struct clr_type_def td;
        clr_read_type_def(a, CLR_HANDLE_ROW(t), &td);
        for (uint32_t m = td.first_method; m < (uint32_t)td.first_method + td.method_count; m++) {
            struct clr_method_def cd;
            clr_read_method_def(a, m, &cd);
            if ((cd.flags & CLR_METHOD_ATTR_STATIC) != 0 || !clr_string_equals(a, cd.name, clr_string_at(ma, md.name)) ||
                !clr_same_signature(a, cd.signature, ma, md.signature))
                continue;
            const uint16_t slot = clr_method_slot(a, m);
            /* The most derived override of that virtual method, as a virtual call would find it. */
            return slot != CLR_NONE16 && slot < oi->vtable_size ? oi->vtable[slot] : CLR_HANDLE(a->index, m);
        }
    }
    return CLR_NONE32;
}

clr_handle clr_interface_target(struct clr_runtime *rt, clr_handle type, clr_handle method)
{
    const uint32_t i = (type * 31u + method) % CLR_INTERFACE_CACHE;
    struct clr_interface_cache_entry *e = &rt->interface_cache[i];
    if (e->type == type && e->method == method && e->target != CLR_NONE32)
        return e->target;
    const clr_handle target = find_target(rt, type, method);
    *e = (struct clr_interface_cache_entry){type, method, target};
    return target;
}
