/*
 * mscorlib's internal calls that live outside clr_corlib.c (which holds the table), one file per topic.
 * Each: args[0..) as the interpreter normalised them (`this` first), *result filled when not void.
 */
#ifndef CLR_CORLIB_H
#define CLR_CORLIB_H

#include "clr_internal.h"

/* clr_corlib_object.c */
enum clr_exception clr_object_get_hash_code(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_object_memberwise_clone(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_value_type_equals(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_value_type_get_hash_code(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);

/* clr_corlib_type.c: type ids (a TypeDef handle, bits 24..30 the array levels around it) */
enum clr_exception clr_runtime_type_type_id_of(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_runtime_type_name_of(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_runtime_type_base_of(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_runtime_type_flags_of(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_runtime_type_is_assignable(struct clr_runtime *rt, struct clr_slot *args,
                                                  struct clr_slot *result);
enum clr_exception clr_runtime_helpers_initialize_array(struct clr_runtime *rt, struct clr_slot *args,
                                                        struct clr_slot *result);

#endif /* CLR_CORLIB_H */
