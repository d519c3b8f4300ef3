/*
 * The second stage's boot: finish or start what the upload slot asks for, then start the app.
 *
 * One upload slot (mcuboot_secondary) serves four images, told apart as NCS's MCUboot does, by the
 * reset vector (word 1 of the payload) of the pending image:
 *   in mcuboot_primary   -> image 0, the app: swap using move with test / permanent / revert
 *   in net_app           -> image 1, the net core: validated here, copied by its b0n over PCD
 *   in s0_image/s1_image -> image 2, this bootloader: mb_bl_update, then reset so b0 picks it
 *   anything else, with image number 3 in the trailer -> the C# deployment, copied into managed_deploy
 * Every refusal erases only the refused image and leaves one line in the boot-info record.
 */
#ifndef MB_LOADER_H
#define MB_LOADER_H

#include <stdarg.h>
#include <stdint.h>

#include "b0_boot_record.h"
#include "flash_dev.h"
#include "mb_boot_info.h"
#include "mb_image.h"
#include "mb_pcd.h"
#include "otp_dev.h"

struct mb_loader_port {
    const struct flash_dev *flash;      /* app-core flash */
    const struct otp_dev *otp;          /* b0's provisioning and counter (for bootloader updates) */
    struct b0_boot_record *b0_record;   /* ram_retained: confirmed here, tells the running S slot */
    struct mb_boot_info *info;          /* ram_retained + MB_BOOT_INFO_OFFSET: the report to the app */
    uint32_t reset_reason;              /* RESETREAS as found at start */
    const struct mb_pcd_app_port *pcd;  /* the net core; NULL when there is none (net images refused) */
    int (*lock)(void *ctx, uint32_t addr, uint32_t len); /* SPU lock until reset, flash_err */
    void (*log)(void *ctx, const char *fmt, va_list args);
    void (*feed_watchdog)(void *ctx);   /* may be NULL */
    void *ctx;
};

enum mb_loader_result {
    MB_LOADER_BOOT,       /* start the app at out vector */
    MB_LOADER_REBOOT,     /* a bootloader copy is staged: reset now so b0 starts it */
    MB_LOADER_HALT,       /* nothing valid to start: stay here (the log and boot info say why) */
    MB_LOADER_POWER_LOST, /* a device lost power (simulation): stop as the chip would */
};

/* Rules the loader itself applies: refusal_code in the boot info (image 2 refusals use mb_bl_rule). */
enum mb_loader_rule {
    MB_RULE_IMAGE_INVALID = 1, /* mb_image_validate refused it */
    MB_RULE_NO_SLOT,           /* reset vector in no image's slot */
    MB_RULE_DOWNGRADE,         /* header version below the installed one */
    MB_RULE_SECURITY_COUNTER,  /* SEC_CNT missing or below the installed image's */
    MB_RULE_DEPENDENCY,        /* a DEPENDENCY TLV is not met by the installed images */
    MB_RULE_TOO_BIG,           /* larger than the partition it is copied into */
    MB_RULE_NET_CORE,          /* the net core refused it or did not answer */
};

/* A refusal line as the boot logs it: "<image> image refused: <rule, values, fix>". */
#define MB_LOADER_LINE_SIZE (MB_BOOT_INFO_TEXT + 64u)

/* The verdict of mb_loader_check_upload. */
enum mb_check_verdict {
    MB_CHECK_ACCEPTED, /* the next boot installs it (or finishes what is already installed) */
    MB_CHECK_REFUSED,  /* the next boot refuses and erases it: rule and line say why */
    MB_CHECK_FAULT,    /* the device could not be checked (b0 record, provisioning, flash): line says what */
};

struct mb_loader_check {
    enum mb_check_verdict verdict;
    uint8_t image;                  /* the image the boot routes the upload to (0..3) */
    uint16_t rule;                  /* enum mb_loader_rule, or enum mb_bl_rule for image 2 */
    char line[MB_LOADER_LINE_SIZE]; /* the line the boot would log; "" when accepted */
};

/* Runs one boot. On MB_LOADER_BOOT *vector is the app's vector table. */
enum mb_loader_result mb_loader_run(const struct mb_loader_port *port, const struct mb_keyring *keyring,
                                    uint32_t *vector);

const char *mb_loader_result_text(enum mb_loader_result result);

/* The image the boot routes an upload to by its reset vector (image 3 by the trailer's number); MB_NO_IMAGE: none. */
uint8_t mb_loader_route_image(uint32_t reset_vector, uint8_t trailer_image);

/*
 * For the app when an upload completes: the rules the next boot applies to the image in the upload slot,
 * with the same code and routing (reset vector; image_number stands for the trailer's, which is not written
 * yet), and the line the boot would log. Reads only: port->info, lock, pcd and feed_watchdog are not used.
 * The net core's own checks (its fw_info downgrade, b0n's verdict) need the net core and are left to the boot.
 */
enum mb_check_verdict mb_loader_check_upload(const struct mb_loader_port *port, const struct mb_keyring *keyring,
                                             uint8_t image_number, struct mb_loader_check *out);

#endif /* MB_LOADER_H */
