// SPDX-License-Identifier: GPL-2.0
/*
 * uevent_attrs - what udev sees: listens to the kernel's uevents and, the
 * moment a device whose name starts with PREFIX is added, checks that each
 * FILE is already in its sysfs directory (a udev rule matching ATTR{FILE}
 * on "add" needs it then). Exits after COUNT such adds: 0 when every file
 * was there, 1 when one was missing or no add came for 60 s. A device
 * already removed when its event is read cannot be judged and is counted
 * apart ("gone"). Exits 77 on a kernel without netlink.
 *
 *	uevent_attrs PREFIX COUNT FILE... &
 */
#include <ctype.h>
#include <errno.h>
#include <linux/netlink.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct sockaddr_nl addr = { .nl_family = AF_NETLINK, .nl_groups = 1 };
	int fd = socket(AF_NETLINK, SOCK_DGRAM, NETLINK_KOBJECT_UEVENT);
	unsigned int adds = 0, missing = 0, gone = 0, count;
	struct timeval patience = { .tv_sec = 60 };
	int rcvbuf = 4 << 20;
	char buf[8192];

	if (argc < 4) {
		fprintf(stderr, "usage: uevent_attrs PREFIX COUNT FILE...\n");
		return 2;
	}
	count = strtoul(argv[2], NULL, 0);
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf)) ||
	    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof(patience)) ||
	    bind(fd, (struct sockaddr *)&addr, sizeof(addr))) {
		if (errno == EAFNOSUPPORT || errno == ENOSYS) {
			printf("uevents: no netlink in this kernel (CONFIG_NET=n)\n");
			return 77;
		}
		printf("uevents: cannot listen (errno %d)\n", errno);
		return 1;
	}
	printf("uevents: listening\n");
	fflush(stdout);
	while (adds < count) {
		ssize_t n = recv(fd, buf, sizeof(buf) - 1, 0);
		const char *path, *name;

		if (n < 0 && (errno == EAGAIN || errno == ENOBUFS)) {
			printf("uevents: %s after %u adds\n",
			       errno == EAGAIN ? "no event for 60 s" : "events lost", adds);
			return 1;
		}
		if (n <= 0)
			continue;
		buf[n] = '\0';
		/* "add@/devices/.../tty/ttyVS3" then KEY=value strings */
		if (strncmp(buf, "add@", 4))
			continue;
		path = buf + 4;
		name = strrchr(path, '/');
		/* ports only: ttyVS3, not a device of the driver's own
		 * (7.x adds one named like "ttyVS-kcxx-vserial") */
		if (!name || strncmp(name + 1, argv[1], strlen(argv[1])) ||
		    !isdigit((unsigned char)name[1 + strlen(argv[1])]))
			continue;
		adds++;
		for (int i = 3; i < argc; i++) {
			char file[sizeof(buf) + 256];
			struct stat st;

			snprintf(file, sizeof(file), "/sys%s/%s", path, argv[i]);
			if (!stat(file, &st))
				continue;
			/* The file first, then the directory: a device still
			 * there after its file was not found lacked the file. */
			snprintf(file, sizeof(file), "/sys%s/uevent", path);
			if (stat(file, &st)) {
				gone++;
				break;
			}
			printf("uevents: %s: no %s at add\n", name + 1, argv[i]);
			missing++;
			break;
		}
	}
	printf("uevents: %u adds of %s*, %u with a file missing, %u gone before checked\n", adds,
	       argv[1], missing, gone);
	return missing || gone > adds / 2;
}
