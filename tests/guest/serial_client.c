// SPDX-License-Identifier: GPL-2.0
/*
 * serial_client - drives kcxx-vserial's /dev/ttyVS* (drivers/tty/kcxx_vserial.cpp)
 * with termios, as a real serial program would, and reports KTAP (suite
 * kcxx_serial). Ports, from dts/virt/vserial.dts and tests/serial/vserial-extra.dts:
 * ttyVS0 loopback, ttyVS1/ttyVS2 null-modem pair, ttyVS3 generator at 9600,
 * ttyVS4 unpaced loopback, ttyVS5 exclusive loopback.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <linux/serial.h>

#include "ktap.h"

/* The kernel's struct termios2 and its ioctls (glibc's struct termios differs). */
struct ktermios2 {
	unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
	unsigned char c_line;
	unsigned char c_cc[19];
	unsigned int c_ispeed, c_ospeed;
};
#define K_TCGETS2 _IOR('T', 0x2A, struct ktermios2)
#define K_TCSETS2 _IOW('T', 0x2B, struct ktermios2)
#define K_CBAUD 0010017
#define K_BOTHER 0010000

#define TOLERANCE 0.02	/* paced rates: within 2 % */

/* Never mapped; volatile so the compiler cannot see what it is. */
static void *volatile bad = (void *)16;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char *tty(int n)
{
	static char name[8][32];

	snprintf(name[n], sizeof(name[n]), "/dev/ttyVS%d", n);
	return name[n];
}

/* Opens a port raw (8N1 unless changed), at `baud`, optionally non-blocking. */
static int open_raw(int n, speed_t baud, int flags)
{
	struct termios t;
	int fd = open(tty(n), O_RDWR | O_NOCTTY | flags);

	if (fd < 0)
		return -1;
	tcgetattr(fd, &t);
	cfmakeraw(&t);
	t.c_cflag |= CLOCAL | CREAD;
	t.c_cflag &= ~(CRTSCTS | CSTOPB);	/* cfmakeraw() keeps these */
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	cfsetspeed(&t, baud);
	tcsetattr(fd, TCSANOW, &t);
	tcflush(fd, TCIOFLUSH);
	return fd;
}

static unsigned long long sysfs_counter(int n, const char *name)
{
	char path[64];
	unsigned long long v = ~0ull;
	FILE *f;

	snprintf(path, sizeof(path), "/sys/class/tty/ttyVS%d/%s", n, name);
	f = fopen(path, "r");
	if (!f)
		return v;
	if (fscanf(f, "%llu", &v) != 1)
		v = ~0ull;
	fclose(f);
	return v;
}

/* One direction of a transfer: bytes written to wfd must come back on rfd. */
struct stream {
	int wfd, rfd;
	const unsigned char *out;
	unsigned char *in;
	size_t n, wr, rd;
	double first, last;
	/* When set (n entries): when each read returned, and the total by then. */
	struct arrival {
		double t;
		size_t bytes;
	} *arrivals;
	size_t narrivals;
};

/* Moves every stream at once with poll(); 0 on success, -1 on timeout or error. */
static int transfer(struct stream *s, int count, double timeout)
{
	double end = now() + timeout;

	for (int i = 0; i < count; i++)
		s[i].wr = s[i].rd = s[i].narrivals = 0;
	for (;;) {
		struct pollfd p[8];
		int done = 1;

		for (int i = 0; i < count; i++) {
			p[2 * i] = (struct pollfd){ s[i].wfd, s[i].wr < s[i].n ? POLLOUT : 0, 0 };
			p[2 * i + 1] = (struct pollfd){ s[i].rfd, s[i].rd < s[i].n ? POLLIN : 0, 0 };
			done &= s[i].rd == s[i].n;
		}
		if (done)
			return 0;
		if (now() > end)
			return -1;
		if (poll(p, 2 * count, 500) < 0)
			return -1;
		for (int i = 0; i < count; i++) {
			if (p[2 * i].revents & POLLOUT) {
				/* The clock starts before the first write: the driver's
				 * pacing starts inside it, and a slow (debug) kernel
				 * can spend tens of ms there. */
				double before = now();
				ssize_t w = write(s[i].wfd, s[i].out + s[i].wr, s[i].n - s[i].wr);

				if (w > 0) {
					if (s[i].wr == 0)
						s[i].first = before;
					s[i].wr += w;
				}
			}
			if (p[2 * i + 1].revents & POLLIN) {
				ssize_t r = read(s[i].rfd, s[i].in + s[i].rd, s[i].n - s[i].rd);

				if (r > 0) {
					s[i].rd += r;
					s[i].last = now();
					if (s[i].arrivals)
						s[i].arrivals[s[i].narrivals++] =
							(struct arrival){ s[i].last, s[i].rd };
				}
			}
		}
	}
}

static void fill_random(unsigned char *buf, size_t n, unsigned int seed)
{
	srand(seed);
	for (size_t i = 0; i < n; i++)
		buf[i] = rand();
}

static void loopback_64k(void)
{
	static unsigned char out[65536], in[65536];
	int fd = open_raw(4, B115200, O_NONBLOCK);
	struct stream s = { fd, fd, out, in, sizeof(out), 0, 0, 0, 0, NULL, 0 };
	unsigned long long tx0 = sysfs_counter(4, "tx"), rx0 = sysfs_counter(4, "rx");
	int ok = 1;

	fill_random(out, sizeof(out), 42);
	CHECK(fd >= 0);
	CHECK(transfer(&s, 1, 30) == 0);
	CHECK(memcmp(in, out, sizeof(in)) == 0);
	printf("# 64 KiB echoed byte-exact: %s, %zu bytes\n", memcmp(in, out, sizeof(in)) ? "no" : "yes", s.rd);
	printf("# unpaced loopback throughput: %.0f bytes/s\n", s.rd / (s.last - s.first));
	CHECK(sysfs_counter(4, "tx") - tx0 == sizeof(out));
	CHECK(sysfs_counter(4, "rx") - rx0 == sizeof(out));
	CHECK(sysfs_counter(4, "dropped") == 0 && sysfs_counter(4, "overruns") == 0);
	close(fd);
	result(ok, "loopback_echoes_64k_random_bytes_exactly_and_counts_them");
}

static void termios_readback(void)
{
	int fd = open_raw(0, B115200, 0);
	struct termios t, back;
	struct ktermios2 t2, back2;
	int ok = 1;

	CHECK(fd >= 0);
	tcgetattr(fd, &t);
	cfsetspeed(&t, B9600);
	t.c_cflag &= ~CSIZE;
	t.c_cflag |= CS7 | PARENB | PARODD | CSTOPB | CRTSCTS;
	CHECK(tcsetattr(fd, TCSANOW, &t) == 0);
	CHECK(tcgetattr(fd, &back) == 0);
	CHECK(cfgetospeed(&back) == B9600 && cfgetispeed(&back) == B9600);
	CHECK((back.c_cflag & CSIZE) == CS7);
	CHECK((back.c_cflag & (PARENB | PARODD | CSTOPB | CRTSCTS)) == (PARENB | PARODD | CSTOPB | CRTSCTS));
	for (speed_t sp = B50; sp <= B4000000; sp = sp == B38400 ? B57600 : sp + 1) {
		cfsetspeed(&t, sp);
		tcsetattr(fd, TCSANOW, &t);
		tcgetattr(fd, &back);
		if (cfgetospeed(&back) != sp) {
			printf("# speed code %o not kept\n", sp);
			ok = 0;
		}
		if (sp == B4000000)
			break;
	}
	CHECK(ioctl(fd, K_TCGETS2, &t2) == 0);
	t2.c_cflag = (t2.c_cflag & ~K_CBAUD) | K_BOTHER;
	t2.c_ispeed = t2.c_ospeed = 12345;
	CHECK(ioctl(fd, K_TCSETS2, &t2) == 0);
	CHECK(ioctl(fd, K_TCGETS2, &back2) == 0);
	CHECK(back2.c_ospeed == 12345 && (back2.c_cflag & K_CBAUD) == K_BOTHER);
	printf("# arbitrary rate read back: %u baud\n", back2.c_ospeed);
	close(fd);
	result(ok, "termios_speed_format_and_arbitrary_rates_are_read_back");
}

/*
 * The rate bytes arrived at: the least-squares slope of the running total
 * against the time of each read. A reader woken late (a loaded host stalls
 * the guest's vCPUs, not its clock) shifts a few points, not the slope, as
 * it would shift "first write to last read".
 */
static double arrival_rate(const struct arrival *a, size_t n)
{
	double mt = 0, mb = 0, tt = 0, tb = 0;

	for (size_t i = 0; i < n; i++) {
		mt += a[i].t / n;
		mb += (double)a[i].bytes / n;
	}
	for (size_t i = 0; i < n; i++) {
		tt += (a[i].t - mt) * (a[i].t - mt);
		tb += (a[i].t - mt) * ((double)a[i].bytes - mb);
	}
	return tt > 0 ? tb / tt : 0;
}

/* Paced loopback: n bytes at `baud` with the given c_cflag format take n * bits / baud s. */
static void paced(speed_t code, unsigned int baud, tcflag_t format, unsigned int bits, const char *name)
{
	size_t n = (size_t)(baud / bits * 2.5);
	unsigned char *out = malloc(n), *in = malloc(n);
	struct arrival *arrivals = calloc(n, sizeof(*arrivals));
	int fd = open_raw(0, code, O_NONBLOCK);
	struct termios t;
	struct stream s = { fd, fd, out, in, n, 0, 0, 0, 0, arrivals, 0 };
	int ok = 1;

	CHECK(out && in && arrivals);
	fill_random(out, n, baud);
	if (format) {
		tcgetattr(fd, &t);
		t.c_cflag = (t.c_cflag & ~CSIZE) | format;
		tcsetattr(fd, TCSANOW, &t);
		for (size_t i = 0; i < n; i++)
			out[i] &= 0x7f;	/* CS7: the tty does not strip; keep the test honest */
	}
	CHECK(transfer(&s, 1, 10) == 0);
	CHECK(memcmp(in, out, n) == 0);
	{
		double secs = s.last - s.first, expect = (double)baud / bits;
		double rate = arrival_rate(arrivals, s.narrivals);

		printf("# %s: %zu bytes in %.3f s (%zu reads) = %.1f bytes/s, expected %.1f (%+.2f %%); "
		       "first write to last read %.1f bytes/s\n", name, n, secs, s.narrivals, rate, expect,
		       100 * (rate - expect) / expect, n / secs);
		/* n character times from the first write to the last arrival, not less */
		CHECK(secs >= n / expect * (1 - TOLERANCE));
		CHECK(s.narrivals >= 10);
		CHECK(rate > expect * (1 - TOLERANCE) && rate < expect * (1 + TOLERANCE));
	}
	close(fd);
	free(arrivals);
	free(out);
	free(in);
	result(ok, name);
}

static void nonblocking(void)
{
	int fd = open_raw(0, B115200, O_NONBLOCK);
	char c;
	int ok = 1;

	CHECK(fd >= 0);
	errno = 0;
	CHECK(read(fd, &c, 1) == -1 && errno == EAGAIN);
	close(fd);
	result(ok, "nonblocking_read_without_data_gives_eagain");
}

static void poll_wakeup(void)
{
	int fd = open_raw(0, B115200, 0);
	struct pollfd p = { fd, POLLIN, 0 };
	pid_t child;
	char c = 0;
	int ok = 1, status;

	CHECK(poll(&p, 1, 0) == 0);
	child = fork();
	if (child == 0) {
		usleep(200000);
		_exit(write(fd, "p", 1) == 1 ? 0 : 1);
	}
	double t0 = now();
	CHECK(poll(&p, 1, 3000) == 1 && (p.revents & POLLIN));
	CHECK(now() - t0 > 0.15);
	CHECK(read(fd, &c, 1) == 1 && c == 'p');
	waitpid(child, &status, 0);
	close(fd);
	result(ok, "poll_sleeps_until_data_arrives");
}

static volatile sig_atomic_t sigio_seen;

static void on_sigio(int sig)
{
	(void)sig;
	sigio_seen = 1;
}

static void sigio(void)
{
	int fd = open_raw(0, B115200, 0);
	char c;
	int ok = 1;

	signal(SIGIO, on_sigio);
	sigio_seen = 0;
	CHECK(fcntl(fd, F_SETOWN, getpid()) == 0);
	CHECK(fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_ASYNC) == 0);
	CHECK(write(fd, "s", 1) == 1);
	for (int i = 0; i < 100 && !sigio_seen; i++)
		usleep(10000);
	CHECK(sigio_seen);
	CHECK(read(fd, &c, 1) == 1 && c == 's');
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_ASYNC);
	close(fd);
	result(ok, "o_async_delivers_sigio_when_data_arrives");
}

static void canonical(void)
{
	int fd = open_raw(0, B115200, 0);
	struct termios t;
	char buf[64] = { 0 };
	int ok = 1;

	tcgetattr(fd, &t);
	t.c_lflag |= ICANON;
	t.c_lflag &= ~(ECHO | ECHONL);
	tcsetattr(fd, TCSANOW, &t);
	CHECK(write(fd, "first line\nsecond", 17) == 17);
	CHECK(read(fd, buf, sizeof(buf)) == 11 && memcmp(buf, "first line\n", 11) == 0);
	tcflush(fd, TCIOFLUSH);
	close(fd);
	result(ok, "canonical_mode_reads_a_line_at_a_time");
}

static void pair_both_ways(void)
{
	static unsigned char ab[8192], ba[8192], in_b[8192], in_a[8192];
	int a = open_raw(1, B115200, O_NONBLOCK), b = open_raw(2, B115200, O_NONBLOCK);
	struct stream s[2] = {
		{ a, b, ab, in_b, sizeof(ab), 0, 0, 0, 0, NULL, 0 },
		{ b, a, ba, in_a, sizeof(ba), 0, 0, 0, 0, NULL, 0 },
	};
	int ok = 1;

	fill_random(ab, sizeof(ab), 1);
	fill_random(ba, sizeof(ba), 2);
	CHECK(a >= 0 && b >= 0);
	CHECK(transfer(s, 2, 20) == 0);
	CHECK(memcmp(in_b, ab, sizeof(ab)) == 0);
	CHECK(memcmp(in_a, ba, sizeof(ba)) == 0);
	printf("# null-modem: %zu bytes each way, %.3f s and %.3f s, overlapping\n", sizeof(ab),
	       s[0].last - s[0].first, s[1].last - s[1].first);
	CHECK(s[0].first < s[1].last && s[1].first < s[0].last);
	close(a);
	close(b);
	result(ok, "null_modem_pair_transfers_both_ways_at_once");
}

static int mget(int fd)
{
	int m = -1;

	ioctl(fd, TIOCMGET, &m);
	return m;
}

static void modem_wiring(void)
{
	int a = open_raw(1, B115200, 0), b = open_raw(2, B115200, 0), l = open_raw(0, B115200, 0);
	int rts = TIOCM_RTS, dtr = TIOCM_DTR;
	int ok = 1;

	/* Open raises DTR and RTS on both ends. */
	CHECK((mget(a) & (TIOCM_DTR | TIOCM_RTS | TIOCM_CTS | TIOCM_DSR | TIOCM_CD)) ==
	      (TIOCM_DTR | TIOCM_RTS | TIOCM_CTS | TIOCM_DSR | TIOCM_CD));
	CHECK(ioctl(a, TIOCMBIC, &rts) == 0);
	CHECK(!(mget(b) & TIOCM_CTS) && (mget(b) & TIOCM_DSR));
	CHECK(!(mget(a) & TIOCM_RTS));
	CHECK(ioctl(a, TIOCMBIS, &rts) == 0);
	CHECK(mget(b) & TIOCM_CTS);
	CHECK(ioctl(a, TIOCMBIC, &dtr) == 0);
	CHECK(!(mget(b) & (TIOCM_DSR | TIOCM_CD)) && (mget(b) & TIOCM_CTS));
	{
		int set = TIOCM_DTR | TIOCM_RTS;

		CHECK(ioctl(a, TIOCMSET, &set) == 0);
		CHECK((mget(b) & (TIOCM_CTS | TIOCM_DSR | TIOCM_CD)) == (TIOCM_CTS | TIOCM_DSR | TIOCM_CD));
	}
	/* A loopback plug wires a port's RTS to its own CTS. */
	CHECK(ioctl(l, TIOCMBIC, &rts) == 0);
	CHECK(!(mget(l) & TIOCM_CTS));
	CHECK(ioctl(l, TIOCMBIS, &rts) == 0);
	CHECK(mget(l) & TIOCM_CTS);
	close(a);
	close(b);
	close(l);
	result(ok, "modem_lines_follow_the_null_modem_and_loopback_wiring");
}

static void miwait(void)
{
	int a = open_raw(1, B115200, 0), b = open_raw(2, B115200, 0);
	struct serial_icounter_struct before, after;
	int rts = TIOCM_RTS, status = -1, ok = 1;
	pid_t child;

	CHECK(ioctl(b, TIOCGICOUNT, &before) == 0);
	child = fork();
	if (child == 0)
		_exit(ioctl(b, TIOCMIWAIT, TIOCM_CTS) == 0 ? 0 : 1);
	usleep(300000);
	CHECK(waitpid(child, &status, WNOHANG) == 0);	/* still waiting */
	CHECK(ioctl(a, TIOCMBIC, &rts) == 0);
	for (int i = 0; i < 200 && waitpid(child, &status, WNOHANG) == 0; i++)
		usleep(10000);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(ioctl(a, TIOCMBIS, &rts) == 0);
	CHECK(ioctl(b, TIOCGICOUNT, &after) == 0);
	printf("# icount cts %d -> %d, dsr %d -> %d\n", before.cts, after.cts, before.dsr, after.dsr);
	CHECK(after.cts == before.cts + 2 && after.dsr == before.dsr);
	if (waitpid(child, &status, WNOHANG) == 0)
		kill(child, SIGKILL), waitpid(child, &status, 0);
	close(a);
	close(b);
	result(ok, "tiocmiwait_wakes_on_a_change_and_tiocgicount_counts_it");
}

static void peer_closed(void)
{
	int a = open_raw(1, B115200, 0);
	unsigned long long dropped = sysfs_counter(1, "dropped");
	char buf[100];
	int ok = 1;

	memset(buf, 'x', sizeof(buf));
	CHECK(a >= 0);
	CHECK(write(a, buf, sizeof(buf)) == sizeof(buf));
	CHECK(tcdrain(a) == 0);
	printf("# dropped %llu -> %llu\n", dropped, sysfs_counter(1, "dropped"));
	CHECK(sysfs_counter(1, "dropped") == dropped + sizeof(buf));
	close(a);
	result(ok, "writes_to_a_closed_peer_succeed_and_count_as_dropped");
}

static void crtscts_blocks(void)
{
	static char buf[20000];
	int a = open_raw(1, B115200, O_NONBLOCK);
	struct termios t;
	ssize_t first, second;
	int ok = 1;

	tcgetattr(a, &t);
	t.c_cflag |= CRTSCTS;
	tcsetattr(a, TCSANOW, &t);
	CHECK(!(mget(a) & TIOCM_CTS));	/* the peer is closed: its RTS is down */
	first = write(a, buf, sizeof(buf));
	usleep(100000);
	errno = 0;
	second = write(a, buf, sizeof(buf));
	printf("# CRTSCTS, peer closed: first write took %zd, then %zd (errno %d)\n", first, second, errno);
	CHECK(first > 0 && first < (ssize_t)sizeof(buf));
	CHECK(second == -1 && errno == EAGAIN);
	tcflush(a, TCOFLUSH);
	t.c_cflag &= ~CRTSCTS;
	tcsetattr(a, TCSANOW, &t);
	close(a);
	result(ok, "crtscts_with_the_peer_rts_down_blocks_the_writer");
}

static void exclusive(void)
{
	int fd = open(tty(5), O_RDWR | O_NOCTTY), second;
	int ok = 1;

	CHECK(fd >= 0);
	errno = 0;
	second = open(tty(5), O_RDWR | O_NOCTTY);
	CHECK(second == -1 && errno == EBUSY);
	if (second >= 0)
		close(second);
	close(fd);
	fd = open(tty(5), O_RDWR | O_NOCTTY);
	CHECK(fd >= 0);	/* free again after the close */
	close(fd);
	result(ok, "exclusive_port_refuses_a_second_open_with_ebusy");
}

static void tiocexcl(void)
{
	int fd = open(tty(0), O_RDWR | O_NOCTTY), status = -1, ok = 1;
	pid_t child;

	CHECK(ioctl(fd, TIOCEXCL) == 0);
	child = fork();
	if (child == 0) {
		int other;

		if (setgid(65534) || setuid(65534))
			_exit(2);
		other = open(tty(0), O_RDWR | O_NOCTTY);
		_exit(other == -1 && errno == EBUSY ? 0 : 1);
	}
	waitpid(child, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(ioctl(fd, TIOCNXCL) == 0);
	close(fd);
	result(ok, "tiocexcl_is_honoured_for_other_users");
}

static void generator(void)
{
	static unsigned char buf[8192];
	int fd = open_raw(3, B9600, 0), ok = 1;
	size_t got = 0, letters = 0;
	double t0, t1;

	CHECK(fd >= 0);
	/* The clock starts at the first arrival; what follows is measured. */
	CHECK(read(fd, buf, sizeof(buf)) > 0);
	t0 = t1 = now();
	while (got < 2400) {
		ssize_t r = read(fd, buf, sizeof(buf));

		if (r <= 0)
			break;
		t1 = now();
		got += r;
		for (ssize_t i = 0; i < r; i++)
			letters += buf[i] >= 'A' && buf[i] <= 'Z';
	}
	{
		double secs = t1 - t0, rate = got / secs;

		printf("# generator at 9600 8N1: %zu bytes in %.3f s = %.1f bytes/s (%+.2f %%), %zu letters\n",
		       got, secs, rate, 100 * (rate - 960) / 960, letters);
		CHECK(secs >= 2.0);
		CHECK(rate > 960 * (1 - TOLERANCE) && rate < 960 * (1 + TOLERANCE));
		CHECK(letters == got);
	}
	close(fd);
	result(ok, "generator_sends_only_letters_at_the_line_rate");
}

/* Sets the output rate with TCSETS2/BOTHER; returns what TCGETS2 reads back. */
static unsigned int set_rate(int fd, unsigned int rate, unsigned int csize)
{
	struct ktermios2 t2;

	if (ioctl(fd, K_TCGETS2, &t2))
		return ~0u;
	t2.c_cflag = (t2.c_cflag & ~(K_CBAUD | CSIZE)) | K_BOTHER | csize;
	t2.c_ispeed = t2.c_ospeed = rate;
	if (ioctl(fd, K_TCSETS2, &t2) || ioctl(fd, K_TCGETS2, &t2))
		return ~0u;
	return t2.c_ospeed;
}

/* Rates BOTHER allows but no line runs at are clamped to 50..4000000, and
 * the rate in use is what the tty reports.
 */
static void hostile_rates(void)
{
	static const unsigned int rates[][2] = {
		{ 1, 50 }, { 49, 50 }, { 50, 50 }, { 4000000, 4000000 }, { 4000001, 4000000 },
		{ 100000000, 4000000 }, { 0xffffffffu, 4000000 },
	};
	int fd = open_raw(0, B115200, 0), ok = 1;

	CHECK(fd >= 0);
	for (size_t i = 0; i < sizeof(rates) / sizeof(rates[0]); i++) {
		unsigned int got = set_rate(fd, rates[i][0], CS8);

		if (got != rates[i][1]) {
			printf("# BOTHER %u read back as %u, not %u\n", rates[i][0], got, rates[i][1]);
			ok = 0;
		}
	}
	close(fd);
	result(ok, "bother_rates_are_clamped_to_50_4000000_and_read_back");
}

/* The lockup of an unclamped generator: 4294967295 baud, 5-bit characters.
 * Reading it must be bounded by the clamped rate and leave the kernel
 * responsive (the harness fails the run on an RCU stall or soft lockup).
 */
static void generator_at_absurd_rate(void)
{
	static unsigned char buf[65536];
	int fd = open_raw(3, B9600, O_NONBLOCK), ok = 1;
	size_t got = 0;
	double t0, secs;

	CHECK(fd >= 0);
	CHECK(set_rate(fd, 0xffffffffu, CS5) == 4000000);
	tcflush(fd, TCIFLUSH);
	t0 = now();
	while (now() - t0 < 1.0) {
		ssize_t r = read(fd, buf, sizeof(buf));

		if (r > 0)
			got += r;
		else
			usleep(1000);
	}
	secs = now() - t0;
	printf("# generator at BOTHER 4294967295 CS5: %zu bytes in %.2f s (at most %u/s)\n", got, secs,
	       4000000 / 7);
	CHECK(got > 0 && got < (size_t)(4000000 / 7 * secs * 1.1) + 65536);
	set_rate(fd, 9600, CS8);
	close(fd);
	result(ok, "generator_at_an_absurd_rate_stays_bounded");
}

/* Every character size, parity and stop-bit setting is taken and read back;
 * every c_cflag bit on its own is accepted or refused, never harmful.
 */
static void every_format(void)
{
	static const tcflag_t sizes[] = { CS5, CS6, CS7, CS8 };
	static const tcflag_t parities[] = { 0, PARENB, PARENB | PARODD, PARENB | CMSPAR,
					     PARENB | PARODD | CMSPAR };
	int fd = open_raw(0, B115200, 0), ok = 1, refused = 0;
	struct termios t, back;

	CHECK(fd >= 0);
	tcgetattr(fd, &t);
	for (int z = 0; z < 4; z++)
		for (int p = 0; p < 5; p++)
			for (int s = 0; s < 2; s++) {
				tcflag_t want = sizes[z] | parities[p] | (s ? CSTOPB : 0);

				t.c_cflag = (t.c_cflag & ~(CSIZE | PARENB | PARODD | CMSPAR | CSTOPB)) | want;
				CHECK(tcsetattr(fd, TCSANOW, &t) == 0 && tcgetattr(fd, &back) == 0);
				if ((back.c_cflag & (CSIZE | PARENB | PARODD | CMSPAR | CSTOPB)) != want) {
					printf("# format %#o read back as %#o\n", want,
					       back.c_cflag & (CSIZE | PARENB | PARODD | CMSPAR | CSTOPB));
					ok = 0;
				}
			}
	for (int bit = 0; bit < 32; bit++) {
		struct ktermios2 t2, saved;

		CHECK(ioctl(fd, K_TCGETS2, &saved) == 0);
		t2 = saved;
		t2.c_cflag ^= 1u << bit;
		if (ioctl(fd, K_TCSETS2, &t2))
			refused++;
		CHECK(ioctl(fd, K_TCSETS2, &saved) == 0);
	}
	printf("# every c_cflag bit flipped alone: %d refused\n", refused);
	/* still a working line */
	CHECK(write(fd, "ok", 2) == 2);
	close(fd);
	result(ok, "every_csize_parity_stop_and_cflag_bit_is_handled");
}

/* The total of the arch timer's interrupts, over every CPU. */
static unsigned long long timer_interrupts(void)
{
	char line[512];
	unsigned long long total = 0;
	FILE *f = fopen("/proc/interrupts", "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		if (!strstr(line, "arch_timer"))
			continue;
		char *p = strchr(line, ':');
		for (char *tok = strtok(p + 1, " "); tok; tok = strtok(NULL, " ")) {
			char *end;
			unsigned long long v = strtoull(tok, &end, 10);

			if (end == tok)
				break;
			total += v;
		}
	}
	fclose(f);
	return total;
}

/* A writer stalled by CTS, its peer closed: the line stops ticking (it is
 * woken when CTS comes back), and closing it does not wait for the peer.
 */
static void stalled_writer(void)
{
	static char buf[4000];
	int a = open_raw(1, B115200, O_NONBLOCK), ok = 1;
	unsigned long long idle, stalled;
	struct termios t;
	double t0, closing;

	CHECK(a >= 0);
	idle = timer_interrupts();
	usleep(500000);
	idle = timer_interrupts() - idle;
	tcgetattr(a, &t);
	t.c_cflag |= CRTSCTS;
	tcsetattr(a, TCSANOW, &t);
	CHECK(write(a, buf, sizeof(buf)) > 0);
	stalled = timer_interrupts();
	usleep(500000);
	stalled = timer_interrupts() - stalled;
	printf("# arch timer interrupts in 0.5 s: %llu idle, %llu with a stalled writer\n", idle, stalled);
	CHECK(stalled < idle + 100);
	t0 = now();
	close(a);
	closing = now() - t0;
	printf("# closing a stalled writer whose peer is closed took %.3f s\n", closing);
	CHECK(closing < 1.0);
	result(ok, "a_stalled_writer_stops_ticking_and_closes_at_once");
}

static void break_condition(void)
{
	int fd = open_raw(0, B115200, 0), ok = 1;
	struct serial_icounter_struct before, after;
	char c = 1;

	CHECK(ioctl(fd, TIOCGICOUNT, &before) == 0);
	CHECK(tcsendbreak(fd, 0) == 0);
	CHECK(read(fd, &c, 1) == 1 && c == 0);
	CHECK(ioctl(fd, TIOCGICOUNT, &after) == 0);
	CHECK(after.brk == before.brk + 1);
	close(fd);
	result(ok, "break_arrives_as_a_nul_and_is_counted");
}

static void drain(void)
{
	int fd = open_raw(0, B9600, 0), ok = 1;
	char buf[96], back[96];
	double t0, secs;

	memset(buf, 'd', sizeof(buf));
	CHECK(write(fd, buf, sizeof(buf)) == sizeof(buf));
	t0 = now();
	CHECK(tcdrain(fd) == 0);
	secs = now() - t0;
	printf("# tcdrain of 96 bytes at 9600: %.3f s\n", secs);
	CHECK(secs > 0.08 && secs < 0.4);
	CHECK(read(fd, back, sizeof(back)) > 0);
	tcflush(fd, TCIOFLUSH);
	close(fd);
	result(ok, "tcdrain_waits_until_the_line_has_sent_everything");
}

static void bad_ioctls(void)
{
	int fd = open_raw(0, B115200, 0), ok = 1;

	errno = 0;
	CHECK(ioctl(fd, _IO('V', 0x99)) == -1 && errno == ENOTTY);
	errno = 0;
	CHECK(ioctl(fd, _IOR('T', 0xEE, int), bad) == -1 && errno == ENOTTY);
	errno = 0;
	CHECK(ioctl(fd, TIOCMIWAIT, 0) == -1 && errno == EINVAL);
	errno = 0;
	CHECK(ioctl(fd, TIOCMIWAIT, 0x80000000ul) == -1 && errno == EINVAL);
	close(fd);
	result(ok, "unknown_ioctls_give_enotty_and_bad_arguments_einval");
}

static void bad_pointers(void)
{
	int fd = open_raw(0, B115200, 0), ok = 1;
	char back[4] = { 0 };

	errno = 0;
	CHECK(write(fd, bad, 8) == -1 && errno == EFAULT);
	CHECK(write(fd, "abc", 3) == 3);
	usleep(50000);
	CHECK(read(fd, back, 3) == 3 && memcmp(back, "abc", 3) == 0);
	CHECK(write(fd, "abc", 3) == 3);
	usleep(50000);
	errno = 0;
	CHECK(read(fd, bad, 3) == -1 && errno == EFAULT);
	errno = 0;
	CHECK(ioctl(fd, TIOCMGET, bad) == -1 && errno == EFAULT);
	errno = 0;
	CHECK(ioctl(fd, TIOCMSET, bad) == -1 && errno == EFAULT);
	errno = 0;
	CHECK(ioctl(fd, TIOCGICOUNT, bad) == -1 && errno == EFAULT);
	errno = 0;
	CHECK(ioctl(fd, TCGETS, bad) == -1 && errno == EFAULT);
	tcflush(fd, TCIOFLUSH);
	close(fd);
	result(ok, "bad_user_pointers_give_efault");
}

/* A reader blocked on ttyVS0 when its device is unbound sees end of file. */
static void hangup_on_unbind(void)
{
	char link[256], name[128];
	int ok = 1, status = -1, fd;
	ssize_t len = readlink("/sys/class/tty/ttyVS0/device", link, sizeof(link) - 1);
	pid_t child;
	FILE *f;

	CHECK(len > 0);
	link[len > 0 ? len : 0] = 0;
	snprintf(name, sizeof(name), "%s", basename(link));
	child = fork();
	if (child == 0) {
		char c;
		int rfd = open_raw(0, B115200, 0);
		ssize_t r = read(rfd, &c, 1);

		_exit(r == 0 || (r == -1 && errno == EIO) ? 0 : 1);
	}
	usleep(300000);
	CHECK(waitpid(child, &status, WNOHANG) == 0);	/* blocked */
	f = fopen("/sys/bus/platform/drivers/kcxx-vserial/unbind", "w");
	CHECK(f && fputs(name, f) >= 0 && fclose(f) == 0);
	for (int i = 0; i < 200 && waitpid(child, &status, WNOHANG) == 0; i++)
		usleep(10000);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(access(tty(0), F_OK) == -1);
	/* Rebinding gets the line back once the hung-up tty is released. */
	for (int i = 0; i < 100; i++) {
		f = fopen("/sys/bus/platform/drivers/kcxx-vserial/bind", "w");
		if (f && fputs(name, f) >= 0 && fclose(f) == 0)
			break;
		usleep(20000);
	}
	usleep(100000);
	fd = open_raw(0, B115200, 0);
	CHECK(fd >= 0);
	CHECK(write(fd, "!", 1) == 1);
	{
		char c = 0;

		CHECK(read(fd, &c, 1) == 1 && c == '!');
	}
	close(fd);
	result(ok, "unbind_hangs_up_a_blocked_reader_and_rebind_works");
}

/* `serial_client echo N`: a short loopback check of /dev/ttyVSN. */
static int echo_check(int n)
{
	static const char msg[] = "kcxx-vserial echo";
	char back[sizeof(msg)] = { 0 };
	int fd = open_raw(n, B115200, 0);

	size_t got = 0;
	ssize_t r = 1;

	if (fd >= 0 && write(fd, msg, sizeof(msg)) == sizeof(msg))
		while (got < sizeof(back) && (r = read(fd, back + got, sizeof(back) - got)) > 0)
			got += r;
	if (fd < 0 || got != sizeof(back) || memcmp(back, msg, sizeof(msg))) {
		printf("kcxx-vserial: ttyVS%d does not echo\n", n);
		return 1;
	}
	close(fd);
	printf("kcxx-vserial: ttyVS%d echoes\n", n);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "echo"))
		return echo_check(atoi(argv[2]));
	ktap_header("kcxx_serial", 27);
	fflush(stdout);
	loopback_64k();
	termios_readback();
	paced(B9600, 9600, 0, 10, "paced_9600_8n1_delivers_960_bytes_per_second");
	paced(B115200, 115200, 0, 10, "paced_115200_8n1_delivers_11520_bytes_per_second");
	paced(B9600, 9600, CS7 | PARENB | CSTOPB, 11, "paced_9600_7e2_counts_parity_and_stop_bits");
	nonblocking();
	poll_wakeup();
	sigio();
	canonical();
	pair_both_ways();
	modem_wiring();
	miwait();
	peer_closed();
	crtscts_blocks();
	exclusive();
	tiocexcl();
	generator();
	break_condition();
	drain();
	bad_ioctls();
	bad_pointers();
	hostile_rates();
	generator_at_absurd_rate();
	every_format();
	stalled_writer();
	{
		/* statistics from sysfs, after all of the above */
		int ok = 1;

		CHECK(sysfs_counter(4, "tx") >= 65536 && sysfs_counter(4, "rx") >= 65536);
		CHECK(sysfs_counter(1, "dropped") >= 100);
		result(ok, "sysfs_statistics_reflect_the_traffic");
	}
	hangup_on_unbind();
	return failures ? 1 : 0;
}
