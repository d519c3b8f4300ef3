/*
 * The memory behind a simulated device: a file mapped shared (so every change is persisted at once
 * and seen by other processes using the same file) or, without a path, plain heap memory.
 */
#ifndef BACKING_FILE_H
#define BACKING_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct backing_file {
    uint8_t *data;
    size_t size;
    bool mapped; /* true: data is an mmap of a file */
};

/*
 * Opens `path` (NULL = heap memory) holding exactly `size` bytes; a missing file is created and
 * filled with `fill`. *created tells whether the contents were just initialised.
 * Returns 0, or -1 with a message in err (err may be NULL).
 */
int backing_file_open(struct backing_file *bf, const char *path, size_t size, uint8_t fill, bool *created,
                      char *err, size_t err_len);

void backing_file_close(struct backing_file *bf);

/* snprintf into an optional error buffer. */
void sim_set_error(char *err, size_t err_len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif /* BACKING_FILE_H */
