// SPDX-License-Identifier: GPL-2.0
/*
 * dma_copy_client - drives /dev/kcxx-dma0 (drivers/dma/kcxx_dma_memcpy.cpp)
 * as a real client would and reports KTAP (suite kcxx_dma_copy): 1 MiB of
 * random data copied byte-exact (compared with memcpy), unaligned copies,
 * four processes copying at once, and the bad inputs (len 0 and overlapping
 * ranges: EINVAL; unmapped or read-only ranges: EFAULT).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktap.h"

#include "../../drivers/dma/kcxx_dma_memcpy.h"

#define COPY _IOW(KCXX_DMA_IOC_TYPE, KCXX_DMA_IOC_COPY_NR, struct kcxx_dma_copy)
#define MIB (1024 * 1024)

static const char *dev = "/dev/kcxx-dma0";
static long copy(int fd, const void *src, void *dst, unsigned long long len)
{
	struct kcxx_dma_copy req = {
		.src = (unsigned long)src, .dst = (unsigned long)dst, .len = len,
	};

	return ioctl(fd, COPY, &req);
}

static void random_fill(unsigned char *p, size_t len, unsigned int seed)
{
	srandom(seed);
	for (size_t i = 0; i < len; i++)
		p[i] = (unsigned char)random();
}

/* Copy len bytes src+soff -> dst+doff and compare the whole dst with what
 * memcpy makes of the same buffers. */
static int copy_matches_memcpy(int fd, size_t size, size_t soff, size_t doff, size_t len,
			       unsigned int seed)
{
	unsigned char *src = malloc(size), *dst = malloc(size), *want = malloc(size);
	int ok = src && dst && want;

	if (ok) {
		random_fill(src, size, seed);
		random_fill(dst, size, seed + 1);
		memcpy(want, dst, size);
		memcpy(want + doff, src + soff, len);
		long n = copy(fd, src + soff, dst + doff, len);
		if (n != (long)len) {
			printf("# copy of %zu bytes at %zu -> %zu returned %ld (errno %d)\n",
			       len, soff, doff, n, errno);
			ok = 0;
		} else if (memcmp(dst, want, size)) {
			for (size_t i = 0; i < size; i++)
				if (dst[i] != want[i]) {
					printf("# first difference at %zu\n", i);
					break;
				}
			ok = 0;
		}
	}
	free(src);
	free(dst);
	free(want);
	return ok;
}

static void one_mib_is_byte_exact(int fd)
{
	int ok = copy_matches_memcpy(fd, MIB, 0, 0, MIB, 1);

	if (ok)
		printf("# 1048576 bytes of random data copied by %s, byte-exact with memcpy\n", dev);
	result(ok, "one_mib_of_random_data_is_byte_exact");
}

static void unaligned_copies_are_byte_exact(int fd)
{
	static const size_t cases[][3] = {
		/* soff, doff, len */
		{ 0, 0, 1 }, { 1, 2, 3 }, { 3, 0, 4 }, { 5, 9, 4093 }, { 4095, 1, 4099 },
		{ 1, 4094, 65537 }, { 7, 3, 300001 }, { 2, 1, MIB - 8 },
	};
	int ok = 1;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK(copy_matches_memcpy(fd, MIB + 16, cases[i][0], cases[i][1], cases[i][2],
					  (unsigned int)i + 10));
	result(ok, "unaligned_offsets_and_lengths_are_byte_exact");
}

static void four_processes_at_once(void)
{
	pid_t pids[4];
	int ok = 1;

	for (int p = 0; p < 4; p++) {
		pids[p] = fork();
		if (pids[p] == 0) {
			int fd = open(dev, O_RDWR);
			int good = fd >= 0;

			for (int i = 0; i < 8 && good; i++)
				good = copy_matches_memcpy(fd, 256 * 1024 + 64, (size_t)p, (size_t)i,
							   256 * 1024, (unsigned int)(100 * p + i));
			_exit(good ? 0 : 1);
		}
	}
	for (int p = 0; p < 4; p++) {
		int status = 0;

		CHECK(waitpid(pids[p], &status, 0) == pids[p]);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	result(ok, "four_processes_copy_at_once");
}

static void bad_inputs_give_clear_errors(int fd)
{
	unsigned char *buf = malloc(2 * 4096);
	unsigned char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned char *hole = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int ok = buf && ro != MAP_FAILED && hole != MAP_FAILED;

	if (ok) {
		memset(buf, 0x5a, 2 * 4096);
		memset(hole, 0x11, 3 * 4096);
		munmap(hole + 4096, 4096); /* a page missing in the middle */
		errno = 0;
		CHECK(copy(fd, buf, buf + 4096, 0) == -1 && errno == EINVAL);
		CHECK(copy(fd, buf, buf + 100, 200) == -1 && errno == EINVAL);   /* overlap */
		CHECK(copy(fd, buf + 100, buf, 200) == -1 && errno == EINVAL);
		CHECK(copy(fd, buf, buf, 16) == -1 && errno == EINVAL);
		CHECK(copy(fd, (void *)16, buf, 64) == -1 && errno == EFAULT);   /* unmapped */
		CHECK(copy(fd, buf, (void *)16, 64) == -1 && errno == EFAULT);
		CHECK(copy(fd, hole, buf, 3 * 4096) == -1 && errno == EFAULT);  /* hole in src */
		CHECK(copy(fd, buf, ro, 64) == -1 && errno == EFAULT);          /* read-only dst */
		CHECK(copy(fd, buf, buf + 4096, (KCXX_DMA_COPY_MAX) + 1) == -1 && errno == EINVAL);
		CHECK(ioctl(fd, _IO(KCXX_DMA_IOC_TYPE, 99)) == -1 && errno == ENOTTY);
		for (int i = 0; i < 2 * 4096; i++)
			if (buf[i] != 0x5a) {
				printf("# byte %d changed by a refused copy\n", i);
				ok = 0;
				break;
			}
		/* Still works afterwards. */
		CHECK(copy(fd, hole, buf, 64) == 64 && buf[0] == 0x11 && buf[63] == 0x11);
	}
	result(ok, "bad_inputs_give_einval_or_efault_and_change_nothing");
}

int main(int argc, char **argv)
{
	int fd;

	if (argc > 1)
		dev = argv[1];
	fd = open(dev, O_RDWR | (argc > 4 && !strcmp(argv[4], "nonblock") ? O_NONBLOCK : 0));
	if (argc > 3 && !strcmp(argv[2], "expect-errno")) {
		/* One copy that must fail with errno argv[3] (ETIMEDOUT: the
		 * engine stalls; EIO: it fails; ECANCELED: the device unbinds
		 * meanwhile; EAGAIN: O_NONBLOCK and the engine is busy).
		 */
		static const struct { const char *name; int value; } names[] = {
			{ "ETIMEDOUT", ETIMEDOUT }, { "EIO", EIO }, { "ECANCELED", ECANCELED },
			{ "EAGAIN", EAGAIN }, { "ENODEV", ENODEV },
		};
		static unsigned char src[65536], dst[65536];
		int want = -1;
		long n;

		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (!strcmp(argv[3], names[i].name))
				want = names[i].value;
		n = copy(fd, src, dst, sizeof(src));
		printf("copy: %ld, errno %d (%s), expected %s\n", n, errno, strerror(errno), argv[3]);
		return !(n == -1 && errno == want);
	}
	if (argc > 2 && !strcmp(argv[2], "copy-loop")) {
		/* Sixteen exact copies, as background load or a last check. */
		int good = fd >= 0;

		for (unsigned int i = 0; i < 16 && good; i++)
			good = copy_matches_memcpy(fd, 65536 + 64, i, 2 * i, 65536, i);
		return !good;
	}
	ktap_header("kcxx_dma_copy", 4);
	if (fd < 0) {
		printf("# cannot open %s (errno %d)\n", dev, errno);
		return 1;
	}
	one_mib_is_byte_exact(fd);
	unaligned_copies_are_byte_exact(fd);
	four_processes_at_once();
	bad_inputs_give_clear_errors(fd);
	close(fd);
	printf("# kcxx_dma_copy: pass:%d fail:%d\n", number - failures, failures);
	return failures != 0;
}
