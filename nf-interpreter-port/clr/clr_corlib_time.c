/*
 * The clock behind DateTime.UtcNow: the board's, through the HAL (clr.h); a board without one gets a clear stop.
 */
#include "clr_corlib.h"

#define MAX_TICKS 3155378975999999999LL /* DateTime.MaxValue.Ticks */

/* DateTime.GetUtcNowTicks() */
enum clr_exception clr_date_time_utc_now_ticks(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)args;
    if (rt->hal.utc_now_ticks == NULL)
        return clr_throw(rt, CLR_EXC_NOT_SUPPORTED, "DateTime.UtcNow: this board gives the runtime no clock.");
    const int64_t ticks = rt->hal.utc_now_ticks(rt->hal.ctx);
    if (ticks < 0 || ticks > MAX_TICKS)
        return clr_throw(rt, CLR_EXC_NOT_SUPPORTED, "DateTime.UtcNow: the board's clock gave %lld ticks, outside "
                         "DateTime's range.", (long long)ticks);
    result->kind = CLR_K_I8;
    result->v.i8 = ticks;
    return CLR_EXC_NONE;
}
