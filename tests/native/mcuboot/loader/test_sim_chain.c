/*
 * The host simulation as separate processes, as on silicon: b0_sim starts mcuboot_sim, which shares
 * only the flash, OTP and retained-RAM files with it. An app update (test, then revert) and a
 * bootloader update, whose reset request (exit 3) is answered by starting b0_sim again.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blu_rig.h"
#include "board_partitions.h"
#include "flash_sim.h"
#include "mb_trailer.h"
#include "otp_sim.h"

#define LDR_IMAGE(name) BLU_IMAGES_DIR "/" name ".bin"

struct files {
    char flash[512], otp[512], retained[512], key[512];
};

static void program_file(const struct flash_dev *dev, uint32_t addr, const char *path)
{
    static struct blob b;
    blob_read(&b, path);
    size_t len = (b.len + 3u) & ~3u;
    memset(b.data + b.len, 0xFF, len - b.len);
    CHECK_EQ(flash_write(dev, addr, b.data, len), FLASH_OK);
}

/* Factory state in files: NCS's provisioning, S0, app v1; the MCUboot key as DER. */
static void make_device(struct files *f)
{
    snprintf(f->flash, sizeof f->flash, "%s", test_temp_path("flash.bin"));
    snprintf(f->otp, sizeof f->otp, "%s", test_temp_path("otp.bin"));
    snprintf(f->retained, sizeof f->retained, "%s", test_temp_path("retained.bin"));
    snprintf(f->key, sizeof f->key, "%s", test_temp_path("key.der"));
    char err[FLASH_SIM_ERROR_LEN];
    struct flash_sim_config fc = flash_sim_nrf5340_app;
    fc.backing_file = f->flash;
    struct flash_sim *flash = flash_sim_open(&fc, err, sizeof err);
    struct otp_sim_config oc = otp_sim_nrf5340_app;
    oc.backing_file = f->otp;
    struct otp_sim *otp = otp_sim_open(&oc, err, sizeof err);
    CHECK(flash != NULL && otp != NULL);
    static struct blob prov;
    blob_read(&prov, B0_VECTORS_DIR "/provision_otp.bin");
    for (size_t i = 0; i + 4 <= prov.len; i += 4) {
        uint32_t word;
        memcpy(&word, prov.data + i, 4);
        CHECK_EQ(otp_write_word(otp_sim_dev(otp), MEM_OTP_BASE + (uint32_t)i, word), OTP_OK);
    }
    program_file(flash_sim_dev(flash), PM_S0_ADDRESS, LDR_IMAGE("blu_s0_v2"));
    program_file(flash_sim_dev(flash), PM_MCUBOOT_PRIMARY_ADDRESS, LDR_IMAGE("ldr_app_v1"));
    otp_sim_close(otp);
    flash_sim_close(flash);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "openssl pkey -in '%s' -pubout -outform DER -out '%s'", MB_KEY_P256_PEM, f->key);
    CHECK_EQ(system(cmd), 0);
}

static void upload(const struct files *f, const char *image, uint8_t number)
{
    char err[FLASH_SIM_ERROR_LEN];
    struct flash_sim_config fc = flash_sim_nrf5340_app;
    fc.backing_file = f->flash;
    struct flash_sim *flash = flash_sim_open(&fc, err, sizeof err);
    CHECK(flash != NULL);
    CHECK_EQ(flash_erase(flash_sim_dev(flash), PM_MCUBOOT_SECONDARY_ADDRESS, PM_MCUBOOT_SECONDARY_SIZE), FLASH_OK);
    program_file(flash_sim_dev(flash), PM_MCUBOOT_SECONDARY_ADDRESS, image);
    struct mb_area secondary = {flash_sim_dev(flash), PM_MCUBOOT_SECONDARY_ADDRESS, PM_MCUBOOT_SECONDARY_SIZE};
    CHECK_EQ(mb_trailer_set_pending(&secondary, number, false), MB_TRAILER_OK);
    flash_sim_close(flash);
}

/* One reset: b0_sim, then mcuboot_sim in its place. Returns the exit code; output in out. */
static int reset(const struct files *f, char *out, size_t cap)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "'%s' --flash '%s' --otp '%s' --retained '%s' -- '%s' --flash '%s' --otp '%s' "
                              "--retained '%s' --key '%s'",
             B0_SIM_PATH, f->flash, f->otp, f->retained, MCUBOOT_SIM_PATH, f->flash, f->otp, f->retained, f->key);
    return test_run(cmd, out, cap);
}

#define CHECK_OUTPUT(out, text) CHECK_CONTAINS((out), (text))

TEST(app_test_update_and_revert_across_processes)
{
    static struct files f;
    static char out[16384];
    make_device(&f);
    CHECK_EQ(reset(&f, out, sizeof out), 0);
    CHECK_OUTPUT(out, "Booting app 1.0.0+0");
    upload(&f, LDR_IMAGE("ldr_app_v2"), 0);
    CHECK_EQ(reset(&f, out, sizeof out), 0);
    CHECK_OUTPUT(out, "Booting app 2.0.0+0");
    CHECK_OUTPUT(out, "Jumping to the app at 0x00028200.");
    CHECK_EQ(reset(&f, out, sizeof out), 0);
    CHECK_OUTPUT(out, "Booting app 1.0.0+0: vector table 0x00028200 (test app was not confirmed");
}

TEST(bootloader_update_asks_for_a_reset_and_b0_starts_the_new_copy)
{
    static struct files f;
    static char out[16384];
    make_device(&f);
    upload(&f, LDR_IMAGE("blu_s1_v3"), 2);
    CHECK_EQ(reset(&f, out, sizeof out), 3);
    CHECK_OUTPUT(out, "Reset requested");
    CHECK_EQ(reset(&f, out, sizeof out), 0);
    CHECK_OUTPUT(out, "Attempting to boot slot 1.");
    CHECK_OUTPUT(out, "Second stage started from S1 (fw_info version 3)");
}

TEST(a_refused_image_is_explained_and_the_app_still_starts)
{
    static struct files f;
    static char out[16384];
    make_device(&f);
    upload(&f, LDR_IMAGE("blu_s0_v3"), 2);
    CHECK_EQ(reset(&f, out, sizeof out), 0);
    CHECK_OUTPUT(out, "bootloader update refused: image is linked for S0 but S0 is running; upload the S1 variant");
    CHECK_OUTPUT(out, "Booting app 1.0.0+0");
}
