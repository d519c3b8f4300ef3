/* Status texts (they end up in "image refused: <text>") and version order and text. */
#include <ctype.h>
#include <string.h>

#include "rig.h"

TEST(every_status_has_its_own_short_lower_case_text)
{
    for (int a = 0; a < MB_IMAGE_STATUS_COUNT; a++) {
        const char *text = mb_image_status_text((enum mb_image_status)a);
        CHECK(text != NULL);
        CHECK(strlen(text) >= 8 && strlen(text) <= 80);
        CHECK(islower((unsigned char)text[0]));
        CHECK(text[strlen(text) - 1] != '.');
        CHECK(strcmp(text, "unknown image status") != 0);
        for (int b = 0; b < a; b++)
            CHECK(strcmp(text, mb_image_status_text((enum mb_image_status)b)) != 0);
    }
}

TEST(out_of_range_statuses_have_a_fallback_text)
{
    CHECK_STR_EQ(mb_image_status_text(MB_IMAGE_STATUS_COUNT), "unknown image status");
    CHECK_STR_EQ(mb_image_status_text((enum mb_image_status)99), "unknown image status");
    CHECK_STR_EQ(mb_image_status_text((enum mb_image_status)-1), "unknown image status");
}

TEST(the_texts_name_the_rule)
{
    CHECK(strstr(mb_image_status_text(MB_IMAGE_E_MAGIC), "magic") != NULL);
    CHECK(strstr(mb_image_status_text(MB_IMAGE_E_HASH), "SHA-256") != NULL);
    CHECK(strstr(mb_image_status_text(MB_IMAGE_E_TLV_UNPROTECTED), "protected") != NULL);
#ifdef MB_SIGNATURE_ED25519
    CHECK(strstr(mb_image_status_text(MB_IMAGE_E_NO_SIGNATURE), "Ed25519") != NULL);
#else
    CHECK(strstr(mb_image_status_text(MB_IMAGE_E_NO_SIGNATURE), "ECDSA-P256") != NULL);
#endif
}

TEST(versions_compare_as_mcuboot_does)
{
    const struct mb_version v = {1, 2, 3, 4};
    const struct mb_version bigger[] = {{2, 0, 0, 0}, {1, 3, 0, 0}, {1, 2, 4, 0}, {1, 2, 256, 0}, {255, 255, 65535, 0}};
    for (size_t i = 0; i < sizeof bigger / sizeof bigger[0]; i++) {
        CHECK(mb_version_cmp(&v, &bigger[i], false) < 0);
        CHECK(mb_version_cmp(&bigger[i], &v, false) > 0);
        CHECK(mb_version_cmp(&v, &bigger[i], true) < 0);
    }
    const struct mb_version other_build = {1, 2, 3, 5};
    CHECK_EQ(mb_version_cmp(&v, &other_build, false), 0);
    CHECK(mb_version_cmp(&v, &other_build, true) < 0);
    CHECK(mb_version_cmp(&other_build, &v, true) > 0);
    const struct mb_version huge_build = {1, 2, 3, 0xffffffffu};
    CHECK(mb_version_cmp(&huge_build, &bigger[2], true) < 0); /* build never outweighs revision */
    CHECK_EQ(mb_version_cmp(&v, &v, true), 0);
}

TEST(version_text)
{
    char text[MB_VERSION_TEXT_SIZE];
    const struct mb_version v = {1, 2, 3, 4}, zero = {0, 0, 0, 0}, max = {255, 255, 65535, 0xffffffffu};
    mb_version_format(&v, text, sizeof text);
    CHECK_STR_EQ(text, "1.2.3+4");
    mb_version_format(&zero, text, sizeof text);
    CHECK_STR_EQ(text, "0.0.0+0");
    mb_version_format(&max, text, sizeof text);
    CHECK_STR_EQ(text, "255.255.65535+4294967295");

    char small[6] = "xxxxx";
    mb_version_format(&max, small, sizeof small); /* truncated, terminated */
    CHECK_STR_EQ(small, "255.2");
    mb_version_format(&max, small, 1);
    CHECK_STR_EQ(small, "");
    small[0] = 'x';
    mb_version_format(&max, small, 0); /* nothing written */
    CHECK_EQ(small[0], 'x');
}
