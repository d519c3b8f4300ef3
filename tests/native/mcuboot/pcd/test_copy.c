/*
 * The copy: a valid image replaces net_app; an image b0n must refuse leaves net_app as it was;
 * a copy that does not read back right is never answered DONE.
 */
#include <string.h>

#include "b0_status.h"
#include "fw_info.h"
#include "rig.h"

static struct rig r;
static struct staged v2;
static struct file_bytes v1;

static void open_device(const char *image)
{
    rig_open(&r);
    rig_install_net_app(&r, PAYLOAD("pcd_net_v1"));
    file_read(&v1, PAYLOAD("pcd_net_v1"));
    rig_stage(&r, image, &v2);
}

/* Clears one bit of the byte at addr in the app flash (the second write a word may take). */
static void clear_app_bit(uint32_t addr, uint8_t bit)
{
    uint32_t word_addr = addr & ~3u, word;
    CHECK_EQ(flash_read(flash_sim_dev(r.app), word_addr, &word, sizeof word), FLASH_OK);
    word &= ~((uint32_t)bit << (8 * (addr & 3u)));
    CHECK_EQ(flash_write(flash_sim_dev(r.app), word_addr, &word, sizeof word), FLASH_OK);
}

static void check_refused(const struct mb_pcd_result *res, enum b0_status rule)
{
    CHECK_EQ(res->status, MB_PCD_E_FAILED);
    CHECK_EQ(res->reason, MB_PCD_R_INVALID_IMAGE);
    CHECK_EQ(res->code, rule);
    CHECK_MEM_EQ(rig_net_bytes(&r, PM_NET_APP_ADDRESS), v1.data, v1.len); /* untouched */
    CHECK_LOGGED(&r, "net: Unable to find valid firmware inside 0x00078200");
}

TEST(a_valid_update_replaces_net_app_and_nothing_else)
{
    open_device(IMAGE("pcd_net_v2"));
    static uint8_t b0n_before[PM_B0N_CONTAINER_SIZE];
    memcpy(b0n_before, rig_net_bytes(&r, PM_B0N_CONTAINER_ADDRESS), sizeof b0n_before);
    struct mb_pcd_result res;
    CHECK_EQ(rig_update(&r, &v2, &res), MB_PCD_DONE);
    CHECK_MEM_EQ(rig_net_bytes(&r, PM_NET_APP_ADDRESS), v2.payload, v2.payload_len);
    /* The rest of the last page written is erased, not the old image's bytes. */
    const uint32_t page = MEM_NET_FLASH_PAGE_SIZE, end = PM_NET_APP_ADDRESS + v2.payload_len;
    for (uint32_t a = end; a % page != 0; a++)
        CHECK_EQ(*rig_net_bytes(&r, a), 0xFF);
    CHECK_MEM_EQ(rig_net_bytes(&r, PM_B0N_CONTAINER_ADDRESS), b0n_before, sizeof b0n_before);
    CHECK_MEM_EQ(rig_app_bytes(&r, PM_MCUBOOT_SECONDARY_ADDRESS), v2.file.data, v2.file.len); /* slot kept */
    CHECK_LOGGED(&r, "net: Firmware hash verified.\n");
    CHECK_LOGGED(&r, "net: Transfer done\n");
    rig_close(&r);
}

TEST(a_length_off_the_word_grid_is_padded_with_erased_bytes)
{
    open_device(IMAGE("pcd_net_v2"));
    const uint32_t len = v2.payload_len + 2u; /* two bytes of the TLV area more */
    CHECK_EQ(mb_pcd_update(&r.app_cfg, &r.app_port, v2.payload_address, len, NULL), MB_PCD_DONE);
    CHECK_MEM_EQ(rig_net_bytes(&r, PM_NET_APP_ADDRESS), v2.payload, len);
    CHECK_EQ(*rig_net_bytes(&r, PM_NET_APP_ADDRESS + len), 0xFF);
    CHECK_EQ(*rig_net_bytes(&r, PM_NET_APP_ADDRESS + len + 1u), 0xFF);
    rig_close(&r);
}

TEST(the_next_net_core_start_boots_the_new_image)
{
    open_device(IMAGE("pcd_net_v2"));
    CHECK_EQ(rig_update(&r, &v2, NULL), MB_PCD_DONE);
    CHECK_EQ(r.boots, 0); /* b0n waits to be held after a copy; it does not boot */
    rig_clear_log(&r);
    CHECK_EQ(rig_net_start(&r), MB_PCD_NET_BOOTED); /* the runtime releases the net core later */
    CHECK_EQ(r.booted_vector, PM_NET_APP_ADDRESS);
    CHECK_LOGGED(&r, "net: Booting net_app version 2");
    rig_close(&r);
}

TEST(a_corrupt_payload_fails_on_its_hash_and_leaves_net_app)
{
    open_device(IMAGE("pcd_net_v2"));
    uint32_t at = v2.payload_address + 0x1000u;
    uint8_t bit = 0x01;
    while ((*rig_app_bytes(&r, at) & bit) == 0)
        bit <<= 1;
    clear_app_bit(at, bit);
    struct mb_pcd_result res;
    CHECK_EQ(rig_update(&r, &v2, &res), MB_PCD_E_FAILED);
    check_refused(&res, B0_E_HASH);
    CHECK_LOGGED(&r, "net: Firmware hash mismatch: SHA-256 of 0x00078200..0x0007a529");
    CHECK_LOGGED(&r, "app: Network core update failed: the image in the upload slot is not valid for net_app: "
                     "image hash mismatch.");
    rig_close(&r);
}

TEST(an_image_linked_for_another_address_fails)
{
    open_device(IMAGE("pcd_net_elsewhere"));
    struct mb_pcd_result res;
    rig_update(&r, &v2, &res);
    check_refused(&res, B0_E_ADDRESS);
    CHECK_LOGGED(&r, "net: The firmware doesn't belong at destination addr: it is linked for 0x01010000, net_app "
                     "starts at 0x01008800.");
    rig_close(&r);
}

TEST(an_invalidated_image_fails)
{
    open_device(IMAGE("pcd_net_v2"));
    const uint32_t valid = v2.payload_address + 0x200u + FW_INFO_VALID_OFFSET;
    uint32_t zero = 0;
    CHECK_EQ(flash_write(flash_sim_dev(r.app), valid, &zero, sizeof zero), FLASH_OK);
    struct mb_pcd_result res;
    rig_update(&r, &v2, &res);
    check_refused(&res, B0_E_INVALIDATED);
    rig_close(&r);
}

TEST(a_length_that_cuts_off_the_validation_block_fails)
{
    open_device(IMAGE("pcd_net_v2"));
    struct mb_pcd_result res;
    mb_pcd_update(&r.app_cfg, &r.app_port, v2.payload_address, v2.payload_len - 8u, &res);
    check_refused(&res, B0_E_NO_VALIDATION_INFO);
    rig_close(&r);
}

/* Offsets in the MCUboot file of pcd_net_v2: payload after the 0x200 header, fw_info 0x200 into it. */
#define PAYLOAD_AT 0x200u
#define FW_INFO_AT (PAYLOAD_AT + 0x200u)
#define BLOCK_AT (PAYLOAD_AT + 9004u) /* fw_info.size 9001, rounded to a word */

TEST(each_image_rule_b0n_checks_refuses_with_its_own_code_and_leaves_net_app)
{
    static const struct {
        const char *what;
        uint32_t at, value;
        enum b0_status rule;
    } cases[] = {
        {"fw_info magic", FW_INFO_AT + 0, 0x12345678u, B0_E_FWINFO_NOT_FOUND},
        {"fw_info for nRF52", FW_INFO_AT + 8, 0x00003402u, B0_E_FWINFO_COMPAT},
        {"total_size 58", FW_INFO_AT + 12, 58, B0_E_FWINFO_FORMAT},
        {"size 0", FW_INFO_AT + 16, 0, B0_E_SIZE},
        {"size above net_app", FW_INFO_AT + 16, PM_NET_APP_SIZE + 4u, B0_E_SIZE},
        {"size below total_size", FW_INFO_AT + 16, 56, B0_E_SIZE},
        {"fw_info past the signed region", FW_INFO_AT + 16, 0x220, B0_E_FWINFO_OUTSIDE},
        {"linked elsewhere", FW_INFO_AT + 24, 0x01010000u, B0_E_ADDRESS},
        {"invalidated", FW_INFO_AT + 32, 0, B0_E_INVALIDATED},
        {"boot address past the image", FW_INFO_AT + 28, PM_NET_APP_ADDRESS + 9000u, B0_E_BOOT_ADDRESS},
        {"boot address unaligned", FW_INFO_AT + 28, PM_NET_APP_ADDRESS + 2u, B0_E_BOOT_ADDRESS},
        {"reset handler in b0n", PAYLOAD_AT + 4, PM_B0N_ADDRESS + 0x101u, B0_E_RESET_VECTOR},
        {"validation block for another address", BLOCK_AT + 12, 0x01010000u, B0_E_VALIDATION_ADDRESS},
        {"validation block magic", BLOCK_AT + 4, 0, B0_E_NO_VALIDATION_INFO},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        open_device(IMAGE("pcd_net_v2"));
        struct file_bytes patched = v2.file;
        memcpy(patched.data + cases[i].at, &cases[i].value, sizeof cases[i].value);
        rig_stage_bytes(&r, &patched, &v2);
        struct mb_pcd_result res;
        rig_update(&r, &v2, &res);
        if (res.code != (int32_t)cases[i].rule)
            test_fail(__FILE__, __LINE__, "%s: got %s, expected %s; log:\n%s", cases[i].what,
                      b0_status_text((enum b0_status)res.code), b0_status_text(cases[i].rule), r.log);
        check_refused(&res, cases[i].rule);
        rig_close(&r);
    }
}

/* A net flash that programs one write with a bit missing and says it went well: a silent bad copy. */
struct faulty_flash {
    struct flash_dev dev;
    const struct flash_dev *inner;
    unsigned writes, corrupt_write;
};

static int faulty_read(const struct flash_dev *d, uint32_t addr, void *buf, size_t len)
{
    return flash_read(((const struct faulty_flash *)d->ctx)->inner, addr, buf, len);
}

static int faulty_write(const struct flash_dev *d, uint32_t addr, const void *buf, size_t len)
{
    struct faulty_flash *f = d->ctx;
    uint8_t copy[512];
    CHECK(len <= sizeof copy);
    memcpy(copy, buf, len);
    if (++f->writes == f->corrupt_write) {
        size_t i = len / 2;
        while (i < len && copy[i] == 0x00)
            i++;
        CHECK(i < len);
        copy[i] = 0x00; /* bits that should be 1 stay 0: a real fault for an erased page */
    }
    return flash_write(f->inner, addr, copy, len);
}

static int faulty_erase(const struct flash_dev *d, uint32_t addr, size_t len)
{
    return flash_erase(((const struct faulty_flash *)d->ctx)->inner, addr, len);
}

TEST(a_copy_that_does_not_read_back_is_never_done_and_a_reissue_repairs_it)
{
    open_device(IMAGE("pcd_net_v2"));
    static const struct flash_dev_ops ops = {faulty_read, faulty_write, faulty_erase};
    static struct faulty_flash faulty;
    faulty = (struct faulty_flash){.dev = *flash_sim_dev(r.net), .inner = &r.acl.dev, .corrupt_write = 7};
    faulty.dev.ops = &ops;
    faulty.dev.ctx = &faulty;
    r.net_port.net_flash = &faulty.dev;
    struct mb_pcd_result res;
    CHECK_EQ(rig_update(&r, &v2, &res), MB_PCD_E_FAILED);
    CHECK_EQ(res.reason, MB_PCD_R_VERIFY);
    CHECK_EQ(res.code, B0_E_HASH);
    CHECK_LOGGED(&r, "net: Unable to find valid firmware inside 0x01008800");
    CHECK_LOGGED(&r, "app: Network core update failed: the copy in net_app does not validate: image hash mismatch.");

    r.net_port.net_flash = &r.acl.dev;
    CHECK_EQ(rig_update(&r, &v2, &res), MB_PCD_DONE);
    CHECK_MEM_EQ(rig_net_bytes(&r, PM_NET_APP_ADDRESS), v2.payload, v2.payload_len);
    rig_close(&r);
}

TEST(a_done_left_in_ram_from_before_does_not_answer_the_next_command)
{
    open_device(IMAGE("pcd_net_v2"));
    CHECK_EQ(rig_update(&r, &v2, NULL), MB_PCD_DONE);
    rig_power_cycle(&r, true); /* soft reset: pcd_sram still says DONE */
    r.net_mode = NET_SILENT;
    struct mb_pcd_result res;
    CHECK_EQ(rig_update(&r, &v2, &res), MB_PCD_E_TIMEOUT);
    rig_close(&r);
}

TEST(the_same_update_twice_is_done_twice_with_the_same_bytes)
{
    open_device(IMAGE("pcd_net_v2"));
    CHECK_EQ(rig_update(&r, &v2, NULL), MB_PCD_DONE);
    CHECK_EQ(rig_update(&r, &v2, NULL), MB_PCD_DONE);
    CHECK_MEM_EQ(rig_net_bytes(&r, PM_NET_APP_ADDRESS), v2.payload, v2.payload_len);
    rig_close(&r);
}
