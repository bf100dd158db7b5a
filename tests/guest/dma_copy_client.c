// SPDX-License-Identifier: GPL-2.0
/*
 * dma_copy_client - drives /dev/kcxx-dma0 (drivers/dma/kcxx_dma_memcpy.cpp)
 * as a real client would and reports KTAP (suite kcxx_dma_copy): 1 MiB of
 * random data copied byte-exact (compared with memcpy), unaligned copies,
 * four processes copying at once, and the bad inputs (len 0 and overlapping
 * ranges: EINVAL; unmapped or read-only ranges: EFAULT); then the zero-copy
 * buffer (mmap + KCXX_DMA_IOC_COPY_MAPPED): exact copies, the mapping rules,
 * a mapping that outlives its file and is shared with a child.
 *
 *   dma_copy_client [DEV]                     the KTAP suite
 *   dma_copy_client DEV hold-mapping          map, fill, say "mapped", wait for
 *                                             SIGUSR1, then touch the mapping:
 *                                             exit 0 only on SIGBUS (revoked)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
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
#define COPY_MAPPED _IOW(KCXX_DMA_IOC_TYPE, KCXX_DMA_IOC_COPY_MAPPED_NR, struct kcxx_dma_copy_mapped)
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

static long copy_mapped(int fd, unsigned long long src_off, unsigned long long dst_off,
			unsigned long long len)
{
	struct kcxx_dma_copy_mapped req = { .src_off = src_off, .dst_off = dst_off, .len = len };

	return ioctl(fd, COPY_MAPPED, &req);
}

static unsigned char *map(int fd, size_t len, int flags, off_t off)
{
	return mmap(NULL, len, PROT_READ | PROT_WRITE, flags, fd, off);
}

/* Copies within the mapped buffer match memmove's result on a copy of it. */
static void mapped_copies_are_byte_exact(void)
{
	size_t size = MIB;
	int fd = open(dev, O_RDWR);
	unsigned char *buf = fd >= 0 ? map(fd, size, MAP_SHARED, 0) : MAP_FAILED;
	unsigned char *want = malloc(size);
	static const size_t cases[][3] = {	/* src, dst, len */
		{ 0, MIB / 2, MIB / 2 }, { 3, 600001, 70001 }, { 4096, 8192, 4096 }, { 5, 1, 4 },
		{ MIB - 1, 0, 1 },
	};
	int ok = buf != MAP_FAILED && want;

	if (ok) {
		int zero = 1;

		for (size_t i = 0; i < size; i++)
			zero &= buf[i] == 0;
		CHECK(zero);	/* a new buffer shows no one's old data */
		random_fill(buf, size, 77);
		memcpy(want, buf, size);
		for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
			const size_t *k = cases[c];

			CHECK(copy_mapped(fd, k[0], k[1], k[2]) == (long)k[2]);
			memmove(want + k[1], want + k[0], k[2]);
			if (memcmp(buf, want, size)) {
				printf("# mapped copy %zu -> %zu, %zu bytes: wrong result\n", k[0], k[1],
				       k[2]);
				ok = 0;
			}
		}
		munmap(buf, size);
	}
	free(want);
	if (fd >= 0)
		close(fd);
	result(ok, "mapped_copies_are_byte_exact");
}

static void mapping_rules_and_lifetime(void)
{
	long page = sysconf(_SC_PAGESIZE);
	int fd = open(dev, O_RDWR), fresh = open(dev, O_RDWR);
	int ok = fd >= 0 && fresh >= 0;
	unsigned char *a, *b;

	if (!ok) {
		result(0, "mapping_rules_and_lifetime");
		return;
	}
	errno = 0;
	CHECK(copy_mapped(fd, 0, page, 16) == -1 && errno == ENXIO);	/* nothing mapped */
	CHECK(map(fresh, page, MAP_PRIVATE, 0) == MAP_FAILED && errno == EINVAL);
	CHECK(map(fresh, page, MAP_SHARED, page) == MAP_FAILED && errno == EINVAL);
	CHECK(map(fresh, (KCXX_DMA_MAP_MAX) + page, MAP_SHARED, 0) == MAP_FAILED && errno == EINVAL);
	a = map(fd, 4 * page, MAP_SHARED, 0);
	CHECK(a != MAP_FAILED);
	if (a == MAP_FAILED) {
		result(0, "mapping_rules_and_lifetime");
		return;
	}
	CHECK(map(fd, 8 * page, MAP_SHARED, 0) == MAP_FAILED && errno == EINVAL); /* past it */
	b = map(fd, 2 * page, MAP_SHARED, 0);	/* the same buffer again */
	CHECK(b != MAP_FAILED);
	memset(a, 0x42, 4 * page);
	CHECK(b != MAP_FAILED && b[page + 7] == 0x42);
	CHECK(copy_mapped(fd, 0, 4 * page - 16, 32) == -1 && errno == EINVAL);	/* past the end */
	CHECK(copy_mapped(fd, 0, 8, 16) == -1 && errno == EINVAL);		/* overlapping */
	CHECK(copy_mapped(fd, 0, page, 0) == -1 && errno == EINVAL);
	CHECK(copy_mapped(fd, ~0ULL, 0, 2) == -1 && errno == EINVAL);		/* wraps */
	/* Unmapped, the buffer stays with the file. */
	munmap(a, 4 * page);
	if (b != MAP_FAILED)
		munmap(b, 2 * page);
	CHECK(copy_mapped(fd, 0, 2 * page, 100) == 100);
	a = map(fd, 4 * page, MAP_SHARED, 0);
	CHECK(a != MAP_FAILED && a[2 * page + 99] == 0x42 && a[3 * page] == 0x42);
	if (a != MAP_FAILED) {
		pid_t child;
		int status = -1;

		/* Closed, the buffer stays with the mapping; a child shares it. */
		close(fd);
		fd = -1;
		a[5] = 0x17;
		child = fork();
		if (child == 0)
			_exit(a[5] == 0x17 && a[3 * page] == 0x42 ? (a[6] = 0x99, 0) : 1);
		waitpid(child, &status, 0);
		CHECK(status == 0 && a[6] == 0x99);
		munmap(a, 4 * page);	/* the last reference: the buffer goes */
	}
	if (fd >= 0)
		close(fd);
	close(fresh);
	result(ok, "mapping_rules_and_lifetime");
}

static sigjmp_buf touched;
static void on_sigbus(int sig) { siglongjmp(touched, sig); }
static void on_usr1(int sig) { (void)sig; }

/* The unbind test's half: returns 0 only if the mapping faults after the
 * device went (the script unbinds it, then sends SIGUSR1). */
static int hold_mapping(int fd)
{
	long page = sysconf(_SC_PAGESIZE);
	volatile unsigned char *a = map(fd, 2 * page, MAP_SHARED, 0);
	sigset_t usr1, old;

	if (a == MAP_FAILED)
		return 1;
	memset((void *)a, 0x3c, 2 * page);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, &old);
	signal(SIGUSR1, on_usr1);
	signal(SIGBUS, on_sigbus);
	printf("mapped\n");
	fflush(stdout);
	sigsuspend(&old);
	if (sigsetjmp(touched, 1)) {
		printf("hold-mapping: SIGBUS on the revoked mapping\n");
		return 0;
	}
	printf("hold-mapping: read %#x after the device went\n", a[page]);
	return 1;
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
	if (argc > 2 && !strcmp(argv[2], "hold-mapping"))
		return fd < 0 || hold_mapping(fd);
	if (argc > 2 && !strcmp(argv[2], "copy-loop")) {
		/* Sixteen exact copies, as background load or a last check. */
		int good = fd >= 0;

		for (unsigned int i = 0; i < 16 && good; i++)
			good = copy_matches_memcpy(fd, 65536 + 64, i, 2 * i, 65536, i);
		return !good;
	}
	ktap_header("kcxx_dma_copy", 6);
	if (fd < 0) {
		printf("# cannot open %s (errno %d)\n", dev, errno);
		return 1;
	}
	one_mib_is_byte_exact(fd);
	unaligned_copies_are_byte_exact(fd);
	four_processes_at_once();
	bad_inputs_give_clear_errors(fd);
	close(fd);
	mapped_copies_are_byte_exact();
	mapping_rules_and_lifetime();
	printf("# kcxx_dma_copy: pass:%d fail:%d\n", number - failures, failures);
	return failures != 0;
}
