// SPDX-License-Identifier: GPL-2.0
/*
 * dma_bench - the guest half of tools/kcxx-bench: in one boot, the DMA
 * throughput of kcxx-dma-memcpy against its plain C twin
 * (tests/bench/c_dma_memcpy/) and against the CPU's memcpy.
 *
 *   dma_bench [-r ROUNDS] [-t SECONDS] [SIZE...]
 *			(default: 10 rounds, 1 s, 4096 65536 1048576)
 *
 * For each size, each of these runs for at least SECONDS, in ROUNDS rounds that
 * take turns (iteration counts found by growing them until a round lasts long
 * enough), timed here with CLOCK_MONOTONIC:
 *
 *   kcxx self-test  kcxx-dma-memcpy's sysfs self-test with noverify: copies
 *                   of a random 1..SIZE bytes at random offsets between its
 *                   coherent buffers (bytes from its "bytes" counter);
 *   C twin random   the C twin's copies of the same kind ("SIZE N random");
 *   C twin fixed    the C twin copying SIZE bytes each time ("SIZE N fixed");
 *   kcxx ioctl      /dev/kcxx-dma0's copy ioctl, SIZE bytes each time between
 *                   two user buffers (pinned and mapped on every call);
 *   kcxx mapped     the zero-copy path: SIZE bytes each time within the DMA
 *                   buffer mmap() gave (KCXX_DMA_IOC_COPY_MAPPED: no pinning);
 *   CPU memcpy      memcpy() of SIZE bytes between two user buffers.
 *
 * The numbers are those of an emulated board: only the ratios, measured in
 * the same boot, mean something.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "../../drivers/dma/kcxx_dma_memcpy.h"

#define COPY _IOW(KCXX_DMA_IOC_TYPE, KCXX_DMA_IOC_COPY_NR, struct kcxx_dma_copy)
#define COPY_MAPPED _IOW(KCXX_DMA_IOC_TYPE, KCXX_DMA_IOC_COPY_MAPPED_NR, struct kcxx_dma_copy_mapped)
#define KCXX_DEV "/sys/bus/platform/devices/dma-memcpy"
#define TWIN_DEV "/sys/bus/platform/devices/c-dma-memcpy"
#define MAX_SIZES 8

enum method { KCXX_SELFTEST, TWIN_RANDOM, TWIN_FIXED, KCXX_IOCTL, KCXX_MAPPED, CPU_MEMCPY, METHODS };

static const char *const method_name[METHODS] = {
	"kcxx self-test", "C twin random", "C twin fixed", "kcxx ioctl", "kcxx mapped", "CPU memcpy",
};

/* The names tools/kcxx-bench reads in "@@BENCH dma-SIZE METHOD ROUND MB/s". */
static const char *const method_key[METHODS] = {
	"kcxx-selftest", "c-random", "c-fixed", "kcxx-ioctl", "kcxx-mapped", "cpu-memcpy",
};

static int rounds = 10;

struct sample {
	unsigned long long bytes;
	unsigned long long ns;
	unsigned long iterations;
};

static unsigned char *user_src, *user_dst, *mapped;
static unsigned long long mapped_half;
static int copy_fd = -1;

static void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "dma_bench: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	exit(1);
}

static unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static void put(const char *dir, const char *file, const char *fmt, ...)
{
	char path[256], text[128];
	va_list ap;
	int fd, len;

	va_start(ap, fmt);
	len = vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	fd = open(path, O_WRONLY);
	if (fd < 0)
		die("open %s: %s", path, strerror(errno));
	if (write(fd, text, len) != len)
		die("write '%s' to %s: %s", text, path, strerror(errno));
	close(fd);
}

static void get(const char *dir, const char *file, char *buf, size_t size)
{
	char path[256];
	ssize_t len;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		die("open %s: %s", path, strerror(errno));
	len = read(fd, buf, size - 1);
	if (len < 0)
		die("read %s: %s", path, strerror(errno));
	buf[len] = 0;
	buf[strcspn(buf, "\n")] = 0;
	close(fd);
}

static unsigned long long get_u64(const char *dir, const char *file)
{
	char buf[64];

	get(dir, file, buf, sizeof(buf));
	return strtoull(buf, NULL, 10);
}

static void kcxx_selftest(unsigned long size, unsigned long n, struct sample *s)
{
	unsigned long long before, start;
	char results[4096], want[64];

	put(KCXX_DEV, "test_buf_size", "%lu", size);
	put(KCXX_DEV, "iterations", "%lu", n);
	before = get_u64(KCXX_DEV, "bytes");
	start = now_ns();
	put(KCXX_DEV, "run", "1");
	s->ns = now_ns() - start;
	s->bytes = get_u64(KCXX_DEV, "bytes") - before;
	get(KCXX_DEV, "results", results, sizeof(results));
	snprintf(want, sizeof(want), "summary %lu tests, 0 failures", n);
	if (!strstr(results, want))
		die("kcxx self-test failed: %s", results);
}

static void twin_run(unsigned long size, unsigned long n, const char *mode, struct sample *s)
{
	unsigned long long start, bytes, ns;
	char results[256], *p;

	start = now_ns();
	put(TWIN_DEV, "run", "%lu %lu %s", size, n, mode);
	s->ns = now_ns() - start;
	get(TWIN_DEV, "results", results, sizeof(results));
	p = strstr(results, "bytes=");
	if (!p || sscanf(p, "bytes=%llu ns=%llu", &bytes, &ns) != 2 ||
	    !strstr(results, "error=0"))
		die("C twin: unexpected results: %s", results);
	s->bytes = bytes;
}

static void kcxx_ioctl(unsigned long size, unsigned long n, struct sample *s)
{
	struct kcxx_dma_copy req = {
		.src = (unsigned long)user_src,
		.dst = (unsigned long)user_dst,
		.len = size,
	};
	unsigned long long start;
	unsigned long i;

	memset(user_dst, 0xa5, size);
	start = now_ns();
	for (i = 0; i < n; i++)
		if (ioctl(copy_fd, COPY, &req) != (long)size)
			die("/dev/kcxx-dma0: copy of %lu bytes: %s", size, strerror(errno));
	s->ns = now_ns() - start;
	s->bytes = (unsigned long long)size * n;
	if (memcmp(user_dst, user_src, size))
		die("/dev/kcxx-dma0: %lu bytes not copied", size);
}

static void kcxx_mapped(unsigned long size, unsigned long n, struct sample *s)
{
	struct kcxx_dma_copy_mapped req = { .src_off = 0, .dst_off = mapped_half, .len = size };
	unsigned long long start;
	unsigned long i;

	memset(mapped + mapped_half, 0xa5, size);
	start = now_ns();
	for (i = 0; i < n; i++)
		if (ioctl(copy_fd, COPY_MAPPED, &req) != (long)size)
			die("/dev/kcxx-dma0: mapped copy of %lu bytes: %s", size, strerror(errno));
	s->ns = now_ns() - start;
	s->bytes = (unsigned long long)size * n;
	if (memcmp(mapped + mapped_half, mapped, size))
		die("/dev/kcxx-dma0: %lu mapped bytes not copied", size);
}

static void cpu_memcpy(unsigned long size, unsigned long n, struct sample *s)
{
	unsigned long long start;
	unsigned long i;

	start = now_ns();
	for (i = 0; i < n; i++) {
		memcpy(user_dst, user_src, size);
		/* The copy is used: the compiler may not drop or merge it. */
		__asm__ volatile("" : : "r"(user_dst) : "memory");
	}
	s->ns = now_ns() - start;
	s->bytes = (unsigned long long)size * n;
}

static void run_once(enum method m, unsigned long size, unsigned long n, struct sample *s)
{
	s->iterations = n;
	switch (m) {
	case KCXX_SELFTEST:
		kcxx_selftest(size, n, s);
		break;
	case TWIN_RANDOM:
		twin_run(size, n, "random", s);
		break;
	case TWIN_FIXED:
		twin_run(size, n, "fixed", s);
		break;
	case KCXX_IOCTL:
		kcxx_ioctl(size, n, s);
		break;
	case KCXX_MAPPED:
		kcxx_mapped(size, n, s);
		break;
	default:
		cpu_memcpy(size, n, s);
		break;
	}
}

/* The iteration count for which one run of m lasts at least min_ns. */
static unsigned long calibrate(enum method m, unsigned long size, unsigned long long min_ns)
{
	struct sample s;
	unsigned long n = 1;

	for (;;) {
		double grow;

		run_once(m, size, n, &s);
		if (s.ns >= min_ns)
			return n;
		grow = s.ns ? 1.2 * min_ns / s.ns : 100;
		grow = grow < 2 ? 2 : grow > 100 ? 100 : grow;
		n = (unsigned long)(n * grow);
	}
}

/*
 * Every method for at least min_ns on one size, in ROUNDS interleaved rounds:
 * a host whose load drifts during the benchmark slows them all alike.
 */
static void measure(unsigned long size, unsigned long long min_ns, struct sample *res)
{
	unsigned long n[METHODS];
	int m, round;

	for (m = 0; m < METHODS; m++) {
		n[m] = calibrate(m, size, min_ns / rounds);
		res[m].bytes = 0;
		res[m].ns = 0;
		res[m].iterations = 0;
	}
	for (round = 0; round < rounds; round++)
		for (m = 0; m < METHODS; m++) {
			struct sample s;

			run_once(m, size, n[m], &s);
			printf("@@BENCH dma-%lu %s %d %.1f\n", size, method_key[m], round,
			       s.ns ? s.bytes * 1000.0 / s.ns : 0);
			res[m].bytes += s.bytes;
			res[m].ns += s.ns;
			res[m].iterations += n[m];
		}
	for (m = 0; m < METHODS; m++)
		printf("# %-14s %8lu B: %8lu copies, %12llu bytes in %11llu ns\n",
		       method_name[m], size, res[m].iterations, res[m].bytes, res[m].ns);
	fflush(stdout);
}

static double mbps(const struct sample *s)
{
	return s->ns ? s->bytes * 1000.0 / s->ns : 0;
}

static double ratio(const struct sample *a, const struct sample *b)
{
	return mbps(b) > 0 ? mbps(a) / mbps(b) : 0;
}

int main(int argc, char **argv)
{
	static struct sample result[MAX_SIZES][METHODS];
	unsigned long sizes[MAX_SIZES] = { 4096, 65536, 1048576 };
	unsigned long long max_size, min_ns = 1000000000ULL;
	char engine[64], channel[64];
	int nsizes = 3, opt, i;

	while ((opt = getopt(argc, argv, "r:t:")) != -1) {
		if (opt == 'r' && atoi(optarg) > 0)
			rounds = atoi(optarg);
		else if (opt == 't')
			min_ns = (unsigned long long)(atof(optarg) * 1e9);
		else
			die("usage: dma_bench [-r ROUNDS] [-t SECONDS] [SIZE...]");
	}
	if (optind < argc) {
		nsizes = 0;
		for (i = optind; i < argc && nsizes < MAX_SIZES; i++)
			sizes[nsizes++] = strtoul(argv[i], NULL, 0);
	}

	get(KCXX_DEV, "engine", engine, sizeof(engine));
	get(TWIN_DEV, "channel", channel, sizeof(channel));
	if (strncmp(engine, "dma ", 4))
		die("kcxx-dma-memcpy has no DMA channel (engine: %s)", engine);
	max_size = get_u64(KCXX_DEV, "test_buf_size");
	for (i = 0; i < nsizes; i++)
		if (!sizes[i] || sizes[i] > max_size || sizes[i] % 4)
			die("size %lu: must be a multiple of 4 up to %llu", sizes[i], max_size);
	copy_fd = open("/dev/kcxx-dma0", O_RDWR);
	if (copy_fd < 0)
		die("open /dev/kcxx-dma0: %s", strerror(errno));
	if (posix_memalign((void **)&user_src, 4096, max_size) ||
	    posix_memalign((void **)&user_dst, 4096, max_size))
		die("out of memory");
	memset(user_src, 0x5a, max_size);
	memset(user_dst, 0xa5, max_size);
	mapped_half = (max_size + 4095) & ~4095ULL;
	if (2 * mapped_half > KCXX_DMA_MAP_MAX)
		die("test_buf_size %llu: the mapped buffer would pass %llu", max_size,
		    (unsigned long long)KCXX_DMA_MAP_MAX);
	mapped = mmap(NULL, 2 * mapped_half, PROT_READ | PROT_WRITE, MAP_SHARED, copy_fd, 0);
	if (mapped == MAP_FAILED)
		die("mmap /dev/kcxx-dma0: %s", strerror(errno));
	memset(mapped, 0x5a, mapped_half);
	put(KCXX_DEV, "noverify", "Y");

	printf("# kcxx-dma-memcpy: %s; C twin: channel %s; >= %.1f s per measurement\n",
	       engine, channel, min_ns / 1e9);
	for (i = 0; i < nsizes; i++)
		measure(sizes[i], min_ns, result[i]);
	put(KCXX_DEV, "noverify", "N");

	printf("\nA. DMA between coherent buffers, dmatest-style copies (random length 1..size, random offsets)\n");
	printf("%9s %15s %15s %12s\n", "size", "kcxx self-test", "C twin", "kcxx/C twin");
	for (i = 0; i < nsizes; i++)
		printf("%9lu %10.1f MB/s %10.1f MB/s %12.3f\n", sizes[i],
		       mbps(&result[i][KCXX_SELFTEST]), mbps(&result[i][TWIN_RANDOM]),
		       ratio(&result[i][KCXX_SELFTEST], &result[i][TWIN_RANDOM]));
	printf("\nB. copies of exactly size bytes\n");
	printf("%9s %15s %15s %15s %12s %12s %12s\n", "size", "C twin DMA", "kcxx ioctl",
	       "CPU memcpy", "ioctl/C twin", "ioctl/CPU", "C twin/CPU");
	for (i = 0; i < nsizes; i++)
		printf("%9lu %10.1f MB/s %10.1f MB/s %10.1f MB/s %12.3f %12.3f %12.3f\n", sizes[i],
		       mbps(&result[i][TWIN_FIXED]), mbps(&result[i][KCXX_IOCTL]),
		       mbps(&result[i][CPU_MEMCPY]),
		       ratio(&result[i][KCXX_IOCTL], &result[i][TWIN_FIXED]),
		       ratio(&result[i][KCXX_IOCTL], &result[i][CPU_MEMCPY]),
		       ratio(&result[i][TWIN_FIXED], &result[i][CPU_MEMCPY]));
	printf("\nC. zero-copy: copies within the mmap()ed DMA buffer against the pinning ioctl\n");
	printf("%9s %15s %15s %14s %12s\n", "size", "kcxx mapped", "kcxx ioctl", "mapped/ioctl",
	       "mapped/C twin");
	for (i = 0; i < nsizes; i++)
		printf("%9lu %10.1f MB/s %10.1f MB/s %14.3f %12.3f\n", sizes[i],
		       mbps(&result[i][KCXX_MAPPED]), mbps(&result[i][KCXX_IOCTL]),
		       ratio(&result[i][KCXX_MAPPED], &result[i][KCXX_IOCTL]),
		       ratio(&result[i][KCXX_MAPPED], &result[i][TWIN_FIXED]));
	printf("\nkcxx-bench: done\n");
	return 0;
}
