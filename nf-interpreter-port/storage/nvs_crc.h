/* The checksums of the NVS on-flash format: this CRC-8 of entries; data uses crc32_ieee (crc32.h). */
#ifndef NVS_CRC_H
#define NVS_CRC_H

#include <stddef.h>
#include <stdint.h>

/* CRC-8 over the first 7 bytes of an entry: poly 0x07, init 0xFF, MSB first, no final XOR. */
uint8_t nvs_crc8_ate(const uint8_t entry[7]);

#endif /* NVS_CRC_H */
