/* Shared by the loader's source files: one boot's state and the refusal helpers. */
#ifndef LOADER_INTERNAL_H
#define LOADER_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "mb_loader.h"
#include "mb_swap.h"

struct run {
    const struct mb_loader_port *port;
    const struct mb_keyring *keyring;
    struct mb_swap_pair app; /* mcuboot_primary / mcuboot_secondary */
    struct mb_loader_check *check; /* set: a read-only check, refusals land here instead of the boot info */
};

/* The two slots every path works on. */
struct mb_swap_pair loader_app_pair(const struct flash_dev *flash);

void loader_log(const struct run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Logs "<image name> image refused: <text>" and records it in the boot info. */
void loader_refuse(const struct run *r, uint8_t image, uint16_t rule, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* True when the flash reports a power cut (simulation): the boot must stop. */
bool loader_power_lost(const struct run *r);

void loader_feed(void *ctx);

const char *loader_image_name(uint8_t image);

/*
 * The version rules every update passes (image = its number): downgrade against the installed
 * header, security counter against the installed image's, dependencies against installed images.
 * `installed_addr` is where the image being replaced sits (0: none to compare with). Refuses and
 * returns false on the first broken rule.
 */
bool loader_version_rules(const struct run *r, uint8_t image, const struct mb_image_info *img,
                          uint32_t installed_addr, uint32_t installed_size);

/* Refuses an upload whose reset vector lies in no image's slot (mb_loader_route_image gave MB_NO_IMAGE). */
void loader_refuse_no_slot(const struct run *r, uint8_t image, uint32_t reset_vector);

/* The app's checks of the upload (mb_swap_hooks.validate_secondary): ctx is the run. */
bool loader_validate_app(void *ctx, const struct mb_area *secondary, uint32_t *image_size);

/* The checks of image 1 / image 3 installs that need nothing but the app core's flash; refuse and return false. */
bool loader_check_net(const struct run *r, uint32_t upload, struct mb_image_info *img);
bool loader_check_managed(const struct run *r, uint32_t upload, struct mb_image_info *img, bool *installed);

/* Image 1 / image 3 installs. Return false when the boot must stop (power lost). */
bool loader_install_net(const struct run *r, uint32_t upload);
bool loader_install_managed(const struct run *r, uint32_t upload);

#endif /* LOADER_INTERNAL_H */
