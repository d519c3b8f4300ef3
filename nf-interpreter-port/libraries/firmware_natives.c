/*
 * The internal calls of nanoFramework.Hardware.Nrf's Firmware, Power and Rtc (firmware_natives.h) over the slot
 * code (slot_writer.h, slot_state.h) and the boot-info record. Errors are returned as numbers (slot_err); the C#
 * side turns them into exceptions or SMP codes.
 */
#include "firmware_natives.h"

#include "nrf_natives.h"
#include "slot_state.h"

#define NOT_ON_BOARD (-1000) /* ErrorText's code for "this board has no upload slot" */

static const struct firmware_board *g_board;
static struct slot_writer g_writer;
static struct mb_loader_check g_check; /* the last verdict: upload finish or a refused test request */

void firmware_natives_bind(const struct firmware_board *board)
{
    g_board = board;
    g_writer.open = false;
    g_check = (struct mb_loader_check){.verdict = MB_CHECK_ACCEPTED};
}

static const struct slot_device *slots(void)
{
    return g_board != NULL ? g_board->slots : NULL;
}

static enum clr_exception int_result(struct clr_slot *result, int value)
{
    *result = (struct clr_slot){.kind = CLR_K_I4, .v.i4 = value};
    return CLR_EXC_NONE;
}

static enum clr_exception string_result(struct clr_runtime *rt, struct clr_slot *result, const char *text)
{
    struct clr_string *s = text != NULL ? clr_string_from_utf8(rt, (const uint8_t *)text, strlen(text)) : NULL;
    if (text != NULL && s == NULL)
        return clr_throw(rt, CLR_EXC_OUT_OF_MEMORY, NULL);
    *result = (struct clr_slot){.kind = CLR_K_O, .v.o = s != NULL ? &s->block : NULL};
    return CLR_EXC_NONE;
}

/* The array argument when it holds `elem` and at least `length` elements; else throws (returned in *exc). */
static struct clr_array *array_arg(struct clr_runtime *rt, const struct clr_slot *arg, uint8_t elem, int32_t length,
                                   enum clr_exception *exc)
{
    struct clr_array *a = (struct clr_array *)arg->v.o;
    *exc = CLR_EXC_NONE;
    if (a == NULL)
        *exc = clr_throw(rt, CLR_EXC_NULL_REFERENCE, NULL);
    else if (a->elem != elem || a->length < length)
        *exc = clr_throw(rt, CLR_EXC_ARGUMENT_OUT_OF_RANGE, "The array is too short for the result.");
    return *exc == CLR_EXC_NONE ? a : NULL;
}

/* BeginNative(image, length) */
enum clr_exception nrf_firmware_begin(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    if (slots() == NULL)
        return int_result(result, NOT_ON_BOARD);
    if (args[0].v.i4 < 0 || args[0].v.i4 > 255 || args[1].v.i4 < 0)
        return int_result(result, args[0].v.i4 < 0 || args[0].v.i4 > 255 ? SLOT_E_IMAGE : SLOT_E_TOO_BIG);
    return int_result(result, slot_writer_begin(&g_writer, slots(), (uint8_t)args[0].v.i4, (uint32_t)args[1].v.i4));
}

/* WriteNative(offset, data, dataOffset, count) */
enum clr_exception nrf_firmware_write(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    enum clr_exception exc;
    struct clr_array *data = array_arg(rt, &args[1], CLR_ELEM_U1, 0, &exc);
    if (data == NULL)
        return exc;
    int32_t offset = args[0].v.i4, from = args[2].v.i4, count = args[3].v.i4;
    if (from < 0 || count < 0 || count > data->length - from)
        return clr_throw(rt, CLR_EXC_ARGUMENT_OUT_OF_RANGE, "dataOffset and count lie outside the array.");
    if (offset < 0)
        return int_result(result, SLOT_E_OFFSET);
    return int_result(result, slot_writer_write(&g_writer, (uint32_t)offset, data->data + from, (uint32_t)count));
}

/* FinishNative(sha256): a slot_err, else the verdict (enum mb_check_verdict); sha256 gets the upload's digest. */
enum clr_exception nrf_firmware_finish(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    enum clr_exception exc;
    struct clr_array *sha = array_arg(rt, &args[0], CLR_ELEM_U1, BL_SHA256_DIGEST_SIZE, &exc);
    if (sha == NULL)
        return exc;
    int err = slot_writer_finish(&g_writer, sha->data, &g_check);
    return int_result(result, err != SLOT_OK ? err : (int)g_check.verdict);
}

/* CheckLineNative(): the last verdict's line, null when it accepted the image. */
enum clr_exception nrf_firmware_check_line(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)args;
    return string_result(rt, result, g_check.verdict == MB_CHECK_ACCEPTED ? NULL : g_check.line);
}

/* CheckRuleNative(): the last verdict's rule (image << 16 | rule), 0 when it accepted the image. */
enum clr_exception nrf_firmware_check_rule(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    (void)args;
    return int_result(result, g_check.verdict == MB_CHECK_ACCEPTED ? 0 : (int)g_check.image << 16 | g_check.rule);
}

#define LIST_FIELDS 7 /* per image: image, slot, flags, major, minor, revision, build */

/* ListNative(fields, hashes): the count (fields and hashes filled for SLOT_LIST_MAX images), or a slot_err. */
enum clr_exception nrf_firmware_list(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    enum clr_exception exc;
    struct clr_array *fields = array_arg(rt, &args[0], CLR_ELEM_I4, SLOT_LIST_MAX * LIST_FIELDS, &exc);
    struct clr_array *hashes = fields != NULL ? array_arg(rt, &args[1], CLR_ELEM_U1, SLOT_LIST_MAX * 32, &exc) : NULL;
    if (hashes == NULL)
        return exc;
    if (slots() == NULL)
        return int_result(result, NOT_ON_BOARD);
    struct slot_image list[SLOT_LIST_MAX];
    int n = slot_list(slots(), list);
    for (int i = 0; i < n; i++) {
        const int32_t row[LIST_FIELDS] = {list[i].image,         list[i].slot,          list[i].flags,
                                          list[i].version.major, list[i].version.minor, list[i].version.revision,
                                          (int32_t)list[i].version.build_num};
        memcpy(fields->data + (size_t)i * sizeof row, row, sizeof row);
        memcpy(hashes->data + (size_t)i * 32, list[i].hash, 32);
    }
    return int_result(result, n);
}

/* SetPendingNative(permanent) */
enum clr_exception nrf_firmware_set_pending(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    if (slots() == NULL)
        return int_result(result, NOT_ON_BOARD);
    return int_result(result, slot_set_pending(slots(), args[0].v.i4 != 0, &g_check));
}

/* ConfirmNative() */
enum clr_exception nrf_firmware_confirm(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    (void)args;
    return int_result(result, slots() != NULL ? slot_confirm_running(slots()) : NOT_ON_BOARD);
}

/* EraseNative() */
enum clr_exception nrf_firmware_erase(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    (void)args;
    g_writer.open = false;
    return int_result(result, slots() != NULL ? slot_erase_upload(slots()) : NOT_ON_BOARD);
}

/* MaxImageSizeNative(image): bytes, 0 for no such image or no upload slot. */
enum clr_exception nrf_firmware_max_image_size(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)rt;
    uint32_t image = (uint32_t)args[0].v.i4;
    return int_result(result, slots() != NULL && image <= 255 ? (int)slot_max_image_size((uint8_t)image) : 0);
}

/* ErrorText(code) */
enum clr_exception nrf_firmware_error_text(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    int err = args[0].v.i4;
    return string_result(rt, result, err == NOT_ON_BOARD ? "this board has no upload slot" : slot_strerror(err));
}

#define BOOT_FIELDS 10 /* outcome, b0 slot, reset reason, refused image, rule, major, minor, revision, build, resumed */

/* BootInfoNative(fields): true and fields filled when the second stage left a valid record. */
enum clr_exception nrf_firmware_boot_info(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    enum clr_exception exc;
    struct clr_array *fields = array_arg(rt, &args[0], CLR_ELEM_I4, BOOT_FIELDS, &exc);
    if (fields == NULL)
        return exc;
    const struct mb_boot_info *info = g_board != NULL ? g_board->boot_info : NULL;
    if (info == NULL || !mb_boot_info_valid(info))
        return int_result(result, 0);
    const int32_t row[BOOT_FIELDS] = {
        info->outcome,           info->b0_slot == MB_NO_IMAGE ? -1 : info->b0_slot,
        (int32_t)info->reset_reason, info->refused_image == MB_NO_IMAGE ? -1 : info->refused_image,
        info->refusal_code,      info->app_version.major,
        info->app_version.minor, info->app_version.revision,
        (int32_t)info->app_version.build_num, info->resumed};
    memcpy(fields->data, row, sizeof row);
    return int_result(result, 1);
}

/* RefusalNative(): the last refusal's line from the boot info, null when there is none. */
enum clr_exception nrf_firmware_refusal(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)args;
    const struct mb_boot_info *info = g_board != NULL ? g_board->boot_info : NULL;
    bool any = info != NULL && mb_boot_info_valid(info) && info->refused_image != MB_NO_IMAGE;
    char line[MB_BOOT_INFO_TEXT];
    if (any) {
        memcpy(line, info->refusal, sizeof line);
        line[sizeof line - 1] = '\0';
    }
    return string_result(rt, result, any ? line : NULL);
}

/* OutcomeText(outcome) */
enum clr_exception nrf_firmware_outcome_text(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    return string_result(rt, result, mb_boot_outcome_text((enum mb_boot_outcome)args[0].v.i4));
}

/* Power.RebootNative(): does not return on a board that can reset. */
enum clr_exception nrf_power_reboot(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)args;
    (void)result;
    if (g_board == NULL || g_board->reboot == NULL)
        return clr_throw(rt, CLR_EXC_NOT_SUPPORTED, "Power.RebootDevice: this board cannot reset.");
    g_board->reboot(g_board->ctx);
    return clr_throw(rt, CLR_EXC_NOT_SUPPORTED, "Power.RebootDevice: the board's reset returned.");
}

/* Rtc.SetTimeNative(ticks) */
enum clr_exception nrf_rtc_set_time(struct clr_runtime *rt, struct clr_slot *args, struct clr_slot *result)
{
    (void)result;
    if (g_board == NULL || g_board->set_utc_ticks == NULL)
        return clr_throw(rt, CLR_EXC_NOT_SUPPORTED, "Rtc.SetSystemTime: this board's clock cannot be set.");
    g_board->set_utc_ticks(g_board->ctx, args[0].v.i8);
    return CLR_EXC_NONE;
}
