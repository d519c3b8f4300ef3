/* The signed image and its public key, as bytes in read-only memory (paths from CMakeLists.txt). */
    .section .rodata.bench_image, "a"
    .balign 8
    .global bench_image, bench_image_end, bench_key_der, bench_key_der_end
bench_image:
    .incbin BENCH_IMAGE_BIN
bench_image_end:
    .balign 4
bench_key_der:
    .incbin BENCH_KEY_DER
bench_key_der_end:
#if defined(__linux__) && defined(__ELF__) && !defined(__arm__)
    .section .note.GNU-stack, "", @progbits
#endif
