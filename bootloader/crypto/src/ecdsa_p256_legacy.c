/* P-256 verification through mbedTLS's legacy ECP/ECDSA API: about 5 KB less flash than PSA. */
#include <string.h>

#include "bl_crypto_status.h"
#include "crypto_heap.h"
#include "mbedtls/ecdsa.h"
#include "p256_backend.h"

/* Allocation failures are ours to report; any other mbedTLS error rejects the input. */
static int status_of(int err, int rejection)
{
    if (err == 0)
        return BL_CRYPTO_OK;
    if (err == MBEDTLS_ERR_MPI_ALLOC_FAILED || err == MBEDTLS_ERR_ECP_ALLOC_FAILED)
        return BL_CRYPTO_ERR_INTERNAL;
    return rejection;
}

int p256_verify_raw(const uint8_t xy[64], const uint8_t digest[32], const uint8_t rs[64])
{
    mbedtls_ecp_group grp;
    mbedtls_ecp_point q;
    mbedtls_mpi r, s;
    uint8_t point[65] = {0x04};
    int rc;

    crypto_heap_ready();
    memcpy(point + 1, xy, 64);
    mbedtls_ecp_group_init(&grp);
    mbedtls_ecp_point_init(&q);
    mbedtls_mpi_init(&r);
    mbedtls_mpi_init(&s);

    rc = status_of(mbedtls_ecp_group_load(&grp, MBEDTLS_ECP_DP_SECP256R1), BL_CRYPTO_ERR_INTERNAL);
    if (rc == BL_CRYPTO_OK)
        rc = status_of(mbedtls_ecp_point_read_binary(&grp, &q, point, sizeof point), BL_CRYPTO_ERR_BAD_KEY);
    if (rc == BL_CRYPTO_OK)
        rc = status_of(mbedtls_ecp_check_pubkey(&grp, &q), BL_CRYPTO_ERR_BAD_KEY);
    if (rc == BL_CRYPTO_OK)
        rc = status_of(mbedtls_mpi_read_binary(&r, rs, 32), BL_CRYPTO_ERR_INTERNAL);
    if (rc == BL_CRYPTO_OK)
        rc = status_of(mbedtls_mpi_read_binary(&s, rs + 32, 32), BL_CRYPTO_ERR_INTERNAL);
    if (rc == BL_CRYPTO_OK)
        rc = status_of(mbedtls_ecdsa_verify(&grp, digest, 32, &q, &r, &s), BL_CRYPTO_ERR_BAD_SIGNATURE);

    mbedtls_mpi_free(&s);
    mbedtls_mpi_free(&r);
    mbedtls_ecp_point_free(&q);
    mbedtls_ecp_group_free(&grp);
    return rc;
}
