/* Trailer field writes shared by the request functions and the swap engine (not public). */
#ifndef MB_TRAILER_FIELDS_H
#define MB_TRAILER_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mb_trailer.h"

/* The area can hold a trailer: page aligned, large enough, write unit a divisor of 8. */
bool mb_trailer_area_ok(const struct mb_area *area);

/* Bytes from the first trailer page to the end of the area (whole pages). */
uint32_t mb_trailer_pages_size(const struct mb_area *area);

bool mb_bytes_erased(const uint8_t *bytes, size_t len, uint8_t erased_value);

/* Erases every page the trailer touches. */
int mb_trailer_erase(const struct mb_area *area);

int mb_trailer_write_magic(const struct mb_area *area);
/* Writes 0x01 at a flag's address (image_ok or copy_done), padded to the write unit. */
int mb_trailer_write_flag(const struct mb_area *area, uint32_t addr);
int mb_trailer_write_swap_info(const struct mb_area *area, enum mb_swap_type type, uint8_t image_number);
int mb_trailer_write_swap_size(const struct mb_area *area, uint32_t swap_size);

#endif /* MB_TRAILER_FIELDS_H */
