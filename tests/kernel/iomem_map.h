/* SPDX-License-Identifier: GPL-2.0 */
/* The C side of the IoMem test: a mapping of QEMU virt's PL061 GPIO block. */
#ifndef KCXX_TESTS_IOMEM_MAP_H
#define KCXX_TESTS_IOMEM_MAP_H

#include <kcxx/bridge/common.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bytes kcxx_iomem_test_map() maps. */
#define KCXX_IOMEM_TEST_SIZE 0x1000

void KCXX_IOMEM *kcxx_iomem_test_map(void);
void kcxx_iomem_test_unmap(void KCXX_IOMEM *base);

#ifdef __cplusplus
}
#endif

#endif
