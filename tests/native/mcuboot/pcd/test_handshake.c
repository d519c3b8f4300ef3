/*
 * The app side of the handshake: NCS's command layout, hold/release order, polling, answers,
 * timeout, and the requests refused before the net core is started.
 */
#include <string.h>

#include "b0_status.h"
#include "rig.h"

static struct rig r;
static struct staged v2;

static void open_with_v2(void)
{
    rig_open(&r);
    rig_stage(&r, IMAGE("pcd_net_v2"), &v2);
}

TEST(command_layout_and_magics_are_ncs_pcd_cmd)
{
    CHECK_EQ(sizeof(struct mb_pcd_cmd), 16);
    CHECK_EQ(offsetof(struct mb_pcd_cmd, magic), 0);
    CHECK_EQ(offsetof(struct mb_pcd_cmd, data), 4);
    CHECK_EQ(offsetof(struct mb_pcd_cmd, len), 8);
    CHECK_EQ(offsetof(struct mb_pcd_cmd, offset), 12);
    CHECK_EQ(MB_PCD_MAGIC_COPY, 0xb5b4b3b6u);
    CHECK_EQ(MB_PCD_MAGIC_DONE, 0xf103ce5du);
    CHECK_EQ(MB_PCD_MAGIC_FAIL, 0x25bafc15u);
    CHECK_EQ(MB_PCD_MAGIC_READ_VERSION, 0xdca345eau);
}

TEST(update_sends_payload_address_img_size_and_b0n_container_offset)
{
    open_with_v2();
    struct mb_pcd_result res;
    CHECK_EQ(rig_update(&r, &v2, &res), MB_PCD_DONE);
    /* As NCS's MCUboot: the payload after the 0x200-byte header, ih_img_size, PM_CPUNET_B0N_CONTAINER_SIZE. */
    CHECK_EQ(r.seen.magic, MB_PCD_MAGIC_COPY);
    CHECK_EQ(r.seen.data, PM_MCUBOOT_SECONDARY_ADDRESS + 0x200u);
    CHECK_EQ(r.seen.len, v2.payload_len);
    CHECK_EQ(r.seen.offset, PM_B0N_CONTAINER_SIZE);
    uint8_t raw[16];
    memcpy(raw, &r.seen, sizeof raw);
    CHECK_EQ(raw[0], 0xb6); /* little-endian words, as the Cortex-M33 stores them */
    CHECK_EQ(raw[13], (PM_B0N_CONTAINER_SIZE >> 8) & 0xFF);
    rig_close(&r);
}

TEST(update_holds_releases_polls_and_holds_again_with_ncs_log_lines)
{
    open_with_v2();
    struct mb_pcd_result res;
    CHECK_EQ(rig_update(&r, &v2, &res), MB_PCD_DONE);
    CHECK_EQ(res.reason, MB_PCD_R_NONE);
    CHECK_EQ(res.answer, MB_PCD_MAGIC_DONE);
    CHECK_EQ(r.releases, 1);
    CHECK_EQ(r.holds, 2);
    CHECK(r.held);
    CHECK_EQ(r.sleeps, 1); /* NCS waits one full second before its first look */
    CHECK_EQ(res.waited_ms, 1000);
    CHECK_EQ(r.feeds, 1);
    CHECK_LOGGED(&r, "app: Starting network core update\n");
    CHECK_LOGGED(&r, "app: Turned on network core\n");
    CHECK_LOGGED(&r, "app: Turned off network core\n");
    CHECK_LOGGED(&r, "app: Done updating network core\n");
    CHECK_MEM_EQ(rig_net_bytes(&r, PM_NET_APP_ADDRESS), v2.payload, v2.payload_len);
    rig_close(&r);
}

TEST(silent_net_core_times_out_after_sixty_one_second_polls)
{
    open_with_v2();
    r.net_mode = NET_SILENT;
    struct mb_pcd_result res;
    CHECK_EQ(rig_update(&r, &v2, &res), MB_PCD_E_TIMEOUT);
    CHECK_EQ(res.reason, MB_PCD_R_TIMEOUT);
    CHECK_EQ(res.answer, MB_PCD_MAGIC_COPY);
    CHECK_EQ(res.waited_ms, MB_PCD_TIMEOUT_MS);
    CHECK_EQ(r.sleeps, MB_PCD_TIMEOUT_MS / MB_PCD_POLL_MS);
    CHECK_EQ(r.feeds, r.sleeps);
    CHECK(r.held);
    CHECK_LOGGED(&r, "Network core update failed: no answer within 60000 ms");
    CHECK_LOGGED(&r, "read PCD commands at 0x20070000?");
    rig_close(&r);
}

TEST(timeout_is_bounded_by_the_configured_time_even_off_the_poll_grid)
{
    open_with_v2();
    r.net_mode = NET_SILENT;
    r.app_cfg.timeout_ms = 2500;
    struct mb_pcd_result res;
    CHECK_EQ(rig_update(&r, &v2, &res), MB_PCD_E_TIMEOUT);
    CHECK_EQ(res.waited_ms, 2500);
    CHECK_EQ(r.sleeps, 3);
    rig_close(&r);
}

TEST(an_answer_that_is_neither_done_nor_fail_is_a_failure)
{
    open_with_v2();
    r.net_mode = NET_GARBAGE;
    struct mb_pcd_result res;
    CHECK_EQ(rig_update(&r, &v2, &res), MB_PCD_E_FAILED);
    CHECK_EQ(res.reason, MB_PCD_R_UNKNOWN_ANSWER);
    CHECK_EQ(res.answer, 0x12345678u);
    CHECK_EQ(res.waited_ms, 1000); /* any change of the magic ends the wait */
    CHECK_EQ(r.sleeps, 1);
    CHECK_LOGGED(&r, "Network core update failed: the network core answered 0x12345678, neither DONE");
    CHECK(r.held);
    rig_close(&r);
}

TEST(ncs_b0n_fail_without_detail_says_the_reason_is_on_the_net_console)
{
    open_with_v2();
    r.net_mode = NET_NCS_FAIL;
    struct mb_pcd_result res;
    CHECK_EQ(rig_update(&r, &v2, &res), MB_PCD_E_FAILED);
    CHECK_EQ(res.reason, MB_PCD_R_NOT_GIVEN);
    CHECK_LOGGED(&r, "Network core update failed: the network core answered FAIL without a reason; b0n logs why");
    CHECK(r.held); /* held on failure too, unlike NCS: a later release then restarts b0n cleanly */
    rig_close(&r);
}

TEST(a_stale_detail_from_an_earlier_failure_is_cleared_before_the_command)
{
    open_with_v2();
    const struct mb_pcd_detail stale = {MB_PCD_DETAIL_TAG, MB_PCD_R_VERIFY, 0, 0};
    memcpy(r.area + MB_PCD_DETAIL_OFFSET, &stale, sizeof stale);
    r.net_mode = NET_NCS_FAIL;
    struct mb_pcd_result res;
    CHECK_EQ(rig_update(&r, &v2, &res), MB_PCD_E_FAILED);
    CHECK_EQ(res.reason, MB_PCD_R_NOT_GIVEN);
    rig_close(&r);
}

TEST(words_after_the_command_without_the_detail_tag_are_no_reason)
{
    open_with_v2();
    r.net_mode = NET_FAIL_UNTAGGED;
    struct mb_pcd_result res;
    CHECK_EQ(rig_update(&r, &v2, &res), MB_PCD_E_FAILED);
    CHECK_EQ(res.reason, MB_PCD_R_NOT_GIVEN);
    rig_close(&r);
}

TEST(net_core_that_cannot_be_started_is_refused_and_held)
{
    open_with_v2();
    r.release_error = -5;
    struct mb_pcd_result res;
    CHECK_EQ(rig_update(&r, &v2, &res), MB_PCD_E_REFUSED);
    CHECK_EQ(res.reason, MB_PCD_R_RELEASE);
    CHECK_EQ(res.code, -5);
    CHECK(r.held);
    CHECK_EQ(r.sleeps, 0);
    CHECK_LOGGED(&r, "Network core update failed: the network core could not be started (port error -5).");
    rig_close(&r);
}

TEST(payload_outside_the_upload_slot_is_refused_before_the_net_core_starts)
{
    open_with_v2();
    struct mb_pcd_result res;
    /* In mcuboot_primary, then straddling the secondary's end. */
    CHECK_EQ(mb_pcd_update(&r.app_cfg, &r.app_port, PM_MCUBOOT_PRIMARY_ADDRESS + 0x200u, v2.payload_len, &res),
             MB_PCD_E_REFUSED);
    CHECK_EQ(res.reason, MB_PCD_R_ARGS);
    CHECK_EQ(mb_pcd_update(&r.app_cfg, &r.app_port, PM_MCUBOOT_SECONDARY_END_ADDRESS - 0x100u, 0x200u, &res),
             MB_PCD_E_REFUSED);
    CHECK_EQ(r.releases, 0);
    CHECK_LOGGED(&r, "is outside the upload slot 0x00078000..0x000c8000");
    rig_close(&r);
}

TEST(payload_empty_or_larger_than_net_app_is_refused)
{
    open_with_v2();
    struct mb_pcd_result res;
    CHECK_EQ(mb_pcd_update(&r.app_cfg, &r.app_port, v2.payload_address, PM_NET_APP_SIZE + 4u, &res), MB_PCD_E_REFUSED);
    CHECK_EQ(res.reason, MB_PCD_R_ARGS);
    CHECK_EQ(mb_pcd_update(&r.app_cfg, &r.app_port, v2.payload_address, 0, &res), MB_PCD_E_REFUSED);
    CHECK_EQ(r.releases, 0);
    CHECK_LOGGED(&r, "net_app takes 1 to 227328 bytes.");
    rig_close(&r);
}

TEST(read_version_returns_net_app_fw_info_version)
{
    rig_open(&r);
    rig_install_net_app(&r, PAYLOAD("pcd_net_v2"));
    uint32_t version = 0;
    struct mb_pcd_result res;
    CHECK_EQ(mb_pcd_read_version(&r.app_cfg, &r.app_port, &version, &res), MB_PCD_DONE);
    CHECK_EQ(version, 2);
    CHECK_EQ(r.seen.magic, MB_PCD_MAGIC_READ_VERSION);
    CHECK_EQ(r.seen.data, PM_PCD_SRAM_ADDRESS + MB_PCD_VERSION_OFFSET);
    CHECK_EQ(r.seen.len, 4);
    CHECK(r.held);
    CHECK_LOGGED(&r, "app: Network core app version: 2");
    rig_close(&r);
}

TEST(read_version_without_a_net_app_fails_with_reason)
{
    rig_open(&r);
    uint32_t version = 0;
    struct mb_pcd_result res;
    CHECK_EQ(mb_pcd_read_version(&r.app_cfg, &r.app_port, &version, &res), MB_PCD_E_FAILED);
    CHECK_EQ(res.reason, MB_PCD_R_NO_VERSION);
    CHECK_EQ(res.code, B0_E_FWINFO_NOT_FOUND);
    CHECK_LOGGED(&r, "Reading the network core app version failed: net_app holds no fw_info");
    rig_close(&r);
}
