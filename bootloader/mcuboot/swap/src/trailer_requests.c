/*
 * What an application or SMP server writes: MCUboot's boot_set_pending_multi and
 * boot_set_confirmed_multi rules (mcuboot-smp.md A2 "What test / confirm write").
 * Each field is written at most once per erase, so retries never exceed the 2-writes rule.
 */
#include "trailer_fields.h"

int mb_trailer_set_pending(const struct mb_area *secondary, uint8_t image_number, bool permanent)
{
    if (image_number > 0x0f)
        return MB_TRAILER_E_ARGS;
    struct mb_trailer_state st;
    int rc = mb_trailer_read(secondary, &st);
    if (rc != MB_TRAILER_OK)
        return rc;
    switch (st.magic) {
    case MB_MAGIC_GOOD:
        return MB_TRAILER_OK; /* a request already stands */
    case MB_MAGIC_BAD:
        /* A torn or foreign trailer: clear it so a repeated request can be written. */
        rc = mb_trailer_erase(secondary);
        return rc != FLASH_OK ? rc : MB_TRAILER_E_BAD_MAGIC;
    case MB_MAGIC_UNSET:
        break;
    }
    /* Magic first, as MCUboot: a cut after it leaves a TEST request (the safe kind), never a
     * half-written request that a retry would write over. */
    rc = mb_trailer_write_magic(secondary);
    if (rc == FLASH_OK && permanent)
        rc = mb_trailer_write_flag(secondary, mb_trailer_image_ok_addr(secondary));
    if (rc == FLASH_OK)
        rc = mb_trailer_write_swap_info(secondary, permanent ? MB_SWAP_TYPE_PERM : MB_SWAP_TYPE_TEST, image_number);
    return rc;
}

int mb_trailer_set_confirmed(const struct mb_area *primary)
{
    struct mb_trailer_state st;
    int rc = mb_trailer_read(primary, &st);
    if (rc != MB_TRAILER_OK)
        return rc;
    if (st.magic == MB_MAGIC_BAD)
        return MB_TRAILER_E_BAD_MAGIC;
    /* Magic unset: never swapped, nothing to confirm. image_ok BAD (a torn confirm) already
     * keeps the table from reverting, so it counts as confirmed, as in MCUboot: no second write. */
    if (st.magic == MB_MAGIC_UNSET || st.image_ok != MB_FLAG_UNSET)
        return MB_TRAILER_OK;
    return mb_trailer_write_flag(primary, mb_trailer_image_ok_addr(primary));
}
