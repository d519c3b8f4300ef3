/*
 * The internal calls of mscorlib (managed/CoreLibrary), sorted by canonical name as the format asks; the
 * table binds those of the clr_corlib_*.c files too (clr_corlib.h).
 * The interpreter has already converted the arguments to the parameter types; `this` is args[0].
 */
#include "clr_corlib.h"

static struct clr_string *as_string(const struct clr_slot *slot)
{
    return (struct clr_string *)slot->v.o; /* the parameter's type: a string (or null) */
}

static void set_object(struct clr_slot *result, void *object)
{
    result->kind = CLR_K_O;
    result->v.o = object;
}

static enum clr_exception ascii_result(struct clr_runtime *rt, const char *text, size_t len, struct clr_slot *result)
{
    struct clr_string *s = clr_string_new(rt, (int32_t)len);
    if (s == NULL)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    for (size_t i = 0; i < len; i++)
        s->chars[i] = (uint8_t)text[i];
    set_object(result, s);
    return CLR_EXC_NONE;
}

static enum clr_exception console_write_native(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)result;
    if (args[0].v.o != NULL)
        clr_string_write_console(rt, as_string(&args[0]));
    return CLR_EXC_NONE;
}

static enum clr_exception double_to_string(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    char text[CLR_NUMBER_TEXT_MAX];
    return ascii_result(rt, text, clr_format_double(args[0].v.r8, text), result);
}

static enum clr_exception int32_to_string(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    char text[CLR_NUMBER_TEXT_MAX];
    return ascii_result(rt, text, clr_format_int64(args[0].v.i4, text), result);
}

static enum clr_exception int64_to_string(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    char text[CLR_NUMBER_TEXT_MAX];
    return ascii_result(rt, text, clr_format_int64(args[0].v.i8, text), result);
}

static enum clr_exception single_to_string(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    char text[CLR_NUMBER_TEXT_MAX];
    return ascii_result(rt, text, clr_format_single(args[0].v.r4, text), result);
}

static enum clr_exception uint32_to_string(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    char text[CLR_NUMBER_TEXT_MAX];
    return ascii_result(rt, text, clr_format_uint64((uint32_t)args[0].v.i4, text), result);
}

static enum clr_exception uint64_to_string(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    char text[CLR_NUMBER_TEXT_MAX];
    return ascii_result(rt, text, clr_format_uint64((uint64_t)args[0].v.i8, text), result);
}

static struct clr_string *empty_string(struct clr_runtime *rt)
{
    if (rt->empty_string == NULL)
        rt->empty_string = clr_string_new(rt, 0);
    return rt->empty_string;
}

/* As .NET: an empty or null side gives the other string itself; null + null gives "". */
static enum clr_exception string_concat(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    struct clr_string *a = as_string(&args[0]), *b = as_string(&args[1]);
    const int32_t la = a != NULL ? a->length : 0, lb = b != NULL ? b->length : 0;
    struct clr_string *s;
    if (la == 0)
        s = lb == 0 ? empty_string(rt) : b;
    else if (lb == 0)
        s = a;
    else if ((int64_t)la + lb > 0x3FFFFFFF)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    else if ((s = clr_string_new(rt, la + lb)) != NULL) {
        memcpy(s->chars, a->chars, 2 * (size_t)la);
        memcpy(s->chars + la, b->chars, 2 * (size_t)lb);
    }
    if (s == NULL)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    set_object(result, s);
    return CLR_EXC_NONE;
}

static enum clr_exception string_equals(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    const struct clr_string *a = as_string(&args[0]), *b = as_string(&args[1]);
    const bool equal = a == b || (a != NULL && b != NULL && a->length == b->length &&
                                  memcmp(a->chars, b->chars, 2 * (size_t)a->length) == 0);
    result->kind = CLR_K_I4;
    result->v.i4 = equal;
    return CLR_EXC_NONE;
}

static enum clr_exception string_get_chars(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    const struct clr_string *s = as_string(&args[0]);
    if (s == NULL)
        return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    const int32_t index = args[1].v.i4;
    if (index < 0 || index >= s->length)
        return clr_throw(rt, CLR_EXC_INDEX_OUT_OF_RANGE, NULL);
    result->kind = CLR_K_I4;
    result->v.i4 = s->chars[index];
    return CLR_EXC_NONE;
}

static enum clr_exception string_get_length(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    const struct clr_string *s = as_string(&args[0]);
    if (s == NULL)
        return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    result->kind = CLR_K_I4;
    result->v.i4 = s->length;
    return CLR_EXC_NONE;
}

/* String.FormatSlice(s, start, length): the code units [start, start + length) as a new string. */
static enum clr_exception string_format_slice(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    const struct clr_string *s = as_string(&args[0]);
    if (s == NULL)
        return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    const int32_t start = args[1].v.i4, length = args[2].v.i4;
    if (start < 0 || length < 0 || length > s->length - start)
        return clr_throw(rt, CLR_EXC_INDEX_OUT_OF_RANGE, NULL);
    struct clr_string *slice = clr_string_new(rt, length);
    if (slice == NULL)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    memcpy(slice->chars, s->chars + start, 2 * (size_t)length);
    set_object(result, slice);
    return CLR_EXC_NONE;
}

static enum clr_exception array_get_length(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    if (args[0].v.o == NULL)
        return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    if (args[0].v.o->kind != CLR_BLOCK_ARRAY)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Array.Length of an object that is not an array.");
    result->kind = CLR_K_I4;
    result->v.i4 = ((const struct clr_array *)args[0].v.o)->length;
    return CLR_EXC_NONE;
}

/* Object.ToString(): the full name of the object's type, as .NET prints it (nested types joined with '+'). */
static enum clr_exception object_to_string(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    if (args[0].v.o == NULL)
        return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    clr_handle type = clr_object_type(rt, args[0].v.o);
    const bool array = args[0].v.o->kind == CLR_BLOCK_ARRAY;
    if (array) /* "System.Int32[]"; arrays of arrays show as "System.Object[]" */
        type = ((const struct clr_array *)args[0].v.o)->elem_type;
    char name[CLR_DETAIL_MAX];
    size_t len = 0;
    if (type == CLR_NONE32)
        len = clr_format(name, sizeof name, "System.Object");
    else
        len = clr_type_full_name(&rt->assemblies[CLR_HANDLE_ASSEMBLY(type)], CLR_HANDLE_ROW(type), '+', name,
                                 sizeof name - 2);
    if (array && len + 2 < sizeof name)
        len += clr_format(name + len, sizeof name - len, "[]");
    struct clr_string *s = clr_string_from_utf8(rt, (const uint8_t *)name, len);
    if (s == NULL)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    set_object(result, s);
    return CLR_EXC_NONE;
}

static enum clr_exception gc_collect(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)args, (void)result;
    clr_gc_collect(rt);
    return CLR_EXC_NONE;
}

static enum clr_exception gc_get_total_memory(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    if (args[0].v.i4 != 0)
        clr_gc_collect(rt);
    result->kind = CLR_K_I8;
    result->v.i8 = (int64_t)clr_heap_used(&rt->heap);
    return CLR_EXC_NONE;
}

/* nanoFramework's GC.Run(compactHeap): collects and returns the free bytes (objects never move here). */
static enum clr_exception gc_run(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)args;
    clr_gc_collect(rt);
    result->kind = CLR_K_I4;
    result->v.i4 = (int32_t)(uint32_t)(clr_heap_size(&rt->heap) - clr_heap_used(&rt->heap));
    return CLR_EXC_NONE;
}

static const struct clr_native_method mscorlib_methods[] = {
    {"System.Array::GetValue(System.Int32)", clr_array_get_value},
    {"System.Array::SetValue(System.Object,System.Int32)", clr_array_set_value},
    {"System.Array::get_Length()", array_get_length},
    {"System.BitConverter::DoubleToInt64Bits(System.Double)", clr_bits_double_to_int64},
    {"System.BitConverter::Int32BitsToSingle(System.Int32)", clr_bits_int32_to_single},
    {"System.BitConverter::Int64BitsToDouble(System.Int64)", clr_bits_int64_to_double},
    {"System.BitConverter::SingleToInt32Bits(System.Single)", clr_bits_single_to_int32},
    {"System.Console::WriteNative(System.String)", console_write_native},
    {"System.Convert::Base64(System.Byte[])", clr_native_convert_base64},
    {"System.DateTime::GetUtcNowTicks()", clr_date_time_utc_now_ticks},
    {"System.Environment::get_TickCount64()", clr_environment_tick_count},
    {"System.GC::Collect()", gc_collect},
    {"System.GC::GetTotalMemory(System.Boolean)", gc_get_total_memory},
    {"System.Math::Acos(System.Double)", clr_math_acos},
    {"System.Math::Asin(System.Double)", clr_math_asin},
    {"System.Math::Atan(System.Double)", clr_math_atan},
    {"System.Math::Atan2(System.Double,System.Double)", clr_math_atan2},
    {"System.Math::Ceiling(System.Double)", clr_math_ceiling},
    {"System.Math::Cos(System.Double)", clr_math_cos},
    {"System.Math::Exp(System.Double)", clr_math_exp},
    {"System.Math::Floor(System.Double)", clr_math_floor},
    {"System.Math::Log(System.Double)", clr_math_log},
    {"System.Math::Log10(System.Double)", clr_math_log10},
    {"System.Math::Pow(System.Double,System.Double)", clr_math_pow},
    {"System.Math::Round(System.Double)", clr_math_round},
    {"System.Math::Sin(System.Double)", clr_math_sin},
    {"System.Math::Sqrt(System.Double)", clr_math_sqrt},
    {"System.Math::Tan(System.Double)", clr_math_tan},
    {"System.Math::Truncate(System.Double)", clr_math_truncate},
    {"System.Number::DoubleToString(System.Double)", double_to_string},
    {"System.Number::FormatDouble(System.Double,System.String)", clr_native_format_double},
    {"System.Number::FormatInteger(System.Int64,System.Int32,System.String)", clr_native_format_integer},
    {"System.Number::FormatSingle(System.Single,System.String)", clr_native_format_single},
    {"System.Number::Int32ToString(System.Int32)", int32_to_string},
    {"System.Number::Int64ToString(System.Int64)", int64_to_string},
    {"System.Number::ParseFloating(System.String,System.Int32,System.Int32,System.Double&)", clr_native_parse_floating},
    {"System.Number::ParseInteger(System.String,System.Int32,System.Int32,System.Int64&)", clr_native_parse_integer},
    {"System.Number::SingleToString(System.Single)", single_to_string},
    {"System.Number::UInt32ToString(System.UInt32)", uint32_to_string},
    {"System.Number::UInt64ToString(System.UInt64)", uint64_to_string},
    {"System.Object::GetHashCode()", clr_object_get_hash_code},
    {"System.Object::MemberwiseClone()", clr_object_memberwise_clone},
    {"System.Object::ToString()", object_to_string},
    {"System.Runtime.CompilerServices.RuntimeHelpers::InitializeArray(System.Array,System.RuntimeFieldHandle)",
     clr_runtime_helpers_initialize_array},
    {"System.RuntimeType::BaseOf(System.Int32)", clr_runtime_type_base_of},
    {"System.RuntimeType::FlagsOf(System.Int32)", clr_runtime_type_flags_of},
    {"System.RuntimeType::IsAssignable(System.Int32,System.Int32)", clr_runtime_type_is_assignable},
    {"System.RuntimeType::NameOf(System.Int32,System.Int32)", clr_runtime_type_name_of},
    {"System.RuntimeType::TypeIdOf(System.Object)", clr_runtime_type_type_id_of},
    {"System.String::.ctor(System.Char,System.Int32)", clr_string_ctor_repeat},
    {"System.String::.ctor(System.Char[])", clr_string_ctor_chars},
    {"System.String::.ctor(System.Char[],System.Int32,System.Int32)", clr_string_ctor_chars_range},
    {"System.String::Concat(System.String,System.String)", string_concat},
    {"System.String::CopyChars(System.Int32,System.Char[],System.Int32,System.Int32)", clr_string_copy_chars},
    {"System.String::Equals(System.String,System.String)", string_equals},
    {"System.String::FormatSlice(System.String,System.Int32,System.Int32)", string_format_slice},
    {"System.String::IndexOfUnchecked(System.Char,System.Int32,System.Int32)", clr_string_index_of_char},
    {"System.String::IndexOfUnchecked(System.String,System.Int32,System.Int32)", clr_string_index_of_string},
    {"System.String::LastIndexOfUnchecked(System.Char,System.Int32,System.Int32)", clr_string_last_index_of_char},
    {"System.String::LastIndexOfUnchecked(System.String,System.Int32,System.Int32)", clr_string_last_index_of_string},
    {"System.String::SubstringUnchecked(System.Int32,System.Int32)", clr_string_substring},
    {"System.String::get_Chars(System.Int32)", string_get_chars},
    {"System.String::get_Length()", string_get_length},
    {"System.Threading.EventWaitHandle::Reset()", clr_event_reset},
    {"System.Threading.EventWaitHandle::Set()", clr_event_set},
    {"System.Threading.EventWaitHandle::WaitNative(System.Int32)", clr_event_wait},
    {"System.Threading.Interlocked::Add(System.Int32&,System.Int32)", clr_interlocked_add},
    {"System.Threading.Interlocked::Add(System.Int64&,System.Int64)", clr_interlocked_add},
    {"System.Threading.Interlocked::CompareExchange(System.Int32&,System.Int32,System.Int32)",
     clr_interlocked_compare_exchange},
    {"System.Threading.Interlocked::CompareExchange(System.Int64&,System.Int64,System.Int64)",
     clr_interlocked_compare_exchange},
    {"System.Threading.Interlocked::CompareExchange(System.Object&,System.Object,System.Object)",
     clr_interlocked_compare_exchange},
    {"System.Threading.Interlocked::Exchange(System.Int32&,System.Int32)", clr_interlocked_exchange},
    {"System.Threading.Interlocked::Exchange(System.Int64&,System.Int64)", clr_interlocked_exchange},
    {"System.Threading.Interlocked::Exchange(System.Object&,System.Object)", clr_interlocked_exchange},
    {"System.Threading.Monitor::Enter(System.Object,System.Boolean&)", clr_monitor_enter},
    {"System.Threading.Monitor::Exit(System.Object)", clr_monitor_exit},
    {"System.Threading.Monitor::IsEntered(System.Object)", clr_monitor_is_entered},
    {"System.Threading.Monitor::Pulse(System.Object)", clr_monitor_pulse},
    {"System.Threading.Monitor::PulseAll(System.Object)", clr_monitor_pulse_all},
    {"System.Threading.Monitor::TryEnter(System.Object,System.Int32)", clr_monitor_try_enter},
    {"System.Threading.Monitor::Wait(System.Object,System.Int32)", clr_monitor_wait},
    {"System.Threading.Thread::Join(System.Int32)", clr_thread_join},
    {"System.Threading.Thread::SetBackground(System.Boolean)", clr_thread_set_background},
    {"System.Threading.Thread::SleepNative(System.Int32)", clr_thread_sleep},
    {"System.Threading.Thread::StartNative(System.Boolean)", clr_thread_start},
    {"System.Threading.Thread::get_CurrentThread()", clr_thread_current},
    {"System.Threading.Thread::get_IsAlive()", clr_thread_is_alive},
    {"System.ValueType::Equals(System.Object)", clr_value_type_equals},
    {"System.ValueType::GetHashCode()", clr_value_type_get_hash_code},
    {"nanoFramework.Runtime.Events.NativeEventQueue::WaitForEvent(System.Int32,System.UInt32&,System.UInt32&,System.UInt32&)",
     clr_event_queue_wait},
    {"nanoFramework.Runtime.Events.NativeEventQueue::get_LostCount()", clr_event_queue_lost},
    {"nanoFramework.Runtime.Native.GC::Run(System.Boolean)", gc_run},
};

const struct clr_native_assembly clr_native_mscorlib = {
    "mscorlib", mscorlib_methods, sizeof mscorlib_methods / sizeof mscorlib_methods[0]};
