/*
 * The net side's checks of a command before it reads any image byte, and what b0n does without a
 * command. Commands are put into pcd_sram directly, as a faulty or hostile app core could.
 */
#include <string.h>

#include "rig.h"

static struct rig r;
static struct staged v2;

/* net_app holds v1, the upload slot v2. */
static void open_device(void)
{
    rig_open(&r);
    rig_install_net_app(&r, PAYLOAD("pcd_net_v1"));
    rig_stage(&r, IMAGE("pcd_net_v2"), &v2);
}

static void check_failed_with(enum mb_pcd_reason reason)
{
    CHECK_EQ(r.last_net, MB_PCD_NET_FAILED);
    CHECK_EQ(rig_area_magic(&r), MB_PCD_MAGIC_FAIL);
    struct mb_pcd_detail d = rig_area_detail(&r);
    CHECK_EQ(d.tag, MB_PCD_DETAIL_TAG);
    CHECK_EQ(d.reason, reason);
}

static void check_net_app_is_v1(void)
{
    struct file_bytes v1;
    file_read(&v1, PAYLOAD("pcd_net_v1"));
    CHECK_MEM_EQ(rig_net_bytes(&r, PM_NET_APP_ADDRESS), v1.data, v1.len);
}

TEST(a_magic_that_is_no_command_boots_net_app_and_answers_nothing)
{
    open_device();
    rig_command(&r, 0xdeadbeefu, v2.payload_address, v2.payload_len, PM_B0N_CONTAINER_SIZE);
    CHECK_EQ(rig_net_start(&r), MB_PCD_NET_BOOTED);
    CHECK_EQ(rig_area_magic(&r), 0xdeadbeefu);
    CHECK_EQ(r.boots, 1);
    CHECK_EQ(r.booted_vector, PM_NET_APP_ADDRESS);
    CHECK_LOGGED(&r, "net: Booting net_app version 1: vector table 0x01008800.");
    /* As b0n: net_app is write-protected before the jump. */
    uint32_t zero = 0;
    CHECK_EQ(flash_write(&r.acl.dev, PM_NET_APP_ADDRESS, &zero, sizeof zero), FLASH_E_LOCKED);
    rig_close(&r);
}

TEST(no_command_and_no_net_app_boots_nothing)
{
    rig_open(&r);
    CHECK_EQ(rig_net_start(&r), MB_PCD_NET_NOTHING_TO_BOOT);
    CHECK_EQ(r.boots, 0);
    CHECK_LOGGED(&r, "net: No bootable net_app at 0x01008800: no fw_info in the slot.");
    rig_close(&r);
}

TEST(b0n_container_is_write_protected_from_the_first_step)
{
    open_device();
    rig_command(&r, MB_PCD_MAGIC_COPY, v2.payload_address, v2.payload_len, PM_B0N_CONTAINER_SIZE);
    CHECK_EQ(rig_net_start(&r), MB_PCD_NET_DONE);
    uint32_t zero = 0;
    CHECK_EQ(flash_write(&r.acl.dev, PM_NET_PROVISION_ADDRESS, &zero, sizeof zero), FLASH_E_LOCKED);
    CHECK_EQ(flash_erase(&r.acl.dev, PM_B0N_ADDRESS, MEM_NET_FLASH_PAGE_SIZE), FLASH_E_LOCKED);
    rig_close(&r);
}

TEST(an_offset_that_misses_net_app_fails_and_leaves_net_app)
{
    open_device();
    rig_command(&r, MB_PCD_MAGIC_COPY, v2.payload_address, v2.payload_len, PM_B0N_SIZE); /* NCS's old offset */
    rig_net_start(&r);
    check_failed_with(MB_PCD_R_OFFSET);
    CHECK_LOGGED(&r, "PCD offset 0x8580 leads to 0x01008580, but net_app (provisioned S0) starts at 0x01008800, "
                     "offset 0x8800.");
    check_net_app_is_v1();

    rig_command(&r, MB_PCD_MAGIC_COPY, v2.payload_address, v2.payload_len, -0x800);
    rig_net_start(&r);
    check_failed_with(MB_PCD_R_OFFSET);
    rig_close(&r);
}

TEST(the_app_side_with_a_wrong_offset_reports_the_net_reason)
{
    open_device();
    r.app_cfg.net_app_offset = 0x9000;
    struct mb_pcd_result res;
    CHECK_EQ(rig_update(&r, &v2, &res), MB_PCD_E_FAILED);
    CHECK_EQ(res.reason, MB_PCD_R_OFFSET);
    CHECK_LOGGED(&r, "app: Network core update failed: the command's offset does not lead to net_app.");
    check_net_app_is_v1();
    rig_close(&r);
}

TEST(a_length_beyond_net_app_or_zero_fails)
{
    open_device();
    rig_command(&r, MB_PCD_MAGIC_COPY, v2.payload_address, PM_NET_APP_SIZE + 1u, PM_B0N_CONTAINER_SIZE);
    rig_net_start(&r);
    check_failed_with(MB_PCD_R_LENGTH);
    CHECK_LOGGED(&r, "PCD length 0x37801 does not fit net_app: 1 to 0x37800 bytes.");
    rig_command(&r, MB_PCD_MAGIC_COPY, v2.payload_address, 0, PM_B0N_CONTAINER_SIZE);
    rig_net_start(&r);
    check_failed_with(MB_PCD_R_LENGTH);
    check_net_app_is_v1();
    rig_close(&r);
}

TEST(data_outside_the_upload_slot_fails)
{
    open_device();
    /* b0's own flash, the primary slot, across the secondary's end, and wrapping past 4 GiB. */
    const uint32_t data[] = {PM_B0_ADDRESS, PM_MCUBOOT_PRIMARY_ADDRESS + 0x200u, PM_MCUBOOT_SECONDARY_END_ADDRESS - 0x100u,
                             0xFFFFFF00u};
    for (unsigned i = 0; i < sizeof data / sizeof data[0]; i++) {
        rig_command(&r, MB_PCD_MAGIC_COPY, data[i], 0x1000, PM_B0N_CONTAINER_SIZE);
        rig_net_start(&r);
        check_failed_with(MB_PCD_R_SOURCE);
    }
    CHECK_LOGGED(&r, "PCD data 0x00028200..0x00029200 is outside the upload slot 0x00078000..0x000c8000.");
    check_net_app_is_v1();
    rig_close(&r);
}

/* Erases net_provision's page (a fresh chip) and, unless s0 is blank, programs S0 = s0. */
static void provision_s0(uint32_t s0)
{
    const struct flash_dev *net = flash_sim_dev(r.net);
    CHECK_EQ(flash_erase(net, PM_NET_PROVISION_ADDRESS & ~(MEM_NET_FLASH_PAGE_SIZE - 1u), MEM_NET_FLASH_PAGE_SIZE),
             FLASH_OK);
    if (s0 != UINT32_MAX)
        CHECK_EQ(flash_write(net, PM_NET_PROVISION_ADDRESS + MB_PCD_PROVISION_S0_OFFSET, &s0, sizeof s0), FLASH_OK);
}

TEST(a_net_core_without_usable_provisioning_fails_copies)
{
    /* Blank; inside b0n_container; not on a page; net_app would run past the flash's end. */
    const uint32_t s0[] = {UINT32_MAX, PM_B0N_ADDRESS, PM_NET_APP_ADDRESS + 4u, PM_NET_APP_ADDRESS + 0x800u};
    for (unsigned i = 0; i < sizeof s0 / sizeof s0[0]; i++) {
        open_device();
        provision_s0(s0[i]);
        rig_command(&r, MB_PCD_MAGIC_COPY, v2.payload_address, v2.payload_len,
                    (int32_t)(s0[i] - MEM_NET_FLASH_BASE));
        rig_net_start(&r);
        check_failed_with(MB_PCD_R_NOT_PROVISIONED);
        if (i == 0)
            CHECK_LOGGED(&r, "gives S0 0xffffffff, not the page-aligned start of a 0x37800-byte net_app");
        rig_close(&r);
    }
    /* With a smaller net_app, an S0 off the page grid is refused for that alone. */
    open_device();
    r.net_cfg.net_app_size = 0x20000;
    provision_s0(PM_NET_APP_ADDRESS + 4u);
    rig_command(&r, MB_PCD_MAGIC_COPY, v2.payload_address, v2.payload_len, PM_B0N_CONTAINER_SIZE + 4);
    rig_net_start(&r);
    check_failed_with(MB_PCD_R_NOT_PROVISIONED);
    rig_close(&r);
}

TEST(a_version_buffer_outside_pcd_sram_fails)
{
    open_device();
    rig_command(&r, MB_PCD_MAGIC_READ_VERSION, 0x20000000u, 4, PM_B0N_CONTAINER_SIZE);
    rig_net_start(&r);
    check_failed_with(MB_PCD_R_VERSION_BUFFER);
    rig_command(&r, MB_PCD_MAGIC_READ_VERSION, PM_PCD_SRAM_ADDRESS + MB_PCD_VERSION_OFFSET, 2, PM_B0N_CONTAINER_SIZE);
    rig_net_start(&r);
    check_failed_with(MB_PCD_R_VERSION_BUFFER);
    rig_close(&r);
}
