/* Every error code of the shared device interfaces has its own readable text. */
#include <string.h>

#include "flash_dev.h"
#include "harness.h"
#include "otp_dev.h"

static void check_distinct_texts(const char *(*text)(int), const int *codes, size_t count, const char *unknown)
{
    for (size_t i = 0; i < count; i++) {
        const char *t = text(codes[i]);
        CHECK(t != NULL && strlen(t) > 1);
        CHECK(strcmp(t, unknown) != 0);
        for (size_t j = 0; j < i; j++)
            CHECK(strcmp(t, text(codes[j])) != 0);
    }
}

TEST(every_flash_error_has_its_own_text)
{
    const int codes[] = {FLASH_OK, FLASH_E_RANGE, FLASH_E_ALIGN, FLASH_E_NOT_ERASED, FLASH_E_WRITE_LIMIT,
                         FLASH_E_LOCKED, FLASH_E_POWER_LOST, FLASH_E_IO};
    check_distinct_texts(flash_strerror, codes, sizeof codes / sizeof codes[0], "unknown flash error");
    CHECK_STR_EQ(flash_strerror(-99), "unknown flash error");
    CHECK_STR_EQ(flash_strerror(1), "unknown flash error");
    CHECK(strstr(flash_strerror(FLASH_E_WRITE_LIMIT), "maximum number of times") != NULL);
}

TEST(every_otp_error_has_its_own_text)
{
    const int codes[] = {OTP_OK, OTP_E_RANGE, OTP_E_ALIGN, OTP_E_WRITTEN, OTP_E_POWER_LOST, OTP_E_IO};
    check_distinct_texts(otp_strerror, codes, sizeof codes / sizeof codes[0], "unknown OTP error");
    CHECK_STR_EQ(otp_strerror(-99), "unknown OTP error");
    CHECK(strstr(otp_strerror(OTP_E_WRITTEN), "only once") != NULL);
}
