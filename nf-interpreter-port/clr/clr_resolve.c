/*
 * Resolving an assembly's references against the assemblies before it in the image: AssemblyRefs by
 * name and major.minor, TypeRefs by namespace and name, FieldRefs and MethodRefs by owner, name and
 * signature (compared structurally: types inside signatures compare by what they resolve to).
 *
 * A TypeRef to a nested type names its enclosing TypeRef (DEPLOYMENT_FORMAT.md) and has no namespace: it
 * resolves once its enclosing type has, to the TypeDef nested in that one with its name.
 */
#include "clr_internal.h"

#define REBUILD_APP "rebuild %s against the deployed %s"
#define MAX_BASE_DEPTH 32u /* member lookup walks at most this many base types */

/* Is TypeDef `t` of `a` named so and nested in `enclosing` (a TypeDef row of `a`, CLR_NONE16: top level)? */
static bool type_matches(const struct clr_assembly *a, uint32_t t, uint32_t enclosing, const char *name_space,
                         uint16_t ns_len, const char *name, uint16_t name_len)
{
    struct clr_type_def td;
    clr_read_type_def(a, t, &td);
    if (td.enclosing != enclosing || clr_string_length(a, td.name) != name_len ||
        memcmp(clr_string_at(a, td.name), name, name_len) != 0)
        return false;
    return enclosing != CLR_NONE16 ||
           (clr_string_length(a, td.name_space) == ns_len && memcmp(clr_string_at(a, td.name_space), name_space, ns_len) == 0);
}

static bool resolve_assembly_refs(struct clr_runtime *rt, struct clr_assembly *a)
{
    const uint32_t count = a->tables[CLR_TBL_ASSEMBLY_REF].count;
    a->assembly_ref_target = clr_table_alloc(rt, CLR_TABLE_REF_TARGETS, count);
    if (count > 0 && a->assembly_ref_target == NULL)
        goto no_ram;
    for (uint32_t i = 0; i < count; i++) {
        const uint8_t *r = clr_row(a, CLR_TBL_ASSEMBLY_REF, i);
        const char *name = clr_string_at(a, clr_rd32(r + CLR_ASMREF_NAME));
        const uint16_t major = clr_rd16(r + CLR_ASMREF_VERSION), minor = clr_rd16(r + CLR_ASMREF_VERSION + 2);
        uint32_t found = a->index;
        for (uint32_t k = 0; k < a->index; k++)
            if (strcmp(rt->assemblies[k].name, name) == 0)
                found = k;
        if (found == a->index) {
            clr_log(rt, "assembly %s: references %s %u.%u, which is not earlier in the deployment image: deploy it "
                        "with the app, before %s (dependency order, mscorlib first)",
                    a->name, name, major, minor, a->name);
            return false;
        }
        const struct clr_assembly *target = &rt->assemblies[found];
        if (target->version[0] != major || target->version[1] != minor) {
            clr_log(rt, "assembly %s: references %s %u.%u but the image has %s %u.%u.%u.%u: " REBUILD_APP
                        " (major.minor must match)",
                    a->name, name, major, minor, name, target->version[0], target->version[1], target->version[2],
                    target->version[3], a->name, name);
            return false;
        }
        a->assembly_ref_target[i] = (uint8_t)found;
    }
    return true;
no_ram:
    clr_log(rt, "assembly %s: no RAM left to resolve its references: give the runtime more RAM", a->name);
    return false;
}

/* Resolves TypeRef i once its enclosing TypeRef (if any) is; false when it cannot be resolved yet. */
static bool resolve_type_ref(const struct clr_runtime *rt, struct clr_assembly *a, uint32_t i)
{
    const uint8_t *r = clr_row(a, CLR_TBL_TYPE_REF, i);
    const uint32_t name = clr_rd32(r + CLR_TYPEREF_NAME), ns = clr_rd32(r + CLR_TYPEREF_NAMESPACE);
    const uint16_t outer_ref = clr_rd16(r + CLR_TYPEREF_ENCLOSING);
    const struct clr_assembly *target = &rt->assemblies[a->assembly_ref_target[clr_rd16(r + CLR_TYPEREF_ASSEMBLY)]];
    uint32_t enclosing = CLR_NONE16;
    if (outer_ref != CLR_NONE16) {
        const clr_handle outer = a->type_ref_target[outer_ref];
        if (outer == CLR_NONE32 || CLR_HANDLE_ASSEMBLY(outer) != target->index)
            return false;
        enclosing = CLR_HANDLE_ROW(outer);
    }
    for (uint32_t t = 0; t < target->tables[CLR_TBL_TYPE_DEF].count; t++)
        if (type_matches(target, t, enclosing, clr_string_at(a, ns), clr_string_length(a, ns), clr_string_at(a, name),
                         clr_string_length(a, name))) {
            a->type_ref_target[i] = CLR_HANDLE(target->index, t);
            return true;
        }
    return false;
}

static bool resolve_type_refs(struct clr_runtime *rt, struct clr_assembly *a)
{
    const uint32_t count = a->tables[CLR_TBL_TYPE_REF].count;
    a->type_ref_target = clr_table_alloc(rt, CLR_TABLE_REF_TARGETS, count * sizeof *a->type_ref_target);
    if (count > 0 && a->type_ref_target == NULL) {
        clr_log(rt, "assembly %s: no RAM left to resolve its references: give the runtime more RAM", a->name);
        return false;
    }
    for (uint32_t i = 0; i < count; i++)
        a->type_ref_target[i] = CLR_NONE32;
    /* Enclosing types first: each pass resolves at least one more nesting level, or nothing changes. */
    for (bool progress = true; progress;) {
        progress = false;
        for (uint32_t i = 0; i < count; i++)
            if (a->type_ref_target[i] == CLR_NONE32 && resolve_type_ref(rt, a, i))
                progress = true;
    }
    for (uint32_t i = 0; i < count; i++) {
        if (a->type_ref_target[i] != CLR_NONE32)
            continue;
        const uint8_t *r = clr_row(a, CLR_TBL_TYPE_REF, i);
        const uint32_t name = clr_rd32(r + CLR_TYPEREF_NAME), ns = clr_rd32(r + CLR_TYPEREF_NAMESPACE);
        const struct clr_assembly *target = &rt->assemblies[a->assembly_ref_target[clr_rd16(r + CLR_TYPEREF_ASSEMBLY)]];
        clr_log(rt, "assembly %s: TypeRef %u %s%s%s is not in %s: " REBUILD_APP, a->name, (unsigned)i,
                clr_string_at(a, ns), clr_string_length(a, ns) > 0 ? "." : "", clr_string_at(a, name), target->name,
                a->name, target->name);
        return false;
    }
    return true;
}

/* Compares one signature type of each side; advances both. */
static bool same_type(const struct clr_assembly *a, const uint8_t **pa, const struct clr_assembly *b,
                      const uint8_t **pb)
{
    for (;;) {
        const uint8_t ea = *(*pa)++, eb = *(*pb)++;
        if (ea != eb)
            return false;
        if (ea == CLR_ELEM_SZARRAY || ea == CLR_ELEM_BYREF)
            continue;
        if (ea != CLR_ELEM_CLASS && ea != CLR_ELEM_VALUETYPE)
            return true;
        const clr_handle ta = clr_type_token_target(a, clr_rd32(*pa)), tb = clr_type_token_target(b, clr_rd32(*pb));
        *pa += 4;
        *pb += 4;
        return ta == tb && ta != CLR_NONE32;
    }
}

/* Signatures of the same kind (method or field), checked by the loader, compared structurally. */
bool clr_same_signature(const struct clr_assembly *a, uint32_t sig_a, const struct clr_assembly *b, uint32_t sig_b)
{
    const uint8_t *pa = clr_blob_at(a, sig_a), *pb = clr_blob_at(b, sig_b);
    if (*pa++ != *pb++)
        return false;
    if (pa[-1] == CLR_SIG_FIELD)
        return same_type(a, &pa, b, &pb);
    if (*pa++ != *pb++ || *pa != *pb) /* flags, parameter count */
        return false;
    const unsigned params = *pa++;
    pb++;
    for (unsigned i = 0; i <= params; i++) /* return type, then the parameters */
        if (!same_type(a, &pa, b, &pb))
            return false;
    return true;
}

/* The member of TypeDef `type` or of its base types with this name and signature, or CLR_NONE32. */
static clr_handle find_member(struct clr_runtime *rt, clr_handle type, bool method, const struct clr_assembly *from,
                              const struct clr_member_ref *ref)
{
    const char *name = clr_string_at(from, ref->name);
    for (unsigned depth = 0; depth < MAX_BASE_DEPTH && type != CLR_NONE32; depth++) {
        const struct clr_assembly *a = &rt->assemblies[CLR_HANDLE_ASSEMBLY(type)];
        struct clr_type_def td;
        clr_read_type_def(a, CLR_HANDLE_ROW(type), &td);
        const uint32_t first = method ? td.first_method : td.first_field;
        const uint32_t count = method ? td.method_count : td.field_count;
        for (uint32_t m = first; m < first + count; m++) {
            uint32_t m_name, m_sig;
            if (method) {
                struct clr_method_def md;
                clr_read_method_def(a, m, &md);
                m_name = md.name, m_sig = md.signature;
            } else {
                m_name = clr_field_def_name(a, m), m_sig = clr_field_def_signature(a, m);
            }
            if (clr_string_equals(a, m_name, name) && clr_same_signature(from, ref->signature, a, m_sig))
                return CLR_HANDLE(a->index, m);
        }
        type = td.extends != 0 ? clr_type_token_target(a, td.extends) : CLR_NONE32;
    }
    return CLR_NONE32;
}

static bool resolve_member_refs(struct clr_runtime *rt, struct clr_assembly *a, bool method)
{
    const unsigned table = method ? CLR_TBL_METHOD_REF : CLR_TBL_FIELD_REF;
    const uint32_t count = a->tables[table].count;
    clr_handle *targets = clr_table_alloc(rt, CLR_TABLE_REF_TARGETS, count * sizeof *targets);
    if (count > 0 && targets == NULL) {
        clr_log(rt, "assembly %s: no RAM left to resolve its references: give the runtime more RAM", a->name);
        return false;
    }
    if (method)
        a->method_ref_target = targets;
    else
        a->field_ref_target = targets;
    for (uint32_t i = 0; i < count; i++) {
        struct clr_member_ref ref;
        clr_read_member_ref(a, table, i, &ref);
        const clr_handle owner = a->type_ref_target[ref.owner];
        targets[i] = find_member(rt, owner, method, a, &ref);
        if (targets[i] == CLR_NONE32) {
            const struct clr_assembly *oa = &rt->assemblies[CLR_HANDLE_ASSEMBLY(owner)];
            char type[96];
            clr_type_full_name(oa, CLR_HANDLE_ROW(owner), '/', type, sizeof type);
            clr_log(rt, "assembly %s: %s %u %s::%s is not in %s (no %s of that name and signature): " REBUILD_APP,
                    a->name, method ? "MethodRef" : "FieldRef", (unsigned)i, type, clr_string_at(a, ref.name), oa->name,
                    method ? "method" : "field", a->name, oa->name);
            return false;
        }
    }
    return true;
}

bool clr_resolve_assembly(struct clr_runtime *rt, struct clr_assembly *a)
{
    return resolve_assembly_refs(rt, a) && resolve_type_refs(rt, a) && resolve_member_refs(rt, a, false) &&
           resolve_member_refs(rt, a, true);
}
