/*
 * The CryptoCell (CC312) start for the BL_CRYPTO_CC3XX build (NRF_CC3XX_DIR, README.md): CRYPTOCELL.ENABLE = 1
 * (0x50844500, MDK), then Nordic's nrf_cc3xx_platform_init_no_rng() once; verification needs no random numbers.
 * Nordic's nrf_cc3xx_mbedcrypto then serves mbedTLS's SHA-256 and ECDSA verify (its "alternative implementations")
 * under the PSA calls of sha256_psa.c and ecdsa_p256_psa.c.
 */
#include <stdbool.h>
#include <stdint.h>

#include "bl_crypto_status.h"
#include "nrf_cc3xx_platform.h"

#define CRYPTOCELL_ENABLE (*(volatile uint32_t *)0x50844500u)

int bl_cc3xx_ready(void)
{
    static bool ready;
    if (!ready) {
        CRYPTOCELL_ENABLE = 1;
        ready = nrf_cc3xx_platform_init_no_rng() == 0;
    }
    return ready ? BL_CRYPTO_OK : BL_CRYPTO_ERR_INTERNAL;
}
