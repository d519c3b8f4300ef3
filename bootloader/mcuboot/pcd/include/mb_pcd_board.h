/*
 * The PCD configurations of this board, from the partition table (board_partitions.h), so no
 * address is written twice.
 */
#ifndef MB_PCD_BOARD_H
#define MB_PCD_BOARD_H

#include "board_partitions.h"
#include "mb_pcd.h"
#include "mb_pcd_net.h"

_Static_assert(PM_PCD_SRAM_SIZE >= MB_PCD_AREA_MIN_SIZE, "pcd_sram holds command, detail and version");
_Static_assert(PM_NET_APP_ADDRESS == PM_B0N_CONTAINER_END_ADDRESS, "net_app follows b0n_container (NCS's offset)");

static inline struct mb_pcd_app_config mb_pcd_board_app_config(void)
{
    return (struct mb_pcd_app_config){
        .area_address = PM_PCD_SRAM_ADDRESS,
        .area_size = PM_PCD_SRAM_SIZE,
        .source_address = PM_MCUBOOT_SECONDARY_ADDRESS,
        .source_size = PM_MCUBOOT_SECONDARY_SIZE,
        .net_app_offset = PM_B0N_CONTAINER_SIZE,
        .net_app_size = PM_NET_APP_SIZE,
        .poll_ms = MB_PCD_POLL_MS,
        .timeout_ms = MB_PCD_TIMEOUT_MS,
    };
}

static inline struct mb_pcd_net_config mb_pcd_board_net_config(void)
{
    return (struct mb_pcd_net_config){
        .area_address = PM_PCD_SRAM_ADDRESS,
        .area_size = PM_PCD_SRAM_SIZE,
        .b0n_address = PM_B0N_CONTAINER_ADDRESS,
        .b0n_size = PM_B0N_CONTAINER_SIZE,
        .provision_address = PM_NET_PROVISION_ADDRESS,
        .net_app_size = PM_NET_APP_SIZE,
        .source_address = PM_MCUBOOT_SECONDARY_ADDRESS,
        .source_size = PM_MCUBOOT_SECONDARY_SIZE,
    };
}

#endif /* MB_PCD_BOARD_H */
