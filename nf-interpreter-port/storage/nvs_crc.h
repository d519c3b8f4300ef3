/* The two checksums of the NVS on-flash format. */
#ifndef NVS_CRC_H
#define NVS_CRC_H

#include <stddef.h>
#include <stdint.h>

/* CRC-8 over the first 7 bytes of an entry: poly 0x07, init 0xFF, MSB first, no final XOR. */
uint8_t nvs_crc8_ate(const uint8_t entry[7]);

/*
 * CRC-32 (IEEE 802.3, as zlib's crc32) of a value's data; chain calls by passing the previous
 * result, starting from 0.
 */
uint32_t nvs_crc32(uint32_t crc, const void *data, size_t len);

#endif /* NVS_CRC_H */
