#include "swap_rig.h"

#include <stdio.h>
#include <string.h>

static uint32_t next_random(uint32_t *state)
{
    *state ^= *state << 13; /* xorshift32: fixed seeds, reproducible images */
    *state ^= *state >> 17;
    *state ^= *state << 5;
    return *state;
}

static void put_le32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static uint32_t get_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

void image_make_claiming(struct test_image *img, uint32_t size, uint32_t claimed, uint32_t seed)
{
    CHECK(size >= 8 && size <= IMAGE_MAX);
    uint32_t state = seed * 2654435761u + 1;
    memset(img->data, 0xff, sizeof img->data);
    for (uint32_t i = 8; i < size; i++)
        img->data[i] = (uint8_t)next_random(&state);
    put_le32(img->data, IMAGE_MARKER);
    put_le32(img->data + 4, claimed);
    img->size = size;
}

void image_make(struct test_image *img, uint32_t size, uint32_t seed)
{
    image_make_claiming(img, size, size, seed);
}

/* The trivial "validation": marker and size field. */
static bool read_image_size(const struct mb_area *area, uint32_t *size)
{
    uint8_t hdr[8];
    if (flash_read(area->flash, area->addr, hdr, sizeof hdr) != FLASH_OK || get_le32(hdr) != IMAGE_MARKER)
        return false;
    *size = get_le32(hdr + 4);
    return true;
}

static bool validate_secondary(void *ctx, const struct mb_area *secondary, uint32_t *image_size)
{
    struct swap_rig *r = ctx;
    r->validations++;
    return !r->refuse && read_image_size(secondary, image_size);
}

static bool primary_image_size(void *ctx, const struct mb_area *primary, uint32_t *image_size)
{
    (void)ctx;
    return read_image_size(primary, image_size);
}

static void feed_watchdog(void *ctx)
{
    ((struct swap_rig *)ctx)->feeds++;
}

static void log_line(void *ctx, const char *fmt, va_list args)
{
    struct swap_rig *r = ctx;
    if (r->log_len >= sizeof r->log - 1)
        return;
    int n = vsnprintf(r->log + r->log_len, sizeof r->log - r->log_len, fmt, args);
    if (n > 0)
        r->log_len += (size_t)n;
    if (r->log_len < sizeof r->log - 1)
        r->log[r->log_len++] = '\n';
    if (r->log_len >= sizeof r->log)
        r->log_len = sizeof r->log - 1;
    r->log[r->log_len] = '\0';
}

void rig_open(struct swap_rig *r)
{
    memset(r, 0, sizeof *r);
    char err[FLASH_SIM_ERROR_LEN];
    r->sim = flash_sim_open(&flash_sim_nrf5340_app, err, sizeof err);
    if (r->sim == NULL)
        test_fail(__FILE__, __LINE__, "flash_sim_open: %s", err);
    const struct flash_dev *dev = flash_sim_dev(r->sim);
    r->pair = (struct mb_swap_pair){
        .primary = {dev, PM_MCUBOOT_PRIMARY_ADDRESS, PM_MCUBOOT_PRIMARY_SIZE},
        .secondary = {dev, PM_MCUBOOT_SECONDARY_ADDRESS, PM_MCUBOOT_SECONDARY_SIZE},
        .image_number = IMAGE_NUMBER_APP,
    };
    r->hooks = (struct mb_swap_hooks){.validate_secondary = validate_secondary,
                                      .primary_image_size = primary_image_size,
                                      .feed_watchdog = feed_watchdog,
                                      .log = log_line,
                                      .ctx = r};
}

void rig_close(struct swap_rig *r)
{
    flash_sim_close(r->sim);
    r->sim = NULL;
}

void rig_wipe(struct swap_rig *r)
{
    flash_sim_reboot(r->sim);
    const struct mb_area *slots[] = {&r->pair.primary, &r->pair.secondary};
    for (size_t i = 0; i < 2; i++)
        CHECK_EQ(flash_erase(slots[i]->flash, slots[i]->addr, slots[i]->size), FLASH_OK);
    r->refuse = false;
    r->validations = r->feeds = 0;
    r->log_len = 0;
    r->log[0] = '\0';
}

void rig_load(struct swap_rig *r, const struct mb_area *area, const struct test_image *img)
{
    (void)r;
    const uint32_t len = (img->size + 3u) & ~3u;
    CHECK_EQ(flash_write(area->flash, area->addr, img->data, len), FLASH_OK);
}

void rig_reboot(struct swap_rig *r)
{
    flash_sim_reboot(r->sim);
    r->log_len = 0;
    r->log[0] = '\0';
}

enum mb_swap_result rig_boot(struct swap_rig *r, struct mb_swap_outcome *out)
{
    return mb_swap_boot(&r->pair, &r->hooks, out);
}

enum mb_swap_type rig_peek(struct swap_rig *r, bool *resume)
{
    enum mb_swap_type type = MB_SWAP_TYPE_NONE;
    CHECK_EQ(mb_swap_peek(&r->pair, &type, resume), MB_SWAP_OK);
    return type;
}

struct mb_trailer_state rig_trailer(struct swap_rig *r, const struct mb_area *area)
{
    (void)r;
    struct mb_trailer_state st;
    CHECK_EQ(mb_trailer_read(area, &st), MB_TRAILER_OK);
    return st;
}

uint64_t rig_calls(const struct swap_rig *r)
{
    return flash_sim_calls(r->sim);
}

const uint8_t *rig_bytes(const struct swap_rig *r, uint32_t addr)
{
    return flash_sim_memory(r->sim) + (addr - MEM_FLASH_BASE);
}

void check_slot_holds(struct swap_rig *r, const struct mb_area *area, const struct test_image *img, uint32_t sectors)
{
    const uint8_t *slot = rig_bytes(r, area->addr);
    CHECK_MEM_EQ(slot, img->data, img->size);
    for (uint32_t i = img->size; i < sectors * PAGE; i++) {
        if (slot[i] != 0xff)
            test_fail(__FILE__, __LINE__, "slot 0x%x: byte 0x%x after the image is 0x%02x, not erased",
                      (unsigned)area->addr, (unsigned)i, slot[i]);
    }
}
