#include "blu_rig.h"

#include <stdio.h>
#include <string.h>

/* The 16-byte trailer magic at the end of a slot (imgtool, mb_test_image). */
static const uint8_t trailer_magic[16] = {0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f,
                                          0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80};

static void feed(void *ctx)
{
    struct blu *b = ctx;
    b->watchdog_feeds++;
}

static void open_common(struct blu *b)
{
    memset(b, 0, sizeof *b);
    rig_open(&b->rig);
    FILE *f = fopen(BLU_IMAGES_DIR "/blu_s1_v3.pub.der", "rb");
    if (f == NULL)
        test_fail(__FILE__, __LINE__, "cannot open the MCUboot public key");
    size_t len = fread(b->key_der, 1, sizeof b->key_der, f);
    fclose(f);
    b->key = (struct mb_key){MB_KEY_ECDSA_P256, b->key_der, len};
    b->keyring = (struct mb_keyring){&b->key, 1};
    b->env = (struct mb_bl_env){
        .flash = b->rig.port.flash,
        .otp = b->rig.port.otp,
        .record = &b->rig.record,
        .keyring = &b->keyring,
        .outcome = &b->outcome,
        .feed_watchdog = feed,
        .ctx = b,
    };
}

void blu_open(struct blu *b)
{
    open_common(b);
    rig_load_otp_file(&b->rig, VECTOR("provision_otp.bin"));
}

void blu_open_provisioned(struct blu *b, const struct provision_spec *spec)
{
    open_common(b);
    if (spec != NULL)
        rig_provision(&b->rig, spec);
}

void blu_close(struct blu *b)
{
    rig_close(&b->rig);
}

void blob_read(struct blob *blob, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        test_fail(__FILE__, __LINE__, "cannot open %s", path);
    blob->len = fread(blob->data, 1, sizeof blob->data, f);
    fclose(f);
    if (blob->len == 0)
        test_fail(__FILE__, __LINE__, "%s is empty", path);
}

void blu_program(struct blu *b, uint32_t addr, const uint8_t *data, size_t len)
{
    static uint8_t padded[PM_MCUBOOT_SECONDARY_SIZE + 4];
    size_t n = (len + 3) & ~(size_t)3;
    memset(padded, 0xFF, n);
    memcpy(padded, data, len);
    int err = flash_write(b->rig.port.flash, addr, padded, n);
    if (err != FLASH_OK)
        test_fail(__FILE__, __LINE__, "programming 0x%x: %s", addr, flash_strerror(err));
}

void blu_factory(struct blu *b)
{
    static struct blob s0;
    blob_read(&s0, IMAGE("blu_s0_v2"));
    blu_program(b, PM_S0_ADDRESS, s0.data, s0.len);
    blu_boot(b); /* new: counted start, confirmed */
    struct b0_decision d = blu_boot(b); /* committed */
    CHECK_EQ(d.slot, 0);
    CHECK_EQ(d.starts, 0);
}

void blu_stage(struct blu *b, const char *path, bool pending)
{
    static struct blob image;
    blob_read(&image, path);
    blu_program(b, SECONDARY, image.data, image.len);
    if (pending && image.len < PM_MCUBOOT_SECONDARY_SIZE)
        blu_program(b, PM_MCUBOOT_SECONDARY_END_ADDRESS - sizeof trailer_magic, trailer_magic, sizeof trailer_magic);
}

bool blu_pending(struct blu *b)
{
    return memcmp(blu_memory(b, PM_MCUBOOT_SECONDARY_END_ADDRESS - sizeof trailer_magic), trailer_magic,
                  sizeof trailer_magic) == 0;
}

struct b0_decision blu_boot(struct blu *b)
{
    struct b0_decision d;
    enum b0_status st = rig_boot(&b->rig, &d);
    if (st != B0_OK || b->rig.boots == 0)
        test_fail(__FILE__, __LINE__, "b0 did not boot (%s):\n%s", b0_status_text(st), b->rig.log);
    rig_confirm(&b->rig);
    return d;
}

enum mb_bl_result blu_loader(struct blu *b, struct mb_bl_verdict *v)
{
    if (!blu_pending(b))
        return MB_BL_NOTHING;
    enum mb_bl_result result = mb_bl_update_apply(&b->env, SECONDARY, v);
    if (result == MB_BL_REFUSED)
        result = mb_bl_update_refuse(&b->env, SECONDARY, v);
    return result;
}

const uint8_t *blu_memory(struct blu *b, uint32_t addr)
{
    return flash_sim_memory(b->rig.flash) + (addr - MEM_FLASH_BASE);
}

bool blu_holds(struct blu *b, uint32_t addr, const struct blob *blob)
{
    return memcmp(blu_memory(b, addr), blob->data, blob->len) == 0;
}

static bool blu_erased_bytes(const uint8_t *p, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (p[i] != 0xFF)
            return false;
    }
    return true;
}

bool blu_erased(struct blu *b, uint32_t addr, size_t len)
{
    return blu_erased_bytes(blu_memory(b, addr), len);
}

void blu_key_hash(const char *path, uint8_t hash[B0_KEY_HASH_SIZE])
{
    static struct image img;
    image_read(&img, path);
    image_key_hash(&img, hash);
}

void blu_save(struct blu *b, struct blu_snapshot *snap)
{
    memcpy(snap->flash, blu_memory(b, MEM_FLASH_BASE), sizeof snap->flash);
    for (uint32_t i = 0; i < MEM_OTP_SIZE / 4; i++)
        snap->otp[i] = rig_otp_word(&b->rig, MEM_OTP_BASE + 4 * i);
    snap->record = b->rig.record;
}

void blu_restore(struct blu *b, const struct blu_snapshot *snap)
{
    open_common(b);
    for (uint32_t page = 0; page < MEM_FLASH_SIZE; page += MEM_FLASH_PAGE_SIZE) {
        if (!blu_erased_bytes(snap->flash + page, MEM_FLASH_PAGE_SIZE))
            blu_program(b, MEM_FLASH_BASE + page, snap->flash + page, MEM_FLASH_PAGE_SIZE);
    }
    for (uint32_t i = 0; i < MEM_OTP_SIZE / 4; i++) {
        if (snap->otp[i] != 0xFFFFFFFFu && otp_write_word(b->rig.port.otp, MEM_OTP_BASE + 4 * i, snap->otp[i]) != OTP_OK)
            test_fail(__FILE__, __LINE__, "restoring OTP word %u", i);
    }
    b->rig.record = snap->record;
}
