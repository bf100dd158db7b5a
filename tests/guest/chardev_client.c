// SPDX-License-Identifier: GPL-2.0
/*
 * chardev_client - drives /dev/kcxx-test-chardev (tests/kernel/chardev_test.cpp)
 * as a real user-space client would, and reports KTAP (suite kcxx_chardev):
 * copies in and out, bad pointers (-EFAULT, nothing lost), typed ioctls,
 * unknown ioctls (-ENOTTY), poll, a blocking read woken by a writer, SIGIO.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ktap.h"

#include "../kernel/chardev_test.h"

#define SET_PARAMS _IOW(KCXX_TEST_IOC_TYPE, 1, struct kcxx_test_params)
#define GET_PARAMS _IOR(KCXX_TEST_IOC_TYPE, 2, struct kcxx_test_params)
#define GET_STATS _IOR(KCXX_TEST_IOC_TYPE, 3, struct kcxx_test_stats)

static const char *dev = "/dev/kcxx-test-chardev";
/* Never mapped; volatile so the compiler cannot see what it is. */
static void *volatile bad = (void *)16;

static void roundtrip(int fd)
{
	unsigned char out[1000], in[1000];
	int ok = 1;

	srand(1234);
	for (size_t i = 0; i < sizeof(out); i++)
		out[i] = rand();
	CHECK(write(fd, out, sizeof(out)) == (ssize_t)sizeof(out));
	CHECK(read(fd, in, sizeof(in)) == (ssize_t)sizeof(in));
	CHECK(memcmp(in, out, sizeof(in)) == 0);
	result(ok, "write_then_read_is_byte_exact");
}

static void bad_pointers(int fd)
{
	char buf[4] = "abc", back[4] = { 0 };
	int ok = 1;

	errno = 0;
	CHECK(write(fd, bad, 8) == -1 && errno == EFAULT);
	CHECK(write(fd, buf, 3) == 3);
	errno = 0;
	CHECK(read(fd, bad, 3) == -1 && errno == EFAULT);
	/* The failed read consumed nothing. */
	CHECK(read(fd, back, 3) == 3 && memcmp(back, "abc", 3) == 0);
	result(ok, "bad_user_pointers_give_efault_and_lose_nothing");
}

static void ioctls(int fd)
{
	struct kcxx_test_params p = { 7, 9, 0x1122334455667788ull }, q;
	struct kcxx_test_stats s;
	int ok = 1;

	memset(&q, 0xff, sizeof(q));
	CHECK(ioctl(fd, SET_PARAMS, &p) == 0);
	CHECK(ioctl(fd, GET_PARAMS, &q) == 0);
	CHECK(q.a == 7 && q.b == 9 && q.c == 0x1122334455667788ull);
	CHECK(ioctl(fd, SET_PARAMS, bad) == -1 && errno == EFAULT);
	CHECK(ioctl(fd, GET_PARAMS, bad) == -1 && errno == EFAULT);
	CHECK(ioctl(fd, GET_STATS, &s) == 0 && s.opens == 1 && s.stored == 0 &&
	      s.bytes_written == 1003);
	result(ok, "typed_ioctls_copy_in_and_out");

	ok = 1;
	CHECK(ioctl(fd, _IO('k', 99)) == -1 && errno == ENOTTY);
	CHECK(ioctl(fd, _IOW('x', 1, int), &ok) == -1 && errno == ENOTTY);
	result(ok, "unknown_ioctls_give_enotty");
}

static void polling(int fd)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN | POLLOUT };
	char c;
	int ok = 1;

	CHECK(poll(&pfd, 1, 0) == 1 && (pfd.revents & POLLOUT) && !(pfd.revents & POLLIN));
	CHECK(write(fd, "x", 1) == 1);
	CHECK(poll(&pfd, 1, 0) == 1 && (pfd.revents & POLLIN));
	CHECK(read(fd, &c, 1) == 1 && c == 'x');
	result(ok, "poll_reports_readable_after_write");
}

static void blocking_read(int fd)
{
	char c = 0;
	int ok = 1, status;
	pid_t child = fork();

	if (child == 0) {
		int w = open(dev, O_WRONLY);

		usleep(200 * 1000);
		_exit(write(w, "z", 1) == 1 ? 0 : 1);
	}
	/* Blocks until the child writes. */
	CHECK(read(fd, &c, 1) == 1 && c == 'z');
	CHECK(waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	result(ok, "blocking_read_is_woken_by_a_writer");
}

static volatile sig_atomic_t sigio_count;

static void on_sigio(int sig)
{
	(void)sig;
	sigio_count++;
}

static void sigio(int fd)
{
	char c;
	int ok = 1;

	signal(SIGIO, on_sigio);
	CHECK(fcntl(fd, F_SETOWN, getpid()) == 0);
	CHECK(fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_ASYNC) == 0);
	CHECK(write(fd, "s", 1) == 1);
	for (int i = 0; i < 100 && !sigio_count; i++)
		usleep(10 * 1000);
	CHECK(sigio_count >= 1);
	CHECK(read(fd, &c, 1) == 1);
	result(ok, "o_async_delivers_sigio");
}

static void nonblocking_read(void)
{
	int fd = open(dev, O_RDWR | O_NONBLOCK);
	char c;
	int ok = 1;

	CHECK(fd >= 0);
	CHECK(read(fd, &c, 1) == -1 && errno == EAGAIN);
	CHECK(write(fd, "n", 1) == 1 && read(fd, &c, 1) == 1 && c == 'n');
	close(fd);
	result(ok, "nonblocking_read_gives_eagain");
}

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static int control(const char *cmd)
{
	int c = open("/dev/kcxx-test-chardev-ctl", O_WRONLY);
	int ok = c >= 0 && write(c, cmd, strlen(cmd)) == (ssize_t)strlen(cmd);

	if (c >= 0)
		close(c);
	return ok;
}

/* The device goes (as an unbind would) while files are open, a reader is
 * blocked in read() and a poller in poll(): it goes at once, the sleepers
 * wake with ENODEV / POLLHUP, every later operation fails cleanly.
 */
static void revoke_while_open(void)
{
	struct kcxx_test_stats stats;
	struct pollfd pfd;
	int fd = open(dev, O_RDWR), ok = 1, status;
	pid_t reader, poller;
	long long took;
	char c;

	CHECK(fd >= 0);
	reader = fork();
	if (reader == 0) {
		int r = open(dev, O_RDONLY);

		_exit(r >= 0 && read(r, &c, 1) == -1 && errno == ENODEV ? 0 : 1);
	}
	poller = fork();
	if (poller == 0) {
		struct pollfd p = { .fd = open(dev, O_RDONLY), .events = POLLIN };

		_exit(p.fd >= 0 && poll(&p, 1, 20000) == 1 && (p.revents & (POLLHUP | POLLERR)) ? 0 : 1);
	}
	usleep(300 * 1000); /* both asleep in the driver */
	took = now_us();
	CHECK(control("revoke"));
	took = now_us() - took;
	printf("# revoked with a reader, a poller and 3 files open in %lld us\n", took);
	CHECK(took < 2000000);
	CHECK(waitpid(reader, &status, 0) == reader && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(waitpid(poller, &status, 0) == poller && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(read(fd, &c, 1) == -1 && errno == ENODEV);
	CHECK(write(fd, "x", 1) == -1 && errno == ENODEV);
	CHECK(ioctl(fd, _IOR(KCXX_TEST_IOC_TYPE, 3, struct kcxx_test_stats), &stats) == -1 && errno == ENODEV);
	pfd = (struct pollfd){ .fd = fd, .events = POLLIN | POLLOUT };
	CHECK(poll(&pfd, 1, 0) == 1 && (pfd.revents & POLLHUP) && (pfd.revents & POLLERR));
	CHECK(access(dev, F_OK) == -1 && errno == ENOENT);
	CHECK(close(fd) == 0);
	/* And back, for whoever comes next. */
	CHECK(control("restore"));
	fd = open(dev, O_RDWR);
	CHECK(fd >= 0 && write(fd, "r", 1) == 1 && read(fd, &c, 1) == 1 && c == 'r');
	close(fd);
	result(ok, "revoke_while_open_wakes_sleepers_and_fails_later_calls");
}

int main(void)
{
	int fd = open(dev, O_RDWR);

	ktap_header("kcxx_chardev", 9);
	if (fd < 0) {
		printf("# cannot open %s: errno %d\n", dev, errno);
		return 1;
	}
	roundtrip(fd);
	bad_pointers(fd);
	ioctls(fd);
	polling(fd);
	blocking_read(fd);
	sigio(fd);
	close(fd);
	nonblocking_read();
	revoke_while_open();
	return failures ? 1 : 0;
}
