#define _GNU_SOURCE
#include "backing_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

void sim_set_error(char *err, size_t err_len, const char *fmt, ...)
{
    if (err == NULL || err_len == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, err_len, fmt, ap);
    va_end(ap);
}

static int open_heap(struct backing_file *bf, size_t size, uint8_t fill, bool *created, char *err, size_t err_len)
{
    bf->data = malloc(size);
    if (bf->data == NULL) {
        sim_set_error(err, err_len, "out of memory for %zu bytes of simulated memory", size);
        return -1;
    }
    memset(bf->data, fill, size);
    bf->size = size;
    bf->mapped = false;
    *created = true;
    return 0;
}

int backing_file_open(struct backing_file *bf, const char *path, size_t size, uint8_t fill, bool *created,
                      char *err, size_t err_len)
{
    if (path == NULL)
        return open_heap(bf, size, fill, created, err, err_len);

    *created = false;
    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
        fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        *created = fd >= 0;
    }
    if (fd < 0) {
        sim_set_error(err, err_len, "cannot open backing file %s: %s", path, strerror(errno));
        return -1;
    }

    struct stat st;
    if (fstat(fd, &st) != 0) {
        sim_set_error(err, err_len, "cannot stat backing file %s: %s", path, strerror(errno));
        goto fail;
    }
    if (!S_ISREG(st.st_mode)) {
        sim_set_error(err, err_len, "backing file %s is not a regular file", path);
        goto fail;
    }
    if (*created) {
        if (ftruncate(fd, (off_t)size) != 0) {
            sim_set_error(err, err_len, "cannot size backing file %s: %s", path, strerror(errno));
            goto fail_created;
        }
    } else if ((uint64_t)st.st_size != size) {
        sim_set_error(err, err_len, "backing file %s has %lld bytes, expected %zu", path, (long long)st.st_size, size);
        goto fail;
    }

    void *data = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (data == MAP_FAILED) {
        sim_set_error(err, err_len, "cannot map backing file %s: %s", path, strerror(errno));
        goto fail_created;
    }
    close(fd); /* the mapping keeps the file */
    if (*created)
        memset(data, fill, size);
    bf->data = data;
    bf->size = size;
    bf->mapped = true;
    return 0;

fail_created:
    if (*created)
        unlink(path); /* do not leave a half-made file that a retry would accept */
fail:
    close(fd);
    return -1;
}

void backing_file_close(struct backing_file *bf)
{
    if (bf->data == NULL)
        return;
    if (bf->mapped)
        munmap(bf->data, bf->size);
    else
        free(bf->data);
    bf->data = NULL;
}
