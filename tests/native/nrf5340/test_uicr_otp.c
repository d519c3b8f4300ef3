/* The UICR OTP driver (uicr_otp.c) against the model of the KMU's write-once half-words. */
#include "board_partitions.h"
#include "fake_regs.h"
#include "harness.h"
#include "nrf5340_drivers.h"
#include "nrf5340_regs.h"

#define OTP MEM_OTP_BASE

TEST(otp_writes_one_half_and_keeps_the_other)
{
    fake_reset();
    const struct otp_dev *d = uicr_otp();
    CHECK_EQ(d->base, 0x00FF8100);
    CHECK_EQ(d->size, 0x300);
    CHECK_EQ(otp_write_word(d, OTP + 8, 0xFFFFAABB), OTP_OK);
    CHECK_EQ(otp_write_word(d, OTP + 8, 0x1234FFFF), OTP_OK);
    uint32_t v;
    CHECK_EQ(otp_read_word(d, OTP + 8, &v), OTP_OK);
    CHECK_EQ(v, 0x1234AABB);
    CHECK(fake_find_write(0, NRF_NVMC + NVMC_CONFIG, NVMC_CONFIG_WEN) >= 0);
    CHECK_STR_EQ(fake_first_violation(), "");
}

TEST(otp_refuses_a_taken_half_before_writing)
{
    fake_reset();
    const struct otp_dev *d = uicr_otp();
    CHECK_EQ(otp_write_word(d, OTP, 0x0000FFFF), OTP_OK);
    const struct fake_access *log;
    const size_t before = fake_log(&log);
    CHECK_EQ(otp_write_word(d, OTP, 0x00000001), OTP_E_WRITTEN); /* upper half taken: the whole word refused */
    CHECK_EQ(fake_log(&log), before);
    uint32_t v;
    CHECK_EQ(otp_read_word(d, OTP, &v), OTP_OK);
    CHECK_EQ(v, 0x0000FFFF);
    CHECK_EQ(fake_violations(), 0);
}

TEST(otp_refuses_range_and_alignment)
{
    fake_reset();
    const struct otp_dev *d = uicr_otp();
    uint32_t v;
    CHECK_EQ(otp_read_word(d, OTP - 4, &v), OTP_E_RANGE);
    CHECK_EQ(otp_read_word(d, OTP + 0x300, &v), OTP_E_RANGE);
    CHECK_EQ(otp_write_word(d, OTP + 2, 0), OTP_E_ALIGN);
    CHECK_EQ(otp_write_word(d, OTP + 0x2FC, 0x0000FFFF), OTP_OK); /* the last word */
}

TEST(otp_reports_a_word_that_does_not_take)
{
    fake_reset();
    fake_nvmc_stuck(true);
    CHECK_EQ(otp_write_word(uicr_otp(), OTP, 0x0000FFFF), OTP_E_IO);
}
