/* Log helper shared by the PCD sources (not part of the public interface). */
#ifndef PCD_LOG_H
#define PCD_LOG_H

#include <stdarg.h>

typedef void (*pcd_log_fn)(void *ctx, const char *fmt, va_list args);

void pcd_log(pcd_log_fn log, void *ctx, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif /* PCD_LOG_H */
