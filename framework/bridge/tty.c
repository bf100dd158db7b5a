// SPDX-License-Identifier: GPL-2.0
/*
 * TTY bridge: a tty driver whose ports are C++ objects. The tty_operations
 * and tty_port_operations here are static trampolines; each finds its
 * struct kcxx_tty_port and calls the C++ implementation with its context.
 *
 * Version drift lives here: tty_operations.write takes (const u8 *, int) and
 * returns int before 6.6, (const u8 *, size_t) and ssize_t after;
 * tty_port_operations.carrier_raised returns bool and dtr_rts takes bool from
 * 6.4 on.
 *
 * Lifetime: a port is refcounted (tty_port_get/put). The C++ owner holds one
 * reference from kcxx_tty_port_create() to kcxx_tty_port_put(); install
 * takes one for each tty and cleanup drops it, so the tty layer never sees a
 * freed port. kcxx_tty_port_unregister() removes the device node, hangs the
 * tty up, and then waits until no callback into C++ is running; none starts
 * after that.
 */
#include <linux/atomic.h>
#include <linux/bitmap.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/module.h>
#include <linux/serial.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/tty.h>
#include <linux/tty_driver.h>
#include <linux/tty_flip.h>
#include <linux/tty_port.h>
#include <linux/version.h>
#include <linux/wait.h>
#include <kcxx/bridge/tty.h>

#define KCXX_TTY_MAX_LINES 256

struct kcxx_tty_driver {
	struct tty_driver *tty;
	spinlock_t lock;			/* protects used and ports */
	DECLARE_BITMAP(used, KCXX_TTY_MAX_LINES);	/* line taken by a live port */
	struct kcxx_tty_port *ports[KCXX_TTY_MAX_LINES];	/* registered, for install */
};

struct kcxx_tty_port {
	struct tty_port port;
	struct kcxx_tty_driver *drv;
	const struct kcxx_tty_port_ops *ops;
	void *ctx;
	struct device *dev;
	int index;			/* -1 until a line is reserved */
	unsigned int baud;		/* applied at the first install */
	bool termios_set;
	bool dead;			/* no more calls into C++ */
	atomic_t active;		/* calls into C++ running */
	wait_queue_head_t idle;
};

static struct kcxx_tty_port *to_kp(struct tty_port *port)
{
	return container_of(port, struct kcxx_tty_port, port);
}

/* Every call into C++ is bracketed by enter/leave; enter fails once dead. */
static bool kp_enter(struct kcxx_tty_port *kp)
{
	atomic_inc(&kp->active);
	/* Pairs with the smp_mb() in unregister: it sees us, or we see dead. */
	smp_mb__after_atomic();
	if (likely(!READ_ONCE(kp->dead)))
		return true;
	if (atomic_dec_and_test(&kp->active))
		wake_up(&kp->idle);
	return false;
}

static void kp_leave(struct kcxx_tty_port *kp)
{
	if (atomic_dec_and_test(&kp->active) && READ_ONCE(kp->dead))
		wake_up(&kp->idle);
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
	int ret = 1;

	if (kp->ops->carrier_raised && kp_enter(kp)) {
		ret = kp->ops->carrier_raised(kp->ctx);
		kp_leave(kp);
	}
	return ret;
}

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
static void kcxx_port_dtr_rts(struct tty_port *port, bool active)
#else
static void kcxx_port_dtr_rts(struct tty_port *port, int active)
#endif
{
	struct kcxx_tty_port *kp = to_kp(port);

	if (kp->ops->dtr_rts && kp_enter(kp)) {
		kp->ops->dtr_rts(kp->ctx, active);
		kp_leave(kp);
	}
}

static void kcxx_port_shutdown(struct tty_port *port)
{
	struct kcxx_tty_port *kp = to_kp(port);

	if (kp->ops->shutdown && kp_enter(kp)) {
		kp->ops->shutdown(kp->ctx);
		kp_leave(kp);
	}
}

static int kcxx_port_activate(struct tty_port *port, struct tty_struct *tty)
{
	struct kcxx_tty_port *kp = to_kp(port);
	struct kcxx_termios t;
	int ret = 0;

	if (!kp_enter(kp))
		return -ENODEV;
	if (kp->ops->activate) {
		kp_termios(&tty->termios, &t);
		ret = kp->ops->activate(kp->ctx, &t);
	}
	kp_leave(kp);
	return ret;
}

static void kcxx_port_destruct(struct tty_port *port)
{
	struct kcxx_tty_port *kp = to_kp(port);

	if (kp->index >= 0) {
		spin_lock(&kp->drv->lock);
		clear_bit(kp->index, kp->drv->used);
		spin_unlock(&kp->drv->lock);
	}
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

	/*
	 * Our own table, not driver->ports: unregister clears the entry, and
	 * the reference taken under the lock keeps the port for this tty.
	 */
	spin_lock(&drv->lock);
	kp = drv->ports[tty->index];
	if (kp)
		tty_port_get(&kp->port);
	spin_unlock(&drv->lock);
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
	if (!kp->ops->open)
		return 0;
	if (!kp_enter(kp))
		return -ENODEV;
	/* A failed open is still closed by the tty layer, which balances it. */
	ret = kp->ops->open(kp->ctx, kp->port.count);
	kp_leave(kp);
	return ret;
}

static void kcxx_tty_close(struct tty_struct *tty, struct file *filp)
{
	struct kcxx_tty_port *kp = tty->driver_data;

	tty_port_close(&kp->port, tty, filp);
}

static void kcxx_tty_hangup(struct tty_struct *tty)
{
	struct kcxx_tty_port *kp = tty->driver_data;

	if (kp->ops->hangup && kp_enter(kp)) {
		kp->ops->hangup(kp->ctx);
		kp_leave(kp);
	}
	tty_port_hangup(&kp->port);
}

static long kp_write(struct kcxx_tty_port *kp, const u8 *buf, size_t count)
{
	long ret = 0;

	if (kp->ops->write && kp_enter(kp)) {
		ret = kp->ops->write(kp->ctx, buf, count);
		kp_leave(kp);
	}
	return ret;
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
	unsigned int ret = 0;

	if (kp->ops->write_room && kp_enter(kp)) {
		ret = kp->ops->write_room(kp->ctx);
		kp_leave(kp);
	}
	return ret;
}

static unsigned int kcxx_tty_chars_in_buffer(struct tty_struct *tty)
{
	struct kcxx_tty_port *kp = tty->driver_data;
	unsigned int ret = 0;

	if (kp->ops->chars_in_buffer && kp_enter(kp)) {
		ret = kp->ops->chars_in_buffer(kp->ctx);
		kp_leave(kp);
	}
	return ret;
}

static void kcxx_tty_set_termios(struct tty_struct *tty, const struct ktermios *old)
{
	struct kcxx_tty_port *kp = tty->driver_data;
	struct kcxx_termios now, before;
	unsigned int rate;

	if (!kp->ops->set_termios || !kp_enter(kp))
		return;
	kp_termios(&tty->termios, &now);
	kp_termios(old ? old : &tty->termios, &before);
	rate = kp->ops->set_termios(kp->ctx, &now, &before);
	kp_leave(kp);
	if (rate != now.ospeed)
		tty_encode_baud_rate(tty, rate, rate);
}

static void kp_throttle(struct tty_struct *tty, int throttled)
{
	struct kcxx_tty_port *kp = tty->driver_data;

	if (kp->ops->throttle && kp_enter(kp)) {
		kp->ops->throttle(kp->ctx, throttled);
		kp_leave(kp);
	}
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
	int ret;

	if (!kp->ops->tiocmget)
		return -ENOTTY;
	if (!kp_enter(kp))
		return -EIO;
	ret = kp->ops->tiocmget(kp->ctx);
	kp_leave(kp);
	return ret;
}

static int kcxx_tty_tiocmset(struct tty_struct *tty, unsigned int set, unsigned int clear)
{
	struct kcxx_tty_port *kp = tty->driver_data;

	if (!kp->ops->tiocmset)
		return -ENOTTY;
	if (!kp_enter(kp))
		return -EIO;
	kp->ops->tiocmset(kp->ctx, set, clear);
	kp_leave(kp);
	return 0;
}

static int kcxx_tty_get_icount(struct tty_struct *tty, struct serial_icounter_struct *ic)
{
	struct kcxx_tty_port *kp = tty->driver_data;
	struct kcxx_icount c = { 0 };

	if (!kp->ops->get_icount)
		return -ENOTTY;
	if (!kp_enter(kp))
		return -EIO;
	kp->ops->get_icount(kp->ctx, &c);
	kp_leave(kp);
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

	if (!kp->ops->break_ctl)
		return -EOPNOTSUPP;
	if (!kp_enter(kp))
		return -EIO;
	kp->ops->break_ctl(kp->ctx, state != 0);
	kp_leave(kp);
	return 0;
}

static void kcxx_tty_flush_buffer(struct tty_struct *tty)
{
	struct kcxx_tty_port *kp = tty->driver_data;

	if (kp->ops->flush_buffer && kp_enter(kp)) {
		kp->ops->flush_buffer(kp->ctx);
		kp_leave(kp);
	}
}

/* C++ answers -ENOTTY for commands it does not know: the line discipline gets them. */
static int kcxx_tty_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg)
{
	struct kcxx_tty_port *kp = tty->driver_data;
	long ret;

	if (!kp->ops->ioctl)
		return -ENOIOCTLCMD;
	if (!kp_enter(kp))
		return -EIO;
	ret = kp->ops->ioctl(kp->ctx, cmd, arg);
	kp_leave(kp);
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
 *
 * Dynamic major, no console; termios start as tty_std_termios with CLOCAL
 * (a virtual line has no carrier to wait for), each port's own speed being
 * applied at its first open. The driver is owned by the calling module.
 *
 * Context: process context.
 * Return: the driver, or an ERR_PTR.
 */
struct kcxx_tty_driver *kcxx_tty_driver_register(const char *driver_name, const char *name,
						 unsigned int lines)
{
	struct kcxx_tty_driver *drv;
	struct tty_driver *tty;
	int ret;

	if (!lines || lines > KCXX_TTY_MAX_LINES)
		return ERR_PTR(-EINVAL);
	drv = kzalloc(sizeof(*drv), GFP_KERNEL);
	if (!drv)
		return ERR_PTR(-ENOMEM);
	spin_lock_init(&drv->lock);
	tty = tty_alloc_driver(lines, TTY_DRIVER_DYNAMIC_DEV | TTY_DRIVER_RESET_SAVED_TERMIOS);
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

/** kcxx_tty_driver_lines() - how many lines the driver has */
unsigned int kcxx_tty_driver_lines(struct kcxx_tty_driver *drv)
{
	return drv->tty->num;
}

/* --- ports ------------------------------------------------------------------ */

/**
 * kcxx_tty_port_create() - reserve a line for a port served by C++
 * @drv: the driver
 * @index: the line, or -1 for the first free one
 * @baud: the line's speed at its first open
 * @ops: the implementation, static
 * @ctx: handed to each of @ops
 *
 * No device exists yet, so nothing can call @ops: the C++ owner finishes
 * setting itself up (its line number known), then adds the device with
 * kcxx_tty_port_add_device().
 *
 * Context: process context.
 * Return: the port, holding one reference for the caller, or an ERR_PTR:
 * -EINVAL for an index beyond the driver's lines, -EBUSY for a line in use
 * (also by a port whose hung-up tty is not yet released), -ENOSPC when all
 * lines are in use.
 */
struct kcxx_tty_port *kcxx_tty_port_create(struct kcxx_tty_driver *drv, int index,
					   unsigned int baud, const struct kcxx_tty_port_ops *ops,
					   void *ctx)
{
	unsigned int lines = drv->tty->num;
	struct kcxx_tty_port *kp;

	if (index >= (int)lines)
		return ERR_PTR(-EINVAL);
	kp = kzalloc(sizeof(*kp), GFP_KERNEL);
	if (!kp)
		return ERR_PTR(-ENOMEM);
	tty_port_init(&kp->port);
	kp->port.ops = &kcxx_port_ops;
	kp->drv = drv;
	kp->ops = ops;
	kp->ctx = ctx;
	kp->baud = baud;
	kp->index = -1;
	atomic_set(&kp->active, 0);
	init_waitqueue_head(&kp->idle);

	spin_lock(&drv->lock);
	if (index < 0)
		index = find_first_zero_bit(drv->used, lines);
	if (index >= (int)lines || test_and_set_bit(index, drv->used)) {
		spin_unlock(&drv->lock);
		tty_port_put(&kp->port);
		return ERR_PTR(index >= (int)lines ? -ENOSPC : -EBUSY);
	}
	kp->index = index;
	spin_unlock(&drv->lock);
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
 * From here on the tty layer may call the port's operations.
 *
 * Context: process context.
 * Return: 0 or a negative errno.
 */
int kcxx_tty_port_add_device(struct kcxx_tty_port *kp, struct device *parent,
			     const void *const *groups, void *drvdata)
{
	struct kcxx_tty_driver *drv = kp->drv;
	struct device *dev;

	dev = tty_port_register_device_attr(&kp->port, drv->tty, kp->index, parent, drvdata,
					    (const struct attribute_group **)groups);
	if (IS_ERR(dev))
		return PTR_ERR(dev);
	kp->dev = dev;
	spin_lock(&drv->lock);
	drv->ports[kp->index] = kp;
	spin_unlock(&drv->lock);
	return 0;
}

/**
 * kcxx_tty_port_unregister() - remove the device and stop calling C++
 *
 * Removes /dev/<name><index> (if it was added), hangs up its tty (blocked
 * readers see EOF, further I/O gets -EIO) and waits for every C++ callback
 * to return; none is made afterwards. The port itself stays until
 * kcxx_tty_port_put().
 *
 * Context: process context, may sleep. C++ must have woken its own sleepers
 * (e.g. TIOCMIWAIT) in its hangup callback.
 */
void kcxx_tty_port_unregister(struct kcxx_tty_port *kp)
{
	struct kcxx_tty_driver *drv = kp->drv;

	if (kp->dev) {
		spin_lock(&drv->lock);
		drv->ports[kp->index] = NULL;
		spin_unlock(&drv->lock);
		tty_unregister_device(drv->tty, kp->index);
		tty_port_tty_vhangup(&kp->port);
	}
	WRITE_ONCE(kp->dead, true);
	/* Pairs with kp_enter(): a caller it misses sees dead and backs out. */
	smp_mb();
	wait_event(kp->idle, !atomic_read(&kp->active));
}

/** kcxx_tty_port_put() - drop the C++ owner's reference */
void kcxx_tty_port_put(struct kcxx_tty_port *kp)
{
	tty_port_put(&kp->port);
}

/** kcxx_tty_port_index() - the port's line number */
unsigned int kcxx_tty_port_index(struct kcxx_tty_port *kp)
{
	return kp->index;
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

/** kcxx_tty_port_insert_break() - queue a break condition (a NUL flagged TTY_BREAK) */
int kcxx_tty_port_insert_break(struct kcxx_tty_port *kp)
{
	return tty_insert_flip_char(&kp->port, 0, TTY_BREAK);
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

/** kcxx_tty_port_wakeup() - wake writers waiting for room; any context */
void kcxx_tty_port_wakeup(struct kcxx_tty_port *kp)
{
	tty_port_tty_wakeup(&kp->port);
}
