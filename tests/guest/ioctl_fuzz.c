// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl_fuzz - hostile ioctls on a device node, from several processes at
 * once: random command numbers and numbers in the driver's own ranges,
 * every direction and size, with NULL, unmapped, kernel, unaligned, valid
 * and random pointers. The kernel must answer each with a clean error (or
 * do what was asked); the harness fails the run on any oops, splat or
 * stall. Prints how the answers were spread, and checks the device still
 * works afterwards. The driver's own commands (CMD, in hex) are drawn one
 * time in four, so their argument checks meet every kind of pointer.
 *
 *	ioctl_fuzz DEVICE PROCESSES COUNT [CMD...]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

/* tty-core ioctls that would disturb the test itself rather than the
 * driver: take over the console, inject input, change the line discipline,
 * hang up or change the session, or sleep for as long as the argument says.
 */
static const unsigned int tty_denied[] = {
	0x541D /* TIOCCONS */,	  0x5412 /* TIOCSTI */,	  0x5423 /* TIOCSETD */,
	0x5437 /* TIOCVHANGUP */, 0x540E /* TIOCSCTTY */, 0x5422 /* TIOCNOTTY */,
	0x5409 /* TCSBRK */,	  0x5425 /* TCSBRKP */,	  0x545C /* TIOCMIWAIT */,
	0x540A /* TCXONC */,	  0x5441 /* TIOCGPTPEER */,
};

static uint64_t rng;
static unsigned int known[8], nknown;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static unsigned int command(void)
{
	static const unsigned char types[] = { 'K', 'k', 'T', 'V', 0 };
	unsigned int dir = next() % 4, type = types[next() % sizeof(types)], nr, size;

	if (nknown && next() % 4 == 0)
		return known[next() % nknown];
	switch (next() % 4) {
	case 0:
		return (unsigned int)next(); /* anything */
	case 1:
		return 0x5400 | (unsigned int)(next() % 0x80); /* the tty range */
	default:
		nr = next() % 8 ? next() % 8 : next() % 256;
		size = next() % 4 ? next() % 64 : next() % 16384;
		if (!type)
			type = next() % 256;
		return (dir << 30) | (size << 16) | (type << 8) | nr;
	}
}

static int denied(unsigned int cmd)
{
	for (size_t i = 0; i < sizeof(tty_denied) / sizeof(tty_denied[0]); i++)
		if (cmd == tty_denied[i])
			return 1;
	return 0;
}

static unsigned long argument(unsigned char *scratch, size_t size)
{
	switch (next() % 8) {
	case 0:
		return 0;
	case 1:
		return 16; /* never mapped */
	case 2:
		return 0xffff800000000000ul + (next() % 4096) * 8; /* kernel memory */
	case 3:
		return (unsigned long)scratch + 1 + next() % (size - 64); /* unaligned */
	case 4:
		return (unsigned long)scratch + size - 8; /* running off the end */
	case 5:
		return next(); /* anything */
	default: {
		/* Valid memory holding a plausible request: addresses in the
		 * scratch buffer or nowhere, small and large lengths.
		 */
		unsigned long long *req = (unsigned long long *)(scratch + (next() % 64) * 64);

		for (int i = 0; i < 8; i++)
			req[i] = next() % 3 ? (unsigned long long)(scratch + 4096 + next() % (size / 2))
					    : next() % 3 ? next() % (size / 2) : next();
		return (unsigned long)req;
	}
	}
}

struct tally {
	unsigned long ok, einval, efault, enotty, eperm, eagain, other;
	int other_errnos[8];
};

static void fuzz(const char *dev, long count, unsigned int seed, struct tally *t)
{
	const size_t size = 1 << 20;
	unsigned char *scratch = mmap(NULL, size, PROT_READ | PROT_WRITE,
				      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int fd = open(dev, O_RDWR | O_NONBLOCK | O_NOCTTY);

	memset(t, 0, sizeof(*t));
	if (fd < 0 || scratch == MAP_FAILED) {
		printf("# cannot open %s: errno %d\n", dev, errno);
		t->other = 1;
		return;
	}
	rng = 0x9e3779b97f4a7c15ull ^ seed;
	/* A device that maps memory (kcxx-dma's zero-copy buffer) gets a
	 * mapping, so commands on it have something to work on; elsewhere
	 * mmap() just fails. */
	void *mapped = mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	for (long i = 0; i < count; i++) {
		unsigned int cmd;

		do
			cmd = command();
		while (denied(cmd));
		errno = 0;
		if (ioctl(fd, cmd, argument(scratch, size)) >= 0) {
			t->ok++;
			continue;
		}
		switch (errno) {
		case EINVAL:
			t->einval++;
			break;
		case EFAULT:
			t->efault++;
			break;
		case ENOTTY:
			t->enotty++;
			break;
		case EPERM:
			t->eperm++;
			break;
		case EAGAIN: /* O_NONBLOCK, another process's copy holds the engine */
			t->eagain++;
			break;
		default:
			if (t->other < 8)
				t->other_errnos[t->other] = errno;
			t->other++;
		}
	}
	if (mapped != MAP_FAILED)
		munmap(mapped, 65536);
	close(fd);
}

int main(int argc, char **argv)
{
	int procs = argc > 2 ? atoi(argv[2]) : 4, fds[16][2], bad = 0;
	long count = argc > 3 ? atol(argv[3]) : 100000;
	struct tally sum = { 0 };
	pid_t pids[16];

	if (argc < 2 || procs < 1 || procs > 16 || argc > 4 + 8) {
		fprintf(stderr, "usage: ioctl_fuzz DEVICE [PROCESSES] [COUNT] [CMD...]\n");
		return 2;
	}
	for (int i = 4; i < argc; i++)
		known[nknown++] = (unsigned int)strtoul(argv[i], NULL, 16);
	for (int p = 0; p < procs; p++) {
		if (pipe(fds[p]))
			return 1;
		pids[p] = fork();
		if (pids[p] == 0) {
			/* What a random tty ioctl may rightly send us
			 * (FIOASYNC, TIOCSIG, a hangup): noted, not fatal.
			 */
			static const int async_signals[] = { SIGIO,   SIGHUP,  SIGTTOU, SIGTTIN,
							     SIGPIPE, SIGURG,  SIGWINCH, SIGINT,
							     SIGQUIT, SIGTSTP, SIGCONT };
			struct tally t;

			for (size_t i = 0; i < sizeof(async_signals) / sizeof(async_signals[0]); i++)
				signal(async_signals[i], SIG_IGN);
			close(fds[p][0]);
			fuzz(argv[1], count / procs, (unsigned int)(p * 7919 + 1), &t);
			_exit(write(fds[p][1], &t, sizeof(t)) == sizeof(t) ? 0 : 1);
		}
		close(fds[p][1]);
	}
	for (int p = 0; p < procs; p++) {
		struct tally t;
		int status = 0;

		ssize_t got = read(fds[p][0], &t, sizeof(t));

		waitpid(pids[p], &status, 0);
		if (got != sizeof(t) || !WIFEXITED(status) || WEXITSTATUS(status)) {
			printf("# %s: process %d %s %d, no tally\n", argv[1], p,
			       WIFSIGNALED(status) ? "killed by signal" : "exited with",
			       WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
			bad = 1;
			continue;
		}
		sum.ok += t.ok;
		sum.einval += t.einval;
		sum.efault += t.efault;
		sum.enotty += t.enotty;
		sum.eperm += t.eperm;
		sum.eagain += t.eagain;
		for (unsigned long i = 0; i < t.other && i < 8; i++)
			printf("# %s: unexpected errno %d\n", argv[1], t.other_errnos[i]);
		sum.other += t.other;
	}
	printf("fuzz: %s: %ld ioctls from %d processes: %lu ok, %lu EINVAL, %lu EFAULT, %lu ENOTTY, "
	       "%lu EPERM, %lu EAGAIN, %lu other\n",
	       argv[1], count, procs, sum.ok, sum.einval, sum.efault, sum.enotty, sum.eperm, sum.eagain,
	       sum.other);
	return bad;
}
