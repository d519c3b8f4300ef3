/* Shared by the loader's source files: one boot's state and the refusal helpers. */
#ifndef LOADER_INTERNAL_H
#define LOADER_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "mb_loader.h"
#include "mb_swap.h"

/* Rules the loader itself applies; refusal_code in the boot info (image 2 refusals use mb_bl_rule). */
enum mb_loader_rule {
    MB_RULE_IMAGE_INVALID = 1, /* mb_image_validate refused it */
    MB_RULE_NO_SLOT,           /* reset vector in no image's slot */
    MB_RULE_DOWNGRADE,         /* header version below the installed one */
    MB_RULE_SECURITY_COUNTER,  /* SEC_CNT missing or below the installed image's */
    MB_RULE_DEPENDENCY,        /* a DEPENDENCY TLV is not met by the installed images */
    MB_RULE_TOO_BIG,           /* larger than the partition it is copied into */
    MB_RULE_NET_CORE,          /* the net core refused it or did not answer */
};

struct run {
    const struct mb_loader_port *port;
    const struct mb_keyring *keyring;
    struct mb_swap_pair app; /* mcuboot_primary / mcuboot_secondary */
};

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

/* Image 1 / image 3 installs. Return false when the boot must stop (power lost). */
bool loader_install_net(const struct run *r, uint32_t upload);
bool loader_install_managed(const struct run *r, uint32_t upload);

#endif /* LOADER_INTERNAL_H */
