/* SPDX-License-Identifier: GPL-2.0 */
/* Bridge to <linux/random.h>. */
#ifndef KCXX_BRIDGE_RANDOM_H
#define KCXX_BRIDGE_RANDOM_H

#ifdef __cplusplus
extern "C" {
#endif

unsigned int kcxx_get_random_u32(void);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_RANDOM_H */
