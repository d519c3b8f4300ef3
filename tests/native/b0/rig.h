/*
 * Test rig for b0: a simulated nRF5340 (board geometry from board_partitions.h), the retained
 * record in RAM, a port that captures the log and the jump, and the images and provisioning data
 * from ../shared/vectors/b0 plus the variants signed at build time (images/).
 */
#ifndef B0_RIG_H
#define B0_RIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "b0.h"
#include "b0_provision.h"
#include "board_partitions.h"
#include "flash_sim.h"
#include "fw_info.h"
#include "harness.h"
#include "otp_sim.h"

/* Where the NCS images are linked (s0_image / s1_image) and where provisioning says the slots start. */
#define S0_IMAGE PM_S0_IMAGE_ADDRESS
#define S1_IMAGE PM_S1_IMAGE_ADDRESS
#define FW_INFO_IN_IMAGE 0x200u   /* CONFIG_FW_INFO_OFFSET of the vectors */
#define VALIDATION_IN_IMAGE 0x400u /* fw_info.size of the vectors */

#define VECTOR(name) B0_VECTORS_DIR "/" name
#define VARIANT(name) B0_TEST_IMAGES_DIR "/" name ".bin"

struct image {
    uint8_t data[4096];
    size_t len;
};

struct rig {
    struct flash_sim *flash;
    struct otp_sim *otp;
    struct b0_boot_record record; /* ram_retained */
    struct b0_config cfg;
    struct b0_port port;
    char log[32768];
    size_t log_len;
    unsigned boots;         /* port->boot() calls */
    uint32_t booted_vector; /* its argument */
};

/* Opens RAM-only sims; provisioning and slots are empty until loaded. */
void rig_open(struct rig *r);
void rig_close(struct rig *r);

void image_read(struct image *img, const char *path);
/* The first 16 bytes of SHA-256 of the public key in the image's validation block. */
void image_key_hash(const struct image *img, uint8_t hash[B0_KEY_HASH_SIZE]);
void image_set_word(struct image *img, uint32_t offset, uint32_t value);

void rig_load(struct rig *r, uint32_t addr, const struct image *img);
void rig_load_file(struct rig *r, uint32_t addr, const char *path);
/* NCS's signed_by_b0_s0_image.bin at S0_IMAGE and signed_by_b0_s1_image.bin at S1_IMAGE. */
void rig_load_vector_images(struct rig *r);
/* Programs a 0x280-byte OTP image file (provision_otp.bin) at MEM_OTP_BASE. */
void rig_load_otp_file(struct rig *r, const char *path);

struct provision_spec {
    uint32_t s0, s1;
    unsigned num_keys;
    uint8_t hash[B0_MAX_KEYS][B0_KEY_HASH_SIZE];
    bool revoked[B0_MAX_KEYS];
    uint16_t counter_slots; /* 0: no counter collection */
};
/* The slot addresses and 20 counter slots of provision_otp.bin, with no keys yet. */
struct provision_spec provision_spec_default(void);
/* Programs the current NCS layout, as provision.py writes it. */
void rig_provision(struct rig *r, const struct provision_spec *spec);

/* Soft reset: locks and power-cut state cleared, retained RAM kept. */
void rig_reset(struct rig *r);
/* Power off and on: as rig_reset, and retained RAM is lost. */
void rig_power_cycle(struct rig *r);
/* One b0 start, from the current state. Clears the captured log first. */
enum b0_status rig_run(struct rig *r, struct b0_decision *d);
/* rig_reset + rig_run. */
enum b0_status rig_boot(struct rig *r, struct b0_decision *d);
/* What a healthy second stage does once started. */
void rig_confirm(struct rig *r);

uint32_t rig_flash_word(struct rig *r, uint32_t addr);
uint32_t rig_otp_word(struct rig *r, uint32_t addr);
/* Counter value and used slots, read with b0's own reader. */
uint16_t rig_counter(struct rig *r, uint16_t *used);
/* The fw_info valid word of the image at image_addr. */
uint32_t rig_valid_word(struct rig *r, uint32_t image_addr);

bool rig_logged(const struct rig *r, const char *text);
#define CHECK_LOGGED(r, text) CHECK_CONTAINS((r)->log, (text))
#define CHECK_NOT_LOGGED(r, text) CHECK_NOT_CONTAINS((r)->log, (text))

#endif /* B0_RIG_H */
