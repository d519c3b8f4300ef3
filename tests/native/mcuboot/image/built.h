/* Names of the images made at build time (CMakeLists.txt here): one set per signature type. */
#ifndef MB_IMAGE_BUILT_H
#define MB_IMAGE_BUILT_H

#ifdef MB_SIGNATURE_ED25519
#define OURS(name) BUILT("img_ed25519_" name)
#define THEIRS(name) BUILT("img_p256_" name)
#define OTHER_KEY_NAME "other-ed25519" /* generated at build time */
#else
#define OURS(name) BUILT("img_p256_" name)
#define THEIRS(name) BUILT("img_ed25519_" name)
#define OTHER_KEY_NAME "other-p256"
#endif

#endif /* MB_IMAGE_BUILT_H */
