#include "rig.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "b0_counter.h"
#include "b0_validation.h"
#include "bl_sha256.h"

static int rig_lock(void *ctx, uint32_t addr, uint32_t len)
{
    struct rig *r = ctx;
    return flash_sim_lock(r->flash, addr, len);
}

static void rig_log(void *ctx, const char *fmt, va_list args)
{
    struct rig *r = ctx;
    size_t room = sizeof r->log - r->log_len;
    int n = vsnprintf(r->log + r->log_len, room, fmt, args);
    if (n < 0 || (size_t)n + 2 > room)
        test_fail(__FILE__, __LINE__, "log capture full");
    r->log_len += (size_t)n;
    r->log[r->log_len++] = '\n';
    r->log[r->log_len] = '\0';
}

static void rig_jump(void *ctx, uint32_t vector_table)
{
    struct rig *r = ctx;
    r->boots++;
    r->booted_vector = vector_table;
}

void rig_open(struct rig *r)
{
    memset(r, 0, sizeof *r);
    char err[FLASH_SIM_ERROR_LEN] = "";
    r->flash = flash_sim_open(&flash_sim_nrf5340_app, err, sizeof err);
    if (r->flash == NULL)
        test_fail(__FILE__, __LINE__, "flash_sim_open: %s", err);
    r->otp = otp_sim_open(&otp_sim_nrf5340_app, err, sizeof err);
    if (r->otp == NULL)
        test_fail(__FILE__, __LINE__, "otp_sim_open: %s", err);
    r->cfg = (struct b0_config){
        .b0_address = PM_B0_ADDRESS,
        .b0_size = PM_B0_SIZE,
        .provision_address = PM_PROVISION_ADDRESS,
        .provision_size = PM_PROVISION_SIZE,
        .slot_size = PM_S0_SIZE,
        .max_unconfirmed_starts = 3,
    };
    r->port = (struct b0_port){
        .flash = flash_sim_dev(r->flash),
        .otp = otp_sim_dev(r->otp),
        .record = &r->record,
        .lock = rig_lock,
        .log = rig_log,
        .boot = rig_jump,
        .ctx = r,
    };
}

void rig_close(struct rig *r)
{
    flash_sim_close(r->flash);
    otp_sim_close(r->otp);
    r->flash = NULL;
    r->otp = NULL;
}

void image_read(struct image *img, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        test_fail(__FILE__, __LINE__, "cannot open %s", path);
    img->len = fread(img->data, 1, sizeof img->data, f);
    fclose(f);
    if (img->len == 0 || img->len == sizeof img->data)
        test_fail(__FILE__, __LINE__, "%s: unexpected size %zu", path, img->len);
}

void image_key_hash(const struct image *img, uint8_t hash[B0_KEY_HASH_SIZE])
{
    const struct b0_validation_info *block = (const void *)(img->data + VALIDATION_IN_IMAGE);
    uint8_t digest[BL_SHA256_DIGEST_SIZE];
    if (bl_sha256(block->public_key, sizeof block->public_key, digest) != BL_CRYPTO_OK)
        test_fail(__FILE__, __LINE__, "bl_sha256 failed");
    memcpy(hash, digest, B0_KEY_HASH_SIZE);
}

void image_set_word(struct image *img, uint32_t offset, uint32_t value)
{
    if (offset + 4 > img->len)
        test_fail(__FILE__, __LINE__, "offset 0x%x outside the image", offset);
    memcpy(img->data + offset, &value, sizeof value);
}

void rig_load(struct rig *r, uint32_t addr, const struct image *img)
{
    uint8_t padded[sizeof img->data + 4];
    size_t len = (img->len + 3) & ~(size_t)3;
    memset(padded, 0xFF, len);
    memcpy(padded, img->data, img->len);
    int err = flash_write(r->port.flash, addr, padded, len);
    if (err != FLASH_OK)
        test_fail(__FILE__, __LINE__, "loading 0x%x: %s", addr, flash_strerror(err));
}

void rig_load_file(struct rig *r, uint32_t addr, const char *path)
{
    static struct image img;
    image_read(&img, path);
    rig_load(r, addr, &img);
}

void rig_load_vector_images(struct rig *r)
{
    rig_load_file(r, S0_IMAGE, VECTOR("signed_by_b0_s0_image.bin"));
    rig_load_file(r, S1_IMAGE, VECTOR("signed_by_b0_s1_image.bin"));
}

static void otp_program(struct rig *r, uint32_t addr, uint32_t value)
{
    int err = otp_write_word(r->port.otp, addr, value);
    if (err != OTP_OK)
        test_fail(__FILE__, __LINE__, "OTP write at 0x%x: %s", addr, otp_strerror(err));
}

void rig_load_otp_file(struct rig *r, const char *path)
{
    static struct image img;
    image_read(&img, path);
    if (img.len != PM_PROVISION_SIZE)
        test_fail(__FILE__, __LINE__, "%s: %zu bytes, expected 0x%x", path, img.len, PM_PROVISION_SIZE);
    for (size_t off = 0; off < img.len; off += 4) {
        uint32_t word;
        memcpy(&word, img.data + off, sizeof word);
        otp_program(r, MEM_OTP_BASE + (uint32_t)off, word);
    }
}

struct provision_spec provision_spec_default(void)
{
    return (struct provision_spec){.s0 = PM_S0_ADDRESS, .s1 = PM_S1_ADDRESS, .counter_slots = 20};
}

void rig_provision(struct rig *r, const struct provision_spec *spec)
{
    const uint32_t base = PM_PROVISION_ADDRESS;
    otp_program(r, base + 0x28, spec->s0);
    otp_program(r, base + 0x2C, spec->s1);
    otp_program(r, base + 0x30, spec->num_keys);
    uint32_t off = 0x34;
    for (unsigned i = 0; i < spec->num_keys; i++, off += 20) {
        otp_program(r, base + off, spec->revoked[i] ? B0_KEY_TOKEN(i) & B0_KEY_REVOKED_WRITE : B0_KEY_TOKEN(i));
        for (unsigned w = 0; w < 4; w++) {
            uint32_t word;
            memcpy(&word, spec->hash[i] + 4 * w, sizeof word);
            otp_program(r, base + off + 4 + 4 * w, word);
        }
    }
    if (spec->counter_slots != 0) {
        otp_program(r, base + off, B0_COUNTER_TYPE_MONOTONIC | 1u << 16);
        otp_program(r, base + off + 4, B0_COUNTER_DESC_FIRMWARE_VERSION | (uint32_t)spec->counter_slots << 16);
    }
}

void rig_reset(struct rig *r)
{
    flash_sim_reboot(r->flash);
    otp_sim_reboot(r->otp);
}

void rig_power_cycle(struct rig *r)
{
    rig_reset(r);
    memset(&r->record, 0xA5, sizeof r->record); /* SRAM comes up with arbitrary contents */
}

enum b0_status rig_run(struct rig *r, struct b0_decision *d)
{
    r->log_len = 0;
    r->log[0] = '\0';
    return b0_run(&r->cfg, &r->port, d);
}

enum b0_status rig_boot(struct rig *r, struct b0_decision *d)
{
    rig_reset(r);
    return rig_run(r, d);
}

void rig_confirm(struct rig *r)
{
    if (!b0_boot_record_confirm(&r->record))
        test_fail(__FILE__, __LINE__, "no valid boot record to confirm");
}

uint32_t rig_flash_word(struct rig *r, uint32_t addr)
{
    uint32_t value;
    memcpy(&value, flash_sim_memory(r->flash) + (addr - MEM_FLASH_BASE), sizeof value);
    return value;
}

uint32_t rig_otp_word(struct rig *r, uint32_t addr)
{
    uint32_t value;
    int err = otp_read_word(r->port.otp, addr, &value);
    if (err != OTP_OK)
        test_fail(__FILE__, __LINE__, "OTP read at 0x%x: %s", addr, otp_strerror(err));
    return value;
}

uint16_t rig_counter(struct rig *r, uint16_t *used)
{
    struct b0_provision prov;
    if (b0_provision_read(&r->cfg, &r->port, &prov) != B0_OK)
        test_fail(__FILE__, __LINE__, "provisioning unreadable:\n%s", r->log);
    uint16_t value, slots;
    if (b0_counter_read(&r->port, &prov.counter, &value, &slots) != B0_OK)
        test_fail(__FILE__, __LINE__, "counter unreadable");
    if (used != NULL)
        *used = slots;
    return value;
}

uint32_t rig_valid_word(struct rig *r, uint32_t image_addr)
{
    return rig_flash_word(r, image_addr + FW_INFO_IN_IMAGE + FW_INFO_VALID_OFFSET);
}

bool rig_logged(const struct rig *r, const char *text)
{
    return strstr(r->log, text) != NULL;
}
