// SPDX-License-Identifier: GPL-2.0
/*
 * pages_client - maps /dev/kcxx-test-pages (tests/kernel/memory_test.cpp's
 * UserPages buffer) as a client would and reports KTAP (suite
 * kcxx_user_pages): the kernel's pattern through the mapping, a write through
 * the mapping read back with read(), the mapping rules, and a buffer the
 * driver replaces while it is mapped (the mapping keeps the old memory).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ktap.h"

#define REPLACE _IO('k', 1)

/* tests/kernel/memory_test.cpp's pattern() */
static unsigned char pattern(size_t i, unsigned int gen)
{
	return (unsigned char)(i * 7 + gen * 101);
}

static int shows(const unsigned char *p, size_t len, unsigned int gen)
{
	for (size_t i = 0; i < len; i++)
		if (p[i] != pattern(i, gen)) {
			printf("# byte %zu: %#x, expected %#x (generation %u)\n", i, p[i],
			       pattern(i, gen), gen);
			return 0;
		}
	return 1;
}

int main(void)
{
	long page = sysconf(_SC_PAGESIZE);
	size_t size = 4 * page; /* three pages asked for: a block of four */
	int fd = open("/dev/kcxx-test-pages", O_RDWR), ok = 1;
	unsigned char *a, *b, back[16];

	ktap_header("kcxx_user_pages", 3);
	if (fd < 0) {
		printf("# cannot open /dev/kcxx-test-pages (errno %d)\n", errno);
		return 1;
	}
	a = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(a != MAP_FAILED && shows(a, size, 0));
	if (a != MAP_FAILED) {
		memcpy(a + page + 5, "through the map", 16);
		CHECK(pread(fd, back, 16, page + 5) == 16 && !memcmp(back, "through the map", 16));
	}
	result(ok, "the_mapping_is_the_kernels_memory");

	ok = 1;
	errno = 0;
	CHECK(mmap(NULL, size + page, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED && errno == EINVAL);
	CHECK(mmap(NULL, page, PROT_READ, MAP_PRIVATE, fd, 0) == MAP_FAILED && errno == EINVAL);
	CHECK(mmap(NULL, page, PROT_READ, MAP_SHARED, fd, page) == MAP_FAILED && errno == EINVAL);
	result(ok, "larger_private_or_offset_mappings_are_einval");

	ok = 1;
	/* The driver drops the block while it is mapped: the mapping keeps it. */
	CHECK(ioctl(fd, REPLACE) == 0);
	CHECK(a != MAP_FAILED && !memcmp(a + page + 5, "through the map", 16) && shows(a, page, 0));
	b = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(b != MAP_FAILED && shows(b, size, 1));
	if (a != MAP_FAILED) {
		memset(a, 0xee, size); /* the old block, still ours to write */
		munmap(a, size);       /* its last reference: now it goes */
	}
	CHECK(b != MAP_FAILED && shows(b, size, 1));
	CHECK(pread(fd, back, 16, 0) == 16 && shows(back, 16, 1));
	if (b != MAP_FAILED)
		munmap(b, size);
	result(ok, "a_replaced_block_lives_on_in_its_mapping");
	close(fd);
	printf("# kcxx_user_pages: pass:%d fail:%d\n", number - failures, failures);
	return failures != 0;
}
