/*
 * Counts executed Cortex-M33 instructions per boot stage from QEMU's exec trace (-singlestep -d nochain,exec:
 * one "Trace" line per instruction, the guest PC second in the brackets), attributed by address range.
 *   stage_counter NAME=START-END... < trace     (hex addresses, END exclusive)
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STAGES 16

int main(int argc, char **argv)
{
    struct { char name[32]; uint32_t start, end; uint64_t count; } stage[MAX_STAGES];
    int n = 0;
    for (int i = 1; i < argc && n < MAX_STAGES; i++, n++) {
        if (sscanf(argv[i], "%31[^=]=%" SCNx32 "-%" SCNx32, stage[n].name, &stage[n].start, &stage[n].end) != 3) {
            fprintf(stderr, "stage_counter: bad range %s (NAME=START-END)\n", argv[i]);
            return 2;
        }
        stage[n].count = 0;
    }
    uint64_t other = 0;
    char line[512];
    while (fgets(line, sizeof line, stdin) != NULL) {
        const char *bracket = strchr(line, '[');
        const char *slash = bracket != NULL ? strchr(bracket, '/') : NULL;
        if (strncmp(line, "Trace", 5) != 0 || slash == NULL)
            continue;
        const uint32_t pc = (uint32_t)strtoul(slash + 1, NULL, 16);
        int s = 0;
        while (s < n && !(pc >= stage[s].start && pc < stage[s].end))
            s++;
        if (s < n)
            stage[s].count++;
        else
            other++;
    }
    for (int s = 0; s < n; s++)
        printf("%-12s %12" PRIu64 "\n", stage[s].name, stage[s].count);
    printf("%-12s %12" PRIu64 "\n", "other", other);
    return 0;
}
