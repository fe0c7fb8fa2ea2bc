#ifndef EDUWH_CSHA256_H
#define EDUWH_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256's compression function (FIPS 180-4, 6.2.2) over `blocks` 64-byte blocks at `data`,
/// updating the eight words of `state`. Uses the CPU's SHA extensions (x86-64 SHA-NI) when it
/// has them, else portable C; both give the same result.
void eduwh_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// The portable C version alone, so tests can compare it with the hardware one.
void eduwh_sha256_blocks_portable(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
