/*
 * App-core port on the host: the net core is a child process. NETWORK.FORCEOFF = Release starts it,
 * Hold kills it (as the hardware stops the core wherever it is), and the poll's sleep waits for it.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "board_partitions.h"
#include "mb_pcd_host.h"

extern char **environ;

static void nap_ms(uint32_t ms)
{
    struct timespec t = {.tv_sec = ms / 1000u, .tv_nsec = (long)(ms % 1000u) * 1000000L};
    while (nanosleep(&t, &t) != 0 && errno == EINTR) {
    }
}

static void reaped(struct mb_pcd_host_app *app, int status)
{
    app->last_exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    app->child = 0;
}

/* True once the child has ended (and is reaped). */
static bool child_ended(struct mb_pcd_host_app *app)
{
    int status;
    pid_t r = waitpid(app->child, &status, WNOHANG);
    if (r == 0)
        return false;
    if (r == app->child)
        reaped(app, status);
    else
        app->child = 0; /* lost track of it: treat as ended */
    return true;
}

static void host_hold(void *ctx)
{
    struct mb_pcd_host_app *app = ctx;
    if (app->child == 0 || child_ended(app))
        return;
    kill(app->child, SIGKILL);
    int status;
    if (waitpid(app->child, &status, 0) == app->child)
        reaped(app, status);
    app->child = 0;
}

static int host_release(void *ctx)
{
    struct mb_pcd_host_app *app = ctx;
    app->releases++;
    if (app->net_argv == NULL)
        return 0;
    fflush(stdout);
    fflush(stderr);
    pid_t pid;
    int rc = posix_spawn(&pid, app->net_argv[0], NULL, NULL, app->net_argv, environ);
    if (rc != 0) {
        fprintf(stderr, "cannot start the net core %s: %s\n", app->net_argv[0], strerror(rc));
        return -rc;
    }
    app->child = pid;
    return 0;
}

static void host_sleep(void *ctx, uint32_t ms)
{
    struct mb_pcd_host_app *app = ctx;
    if (app->child == 0) {
        if (app->real_time)
            nap_ms(ms);
        return;
    }
    for (uint32_t waited = 0; waited < ms && !child_ended(app); waited++)
        nap_ms(1);
}

static void host_read(void *ctx, uint32_t offset, void *buf, size_t len)
{
    struct mb_pcd_host_app *app = ctx;
    mb_pcd_host_area_read(&app->area, offset, buf, len);
}

static void host_write(void *ctx, uint32_t offset, const void *buf, size_t len)
{
    struct mb_pcd_host_app *app = ctx;
    mb_pcd_host_area_write(&app->area, offset, buf, len);
}

static void host_log(void *ctx, const char *fmt, va_list args)
{
    (void)ctx;
    vprintf(fmt, args);
    putchar('\n');
    fflush(stdout); /* keep the order with the net core's lines, which share the terminal */
}

int mb_pcd_host_app_open(struct mb_pcd_host_app *app, const char *area_path, char *const *net_argv, char *err,
                         size_t err_len)
{
    *app = (struct mb_pcd_host_app){.net_argv = net_argv, .last_exit = -1};
    return mb_pcd_host_area_open(&app->area, area_path, PM_PCD_SRAM_SIZE, err, err_len);
}

void mb_pcd_host_app_close(struct mb_pcd_host_app *app)
{
    host_hold(app);
    mb_pcd_host_area_close(&app->area);
}

struct mb_pcd_app_port mb_pcd_host_app_port(struct mb_pcd_host_app *app)
{
    return (struct mb_pcd_app_port){
        .area_read = host_read,
        .area_write = host_write,
        .hold = host_hold,
        .release = host_release,
        .sleep_ms = host_sleep,
        .feed_watchdog = NULL,
        .log = host_log,
        .ctx = app,
    };
}
