/*
 * Power cuts on the net core's flash at every erase and write of an update, with seeded damage:
 * the chip dies (both cores), comes back, the second stage issues the same command again, and the
 * update ends DONE with net_app holding exactly the new payload. The upload slot is never touched.
 */
#include <string.h>

#include "rig.h"

static struct rig r;
static struct staged v2;

static void open_device(void)
{
    rig_open(&r);
    rig_install_net_app(&r, PAYLOAD("pcd_net_v1"));
    rig_stage(&r, IMAGE("pcd_net_v2"), &v2);
}

/* Changing net-flash calls of one clean update: one erase per page, one write per 512-byte piece. */
static uint64_t clean_update_calls(void)
{
    open_device();
    uint64_t before = flash_sim_calls(r.net);
    CHECK_EQ(rig_update(&r, &v2, NULL), MB_PCD_DONE);
    uint64_t calls = flash_sim_calls(r.net) - before;
    rig_close(&r);
    return calls;
}

static uint64_t expected_calls(uint32_t len)
{
    const uint32_t page = MEM_NET_FLASH_PAGE_SIZE;
    uint64_t calls = 0;
    for (uint32_t off = 0; off < len; off += page) {
        uint32_t in_page = len - off < page ? len - off : page;
        calls += 1 + (in_page + 511) / 512;
    }
    return calls;
}

/* A cut ends the app core too: whatever the first run reported is moot, only the device state counts. */
static void cut_during_update(uint32_t n, uint64_t seed)
{
    flash_sim_cut_power_at(r.net, n, seed);
    CHECK(rig_update(&r, &v2, NULL) != MB_PCD_DONE);
    CHECK(flash_sim_power_lost(r.net));
    CHECK_EQ(r.last_net, MB_PCD_NET_POWER_LOST);
    CHECK_MEM_EQ(rig_app_bytes(&r, PM_MCUBOOT_SECONDARY_ADDRESS), v2.file.data, v2.file.len);
}

static void check_updated(void)
{
    struct mb_pcd_result res;
    CHECK_EQ(rig_update(&r, &v2, &res), MB_PCD_DONE);
    CHECK_MEM_EQ(rig_net_bytes(&r, PM_NET_APP_ADDRESS), v2.payload, v2.payload_len);
    CHECK_MEM_EQ(rig_app_bytes(&r, PM_MCUBOOT_SECONDARY_ADDRESS), v2.file.data, v2.file.len);
}

TEST(a_cut_at_every_net_flash_call_then_a_reissue_ends_done)
{
    const uint64_t calls = clean_update_calls();
    CHECK_EQ(calls, expected_calls(9180)); /* v2: 9001 bytes, a word of padding, 176-byte block: 5 pages */
    CHECK_EQ(calls, 23);
    unsigned injected = 0;
    for (uint64_t seed = 1; seed <= 3; seed++) {
        for (uint32_t n = 1; n <= calls; n++) {
            open_device();
            cut_during_update(n, seed * 1000u + n);
            injected++;
            rig_power_cycle(&r, (n & 1u) != 0); /* odd: reset with power kept, pcd_sram still says COPY */
            check_updated();
            rig_close(&r);
        }
    }
    CHECK_EQ(injected, 3 * 23);
}

TEST(two_cuts_in_a_row_then_a_reissue_ends_done)
{
    const uint64_t calls = clean_update_calls();
    unsigned injected = 0;
    for (uint32_t n = 1; n <= calls; n++) {
        open_device();
        cut_during_update(n, n);
        rig_power_cycle(&r, false);
        cut_during_update((uint32_t)(calls - n + 1), 77u + n); /* the re-issue dies too */
        injected += 2;
        rig_power_cycle(&r, false);
        check_updated();
        rig_close(&r);
    }
    CHECK_EQ(injected, 2 * 23);
}

TEST(a_cut_mid_copy_leaves_no_done_behind_and_the_reissue_repairs_net_app)
{
    open_device();
    cut_during_update(10, 5); /* page 3 of 5 */
    CHECK(rig_area_magic(&r) != MB_PCD_MAGIC_DONE);
    rig_power_cycle(&r, true);
    CHECK(rig_area_magic(&r) != MB_PCD_MAGIC_DONE);
    struct file_bytes v2_payload;
    file_read(&v2_payload, PAYLOAD("pcd_net_v2"));
    CHECK(memcmp(rig_net_bytes(&r, PM_NET_APP_ADDRESS), v2_payload.data, v2_payload.len) != 0); /* torn */
    check_updated();
    rig_close(&r);
}
