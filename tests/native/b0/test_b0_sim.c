/*
 * The host executable b0_sim, run as a user would: flash, OTP and retained-RAM files, the next
 * stage started in b0's place, exit codes and messages.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include "b0_boot_record.h"
#include "rig.h"

struct files {
    const char *flash, *otp, *retained;
};

static void write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    CHECK_EQ(fwrite(data, 1, len, f), len);
    CHECK_EQ(fclose(f), 0);
}

static void place(uint8_t *memory, uint32_t offset, const char *path)
{
    struct image img;
    image_read(&img, path);
    memcpy(memory + offset, img.data, img.len);
}

/* A device as the build tool would prepare it: both NCS images and NCS's provisioning. */
static struct files ncs_device_files(const char *s1_image, const char *otp_image)
{
    struct files f = {test_temp_path("flash.bin"), test_temp_path("otp.bin"), test_temp_path("retained.bin")};
    static uint8_t flash[MEM_FLASH_SIZE];
    memset(flash, 0xFF, sizeof flash);
    place(flash, S0_IMAGE - MEM_FLASH_BASE, VECTOR("signed_by_b0_s0_image.bin"));
    place(flash, S1_IMAGE - MEM_FLASH_BASE, s1_image);
    write_file(f.flash, flash, sizeof flash);
    uint8_t otp[MEM_OTP_SIZE];
    memset(otp, 0xFF, sizeof otp);
    place(otp, 0, otp_image);
    write_file(f.otp, otp, sizeof otp);
    return f;
}

static int run_b0(const struct files *f, const char *extra, char *out, size_t out_len)
{
    char command[2048];
    snprintf(command, sizeof command, "%s --flash %s --otp %s --retained %s %s", B0_SIM_PATH, f->flash, f->otp,
             f->retained, extra);
    return test_run(command, out, out_len);
}

#define CHECK_OUTPUT(out, text) CHECK_CONTAINS((out), (text))

TEST(b0_sim_boots_s0_and_hands_over_to_the_next_stage)
{
    struct files f = ncs_device_files(VECTOR("signed_by_b0_s1_image.bin"), VECTOR("provision_otp.bin"));
    static char out[16384];
    CHECK_EQ(run_b0(&f, "-- /bin/echo second stage started", out, sizeof out), 0);
    CHECK_OUTPUT(out, "Attempting to boot slot 0.\nAttempting to boot from address 0x8200.");
    CHECK_OUTPUT(out, "Firmware version 2\n");
    CHECK_OUTPUT(out, "Jumping to 0x00008200: MSP 0x20080000, reset handler 0x00008441.");
    CHECK_OUTPUT(out, "Starting the next stage: /bin/echo\nsecond stage started\n");
}

TEST(b0_sim_boots_a_higher_s1)
{
    struct files f = ncs_device_files(VARIANT("s1_v3_key0"), VECTOR("provision_otp.bin"));
    static char out[16384];
    CHECK_EQ(run_b0(&f, "", out, sizeof out), 0);
    CHECK_OUTPUT(out, "Attempting to boot slot 1.");
    CHECK_OUTPUT(out, "Jumping to 0x00018200");
    CHECK_OUTPUT(out, "No next stage given: stopping here.");
}

TEST(b0_sim_confirmation_through_the_retained_file_raises_the_counter)
{
    struct files f = ncs_device_files(VECTOR("signed_by_b0_s1_image.bin"), VECTOR("provision_otp.bin"));
    static char out[16384];
    CHECK_EQ(run_b0(&f, "", out, sizeof out), 0);
    CHECK_OUTPUT(out, "Slot 0 (version 2) is new: unconfirmed start 1 of 3.");

    /* What the second stage does, from its own process: map ram_retained and confirm. */
    int fd = open(f.retained, O_RDWR);
    CHECK(fd >= 0);
    void *ram = mmap(NULL, PM_RAM_RETAINED_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(ram != MAP_FAILED);
    CHECK(b0_boot_record_confirm(ram));
    CHECK_EQ(munmap(ram, PM_RAM_RETAINED_SIZE), 0);
    close(fd);

    CHECK_EQ(run_b0(&f, "", out, sizeof out), 0);
    CHECK_OUTPUT(out, "Setting monotonic counter (version: 2, slot: 0)");
    FILE *otp = fopen(f.otp, "rb");
    CHECK(otp != NULL);
    uint8_t slot0[2];
    CHECK_EQ(fseek(otp, 0x64, SEEK_SET), 0); /* first counter slot, 0xFF8164 */
    CHECK_EQ(fread(slot0, 1, 2, otp), 2);
    fclose(otp);
    CHECK_EQ(slot0[0] | slot0[1] << 8, (uint16_t)~5u);
}

TEST(b0_sim_counts_starts_in_the_retained_file_and_falls_back)
{
    struct files f = ncs_device_files(VARIANT("s1_v3_key0"), VECTOR("provision_otp.bin"));
    static char out[16384];
    for (int i = 1; i <= 2; i++) {
        CHECK_EQ(run_b0(&f, "--max-unconfirmed-starts 2", out, sizeof out), 0);
        CHECK_OUTPUT(out, "Booting slot 1");
    }
    CHECK_EQ(run_b0(&f, "--max-unconfirmed-starts 2", out, sizeof out), 0);
    CHECK_OUTPUT(out, "Falling back to slot 0; permanently invalidating slot 1.");
    CHECK_OUTPUT(out, "Booting slot 0");
}

TEST(b0_sim_refuses_the_legacy_provisioning_layout)
{
    struct files f = ncs_device_files(VECTOR("signed_by_b0_s1_image.bin"), VECTOR("provision_legacy_otp.bin"));
    static char out[16384];
    CHECK_EQ(run_b0(&f, "-- /bin/echo must not run", out, sizeof out), 1);
    CHECK_OUTPUT(out, "is in the legacy NCS layout");
    CHECK_OUTPUT(out, "b0 halted: provisioning in the legacy NCS layout.");
    CHECK(strstr(out, "must not run") == NULL);
}

TEST(b0_sim_reports_a_next_stage_it_cannot_start)
{
    struct files f = ncs_device_files(VECTOR("signed_by_b0_s1_image.bin"), VECTOR("provision_otp.bin"));
    static char out[16384];
    CHECK_EQ(run_b0(&f, "-- /nonexistent/second-stage", out, sizeof out), 127);
    CHECK_OUTPUT(out, "b0_sim: cannot start the next stage /nonexistent/second-stage: No such file or directory");
}

TEST(b0_sim_refuses_bad_arguments_and_files)
{
    static char out[16384];
    CHECK_EQ(test_run(B0_SIM_PATH, out, sizeof out), 2);
    CHECK_OUTPUT(out, "b0_sim: --flash and --otp are required");
    CHECK_OUTPUT(out, "usage: b0_sim");
    CHECK_EQ(test_run(B0_SIM_PATH " --flash", out, sizeof out), 2);
    CHECK_OUTPUT(out, "b0_sim: --flash needs a value");
    CHECK_EQ(test_run(B0_SIM_PATH " --bogus x", out, sizeof out), 2);
    CHECK_OUTPUT(out, "b0_sim: unknown option --bogus");

    struct files f = ncs_device_files(VECTOR("signed_by_b0_s1_image.bin"), VECTOR("provision_otp.bin"));
    CHECK_EQ(run_b0(&f, "--max-unconfirmed-starts 300", out, sizeof out), 2);
    CHECK_OUTPUT(out, "--max-unconfirmed-starts takes 0..255, not \"300\"");

    write_file(f.otp, "\xff\xff\xff\xff", 4);
    CHECK_EQ(run_b0(&f, "", out, sizeof out), 2);
    char expected[64];
    snprintf(expected, sizeof expected, "has 4 bytes, expected %u", (unsigned)MEM_OTP_SIZE);
    CHECK_OUTPUT(out, expected);
    CHECK_EQ(test_run(B0_SIM_PATH " --help", out, sizeof out), 0);
    CHECK_OUTPUT(out, "usage: b0_sim");
}
