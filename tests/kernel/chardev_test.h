/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ABI of /dev/kcxx-test-chardev, shared by the C++ test module and the C
 * guest program (tests/guest/chardev_client.c). Padding-free by design.
 */
#ifndef KCXX_TESTS_CHARDEV_TEST_H
#define KCXX_TESTS_CHARDEV_TEST_H

struct kcxx_test_params {
	unsigned int a;
	unsigned int b;
	unsigned long long c;
};

struct kcxx_test_stats {
	unsigned int opens;
	unsigned int stored;
	unsigned long long bytes_written;
};

#define KCXX_TEST_IOC_TYPE 'k'

#endif
