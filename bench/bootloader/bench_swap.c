/*
 * Flash work of swap using move (mb_swap_boot) on the simulated nRF5340 app flash with the board's
 * mcuboot_primary / mcuboot_secondary: N-sector images in both slots, then the test swap, its revert
 * (not confirmed) and, from the same start, a permanent swap. Only mb_swap_boot is counted, not the
 * app's request. The silicon estimate is page erases x tERASEPAGE + words x tWRITE (nRF5340 product
 * specification, NVMC electrical; ../shared/reference/nrf5340-silicon.md §1.3), flash time only.
 */
#include <stdio.h>
#include <string.h>

#include "board_partitions.h"
#include "flash_sim.h"
#include "mb_swap.h"

#define PAGE MEM_FLASH_PAGE_SIZE
#define T_ERASE_PAGE_S 87.5e-3
#define T_WRITE_WORD_S 43e-6

static uint8_t image_a[PM_MCUBOOT_PRIMARY_MAX_IMAGE_SIZE], image_b[PM_MCUBOOT_PRIMARY_MAX_IMAGE_SIZE];

/* Both hooks: every image is the swap's size (ctx); the secondary is always accepted. */
static bool image_size(void *ctx, const struct mb_area *area, uint32_t *size)
{
    (void)area;
    *size = *(const uint32_t *)ctx;
    return true;
}

/* xorshift bytes, never a whole erased chunk (the engine skips those). */
static void fill(uint8_t *buf, uint32_t len, uint32_t seed)
{
    for (uint32_t i = 0; i < len; i++) {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        buf[i] = (uint8_t)seed;
    }
}

/* One mb_swap_boot; prints its row; returns 0 when it did what was expected. */
static int swap_row(struct flash_sim *sim, const struct mb_swap_pair *pair, const struct mb_swap_hooks *hooks,
                    uint32_t sectors, enum mb_swap_type expected, const uint8_t *primary_after)
{
    flash_sim_reset_stats(sim);
    struct mb_swap_outcome out;
    enum mb_swap_result res = mb_swap_boot(pair, hooks, &out);
    struct flash_sim_stats s = flash_sim_stats(sim);
    uint32_t worn = 0;
    for (uint32_t p = 0; p < s.page_count; p++)
        worn = s.page_erases[p] > worn ? s.page_erases[p] : worn;
    const uint8_t *primary = flash_sim_memory(sim) + (pair->primary.addr - MEM_FLASH_BASE);
    int ok = res == MB_SWAP_OK && out.swap_type == expected && out.sectors == sectors &&
             memcmp(primary, primary_after, sectors * PAGE) == 0;
    printf("%7u  %-6s %11llu %11llu %13llu %10u %13.2f%s\n", (unsigned)sectors, mb_swap_type_name(expected),
           (unsigned long long)s.pages_erased, (unsigned long long)s.write_calls,
           (unsigned long long)s.words_written, (unsigned)worn,
           (double)s.pages_erased * T_ERASE_PAGE_S + (double)s.words_written * T_WRITE_WORD_S,
           ok ? "" : "  FAILED");
    return !ok;
}

/* Fresh flash, image A in the primary, B in the secondary, the app's request for B. */
static struct flash_sim *start(struct mb_swap_pair *pair, uint32_t sectors, bool permanent)
{
    char err[FLASH_SIM_ERROR_LEN];
    struct flash_sim *sim = flash_sim_open(&flash_sim_nrf5340_app, err, sizeof err);
    if (sim == NULL) {
        fprintf(stderr, "%s\n", err);
        return NULL;
    }
    const struct flash_dev *dev = flash_sim_dev(sim);
    *pair = (struct mb_swap_pair){.primary = {dev, PM_MCUBOOT_PRIMARY_ADDRESS, PM_MCUBOOT_PRIMARY_SIZE},
                                  .secondary = {dev, PM_MCUBOOT_SECONDARY_ADDRESS, PM_MCUBOOT_SECONDARY_SIZE},
                                  .image_number = IMAGE_NUMBER_APP};
    if (flash_write(dev, pair->primary.addr, image_a, sectors * PAGE) != FLASH_OK ||
        flash_write(dev, pair->secondary.addr, image_b, sectors * PAGE) != FLASH_OK ||
        mb_trailer_set_pending(&pair->secondary, IMAGE_NUMBER_APP, permanent) != MB_TRAILER_OK) {
        fprintf(stderr, "loading the slots failed\n");
        flash_sim_close(sim);
        return NULL;
    }
    return sim;
}

int main(void)
{
    fill(image_a, sizeof image_a, 0xA5A5u);
    fill(image_b, sizeof image_b, 0x5A5Au);
    struct mb_swap_pair pair;
    uint32_t size;
    const struct mb_swap_hooks hooks = {.validate_secondary = image_size, .primary_image_size = image_size, .ctx = &size};
    int failed = 0;

    printf("%7s  %-6s %11s %11s %13s %10s %13s\n", "sectors", "swap", "page_erases", "write_calls",
           "words_written", "max_erases", "silicon_s");
    struct flash_sim *sim = start(&pair, 1, false);
    if (sim == NULL)
        return 1;
    const uint32_t max_sectors = mb_swap_max_image_size(&pair) / PAGE;
    flash_sim_close(sim);
    const uint32_t counts[] = {1, 4, 16, 64, max_sectors};
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
        const uint32_t n = counts[i];
        size = n * PAGE;
        if ((sim = start(&pair, n, false)) == NULL)
            return 1;
        failed |= swap_row(sim, &pair, &hooks, n, MB_SWAP_TYPE_TEST, image_b);
        failed |= swap_row(sim, &pair, &hooks, n, MB_SWAP_TYPE_REVERT, image_a);
        flash_sim_close(sim);
        if ((sim = start(&pair, n, true)) == NULL)
            return 1;
        failed |= swap_row(sim, &pair, &hooks, n, MB_SWAP_TYPE_PERM, image_b);
        flash_sim_close(sim);
    }
    return failed;
}
