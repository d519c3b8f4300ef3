/*
 * The boot-time decision for one slot pair, and the power-safe order of the trailer writes around
 * the data steps. Invariants that make every cut recoverable:
 *  - While no swap is in progress, the request lives in the secondary trailer (the app's request,
 *    or for a revert a marker this file writes first), so a cut before the primary trailer is
 *    complete leads to the same decision again, and the primary trailer is erased again.
 *  - The primary trailer is always erased completely before the swap writes into it, and its magic
 *    is written last: a torn erase or a torn field leaves the magic not GOOD, which is a restart.
 *  - Primary magic GOOD + copy_done unset + a swap type = a swap in progress: resumed from its
 *    records, whatever the secondary trailer holds. The secondary trailer is erased before the
 *    first data step and never written by the steps (images end below it).
 *  - copy_done is the last write. Only this code writes it, and only 0x01, so a torn copy_done
 *    (BAD) means "done" and is never written a second time.
 */
#include "swap_run.h"
#include "trailer_fields.h"

struct trailers {
    struct mb_trailer_state primary, secondary;
};

struct decision {
    enum mb_swap_type type;
    bool resume;        /* a swap in progress, its type from the primary trailer */
    bool revert_marked; /* a revert whose primary trailer was being re-initialised */
};

static const char *magic_name(enum mb_magic m)
{
    return m == MB_MAGIC_GOOD ? "good" : m == MB_MAGIC_UNSET ? "unset" : "bad";
}

static const char *flag_name(enum mb_flag f)
{
    return f == MB_FLAG_SET ? "set" : f == MB_FLAG_UNSET ? "unset" : "bad";
}

static int read_trailers(const struct swap_run *run, struct trailers *t)
{
    const int rc = mb_trailer_read(&run->pair->primary, &t->primary);
    return rc != MB_TRAILER_OK ? rc : mb_trailer_read(&run->pair->secondary, &t->secondary);
}

static bool swap_in_progress(const struct mb_trailer_state *primary)
{
    return primary->magic == MB_MAGIC_GOOD && primary->copy_done == MB_FLAG_UNSET &&
           primary->swap_type != MB_SWAP_TYPE_NONE;
}

static bool revert_marker(const struct mb_trailer_state *secondary, uint8_t image_number)
{
    return secondary->magic == MB_MAGIC_GOOD && secondary->swap_type == MB_SWAP_TYPE_REVERT &&
           secondary->image_ok == MB_FLAG_SET && secondary->image_number == image_number;
}

/*
 * A revert marker whose magic (its last write) was torn. Only this code writes swap_info REVERT into
 * a secondary trailer, and a torn TEST (x2) or PERM (x3) byte keeps bit 1 set, so it never reads
 * as REVERT (x4): such a trailer is ours, and the primary trailer is still the intact request.
 */
static bool revert_marker_torn(const struct mb_trailer_state *secondary, uint8_t image_number)
{
    return secondary->magic == MB_MAGIC_BAD && secondary->swap_type == MB_SWAP_TYPE_REVERT &&
           secondary->image_number == image_number;
}

static struct decision decide(const struct swap_run *run, const struct trailers *t)
{
    if (swap_in_progress(&t->primary))
        return (struct decision){.type = t->primary.swap_type, .resume = true};
    if (revert_marker(&t->secondary, run->pair->image_number))
        return (struct decision){.type = MB_SWAP_TYPE_REVERT, .revert_marked = true};
    /* A torn copy_done is a finished swap (see above): the table must see it as SET, or an
     * unconfirmed test image would never be reverted. */
    struct mb_trailer_state primary = t->primary, secondary = t->secondary;
    if (primary.magic == MB_MAGIC_GOOD && primary.copy_done == MB_FLAG_BAD)
        primary.copy_done = MB_FLAG_SET;
    /* A half-written marker counts as no marker: the revert starts again from the primary's request. */
    if (revert_marker_torn(&secondary, run->pair->image_number))
        secondary.magic = MB_MAGIC_UNSET;
    /* A permanent request torn at image_ok (written after the magic) matches no row, and the app
     * cannot repeat it (the magic stands). Run it as a test: the image must confirm itself. */
    if (secondary.magic == MB_MAGIC_GOOD && secondary.image_ok == MB_FLAG_BAD)
        secondary.image_ok = MB_FLAG_UNSET;
    return (struct decision){.type = mb_trailer_swap_type(&primary, &secondary)};
}

static uint32_t sectors_for(const struct swap_run *run, uint32_t bytes)
{
    return (bytes + run->page - 1) / run->page;
}

static bool swap_size_ok(const struct swap_run *run, uint32_t bytes)
{
    return bytes != 0 && bytes <= run->max_sectors * run->page;
}

/* Erase, then everything but the magic, then the magic: only a complete trailer reads as GOOD. */
static int write_trailer(const struct mb_area *area, enum mb_swap_type type, uint8_t image_number,
                         uint32_t swap_size, bool image_ok)
{
    int rc = mb_trailer_erase(area);
    if (rc == FLASH_OK)
        rc = mb_trailer_write_swap_size(area, swap_size);
    if (rc == FLASH_OK)
        rc = mb_trailer_write_swap_info(area, type, image_number);
    if (rc == FLASH_OK && image_ok)
        rc = mb_trailer_write_flag(area, mb_trailer_image_ok_addr(area));
    if (rc == FLASH_OK)
        rc = mb_trailer_write_magic(area);
    return rc;
}

/* Steps from `first`, then copy_done. first == 0 also redoes the init's secondary trailer erase. */
static enum mb_swap_result run_from(struct swap_run *run, uint32_t sectors, uint32_t first)
{
    const struct mb_swap_pair *pair = run->pair;
    int rc = first == 0 ? mb_trailer_erase(&pair->secondary) : FLASH_OK;
    if (rc != FLASH_OK)
        return swap_flash_failed(run, rc, "erasing the secondary trailer");
    rc = swap_run_steps(run, sectors, first);
    if (rc != FLASH_OK)
        return swap_flash_failed(run, rc, "copying sectors");
    /* Test: copy_done alone leaves image_ok unset, so the next boot reverts unless confirmed.
     * Permanent and revert wrote image_ok with the trailer. */
    rc = mb_trailer_write_flag(&pair->primary, mb_trailer_copy_done_addr(&pair->primary));
    if (rc != FLASH_OK)
        return swap_flash_failed(run, rc, "writing copy_done");
    swap_log(run, "swap: %s swap of image %u complete", mb_swap_type_name(run->out->swap_type),
             (unsigned)pair->image_number);
    return MB_SWAP_OK;
}

static enum mb_swap_result start_swap(struct swap_run *run, enum mb_swap_type type, uint32_t swap_size)
{
    const struct mb_swap_pair *pair = run->pair;
    const uint32_t sectors = sectors_for(run, swap_size);
    *run->out = (struct mb_swap_outcome){.swap_type = type, .sectors = sectors, .swap_size = swap_size,
                                         .reason = type == MB_SWAP_TYPE_REVERT ? "unconfirmed image reverted"
                                                                               : "requested image swapped in",
                                         .flash_error = FLASH_OK};
    swap_log(run, "swap: starting %s swap of image %u using move: %lu sectors, %lu bytes", mb_swap_type_name(type),
             (unsigned)pair->image_number, (unsigned long)sectors, (unsigned long)swap_size);
    const int rc = write_trailer(&pair->primary, type, pair->image_number, swap_size, type != MB_SWAP_TYPE_TEST);
    if (rc != FLASH_OK)
        return swap_flash_failed(run, rc, "initialising the primary trailer");
    return run_from(run, sectors, 0);
}

static enum mb_swap_result resume(struct swap_run *run, const struct mb_trailer_state *primary)
{
    const uint32_t swap_size = primary->swap_size;
    *run->out = (struct mb_swap_outcome){.swap_type = primary->swap_type, .resumed = true, .swap_size = swap_size,
                                         .reason = "interrupted swap finished", .flash_error = FLASH_OK};
    if (!swap_size_ok(run, swap_size)) {
        run->out->reason = "interrupted swap records an impossible swap_size";
        swap_log(run, "swap: %s: %lu", run->out->reason, (unsigned long)swap_size);
        return MB_SWAP_E_STATUS;
    }
    const uint32_t sectors = sectors_for(run, swap_size);
    run->out->sectors = sectors;
    uint32_t step;
    const int rc = swap_status_progress(run, sectors, &step);
    if (rc != FLASH_OK)
        return swap_flash_failed(run, rc, "reading the swap status");
    swap_log(run, "swap: resuming %s swap of image %u at step %lu of %lu", mb_swap_type_name(primary->swap_type),
             (unsigned)run->pair->image_number, (unsigned long)step, (unsigned long)swap_step_count(sectors));
    if (primary->image_number != run->pair->image_number)
        swap_log(run, "swap: primary trailer names image %u, slot pair is image %u; resuming anyway",
                 (unsigned)primary->image_number, (unsigned)run->pair->image_number);
    return run_from(run, sectors, step);
}

/*
 * Before the primary trailer (which holds the revert request) is erased, the request is copied
 * into the secondary trailer, as MCUboot's fixup_revert does; swap_info REVERT there lets the next
 * boot restart the revert without validating the image it brings back.
 */
static enum mb_swap_result start_revert(struct swap_run *run, const struct trailers *t, bool marked)
{
    uint32_t swap_size = marked ? t->secondary.swap_size : t->primary.swap_size;
    if (!swap_size_ok(run, swap_size)) {
        swap_log(run, "swap: no usable swap_size for the revert (%lu), swapping the whole slot",
                 (unsigned long)swap_size);
        swap_size = run->max_sectors * run->page;
    }
    if (!marked) {
        const int rc = write_trailer(&run->pair->secondary, MB_SWAP_TYPE_REVERT, run->pair->image_number, swap_size,
                                     true);
        if (rc != FLASH_OK)
            return swap_flash_failed(run, rc, "marking the revert in the secondary trailer");
    }
    return start_swap(run, MB_SWAP_TYPE_REVERT, swap_size);
}

/*
 * A refused secondary: confirm the primary first, so a cut before the erases cannot turn a pending
 * revert into a revert to the refused image; then the header page, then the request, so a cut
 * before the request is gone only repeats the refusal.
 */
static enum mb_swap_result refuse(struct swap_run *run, const struct trailers *t, const char *reason)
{
    const struct mb_swap_pair *pair = run->pair;
    *run->out = (struct mb_swap_outcome){.swap_type = MB_SWAP_TYPE_NONE, .refused = true, .reason = reason,
                                         .flash_error = FLASH_OK};
    swap_log(run, "swap: %s; erasing it and keeping the primary image", reason);
    int rc = FLASH_OK;
    if (t->primary.image_ok == MB_FLAG_UNSET)
        rc = mb_trailer_write_flag(&pair->primary, mb_trailer_image_ok_addr(&pair->primary));
    if (rc == FLASH_OK)
        rc = flash_erase(pair->secondary.flash, pair->secondary.addr, run->page);
    if (rc == FLASH_OK)
        rc = mb_trailer_erase(&pair->secondary);
    return rc != FLASH_OK ? swap_flash_failed(run, rc, "erasing the refused secondary") : MB_SWAP_OK;
}

static uint32_t primary_image_size(const struct swap_run *run)
{
    const struct mb_swap_hooks *h = run->hooks;
    const uint32_t max = run->max_sectors * run->page;
    if (h->primary_image_size == NULL)
        return max;
    uint32_t size = 0;
    if (!h->primary_image_size(h->ctx, &run->pair->primary, &size))
        return 0;
    return size < max ? size : max;
}

static enum mb_swap_result upgrade(struct swap_run *run, const struct trailers *t, enum mb_swap_type type)
{
    const struct mb_swap_hooks *h = run->hooks;
    uint32_t size = 0;
    if (!h->validate_secondary(h->ctx, &run->pair->secondary, &size))
        return refuse(run, t, "secondary image refused by validation");
    if (size == 0 || size > run->max_sectors * run->page) {
        swap_log(run, "swap: secondary image is %lu bytes, the slots swap at most %lu", (unsigned long)size,
                 (unsigned long)(run->max_sectors * run->page));
        return refuse(run, t, "secondary image larger than the slot allows");
    }
    const uint32_t primary_size = primary_image_size(run);
    return start_swap(run, type, size > primary_size ? size : primary_size);
}

enum mb_swap_result mb_swap_boot(const struct mb_swap_pair *pair, const struct mb_swap_hooks *hooks,
                                 struct mb_swap_outcome *out)
{
    struct mb_swap_outcome scratch;
    if (out == NULL)
        out = &scratch;
    *out = (struct mb_swap_outcome){.swap_type = MB_SWAP_TYPE_NONE, .reason = "no swap requested",
                                    .flash_error = FLASH_OK};
    struct swap_run run;
    if (hooks == NULL || hooks->validate_secondary == NULL || !swap_run_init(&run, pair, hooks, out)) {
        out->reason = "slot pair or hooks unusable for swap using move";
        return MB_SWAP_E_LAYOUT;
    }
    struct trailers t;
    const int rc = read_trailers(&run, &t);
    if (rc != FLASH_OK)
        return swap_flash_failed(&run, rc, "reading the trailers");
    swap_log(&run, "swap: image %u primary: magic %s, image_ok %s, copy_done %s, swap_type %s", (unsigned)pair->image_number,
             magic_name(t.primary.magic), flag_name(t.primary.image_ok), flag_name(t.primary.copy_done),
             mb_swap_type_name(t.primary.swap_type));
    swap_log(&run, "swap: image %u secondary: magic %s, image_ok %s, swap_type %s", (unsigned)pair->image_number,
             magic_name(t.secondary.magic), flag_name(t.secondary.image_ok), mb_swap_type_name(t.secondary.swap_type));

    const struct decision d = decide(&run, &t);
    if (d.resume)
        return resume(&run, &t.primary);
    swap_log(&run, "swap: swap type %s%s", mb_swap_type_name(d.type), d.revert_marked ? " (revert restarted)" : "");
    switch (d.type) {
    case MB_SWAP_TYPE_TEST:
    case MB_SWAP_TYPE_PERM:
        return upgrade(&run, &t, d.type);
    case MB_SWAP_TYPE_REVERT:
        return start_revert(&run, &t, d.revert_marked);
    case MB_SWAP_TYPE_NONE:
        break;
    }
    return MB_SWAP_OK;
}

enum mb_swap_result mb_swap_peek(const struct mb_swap_pair *pair, enum mb_swap_type *type, bool *resume)
{
    struct mb_swap_outcome out;
    struct swap_run run;
    if (!swap_run_init(&run, pair, NULL, &out))
        return MB_SWAP_E_LAYOUT;
    struct trailers t;
    const int rc = read_trailers(&run, &t);
    if (rc != FLASH_OK)
        return swap_flash_failed(&run, rc, "reading the trailers");
    const struct decision d = decide(&run, &t);
    if (type != NULL)
        *type = d.type;
    if (resume != NULL)
        *resume = d.resume;
    return MB_SWAP_OK;
}
