/* RESETREAS bit meanings from the nRF5340 product specification (app core). */
#include <stdio.h>
#include <string.h>

#include "mb_reset_reason.h"

static const struct {
    uint8_t bit;
    const char *name;
} reasons[] = {
    {0, "pin reset"},   {1, "watchdog 0"},      {2, "debugger (CTRL-AP)"}, {3, "soft reset"},
    {4, "CPU lockup"},  {5, "wake from System OFF (GPIO)"}, {6, "wake from System OFF (LPCOMP)"},
    {7, "debug interface mode"}, {24, "wake by NFC field"}, {25, "watchdog 1"}, {26, "wake by VBUS"},
};

const char *mb_reset_reason_text(uint32_t resetreas, char *buf, size_t len)
{
    if (len == 0)
        return buf;
    buf[0] = '\0';
    if (resetreas == 0) {
        snprintf(buf, len, "power-on or brown-out");
        return buf;
    }
    size_t used = 0;
    uint32_t unknown = resetreas;
    for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++) {
        if (!(resetreas & (1u << reasons[i].bit)))
            continue;
        unknown &= ~(1u << reasons[i].bit);
        int n = snprintf(buf + used, len - used, "%s%s", used ? ", " : "", reasons[i].name);
        if (n < 0 || (size_t)n >= len - used)
            return buf;
        used += (size_t)n;
    }
    if (unknown != 0)
        snprintf(buf + used, len - used, "%sother bits 0x%08lx", used ? ", " : "", (unsigned long)unknown);
    return buf;
}
