/*
 * The PCD handshake on the host simulator, where each core is a process and shares with the other
 * only what it shares on the chip: pcd_sram is a file both map, the net core reads the app core's
 * flash file without writing it, and releasing the net core runs the b0n_sim executable.
 */
#ifndef MB_PCD_HOST_H
#define MB_PCD_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "backing_file.h"
#include "flash_dev.h"
#include "mb_pcd.h"

#define MB_PCD_HOST_ERROR_LEN 256

/* pcd_sram as a file of `size` bytes mapped shared; created zeroed, like RAM after power-on. */
struct mb_pcd_host_area {
    struct backing_file mem;
};

int mb_pcd_host_area_open(struct mb_pcd_host_area *area, const char *path, uint32_t size, char *err, size_t err_len);
void mb_pcd_host_area_close(struct mb_pcd_host_area *area);
/* Accesses outside the area stop the process: on the chip they would hit other RAM. */
void mb_pcd_host_area_read(const struct mb_pcd_host_area *area, uint32_t offset, void *buf, size_t len);
void mb_pcd_host_area_write(struct mb_pcd_host_area *area, uint32_t offset, const void *buf, size_t len);

/* The app core's flash seen from the net core: an existing file, read only (writes: FLASH_E_LOCKED). */
struct mb_pcd_host_ro_flash {
    struct flash_dev dev;
    const uint8_t *data;
};

int mb_pcd_host_ro_flash_open(struct mb_pcd_host_ro_flash *flash, const char *path, uint32_t base, uint32_t size,
                              uint32_t page_size, char *err, size_t err_len);
void mb_pcd_host_ro_flash_close(struct mb_pcd_host_ro_flash *flash);

/*
 * The net core's ACL as a flash_dev wrapper: writes and erases into a locked range fail with
 * FLASH_E_LOCKED until the wrapper is re-initialised (a reset). Locks are whole pages.
 */
#define MB_PCD_HOST_ACL_RANGES 4

struct mb_pcd_host_acl_flash {
    struct flash_dev dev;
    const struct flash_dev *inner;
    struct {
        uint32_t addr, len;
    } locked[MB_PCD_HOST_ACL_RANGES];
    unsigned count;
};

void mb_pcd_host_acl_flash_init(struct mb_pcd_host_acl_flash *flash, const struct flash_dev *inner);
/* FLASH_OK, FLASH_E_ALIGN (not whole pages), FLASH_E_RANGE (outside), FLASH_E_IO (no range left). */
int mb_pcd_host_acl_lock(struct mb_pcd_host_acl_flash *flash, uint32_t addr, uint32_t len);

/*
 * App-core port: hold = kill the net-core process, release = start `net_argv` (b0n_sim and its
 * arguments), sleep = wait for that process up to the time asked (so a finished net core costs no
 * wall-clock time); with no net core running, sleep is real only when real_time is set.
 */
struct mb_pcd_host_app {
    struct mb_pcd_host_area area;
    char *const *net_argv; /* NULL: releasing starts nothing (a net core that never answers) */
    pid_t child;           /* running net core, 0 while held */
    int last_exit;         /* exit code of the last net-core run; -1 none yet or killed */
    bool real_time;
    unsigned releases;
};

int mb_pcd_host_app_open(struct mb_pcd_host_app *app, const char *area_path, char *const *net_argv, char *err,
                         size_t err_len);
/* Holds the net core, then unmaps the area. */
void mb_pcd_host_app_close(struct mb_pcd_host_app *app);
struct mb_pcd_app_port mb_pcd_host_app_port(struct mb_pcd_host_app *app);

#endif /* MB_PCD_HOST_H */
