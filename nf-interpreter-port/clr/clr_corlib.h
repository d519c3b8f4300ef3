/*
 * mscorlib's internal calls that live outside clr_corlib.c (which holds the table), one file per topic.
 * Each: args[0..) as the interpreter normalised them (`this` first), *result filled when not void.
 */
#ifndef CLR_CORLIB_H
#define CLR_CORLIB_H

#include "clr_internal.h"

/* clr_corlib_array.c */
enum clr_exception clr_array_get_value(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_array_set_value(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);

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

/* clr_thread.c */
enum clr_exception clr_environment_tick_count(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_event_queue_lost(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_event_queue_wait(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_event_reset(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_event_set(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_event_wait(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_interlocked_add(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_interlocked_compare_exchange(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_interlocked_exchange(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_monitor_enter(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_monitor_exit(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_monitor_is_entered(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_monitor_pulse(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_monitor_pulse_all(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_monitor_try_enter(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_monitor_wait(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_thread_current(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_thread_is_alive(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_thread_join(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_thread_set_background(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_thread_sleep(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_thread_start(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);

/* clr_corlib_text.c: String's constructors, and copies between strings and char arrays. */
enum clr_exception clr_string_ctor_chars(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_string_ctor_chars_range(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_string_ctor_repeat(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_string_substring(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_string_copy_chars(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_string_index_of_char(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_string_index_of_string(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_string_last_index_of_char(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_string_last_index_of_string(struct clr_runtime *rt, struct clr_slot *args,
                                                   struct clr_slot *result);

/* clr_corlib_math.c: System.Math over libm, and BitConverter's bit reinterpretations. */
enum clr_exception clr_math_acos(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_math_asin(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_math_atan(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_math_atan2(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_math_ceiling(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_math_cos(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_math_exp(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_math_floor(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_math_log(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_math_log10(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_math_pow(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_math_round(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_math_sin(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_math_sqrt(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_math_tan(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_math_truncate(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_bits_double_to_int64(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_bits_int64_to_double(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_bits_single_to_int32(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);
enum clr_exception clr_bits_int32_to_single(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);

/* clr_corlib_time.c: DateTime's clock (the board's, through the HAL). */
enum clr_exception clr_date_time_utc_now_ticks(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result);

#endif /* CLR_CORLIB_H */
