// SPDX-License-Identifier: GPL-2.0
/*
 * TTY bridge: a tty driver whose ports are C++ objects. The tty_operations
 * and tty_port_operations here are static trampolines; each finds its
 * struct kcxx_tty_port and calls the C++ side with its context. Which port
 * serves a line, which lines are free, and whether a port may still be
 * called are C++'s to decide (kcxx/tty.h): install asks it for the port, and
 * every call goes through its gate.
 *
 * Version drift lives here: tty_operations.write takes (const u8 *, int) and
 * returns int before 6.6, (const u8 *, size_t) and ssize_t after;
 * tty_port_operations.carrier_raised returns bool and dtr_rts takes bool from
 * 6.4 on.
 *
 * Lifetime: a port is refcounted (tty_port_get/put). The C++ owner holds one
 * reference from kcxx_tty_port_create() to kcxx_tty_port_put(); install
 * takes one for each tty and cleanup drops it. The last put calls the C++
 * release hook with the context, then frees the port.
 */
#include <linux/device.h>
#include <linux/err.h>
#include <linux/module.h>
#include <linux/serial.h>
#include <linux/slab.h>
#include <linux/tty.h>
#include <linux/tty_driver.h>
#include <linux/tty_flip.h>
#include <linux/tty_port.h>
#include <linux/version.h>
#include <kcxx/bridge/tty.h>

#define KCXX_TTY_MAX_LINES 256

struct kcxx_tty_driver {
	struct tty_driver *tty;
	kcxx_tty_lookup_fn lookup;	/* the port of a line, with a reference */
	void *ctx;
};

struct kcxx_tty_port {
	struct tty_port port;
	struct kcxx_tty_driver *drv;
	const struct kcxx_tty_port_ops *ops;
	void *ctx;
	struct device *dev;
	unsigned int index;
	unsigned int baud;		/* applied at the first install */
	bool termios_set;
};

static struct kcxx_tty_port *to_kp(struct tty_port *port)
{
	return container_of(port, struct kcxx_tty_port, port);
}

static void kp_termios(const struct ktermios *t, struct kcxx_termios *out)
{
	out->iflag = t->c_iflag;
	out->oflag = t->c_oflag;
	out->cflag = t->c_cflag;
	out->lflag = t->c_lflag;
	out->ospeed = tty_termios_baud_rate(t);
	out->ispeed = out->ospeed;	/* split rates: the line runs at the output rate */
}

/* --- tty_port_operations ------------------------------------------------ */

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
static bool kcxx_port_carrier_raised(struct tty_port *port)
#else
static int kcxx_port_carrier_raised(struct tty_port *port)
#endif
{
	struct kcxx_tty_port *kp = to_kp(port);

	return kp->ops->carrier_raised ? kp->ops->carrier_raised(kp->ctx) : 1;
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
static void kcxx_port_dtr_rts(struct tty_port *port, bool active)
#else
static void kcxx_port_dtr_rts(struct tty_port *port, int active)
#endif
{
	struct kcxx_tty_port *kp = to_kp(port);

	if (kp->ops->dtr_rts)
		kp->ops->dtr_rts(kp->ctx, active);
}

static void kcxx_port_shutdown(struct tty_port *port)
{
	struct kcxx_tty_port *kp = to_kp(port);

	if (kp->ops->shutdown)
		kp->ops->shutdown(kp->ctx);
}

static int kcxx_port_activate(struct tty_port *port, struct tty_struct *tty)
{
	struct kcxx_tty_port *kp = to_kp(port);
	struct kcxx_termios t;

	kp_termios(&tty->termios, &t);
	return kp->ops->activate(kp->ctx, &t);
}

static void kcxx_port_destruct(struct tty_port *port)
{
	struct kcxx_tty_port *kp = to_kp(port);

	kp->ops->release(kp->ctx);
	kfree(kp);
}

static const struct tty_port_operations kcxx_port_ops = {
	.carrier_raised = kcxx_port_carrier_raised,
	.dtr_rts = kcxx_port_dtr_rts,
	.shutdown = kcxx_port_shutdown,
	.activate = kcxx_port_activate,
	.destruct = kcxx_port_destruct,
};

/* --- tty_operations ------------------------------------------------------ */

static int kcxx_tty_install(struct tty_driver *driver, struct tty_struct *tty)
{
	struct kcxx_tty_driver *drv = driver->driver_state;
	struct kcxx_tty_port *kp;
	int ret;

	/* C++'s table, not driver->ports: a port leaves it when it unregisters. */
	kp = drv->lookup(drv->ctx, tty->index);
	if (!kp)
		return -ENODEV;
	ret = tty_port_install(&kp->port, driver, tty);
	if (ret) {
		tty_port_put(&kp->port);
		return ret;
	}
	tty->driver_data = kp;
	if (!kp->termios_set) {
		tty_encode_baud_rate(tty, kp->baud, kp->baud);
		kp->termios_set = true;
	}
	return 0;
}

static void kcxx_tty_cleanup(struct tty_struct *tty)
{
	struct kcxx_tty_port *kp = tty->driver_data;

	tty->driver_data = NULL;
	if (kp)
		tty_port_put(&kp->port);
}

static int kcxx_tty_open(struct tty_struct *tty, struct file *filp)
{
	struct kcxx_tty_port *kp = tty->driver_data;
	int ret = tty_port_open(&kp->port, tty, filp);

	if (ret)
		return ret;
	/* A failed open is still closed by the tty layer, which balances it. */
	return kp->ops->open ? kp->ops->open(kp->ctx, kp->port.count) : 0;
}

static void kcxx_tty_close(struct tty_struct *tty, struct file *filp)
{
	struct kcxx_tty_port *kp = tty->driver_data;

	tty_port_close(&kp->port, tty, filp);
}

static void kcxx_tty_hangup(struct tty_struct *tty)
{
	struct kcxx_tty_port *kp = tty->driver_data;

	if (kp->ops->hangup)
		kp->ops->hangup(kp->ctx);
	tty_port_hangup(&kp->port);
}

static long kp_write(struct kcxx_tty_port *kp, const u8 *buf, size_t count)
{
	return kp->ops->write(kp->ctx, buf, count);
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
static ssize_t kcxx_tty_write(struct tty_struct *tty, const u8 *buf, size_t count)
{
	return kp_write(tty->driver_data, buf, count);
}
#else
static int kcxx_tty_write(struct tty_struct *tty, const u8 *buf, int count)
{
	return kp_write(tty->driver_data, buf, count < 0 ? 0 : count);
}
#endif

static unsigned int kcxx_tty_write_room(struct tty_struct *tty)
{
	struct kcxx_tty_port *kp = tty->driver_data;

	return kp->ops->write_room(kp->ctx);
}

static unsigned int kcxx_tty_chars_in_buffer(struct tty_struct *tty)
{
	struct kcxx_tty_port *kp = tty->driver_data;

	return kp->ops->chars_in_buffer(kp->ctx);
}

static void kcxx_tty_set_termios(struct tty_struct *tty, const struct ktermios *old)
{
	struct kcxx_tty_port *kp = tty->driver_data;
	struct kcxx_termios now, before;
	unsigned int rate;

	if (!kp->ops->set_termios)
		return;
	kp_termios(&tty->termios, &now);
	kp_termios(old ? old : &tty->termios, &before);
	rate = kp->ops->set_termios(kp->ctx, &now, &before);
	if (rate != now.ospeed)
		tty_encode_baud_rate(tty, rate, rate);
}

static void kp_throttle(struct tty_struct *tty, int throttled)
{
	struct kcxx_tty_port *kp = tty->driver_data;

	if (kp->ops->throttle)
		kp->ops->throttle(kp->ctx, throttled);
}

static void kcxx_tty_throttle(struct tty_struct *tty)
{
	kp_throttle(tty, 1);
}

static void kcxx_tty_unthrottle(struct tty_struct *tty)
{
	kp_throttle(tty, 0);
}

static int kcxx_tty_tiocmget(struct tty_struct *tty)
{
	struct kcxx_tty_port *kp = tty->driver_data;

	return kp->ops->tiocmget ? kp->ops->tiocmget(kp->ctx) : -ENOTTY;
}

static int kcxx_tty_tiocmset(struct tty_struct *tty, unsigned int set, unsigned int clear)
{
	struct kcxx_tty_port *kp = tty->driver_data;

	return kp->ops->tiocmset ? kp->ops->tiocmset(kp->ctx, set, clear) : -ENOTTY;
}

static int kcxx_tty_get_icount(struct tty_struct *tty, struct serial_icounter_struct *ic)
{
	struct kcxx_tty_port *kp = tty->driver_data;
	struct kcxx_icount c = { 0 };
	int ret;

	if (!kp->ops->get_icount)
		return -ENOTTY;
	ret = kp->ops->get_icount(kp->ctx, &c);
	if (ret)
		return ret;
	ic->cts = c.cts;
	ic->dsr = c.dsr;
	ic->rng = c.rng;
	ic->dcd = c.dcd;
	ic->rx = c.rx;
	ic->tx = c.tx;
	ic->frame = c.frame;
	ic->overrun = c.overrun;
	ic->parity = c.parity;
	ic->brk = c.brk;
	ic->buf_overrun = c.buf_overrun;
	return 0;
}

static int kcxx_tty_break_ctl(struct tty_struct *tty, int state)
{
	struct kcxx_tty_port *kp = tty->driver_data;

	return kp->ops->break_ctl ? kp->ops->break_ctl(kp->ctx, state != 0) : -EOPNOTSUPP;
}

static void kcxx_tty_flush_buffer(struct tty_struct *tty)
{
	struct kcxx_tty_port *kp = tty->driver_data;

	if (kp->ops->flush_buffer)
		kp->ops->flush_buffer(kp->ctx);
}

/* C++ answers -ENOTTY for commands it does not know: the line discipline gets them. */
static int kcxx_tty_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg)
{
	struct kcxx_tty_port *kp = tty->driver_data;
	long ret;

	if (!kp->ops->ioctl)
		return -ENOIOCTLCMD;
	ret = kp->ops->ioctl(kp->ctx, cmd, arg);
	return ret == -ENOTTY ? -ENOIOCTLCMD : ret;
}

static const struct tty_operations kcxx_tty_ops = {
	.install = kcxx_tty_install,
	.cleanup = kcxx_tty_cleanup,
	.open = kcxx_tty_open,
	.close = kcxx_tty_close,
	.hangup = kcxx_tty_hangup,
	.write = kcxx_tty_write,
	.write_room = kcxx_tty_write_room,
	.chars_in_buffer = kcxx_tty_chars_in_buffer,
	.set_termios = kcxx_tty_set_termios,
	.throttle = kcxx_tty_throttle,
	.unthrottle = kcxx_tty_unthrottle,
	.tiocmget = kcxx_tty_tiocmget,
	.tiocmset = kcxx_tty_tiocmset,
	.get_icount = kcxx_tty_get_icount,
	.break_ctl = kcxx_tty_break_ctl,
	.flush_buffer = kcxx_tty_flush_buffer,
	.ioctl = kcxx_tty_ioctl,
};

/* --- driver --------------------------------------------------------------- */

/**
 * kcxx_tty_driver_register() - register a tty driver with dynamic ports
 * @driver_name: name in /proc/tty/drivers
 * @name: device name prefix ("ttyVS" gives /dev/ttyVS<N>)
 * @lines: how many ports it can have (at most 256)
 * @lookup: the port serving a line, with a reference taken for the caller
 *          (kcxx_tty_port_get()), or NULL; called with @ctx at each install
 * @ctx: handed to @lookup
 *
 * Dynamic major, no console; termios start as tty_std_termios with CLOCAL
 * (a virtual line has no carrier to wait for), each port's own speed being
 * applied at its first open. The driver is owned by the calling module.
 *
 * Context: process context.
 * Return: the driver, or an ERR_PTR.
 */
struct kcxx_tty_driver *kcxx_tty_driver_register(const char *driver_name, const char *name,
						 unsigned int lines, kcxx_tty_lookup_fn lookup,
						 void *ctx)
{
	struct kcxx_tty_driver *drv;
	struct tty_driver *tty;
	int ret;

	if (!lines || lines > KCXX_TTY_MAX_LINES)
		return ERR_PTR(-EINVAL);
	drv = kzalloc(sizeof(*drv), GFP_KERNEL);
	if (!drv)
		return ERR_PTR(-ENOMEM);
	drv->lookup = lookup;
	drv->ctx = ctx;
	/*
	 * REAL_RAW: a raw termios gets n_tty's copying receive path, not its
	 * byte-by-byte one (a pty's); kcxx queues no flags but breaks, and
	 * kcxx_tty_port_insert_break() keeps the promise that comes with it.
	 */
	tty = tty_alloc_driver(lines, TTY_DRIVER_DYNAMIC_DEV | TTY_DRIVER_RESET_SAVED_TERMIOS |
					      TTY_DRIVER_REAL_RAW);
	if (IS_ERR(tty)) {
		kfree(drv);
		return ERR_CAST(tty);
	}
	tty->driver_name = driver_name;
	tty->name = name;
	tty->major = 0;
	tty->minor_start = 0;
	tty->type = TTY_DRIVER_TYPE_SERIAL;
	tty->subtype = SERIAL_TYPE_NORMAL;
	tty->init_termios = tty_std_termios;
	tty->init_termios.c_cflag |= CLOCAL;
	tty->driver_state = drv;
	tty_set_operations(tty, &kcxx_tty_ops);
	ret = tty_register_driver(tty);
	if (ret) {
		tty_driver_kref_put(tty);
		kfree(drv);
		return ERR_PTR(ret);
	}
	drv->tty = tty;
	return drv;
}

/**
 * kcxx_tty_driver_unregister() - unregister and free the driver
 *
 * Context: process context; every port must have been freed (no tty open:
 * open ttys hold the module, so module exit guarantees it).
 */
void kcxx_tty_driver_unregister(struct kcxx_tty_driver *drv)
{
	tty_unregister_driver(drv->tty);
	tty_driver_kref_put(drv->tty);
	kfree(drv);
}

/* --- ports ------------------------------------------------------------------ */

/**
 * kcxx_tty_port_create() - a port for a line C++ has reserved
 * @drv: the driver
 * @index: the line, below the driver's lines
 * @baud: the line's speed at its first open
 * @ops: the implementation, static
 * @ctx: handed to each of @ops, until @ops->release
 *
 * No device exists yet, so nothing calls @ops but release (if the port is
 * put before it has one).
 *
 * Context: process context.
 * Return: the port, holding one reference for the caller, or an ERR_PTR
 * (-ENOMEM).
 */
struct kcxx_tty_port *kcxx_tty_port_create(struct kcxx_tty_driver *drv, unsigned int index,
					   unsigned int baud, const struct kcxx_tty_port_ops *ops,
					   void *ctx)
{
	struct kcxx_tty_port *kp = kzalloc(sizeof(*kp), GFP_KERNEL);

	if (!kp)
		return ERR_PTR(-ENOMEM);
	tty_port_init(&kp->port);
	kp->port.ops = &kcxx_port_ops;
	kp->drv = drv;
	kp->ops = ops;
	kp->ctx = ctx;
	kp->baud = baud;
	kp->index = index;
	return kp;
}

/**
 * kcxx_tty_port_add_device() - create /dev/<name><index> and its class device
 * @kp: a port from kcxx_tty_port_create()
 * @parent: the device it belongs to in sysfs, or NULL
 * @groups: NULL-terminated attribute groups of the class device, or NULL;
 *          created before the device is announced to user space
 * @drvdata: the class device's drvdata (what @groups' files are called with)
 *
 * Context: process context.
 * Return: 0 or a negative errno.
 */
int kcxx_tty_port_add_device(struct kcxx_tty_port *kp, struct device *parent,
			     const void *const *groups, void *drvdata)
{
	struct device *dev;

	dev = tty_port_register_device_attr(&kp->port, kp->drv->tty, kp->index, parent, drvdata,
					    (const struct attribute_group **)groups);
	if (IS_ERR(dev))
		return PTR_ERR(dev);
	kp->dev = dev;
	return 0;
}

/**
 * kcxx_tty_port_remove_device() - remove /dev/<name><index> and hang up
 *
 * Removes the device kcxx_tty_port_add_device() made and hangs its tty up:
 * blocked readers see EOF, further I/O gets -EIO.
 *
 * Context: process context, may sleep.
 */
void kcxx_tty_port_remove_device(struct kcxx_tty_port *kp)
{
	tty_unregister_device(kp->drv->tty, kp->index);
	tty_port_tty_vhangup(&kp->port);
}

/** kcxx_tty_port_get() - take a reference on the port (for a tty being installed) */
struct kcxx_tty_port *kcxx_tty_port_get(struct kcxx_tty_port *kp)
{
	tty_port_get(&kp->port);
	return kp;
}

/** kcxx_tty_port_put() - drop the C++ owner's reference */
void kcxx_tty_port_put(struct kcxx_tty_port *kp)
{
	tty_port_put(&kp->port);
}

/** kcxx_tty_port_device() - the tty class device (/sys/class/tty/<name>) */
struct device *kcxx_tty_port_device(struct kcxx_tty_port *kp)
{
	return kp->dev;
}

/**
 * kcxx_tty_port_insert() - queue received bytes in the port's flip buffer
 *
 * Context: any; the caller serialises producers of one port.
 * Return: how many bytes fitted.
 */
unsigned long kcxx_tty_port_insert(struct kcxx_tty_port *kp, const unsigned char *buf,
				   unsigned long count)
{
	return tty_insert_flip_string(&kp->port, buf, count);
}

/**
 * kcxx_tty_port_insert_break() - queue a break condition (a NUL flagged TTY_BREAK)
 * @kp: the port
 *
 * The driver is TTY_DRIVER_REAL_RAW, so n_tty may copy flags unseen: a break
 * its termios ignores (IGNBRK) is not queued at all, as the promise requires.
 *
 * Return: 1 when queued or ignored, 0 when the buffer had no room.
 */
int kcxx_tty_port_insert_break(struct kcxx_tty_port *kp)
{
	struct tty_struct *tty = tty_port_tty_get(&kp->port);
	bool ignored = tty && I_IGNBRK(tty);

	tty_kref_put(tty);
	return ignored || tty_insert_flip_char(&kp->port, 0, TTY_BREAK);
}

/** kcxx_tty_port_push() - hand the queued bytes to the line discipline; any context */
void kcxx_tty_port_push(struct kcxx_tty_port *kp)
{
	tty_flip_buffer_push(&kp->port);
}

/** kcxx_tty_port_buffer_space() - how many bytes the flip buffer can still take */
unsigned int kcxx_tty_port_buffer_space(struct kcxx_tty_port *kp)
{
	return tty_buffer_space_avail(&kp->port);
}

/**
 * kcxx_tty_port_set_buffer_limit() - cap the memory the flip buffer may hold
 * @kp: the port
 * @limit: bytes (the kernel's default is 640 KiB)
 *
 * Return: 0, or -EINVAL for a limit below the smallest flip buffer.
 */
int kcxx_tty_port_set_buffer_limit(struct kcxx_tty_port *kp, unsigned int limit)
{
	return tty_buffer_set_limit(&kp->port, min_t(unsigned int, limit, INT_MAX));
}

/** kcxx_tty_port_wakeup() - wake writers waiting for room; any context */
void kcxx_tty_port_wakeup(struct kcxx_tty_port *kp)
{
	tty_port_tty_wakeup(&kp->port);
}
