#include "pcd_log.h"

void pcd_log(pcd_log_fn log, void *ctx, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    log(ctx, fmt, args);
    va_end(args);
}
