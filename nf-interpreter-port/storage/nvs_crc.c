#include "nvs_crc.h"

uint8_t nvs_crc8_ate(const uint8_t entry[7])
{
    uint8_t crc = 0xFF;
    for (int i = 0; i < 7; i++) {
        crc ^= entry[i];
        for (int bit = 0; bit < 8; bit++)
            crc = (uint8_t)((crc & 0x80) ? (crc << 1) ^ 0x07 : crc << 1);
    }
    return crc;
}
