// SPDX-License-Identifier: GPL-2.0
/*
 * guest_bench - the guest half of tools/kcxx-bench for LEDs and serial lines:
 * each measurement of a kcxx path is taken next to the same measurement of its
 * C twin, in the same boot, the two taking turns. Every sample is one line
 *
 *	@@BENCH <benchmark> <side> <round> <value>
 *
 * which the host turns into statistics. Only ratios mean anything here: the
 * machine is emulated (QEMU TCG) and shares its host with other work.
 *
 *   guest_bench led ROUND SECONDS SIDE=BRIGHTNESS_FILE...
 *	writes/s of "1"/"0" alternately to each LED's sysfs brightness file,
 *	for SECONDS each, in the order given (the caller rotates it per round);
 *	benchmark "led-<first side>" for each pairing is the caller's business:
 *	the side names print as given.
 *   guest_bench serial ROUNDS SECONDS KCXX_A KCXX_B
 *	bulk throughput (bytes/s, a writer and a reader process) and 1-byte
 *	write->read latency (ns) through the kcxx null-modem pair KCXX_A/KCXX_B
 *	and through a pty pair, alternately;
 *   guest_bench paced ROUNDS SECONDS TTY BAUD...
 *	the rate a paced line really moves bytes at, as a fraction of the rate
 *	its termios asks for (8N1: BAUD / 10 characters per second), on a
 *	loopback TTY.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define CHUNK 4096
#define LATENCY_MIN 200 /* round trips per latency sample, at least */

static void die(const char *what)
{
	fprintf(stderr, "guest_bench: %s: %s\n", what, strerror(errno));
	exit(1);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void sample(const char *bench, const char *side, int round, double value)
{
	printf("@@BENCH %s %s %d %.6g\n", bench, side, round, value);
	fflush(stdout);
}

/* --- LEDs ---------------------------------------------------------------- */

static double led_writes_per_second(const char *path, double seconds)
{
	int fd = open(path, O_WRONLY);
	unsigned long writes = 0;
	double start, end, elapsed;

	if (fd < 0)
		die(path);
	start = now();
	end = start + seconds;
	do {
		for (int i = 0; i < 64; i++, writes++)
			if (pwrite(fd, (writes & 1) ? "0" : "1", 1, 0) != 1)
				die(path);
		elapsed = now() - start;
	} while (start + elapsed < end);
	close(fd);
	return writes / elapsed;
}

static int led(int argc, char **argv)
{
	int round = atoi(argv[0]);
	double seconds = atof(argv[1]);

	for (int i = 2; i < argc; i++) {
		char *eq = strchr(argv[i], '=');

		if (!eq)
			return 2;
		*eq = 0;
		sample("led", argv[i], round, led_writes_per_second(eq + 1, seconds));
	}
	return 0;
}

/* --- serial lines -------------------------------------------------------- */

static int open_raw(const char *path, speed_t speed)
{
	int fd = open(path, O_RDWR | O_NOCTTY);
	struct termios t;

	if (fd < 0 || tcgetattr(fd, &t))
		die(path);
	cfmakeraw(&t);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	if (speed)
		cfsetspeed(&t, speed);
	if (tcsetattr(fd, TCSANOW, &t))
		die(path);
	tcflush(fd, TCIOFLUSH);
	return fd;
}

struct pair {
	const char *name;
	int a, b; /* bytes written to a are read from b */
};

static void open_pty(struct pair *p)
{
	int master = posix_openpt(O_RDWR | O_NOCTTY);

	if (master < 0 || grantpt(master) || unlockpt(master))
		die("pty");
	p->b = open_raw(ptsname(master), 0);
	/* The master side has no line discipline settings that matter. */
	p->a = master;
}

/*
 * Bytes per second from a writer (this process) to a reader (a child) for
 * `seconds`: the reader counts until it has all the writer says it wrote.
 */
static double bulk(const struct pair *p, double seconds)
{
	static unsigned char buf[CHUNK];
	int total_pipe[2], done_pipe[2];
	unsigned long long written = 0;
	double start, elapsed;
	pid_t child;

	if (pipe(total_pipe) || pipe(done_pipe))
		die("pipe");
	child = fork();
	if (child < 0)
		die("fork");
	if (child == 0) {
		unsigned long long got = 0, want = ~0ull;

		close(total_pipe[1]);
		close(done_pipe[0]);
		struct pollfd fds[2] = { { p->b, POLLIN, 0 }, { total_pipe[0], POLLIN, 0 } };

		while (got < want) {
			if (poll(fds, 2, 10000) <= 0)
				_exit(3);
			if (fds[0].revents & POLLIN) {
				ssize_t n = read(p->b, buf, sizeof(buf));

				if (n <= 0)
					_exit(4);
				got += n;
			}
			if ((fds[1].revents & POLLIN) &&
			    read(total_pipe[0], &want, sizeof(want)) != sizeof(want))
				_exit(5);
		}
		if (write(done_pipe[1], "x", 1) != 1)
			_exit(6);
		_exit(0);
	}
	/* A reader that dies makes read(done_pipe) see end-of-file. */
	close(total_pipe[0]);
	close(done_pipe[1]);
	memset(buf, 0x5a, sizeof(buf));
	start = now();
	while (now() - start < seconds) {
		ssize_t n = write(p->a, buf, sizeof(buf));

		if (n < 0)
			die("writer");
		written += n;
	}
	if (write(total_pipe[1], &written, sizeof(written)) != sizeof(written))
		die("pipe write");
	char c;
	int status;

	if (read(done_pipe[0], &c, 1) != 1)
		die("reader");
	elapsed = now() - start;
	waitpid(child, &status, 0);
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		die("reader status");
	close(total_pipe[1]);
	close(done_pipe[0]);
	return written / elapsed;
}

/* Nanoseconds from write() of one byte on a to its read() from b. */
static double latency(const struct pair *p, double seconds)
{
	unsigned long trips = 0;
	double start = now(), elapsed;
	unsigned char c = 'k';

	do {
		for (int i = 0; i < LATENCY_MIN / 10; i++, trips++) {
			if (write(p->a, &c, 1) != 1 || read(p->b, &c, 1) != 1)
				die("latency");
		}
		elapsed = now() - start;
	} while (elapsed < seconds || trips < LATENCY_MIN);
	return elapsed * 1e9 / trips;
}

static int serial_pairs(int argc, char **argv)
{
	int rounds = atoi(argv[0]);
	double seconds = atof(argv[1]);
	struct pair kcxx = { "kcxx-vserial", open_raw(argv[2], 0), open_raw(argv[3], 0) };
	struct pair pty = { "pty", -1, -1 };

	(void)argc;
	open_pty(&pty);
	for (int r = 0; r < rounds; r++) {
		/* Who goes first changes every round. */
		const struct pair *order[2] = { r & 1 ? &pty : &kcxx, r & 1 ? &kcxx : &pty };

		for (int i = 0; i < 2; i++)
			sample("serial-bulk", order[i]->name, r, bulk(order[i], seconds));
		for (int i = 0; i < 2; i++)
			sample("serial-latency", order[i]->name, r, latency(order[i], seconds / 2));
	}
	return 0;
}

static speed_t speed_of(long baud)
{
	switch (baud) {
	case 9600:
		return B9600;
	case 115200:
		return B115200;
	case 1000000:
		return B1000000;
	}
	fprintf(stderr, "guest_bench: no termios constant for %ld baud\n", baud);
	exit(2);
}

/* Measured rate / configured rate for `seconds` worth of characters. */
static double paced_rate(const char *tty, long baud, double seconds)
{
	static unsigned char buf[65536];
	int fd = open_raw(tty, speed_of(baud));
	size_t want = (size_t)(baud / 10 * seconds), got = 0;
	double start, elapsed;

	if (want > sizeof(buf))
		want = sizeof(buf);
	memset(buf, 'p', want);
	start = now();
	if (write(fd, buf, want) != (ssize_t)want)
		die(tty);
	while (got < want) {
		ssize_t n = read(fd, buf, want - got);

		if (n <= 0)
			die(tty);
		got += n;
	}
	elapsed = now() - start;
	close(fd);
	return (want / elapsed) / (baud / 10.0);
}

static int paced_rates(int argc, char **argv)
{
	int rounds = atoi(argv[0]);
	double seconds = atof(argv[1]);

	for (int r = 0; r < rounds; r++) {
		for (int i = 3; i < argc; i++) {
			char bench[32];

			snprintf(bench, sizeof(bench), "serial-paced-%s", argv[i]);
			sample(bench, "kcxx-vserial", r, paced_rate(argv[2], atol(argv[i]), seconds));
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	signal(SIGPIPE, SIG_IGN);
	if (argc >= 4 && !strcmp(argv[1], "led"))
		return led(argc - 2, argv + 2);
	if (argc == 6 && !strcmp(argv[1], "serial"))
		return serial_pairs(argc - 2, argv + 2);
	if (argc >= 5 && !strcmp(argv[1], "paced"))
		return paced_rates(argc - 2, argv + 2);
	fprintf(stderr, "usage: see the comment at the top of tests/bench/guest_bench.c\n");
	return 2;
}
