/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bridge to <linux/tty_driver.h>, <linux/tty_port.h> and <linux/tty_flip.h>:
 * one tty driver with dynamically registered ports, implemented in C++
 * through the callbacks of struct kcxx_tty_port_ops.
 *
 * Unlike the other bridges, the port lives in C memory (kzalloc) and is
 * reference counted: a tty that is still open (or hung up but not yet
 * released) keeps its struct tty_port, whose flip-buffer work and locks the
 * tty layer keeps using after the C++ owner is gone. The C++ side holds one
 * reference; each installed tty holds another (install/cleanup). Which lines
 * are free and which port serves each is C++'s table (kcxx/tty.h).
 */
#ifndef KCXX_BRIDGE_TTY_H
#define KCXX_BRIDGE_TTY_H

#ifdef __cplusplus
extern "C" {
#endif

struct device;
struct kcxx_tty_driver;
struct kcxx_tty_port;

/* A snapshot of a tty's termios; speeds are the effective rates (BOTHER too). */
struct kcxx_termios {
	unsigned int iflag;
	unsigned int oflag;
	unsigned int cflag;
	unsigned int lflag;
	unsigned int ispeed;
	unsigned int ospeed;
};

/* struct serial_icounter_struct's counters, as TIOCGICOUNT reports them. */
struct kcxx_icount {
	int cts, dsr, rng, dcd;
	int rx, tx;
	int frame, overrun, parity, brk, buf_overrun;
};

/*
 * The C++ side of one port; ctx is C++'s, valid until release, which the
 * port's last reference calls. NULL entries are operations it lacks, except
 * activate, write, write_room, chars_in_buffer and release, which it always
 * has. C++ decides whether its object may still be called (its gate); the
 * bridge calls unconditionally.
 */
struct kcxx_tty_port_ops {
	int (*open)(void *ctx, int port_count);
	int (*activate)(void *ctx, const struct kcxx_termios *termios);
	void (*shutdown)(void *ctx);
	long (*write)(void *ctx, const unsigned char *buf, unsigned long count);
	unsigned int (*write_room)(void *ctx);
	unsigned int (*chars_in_buffer)(void *ctx);
	/* returns the rate in use: the bridge writes it back when it differs */
	unsigned int (*set_termios)(void *ctx, const struct kcxx_termios *now,
				    const struct kcxx_termios *old);
	void (*throttle)(void *ctx, int throttled);
	int (*tiocmget)(void *ctx);
	int (*tiocmset)(void *ctx, unsigned int set, unsigned int clear);
	int (*get_icount)(void *ctx, struct kcxx_icount *icount);
	int (*break_ctl)(void *ctx, int on);
	void (*flush_buffer)(void *ctx);
	void (*hangup)(void *ctx);
	long (*ioctl)(void *ctx, unsigned int cmd, unsigned long arg);
	int (*carrier_raised)(void *ctx);
	void (*dtr_rts)(void *ctx, int active);
	void (*release)(void *ctx);
};

/* The port serving a line, with a reference for the caller; NULL if none. */
typedef struct kcxx_tty_port *(*kcxx_tty_lookup_fn)(void *ctx, int index);

struct kcxx_tty_driver *kcxx_tty_driver_register(const char *driver_name, const char *name,
						 unsigned int lines, kcxx_tty_lookup_fn lookup,
						 void *ctx);
void kcxx_tty_driver_unregister(struct kcxx_tty_driver *drv);

struct kcxx_tty_port *kcxx_tty_port_create(struct kcxx_tty_driver *drv, unsigned int index,
					   unsigned int baud, const struct kcxx_tty_port_ops *ops,
					   void *ctx);
int kcxx_tty_port_add_device(struct kcxx_tty_port *port, struct device *parent,
			     const void *const *groups, void *drvdata);
void kcxx_tty_port_remove_device(struct kcxx_tty_port *port);
struct kcxx_tty_port *kcxx_tty_port_get(struct kcxx_tty_port *port);
void kcxx_tty_port_put(struct kcxx_tty_port *port);
struct device *kcxx_tty_port_device(struct kcxx_tty_port *port);
unsigned long kcxx_tty_port_insert(struct kcxx_tty_port *port, const unsigned char *buf,
				   unsigned long count);
int kcxx_tty_port_insert_break(struct kcxx_tty_port *port);
void kcxx_tty_port_push(struct kcxx_tty_port *port);
unsigned int kcxx_tty_port_buffer_space(struct kcxx_tty_port *port);
int kcxx_tty_port_set_buffer_limit(struct kcxx_tty_port *port, unsigned int limit);
void kcxx_tty_port_wakeup(struct kcxx_tty_port *port);

#ifdef __cplusplus
}
#endif

#endif /* KCXX_BRIDGE_TTY_H */
