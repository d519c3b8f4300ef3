/*
 * Net-core update through NCS's PCD (Peripheral Core DFU) handshake, app-core side.
 *
 * The app core cannot write the net core's flash. The second stage leaves the net image where it
 * was uploaded (mcuboot_secondary), writes a 16-byte command into shared RAM (pcd_sram) and starts
 * the net core, whose first stage (NCS's b0n) validates the image, copies it into net_app and
 * answers DONE or FAIL in the same RAM. Command layout, magic values and the handshake are NCS's
 * (include/dfu/pcd_common.h, subsys/pcd/src/pcd.c), so an NCS-built b0n answers us.
 * The net side lives in mb_pcd_net.h; README.md beside include/ tells the whole story.
 */
#ifndef MB_PCD_H
#define MB_PCD_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define MB_PCD_MAGIC_COPY 0xb5b4b3b6u         /* app -> net: copy `len` bytes from `data` to `offset` */
#define MB_PCD_MAGIC_DONE 0xf103ce5du         /* net -> app: the command completed */
#define MB_PCD_MAGIC_FAIL 0x25bafc15u         /* net -> app: the command failed */
#define MB_PCD_MAGIC_READ_VERSION 0xdca345eau /* app -> net: write net_app's fw_info version to `data` */

/*
 * NCS's struct pcd_cmd as the nRF5340 lays it out: {u32 magic; const void *data; size_t len;
 * off_t/intptr offset}, all 32 bits wide on the Cortex-M33. Fixed-width here so the host
 * simulator's shared file has the chip's bytes.
 */
struct mb_pcd_cmd {
    uint32_t magic;
    uint32_t data;  /* COPY: app-flash address of the image payload; READ_VERSION: answer buffer */
    uint32_t len;   /* bytes to copy; READ_VERSION: buffer size in, 4 out */
    int32_t offset; /* net flash offset (from its base) the copy starts at: the b0n_container size */
};

_Static_assert(sizeof(struct mb_pcd_cmd) == 16, "NCS's pcd_cmd is 16 bytes on the nRF5340");
_Static_assert(offsetof(struct mb_pcd_cmd, data) == 4 && offsetof(struct mb_pcd_cmd, len) == 8 &&
                   offsetof(struct mb_pcd_cmd, offset) == 12,
               "NCS's field order: magic, data, len, offset");

/*
 * After the command, this SDK's net side leaves why it failed (NCS's b0n leaves nothing: it only
 * writes FAIL, and the app side then says so). The app side clears it before every command.
 */
#define MB_PCD_DETAIL_TAG 0x52444350u /* "PCDR" */

struct mb_pcd_detail {
    uint32_t tag;    /* MB_PCD_DETAIL_TAG when the rest is meaningful */
    uint32_t reason; /* enum mb_pcd_reason */
    int32_t code;    /* b0_status of the failed image rule, or the flash_err code */
    uint32_t reserved;
};

/* Offsets in the pcd_sram area. */
#define MB_PCD_CMD_OFFSET 0u
#define MB_PCD_DETAIL_OFFSET 16u
#define MB_PCD_VERSION_OFFSET 32u /* READ_VERSION answer buffer (4 bytes) */
#define MB_PCD_AREA_MIN_SIZE 48u

/*
 * How long the app side waits for an answer. NCS polls every second without end; a net core that
 * never answers (no b0n, a b0n reading another address, a hung copy) would then stop the boot for
 * good. The slowest legitimate copy: 111 net_app pages x 87.5 ms erase + 56832 words x 43 us +
 * two SHA-256 passes in software is ~13 s; 60 s leaves four times that.
 */
#define MB_PCD_POLL_MS 1000u
#define MB_PCD_TIMEOUT_MS 60000u

enum mb_pcd_status {
    MB_PCD_DONE = 0,    /* the net core answered DONE */
    MB_PCD_E_FAILED,    /* it answered FAIL (or something that is not an answer) */
    MB_PCD_E_TIMEOUT,   /* no answer within timeout_ms */
    MB_PCD_E_REFUSED,   /* not sent: the request was wrong or the net core could not be started */
    MB_PCD_STATUS_COUNT
};

/* Why, in one code for both sides; the net side stores it in struct mb_pcd_detail. */
enum mb_pcd_reason {
    MB_PCD_R_NONE = 0,
    /* Net side (b0n). */
    MB_PCD_R_NOT_GIVEN,       /* FAIL without a detail: NCS's b0n; its own log says why */
    MB_PCD_R_PROTECT,         /* b0n could not write-protect b0n_container */
    MB_PCD_R_NOT_PROVISIONED, /* net_provision holds no usable S0 (net_app) address */
    MB_PCD_R_OFFSET,          /* offset does not lead to the provisioned net_app start */
    MB_PCD_R_LENGTH,          /* len is 0 or larger than net_app */
    MB_PCD_R_SOURCE,          /* data .. data + len is not inside the upload slot */
    MB_PCD_R_INVALID_IMAGE,   /* the image in the upload slot breaks a b0 rule (code: b0_status) */
    MB_PCD_R_COPY,            /* erasing or writing net_app failed (code: flash_err) */
    MB_PCD_R_VERIFY,          /* the copy in net_app does not validate (code: b0_status) */
    MB_PCD_R_NO_VERSION,      /* READ_VERSION: no fw_info in net_app */
    MB_PCD_R_VERSION_BUFFER,  /* READ_VERSION: answer buffer outside pcd_sram or under 4 bytes */
    /* App side. */
    MB_PCD_R_UNKNOWN_ANSWER,  /* the magic read back is none of COPY, DONE, FAIL (code: low bits) */
    MB_PCD_R_TIMEOUT,         /* still the command after timeout_ms */
    MB_PCD_R_ARGS,            /* payload outside the upload slot, empty or larger than net_app */
    MB_PCD_R_RELEASE,         /* the port could not start the net core (code: its error) */
    MB_PCD_REASON_COUNT
};

struct mb_pcd_result {
    enum mb_pcd_status status;
    enum mb_pcd_reason reason;
    int32_t code;       /* see enum mb_pcd_reason */
    uint32_t answer;    /* magic read back last */
    uint32_t waited_ms; /* time spent polling */
};

/* Board facts the app side needs (mb_pcd_board.h fills them from the partition table). */
struct mb_pcd_app_config {
    uint32_t area_address;   /* pcd_sram as both cores see it: the address b0n was built with */
    uint32_t area_size;      /* at least MB_PCD_AREA_MIN_SIZE */
    uint32_t source_address; /* the upload slot (mcuboot_secondary): payloads must lie inside */
    uint32_t source_size;
    uint32_t net_app_offset; /* net flash offset of net_app = b0n_container size (NCS's offset) */
    uint32_t net_app_size;
    uint32_t poll_ms;        /* MB_PCD_POLL_MS */
    uint32_t timeout_ms;     /* MB_PCD_TIMEOUT_MS */
};

/*
 * What a board port supplies. On the nRF5340: area_* copy to/from the pcd_sram RAM (volatile, with a
 * DMB after writing); hold sets RESET.NETWORK.FORCEOFF = Hold (erratum 161 sequence) and returns
 * SPU.EXTDOMAIN[0] to non-secure; release sets EXTDOMAIN[0] SECATTR (so the net core may read
 * secure RAM and flash) then FORCEOFF = Release. On the host simulator the area is a shared file and
 * releasing runs the b0n_sim executable (host/mb_pcd_host.h).
 */
struct mb_pcd_app_port {
    void (*area_read)(void *ctx, uint32_t offset, void *buf, size_t len);
    void (*area_write)(void *ctx, uint32_t offset, const void *buf, size_t len);
    void (*hold)(void *ctx);
    int (*release)(void *ctx);                /* 0, or a negative port error */
    void (*sleep_ms)(void *ctx, uint32_t ms);
    void (*feed_watchdog)(void *ctx);         /* may be NULL */
    void (*log)(void *ctx, const char *fmt, va_list args); /* one line, no newline */
    void *ctx;
};

/*
 * Updates the net core from an image payload in the upload slot, as NCS's MCUboot does: for an
 * MCUboot image at slot address S, payload_address = S + hdr_size and payload_len = img_size (the
 * b0n-format image, fw_info and validation block included, no MCUboot header or TLVs).
 * Holds the net core, writes COPY {payload_address, payload_len, net_app_offset}, releases it, polls
 * every poll_ms up to timeout_ms, then holds it again (whatever the answer). Logs NCS's lines:
 * "Starting network core update", "Turned on network core", "Turned off network core",
 * "Done updating network core" or "Network core update failed: <why>".
 *
 * Contract for the loader: only DONE means net_app holds the image. Keep the upload slot until then;
 * after FAIL with MB_PCD_R_COPY / MB_PCD_R_VERIFY / MB_PCD_R_NOT_GIVEN, after TIMEOUT, or after a
 * power cut, net_app may be torn, and issuing the same command again repairs it.
 */
enum mb_pcd_status mb_pcd_update(const struct mb_pcd_app_config *cfg, const struct mb_pcd_app_port *port,
                                 uint32_t payload_address, uint32_t payload_len, struct mb_pcd_result *result);

/*
 * Asks the net core's b0n for net_app's fw_info version (NCS's PCD_READ_NETCORE_APP_VERSION), for
 * downgrade checks of image 1. The answer buffer is in pcd_sram (MB_PCD_VERSION_OFFSET).
 */
enum mb_pcd_status mb_pcd_read_version(const struct mb_pcd_app_config *cfg, const struct mb_pcd_app_port *port,
                                       uint32_t *version, struct mb_pcd_result *result);

const char *mb_pcd_status_text(enum mb_pcd_status status);
/* One phrase naming the rule, e.g. "offset does not lead to net_app"; "unknown reason" when out of range. */
const char *mb_pcd_reason_text(enum mb_pcd_reason reason);

#endif /* MB_PCD_H */
