/*
 * CRC-32/IEEE 802.3 as zlib computes it (reflected polynomial 0xEDB88320, init and final XOR 0xFFFFFFFF):
 * the one CRC-32 of the firmware (b0's boot record, the second stage's boot info, NVS data, the runtime's
 * deployment image).
 */
#ifndef CRC32_H
#define CRC32_H

#include <stddef.h>
#include <stdint.h>

/* Continues `crc` (0 to start) over len bytes: crc32_ieee(crc32_ieee(0, a, n), b, m) is the CRC of a then b. */
uint32_t crc32_ieee(uint32_t crc, const void *data, size_t len);

#endif /* CRC32_H */
