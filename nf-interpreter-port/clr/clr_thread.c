/*
 * Green threads. Every managed thread runs on the one interpreter loop: the running thread's call stack is
 * in struct clr_runtime and is swapped with a struct clr_thread on a switch. A thread gives the CPU up when
 * its time slice (backward branches and calls) ends, when it blocks (Sleep, Join, a lock held by another
 * thread, Monitor.Wait, an unset wait handle, an empty native event queue) or when it ends.
 *
 * A blocking internal call marks its thread blocked and rewinds the caller to the call instruction, its
 * arguments still on the stack, then returns CLR_EXC_YIELD: when the thread is woken (by what it waits for,
 * or by its deadline) the call runs again and completes. in_wait/timed_out carry the deadline and the
 * timeout across those runs.
 *
 * Time is the board's clock (hal.now_ms), or a virtual one that jumps to the next deadline whenever every
 * thread waits, so that tests are deterministic.
 */
#include "clr_corlib.h"

/* Field slots the runtime reads, in their declaration order in managed/CoreLibrary/System/Threading. */
#define THREAD_INDEX 0u  /* Thread._index: 0 not started, thread + 1 while it runs, -1 once it ended */
#define EVENT_SIGNALED 0u /* EventWaitHandle._signaled */
#define EVENT_AUTO_RESET 1u

uint64_t clr_now(struct clr_runtime *rt)
{
    return rt->hal.now_ms != NULL ? rt->hal.now_ms(rt->hal.ctx) : rt->virtual_ms;
}

/* An int or bool field (0 until written: fields start untyped). */
static int32_t int_field(const struct clr_object *o, uint32_t field)
{
    return field < o->field_count && o->fields[field].kind == CLR_K_I4 ? o->fields[field].v.i4 : 0;
}

static struct clr_thread *current(struct clr_runtime *rt)
{
    return &rt->threads[rt->current];
}

void clr_thread_save(struct clr_runtime *rt)
{
    struct clr_thread *t = current(rt);
    t->frames = rt->frames;
    t->frame_capacity = rt->frame_capacity;
    t->depth = rt->depth;
    t->slots = rt->slots;
    t->slots_end = rt->slots_end;
    t->eh = rt->eh;
    t->eh_count = rt->eh_count;
}

static void load(struct clr_runtime *rt, uint32_t index)
{
    const struct clr_thread *t = &rt->threads[index];
    rt->current = index;
    rt->frames = t->frames;
    rt->frame_capacity = t->frame_capacity;
    rt->depth = t->depth;
    rt->slots = t->slots;
    rt->slots_end = t->slots_end;
    rt->eh = t->eh;
    rt->eh_count = t->eh_count;
    rt->slice = CLR_TIME_SLICE;
}

void clr_threads_init(struct clr_runtime *rt, const struct clr_config *cfg)
{
    rt->thread_frames = cfg->thread_call_depth != 0 ? cfg->thread_call_depth : CLR_DEFAULT_THREAD_CALL_DEPTH;
    rt->thread_slots = cfg->thread_stack_slots != 0 ? cfg->thread_stack_slots : CLR_DEFAULT_THREAD_STACK_SLOTS;
    rt->current = 0;
    rt->threads[0].state = CLR_THREAD_RUNNABLE;
    rt->threads[0].deadline = CLR_NEVER;
    rt->slice = CLR_TIME_SLICE;
    clr_thread_save(rt);
}

enum clr_exception clr_block(struct clr_runtime *rt, uint8_t kind, struct clr_block *object, uint64_t deadline)
{
    struct clr_thread *t = current(rt);
    if (!t->in_wait) { /* a wait entered again keeps its first deadline */
        t->in_wait = true;
        t->timed_out = false;
        t->deadline = deadline;
    }
    t->state = CLR_THREAD_BLOCKED;
    t->wait_kind = kind;
    t->wait_object = object;
    struct clr_frame *caller = &rt->frames[rt->depth - 1];
    caller->ip = caller->op_ip; /* the call runs again when the thread wakes */
    return CLR_EXC_YIELD;
}

/* The end of a wait (the call completes): true when it ended by its deadline. */
static bool wait_done(struct clr_runtime *rt)
{
    struct clr_thread *t = current(rt);
    const bool timed_out = t->in_wait && t->timed_out;
    t->in_wait = false;
    t->timed_out = false;
    t->deadline = CLR_NEVER;
    t->wait_kind = CLR_WAIT_NONE;
    t->wait_object = NULL;
    return timed_out;
}

/* A wait that ended by its deadline completes (false); otherwise it goes on. */
static bool wait_done_if_timed_out(struct clr_runtime *rt)
{
    return current(rt)->in_wait && current(rt)->timed_out && wait_done(rt);
}

static uint64_t deadline_after(struct clr_runtime *rt, int32_t ms)
{
    return ms < 0 ? CLR_NEVER : clr_now(rt) + (uint64_t)ms;
}

void clr_wake(struct clr_runtime *rt, uint8_t kind, const struct clr_block *object, bool all)
{
    for (uint32_t i = 0; i < CLR_MAX_THREADS; i++) {
        struct clr_thread *t = &rt->threads[i];
        if (t->state == CLR_THREAD_BLOCKED && t->wait_kind == kind && t->wait_object == object) {
            t->state = CLR_THREAD_RUNNABLE;
            if (kind == CLR_WAIT_MONITOR)
                t->monitor_phase = 2;
            if (!all)
                return;
        }
    }
}

void clr_thread_finished(struct clr_runtime *rt)
{
    struct clr_thread *t = current(rt);
    t->state = CLR_THREAD_DONE;
    t->depth = 0;
    if (t->managed != NULL) {
        t->managed->fields[THREAD_INDEX] = (struct clr_slot){.kind = CLR_K_I4, .elem = CLR_ELEM_I4, .v.i4 = -1};
        clr_wake(rt, CLR_WAIT_JOIN, &t->managed->block, true);
    }
}

static bool foreground_alive(const struct clr_runtime *rt)
{
    for (uint32_t i = 0; i < CLR_MAX_THREADS; i++)
        if ((rt->threads[i].state == CLR_THREAD_RUNNABLE || rt->threads[i].state == CLR_THREAD_BLOCKED) &&
            !rt->threads[i].background)
            return true;
    return false;
}

/* Threads whose deadline has passed become runnable, timed out. */
static void expire(struct clr_runtime *rt, uint64_t now)
{
    for (uint32_t i = 0; i < CLR_MAX_THREADS; i++) {
        struct clr_thread *t = &rt->threads[i];
        if (t->state == CLR_THREAD_BLOCKED && t->deadline <= now) {
            t->state = CLR_THREAD_RUNNABLE;
            t->timed_out = true;
            if (t->wait_kind == CLR_WAIT_MONITOR)
                t->monitor_phase = 2;
        }
    }
}

enum clr_result clr_schedule(struct clr_runtime *rt, bool *stop)
{
    clr_thread_save(rt);
    *stop = false;
    for (;;) {
        if (rt->threads[0].state == CLR_THREAD_DONE && !foreground_alive(rt)) {
            *stop = true; /* Main returned and no foreground thread runs: the program ends */
            return CLR_OK;
        }
        const uint64_t now = clr_now(rt);
        expire(rt, now);
        if (rt->event_head != rt->event_tail)
            for (uint32_t i = 0; i < CLR_MAX_THREADS; i++)
                if (rt->threads[i].state == CLR_THREAD_BLOCKED && rt->threads[i].wait_kind == CLR_WAIT_NATIVE_EVENT)
                    rt->threads[i].state = CLR_THREAD_RUNNABLE;
        for (uint32_t k = 1; k <= CLR_MAX_THREADS; k++) { /* round robin, the current thread last */
            const uint32_t i = (rt->current + k) % CLR_MAX_THREADS;
            if (rt->threads[i].state == CLR_THREAD_RUNNABLE) {
                load(rt, i);
                return CLR_OK;
            }
        }
        uint64_t next = CLR_NEVER;
        bool native_wait = false;
        for (uint32_t i = 0; i < CLR_MAX_THREADS; i++) {
            const struct clr_thread *t = &rt->threads[i];
            if (t->state != CLR_THREAD_BLOCKED)
                continue;
            next = t->deadline < next ? t->deadline : next;
            native_wait |= t->wait_kind == CLR_WAIT_NATIVE_EVENT;
        }
        if (rt->hal.idle != NULL && (next != CLR_NEVER || native_wait)) {
            rt->hal.idle(rt->hal.ctx, next);
        } else if (next != CLR_NEVER && rt->hal.now_ms == NULL) {
            rt->virtual_ms = next;
        } else if (next != CLR_NEVER) {
            continue; /* a real clock without idle: wait for it to pass the deadline */
        } else {
            clr_log(rt, "All threads are blocked and nothing can wake them: deadlock");
            return CLR_DEADLOCK;
        }
    }
}

/* ---- Thread ---- */

static enum clr_exception push_entry_frame(struct clr_runtime *rt, uint32_t index, struct clr_object *thread)
{
    /* The new thread's stack, swapped in to push its first frame (Thread.Run on its Thread object). */
    clr_thread_save(rt);
    const uint32_t running = rt->current;
    load(rt, index);
    rt->slots[0] = (struct clr_slot){.kind = CLR_K_O, .elem = CLR_ELEM_OBJECT, .v.o = &thread->block};
    const enum clr_exception exc = clr_push_entry(rt, rt->thread_run);
    clr_thread_save(rt);
    load(rt, running);
    rt->slice = 1 + rt->slice / 2; /* the new thread gets its turn soon */
    return exc;
}

enum clr_exception clr_thread_start(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)result;
    struct clr_object *self = (struct clr_object *)args[0].v.o;
    if (self->field_count <= THREAD_INDEX || rt->thread_run == CLR_NONE32)
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "System.Threading.Thread is not the runtime's.");
    if (int_field(self, THREAD_INDEX) != 0)
        return clr_throw(rt, CLR_EXC_THREAD_STATE, NULL);
    uint32_t index = 1;
    while (index < CLR_MAX_THREADS && rt->threads[index].state != CLR_THREAD_FREE &&
           rt->threads[index].state != CLR_THREAD_DONE)
        index++;
    if (index == CLR_MAX_THREADS) {
        clr_log(rt, "Thread.Start: %u threads already run", (unsigned)CLR_MAX_THREADS);
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    }
    const size_t frames = rt->thread_frames * sizeof(struct clr_frame), eh = CLR_EH_MAX * sizeof(struct clr_eh_record);
    const size_t slots = rt->thread_slots * sizeof(struct clr_slot);
    struct clr_block *stack = clr_gc_alloc(rt, CLR_BLOCK_STACK, frames + eh + slots + 16u);
    if (stack == NULL)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    uint8_t *base = (uint8_t *)(((uintptr_t)(stack + 1) + 15u) & ~(uintptr_t)15u);
    struct clr_thread *t = &rt->threads[index];
    *t = (struct clr_thread){
        .frames = (struct clr_frame *)base,
        .frame_capacity = rt->thread_frames,
        .eh = (struct clr_eh_record *)(base + frames),
        .slots = (struct clr_slot *)(base + frames + eh),
        .slots_end = (struct clr_slot *)(base + frames + eh) + rt->thread_slots,
        .stack_block = stack,
        .managed = self,
        .deadline = CLR_NEVER,
        .state = CLR_THREAD_RUNNABLE,
        .background = args[1].v.i4 != 0,
    };
    const enum clr_exception exc = push_entry_frame(rt, index, self);
    if (exc != CLR_EXC_NONE) {
        t->state = CLR_THREAD_FREE;
        return exc;
    }
    self->fields[THREAD_INDEX] = (struct clr_slot){.kind = CLR_K_I4, .elem = CLR_ELEM_I4, .v.i4 = (int32_t)index + 1};
    return CLR_EXC_NONE;
}

/* The index of a started, running thread of a Thread object, -1 otherwise. */
static int32_t running_index(const struct clr_object *thread)
{
    const int32_t i = int_field(thread, THREAD_INDEX);
    return i > 0 && i <= (int32_t)CLR_MAX_THREADS ? i - 1 : -1;
}

enum clr_exception clr_thread_sleep(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)result;
    if (wait_done_if_timed_out(rt))
        return CLR_EXC_NONE;
    if (args[0].v.i4 == 0) {
        rt->slice = 1; /* Sleep(0): the others' turn first */
        return CLR_EXC_NONE;
    }
    return clr_block(rt, CLR_WAIT_SLEEP, NULL, deadline_after(rt, args[0].v.i4));
}

enum clr_exception clr_thread_join(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    struct clr_object *self = (struct clr_object *)args[0].v.o;
    result->kind = CLR_K_I4;
    if (int_field(self, THREAD_INDEX) == 0)
        return clr_throw(rt, CLR_EXC_THREAD_STATE, "Thread has not been started.");
    const int32_t index = running_index(self);
    if (index < 0 || rt->threads[index].state == CLR_THREAD_DONE) {
        wait_done(rt);
        result->v.i4 = 1;
        return CLR_EXC_NONE;
    }
    if (args[1].v.i4 == 0 || wait_done_if_timed_out(rt)) {
        result->v.i4 = 0;
        return CLR_EXC_NONE;
    }
    return clr_block(rt, CLR_WAIT_JOIN, &self->block, deadline_after(rt, args[1].v.i4));
}

static struct clr_object *thread_object(struct clr_runtime *rt, uint32_t index, enum clr_exception *exc)
{
    struct clr_thread *t = &rt->threads[index];
    *exc = CLR_EXC_NONE;
    if (t->managed == NULL) { /* the main thread's, made when first asked for */
        if (rt->thread_type == CLR_NONE32 || (t->managed = clr_object_new(rt, rt->thread_type)) == NULL) {
            *exc = clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
            return NULL;
        }
        t->managed->fields[THREAD_INDEX] = (struct clr_slot){.kind = CLR_K_I4, .elem = CLR_ELEM_I4, .v.i4 = (int32_t)index + 1};
    }
    return t->managed;
}

enum clr_exception clr_thread_current(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)args;
    enum clr_exception exc;
    struct clr_object *o = thread_object(rt, rt->current, &exc);
    if (o != NULL)
        *result = (struct clr_slot){.kind = CLR_K_O, .v.o = &o->block};
    return exc;
}

enum clr_exception clr_thread_is_alive(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    const int32_t index = running_index((const struct clr_object *)args[0].v.o);
    *result = (struct clr_slot){.kind = CLR_K_I4,
                                .v.i4 = index >= 0 && rt->threads[index].state != CLR_THREAD_DONE &&
                                        rt->threads[index].state != CLR_THREAD_FREE};
    return CLR_EXC_NONE;
}

enum clr_exception clr_thread_set_background(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)result;
    const int32_t index = running_index((const struct clr_object *)args[0].v.o);
    if (index >= 0)
        rt->threads[index].background = args[1].v.i4 != 0;
    return CLR_EXC_NONE;
}

/* ---- Monitor ---- */

static struct clr_lock *find_lock(struct clr_runtime *rt, const struct clr_block *o)
{
    for (uint32_t i = 0; i < CLR_MAX_LOCKS; i++)
        if (rt->locks[i].object == o)
            return &rt->locks[i];
    return NULL;
}

/* Takes o's lock (count times) when it is free or already ours: true; false when another thread holds it. */
static bool try_take(struct clr_runtime *rt, struct clr_block *o, uint32_t count, enum clr_exception *exc)
{
    *exc = CLR_EXC_NONE;
    struct clr_lock *l = find_lock(rt, o);
    if (l != NULL) {
        if (l->owner != rt->current)
            return false;
        l->count += count;
        return true;
    }
    if ((l = find_lock(rt, NULL)) == NULL) {
        clr_log(rt, "Monitor: more than %u objects are locked at once", (unsigned)CLR_MAX_LOCKS);
        *exc = clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
        return false;
    }
    *l = (struct clr_lock){o, rt->current, count};
    return true;
}

/* The lock of o held by this thread, or SynchronizationLockException. */
static struct clr_lock *owned_lock(struct clr_runtime *rt, const struct clr_block *o, enum clr_exception *exc)
{
    struct clr_lock *l = o != NULL ? find_lock(rt, o) : NULL;
    *exc = l != NULL && l->owner == rt->current ? CLR_EXC_NONE : clr_throw(rt, CLR_EXC_SYNCHRONIZATION_LOCK, NULL);
    return *exc == CLR_EXC_NONE ? l : NULL;
}

static void release(struct clr_runtime *rt, struct clr_lock *l)
{
    struct clr_block *o = l->object;
    l->object = NULL;
    clr_wake(rt, CLR_WAIT_LOCK, o, true);
}

/* Stores a bool through a managed pointer to a bool location (lock's lockTaken). */
static void set_bool(struct clr_slot *ref, bool value)
{
    if (ref->kind == CLR_K_REF && ref->ref_elem == 0)
        clr_store_convert(ref->v.ref->elem, ref->v.ref, &(struct clr_slot){.kind = CLR_K_I4, .v.i4 = value});
    else if (ref->kind == CLR_K_REF && ref->ref_elem == CLR_ELEM_BOOLEAN)
        *ref->v.raw = value;
}

/* Enter(object, ref bool lockTaken) and TryEnter(object, int timeout): args[1] is the ref or the timeout. */
static enum clr_exception enter(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result, bool try_enter)
{
    struct clr_block *o = args[0].v.o;
    if (o == NULL)
        return clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    enum clr_exception exc;
    const bool taken = try_take(rt, o, 1, &exc);
    if (exc != CLR_EXC_NONE)
        return exc;
    const int32_t timeout = try_enter ? args[1].v.i4 : -1;
    if (taken || timeout == 0 || wait_done_if_timed_out(rt)) {
        wait_done(rt);
        if (try_enter)
            *result = (struct clr_slot){.kind = CLR_K_I4, .v.i4 = taken};
        else
            set_bool(&args[1], true);
        return CLR_EXC_NONE;
    }
    return clr_block(rt, CLR_WAIT_LOCK, o, deadline_after(rt, timeout));
}

enum clr_exception clr_monitor_enter(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    return enter(rt, args, result, false);
}

enum clr_exception clr_monitor_try_enter(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    return enter(rt, args, result, true);
}

enum clr_exception clr_monitor_exit(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)result;
    enum clr_exception exc;
    struct clr_lock *l = owned_lock(rt, args[0].v.o, &exc);
    if (l != NULL && --l->count == 0)
        release(rt, l);
    return exc;
}

enum clr_exception clr_monitor_is_entered(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    const struct clr_lock *l = args[0].v.o != NULL ? find_lock(rt, args[0].v.o) : NULL;
    *result = (struct clr_slot){.kind = CLR_K_I4, .v.i4 = l != NULL && l->owner == rt->current};
    return CLR_EXC_NONE;
}

/* Wait(object, timeout): gives the lock up, waits for a Pulse (or the deadline), then takes it back. */
enum clr_exception clr_monitor_wait(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    struct clr_thread *t = current(rt);
    struct clr_block *o = args[0].v.o;
    enum clr_exception exc;
    if (t->monitor_phase == 0) {
        struct clr_lock *l = owned_lock(rt, o, &exc);
        if (l == NULL)
            return exc;
        t->monitor_count = l->count;
        release(rt, l);
        t->monitor_phase = 1;
        return clr_block(rt, CLR_WAIT_MONITOR, o, deadline_after(rt, args[1].v.i4));
    }
    if (t->monitor_phase == 1) /* woken by something else: still waiting for a Pulse */
        return clr_block(rt, CLR_WAIT_MONITOR, o, t->deadline);
    const bool taken = try_take(rt, o, t->monitor_count, &exc);
    if (exc != CLR_EXC_NONE)
        return exc;
    if (!taken) {
        const bool timed_out = t->timed_out;
        const enum clr_exception y = clr_block(rt, CLR_WAIT_LOCK, o, CLR_NEVER);
        t->timed_out = timed_out; /* what Wait returns once the lock is back */
        return y;
    }
    const bool timed_out = t->timed_out;
    wait_done(rt);
    t->monitor_phase = 0;
    *result = (struct clr_slot){.kind = CLR_K_I4, .v.i4 = !timed_out};
    return CLR_EXC_NONE;
}

static enum clr_exception pulse(struct clr_runtime *rt, struct clr_slot *args, bool all)
{
    enum clr_exception exc;
    if (owned_lock(rt, args[0].v.o, &exc) != NULL)
        clr_wake(rt, CLR_WAIT_MONITOR, args[0].v.o, all);
    return exc;
}

enum clr_exception clr_monitor_pulse(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)result;
    return pulse(rt, args, false);
}

enum clr_exception clr_monitor_pulse_all(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)result;
    return pulse(rt, args, true);
}

/* ---- EventWaitHandle (ManualResetEvent, AutoResetEvent) ---- */

static void set_signaled(struct clr_slot *this_slot, bool value)
{
    struct clr_object *o = (struct clr_object *)this_slot->v.o;
    if (o->field_count > EVENT_AUTO_RESET)
        o->fields[EVENT_SIGNALED] = (struct clr_slot){.kind = CLR_K_I4, .elem = CLR_ELEM_BOOLEAN, .v.i4 = value};
}

enum clr_exception clr_event_set(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    *result = (struct clr_slot){.kind = CLR_K_I4, .v.i4 = 1};
    set_signaled(&args[0], true);
    clr_wake(rt, CLR_WAIT_EVENT, args[0].v.o, true); /* each woken thread checks again: one takes an auto reset */
    return CLR_EXC_NONE;
}

enum clr_exception clr_event_reset(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    *result = (struct clr_slot){.kind = CLR_K_I4, .v.i4 = 1};
    set_signaled(&args[0], false);
    return CLR_EXC_NONE;
}

enum clr_exception clr_event_wait(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    const struct clr_object *self = (const struct clr_object *)args[0].v.o;
    result->kind = CLR_K_I4;
    if (int_field(self, EVENT_SIGNALED) != 0) {
        if (int_field(self, EVENT_AUTO_RESET) != 0)
            set_signaled(&args[0], false);
        wait_done(rt);
        result->v.i4 = 1;
        return CLR_EXC_NONE;
    }
    if (args[1].v.i4 == 0 || wait_done_if_timed_out(rt)) {
        result->v.i4 = 0;
        return CLR_EXC_NONE;
    }
    return clr_block(rt, CLR_WAIT_EVENT, args[0].v.o, deadline_after(rt, args[1].v.i4));
}

/* ---- Interlocked: a thread switch never falls inside an internal call, so each is atomic ---- */

static bool ref_read(const struct clr_slot *ref, struct clr_slot *out)
{
    if (ref->kind != CLR_K_REF || ref->ref_elem == CLR_ELEM_VALUETYPE)
        return false;
    if (ref->ref_elem != 0)
        clr_raw_read(ref->ref_elem, ref->v.raw, out);
    else
        *out = *ref->v.ref;
    return true;
}

static bool ref_write(const struct clr_slot *ref, const struct clr_slot *v)
{
    if (ref->ref_elem != 0) {
        struct clr_slot w;
        if (!clr_store_convert(ref->ref_elem, &w, v))
            return false;
        clr_raw_write(ref->ref_elem, ref->v.raw, &w);
        return true;
    }
    return clr_store_convert(ref->v.ref->elem, ref->v.ref, v);
}

/* op: 0 add (args[1]), 1 exchange (args[1]), 2 compare-exchange (args[1] if equal to args[2]). */
static enum clr_exception interlocked(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result, int op)
{
    struct clr_slot old;
    if (!ref_read(&args[0], &old) || (old.kind != args[1].kind && !(old.kind == CLR_K_NONE)))
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Interlocked on a location of another type.");
    struct clr_slot v = args[1];
    if (op == 0) {
        if (v.kind == CLR_K_I4)
            v.v.i4 = (int32_t)((uint32_t)old.v.i4 + (uint32_t)v.v.i4);
        else
            v.v.i8 = (int64_t)((uint64_t)old.v.i8 + (uint64_t)v.v.i8);
    }
    const bool store = op != 2 || (v.kind == CLR_K_O ? old.v.o == args[2].v.o
                                                     : v.kind == CLR_K_I4 ? old.v.i4 == args[2].v.i4 : old.v.i8 == args[2].v.i8);
    if (store && !ref_write(&args[0], &v))
        return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "Interlocked on a location of another type.");
    *result = op == 0 ? v : old;
    result->elem = 0;
    return CLR_EXC_NONE;
}

enum clr_exception clr_interlocked_add(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    return interlocked(rt, args, result, 0);
}

enum clr_exception clr_interlocked_exchange(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    return interlocked(rt, args, result, 1);
}

enum clr_exception clr_interlocked_compare_exchange(struct clr_runtime *rt, struct clr_slot *args,
                                                       struct clr_slot *result)
{
    return interlocked(rt, args, result, 2);
}

/* ---- native events ---- */

bool clr_post_event(struct clr_runtime *rt, uint32_t source, uint32_t data0, uint32_t data1)
{
    const uint32_t head = rt->event_head;
    if (head - rt->event_tail >= CLR_EVENT_QUEUE) {
        rt->events_lost++;
        return false;
    }
    rt->events[head % CLR_EVENT_QUEUE] = (struct clr_native_event){source, data0, data1};
    rt->event_head = head + 1;
    return true;
}

/* WaitForEvent(timeout, out source, out data0, out data1): true with the oldest event, false on timeout. */
enum clr_exception clr_event_queue_wait(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    const uint32_t lost = rt->events_lost;
    if (lost != rt->events_lost_reported) {
        clr_log(rt, "native event queue full: %u events lost (%u in all)", (unsigned)(lost - rt->events_lost_reported),
                (unsigned)lost);
        rt->events_lost_reported = lost;
    }
    result->kind = CLR_K_I4;
    if (rt->event_head != rt->event_tail) {
        const struct clr_native_event e = rt->events[rt->event_tail % CLR_EVENT_QUEUE];
        rt->event_tail++;
        const uint32_t values[3] = {e.source, e.data0, e.data1};
        for (unsigned i = 0; i < 3; i++)
            if (!ref_write(&args[1 + i], &(struct clr_slot){.kind = CLR_K_I4, .v.i4 = (int32_t)values[i]}))
                return clr_throw(rt, CLR_EXC_INVALID_PROGRAM, "WaitForEvent's out arguments are not uint locations.");
        wait_done(rt);
        result->v.i4 = 1;
        return CLR_EXC_NONE;
    }
    if (args[0].v.i4 == 0 || wait_done_if_timed_out(rt)) {
        result->v.i4 = 0;
        return CLR_EXC_NONE;
    }
    return clr_block(rt, CLR_WAIT_NATIVE_EVENT, NULL, deadline_after(rt, args[0].v.i4));
}

enum clr_exception clr_event_queue_lost(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)args;
    *result = (struct clr_slot){.kind = CLR_K_I4, .v.i4 = (int32_t)rt->events_lost};
    return CLR_EXC_NONE;
}

enum clr_exception clr_environment_tick_count(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)args;
    *result = (struct clr_slot){.kind = CLR_K_I8, .v.i8 = (int64_t)clr_now(rt)};
    return CLR_EXC_NONE;
}
