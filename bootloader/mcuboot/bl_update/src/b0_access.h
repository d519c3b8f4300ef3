/*
 * b0's own readers and checks, run from the second stage: a b0_config from the board and a b0_port
 * whose log keeps b0's last line (it carries values such as key hashes) instead of printing it.
 */
#ifndef B0_ACCESS_H
#define B0_ACCESS_H

#include <stddef.h>
#include <stdint.h>

#include "b0.h"
#include "b0_provision.h"
#include "mb_bl_update.h"

struct b0_access {
    struct b0_config cfg;
    struct b0_port port; /* the real flash and OTP */
    char *last_line;     /* b0's last log line lands here */
    size_t last_line_size;
};

/* last_line may be NULL: b0's lines are then dropped. */
void b0_access_init(struct b0_access *b0, const struct mb_bl_env *env, char *last_line, size_t last_line_size);

/* The same port reading through another flash device (a slot_view). */
struct b0_port b0_access_port_on(const struct b0_access *b0, const struct flash_dev *flash);

/* Provisioning and the counter: B0_OK, or b0's status (its line in last_line). */
enum b0_status b0_access_read(struct b0_access *b0, struct b0_provision *prov, uint16_t *counter_value,
                              uint16_t *counter_used);

#endif /* B0_ACCESS_H */
