#include "mb_pcd.h"
#include "mb_pcd_net.h"

const char *mb_pcd_status_text(enum mb_pcd_status status)
{
    switch (status) {
    case MB_PCD_DONE: return "done";
    case MB_PCD_E_FAILED: return "failed";
    case MB_PCD_E_TIMEOUT: return "timed out";
    case MB_PCD_E_REFUSED: return "not sent";
    case MB_PCD_STATUS_COUNT: break;
    }
    return "unknown PCD status";
}

const char *mb_pcd_reason_text(enum mb_pcd_reason reason)
{
    switch (reason) {
    case MB_PCD_R_NONE: return "no failure";
    case MB_PCD_R_NOT_GIVEN: return "the network core answered FAIL without a reason";
    case MB_PCD_R_PROTECT: return "b0n could not protect its own flash";
    case MB_PCD_R_NOT_PROVISIONED: return "net_provision gives no usable net_app address";
    case MB_PCD_R_OFFSET: return "the command's offset does not lead to net_app";
    case MB_PCD_R_LENGTH: return "the command's length does not fit net_app";
    case MB_PCD_R_SOURCE: return "the command's data lies outside the upload slot";
    case MB_PCD_R_INVALID_IMAGE: return "the image in the upload slot is not valid for net_app";
    case MB_PCD_R_COPY: return "erasing or writing net_app failed";
    case MB_PCD_R_VERIFY: return "the copy in net_app does not validate";
    case MB_PCD_R_NO_VERSION: return "net_app holds no fw_info to read a version from";
    case MB_PCD_R_VERSION_BUFFER: return "the version buffer lies outside pcd_sram";
    case MB_PCD_R_UNKNOWN_ANSWER: return "the network core answered neither DONE nor FAIL";
    case MB_PCD_R_TIMEOUT: return "the network core did not answer";
    case MB_PCD_R_ARGS: return "the payload does not fit the upload slot or net_app";
    case MB_PCD_R_RELEASE: return "the network core could not be started";
    case MB_PCD_REASON_COUNT: break;
    }
    return "unknown reason";
}

const char *mb_pcd_net_outcome_text(enum mb_pcd_net_outcome outcome)
{
    switch (outcome) {
    case MB_PCD_NET_BOOTED: return "booted net_app";
    case MB_PCD_NET_DONE: return "command done";
    case MB_PCD_NET_FAILED: return "command failed";
    case MB_PCD_NET_NOTHING_TO_BOOT: return "nothing to boot";
    case MB_PCD_NET_POWER_LOST: return "power lost";
    }
    return "unknown outcome";
}
