/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device: <linux/device.h>'s struct device, borrowed, with the dev_*() log
 * functions of <linux/dev_printk.h>.
 */
#ifndef KCXX_DEVICE_H
#define KCXX_DEVICE_H

#include <kcxx/bridge/device.h>
#include <kcxx/error.h>
#include <kcxx/fwnode.h>
#include <kcxx/print.h>

namespace kcxx {

/**
 * A device the caller may use, such as the one being probed.
 *
 * # Invariants
 * raw_ points to a live struct device for as long as this object is used:
 * the bus holds it while the driver is bound (probe to remove).
 */
class Device {
public:
	/**
	 * # Safety
	 * `raw` must stay valid for as long as the Device is used.
	 */
	static Device unsafe_from_raw(struct device *raw) { return Device(raw); }

	/// The name the device has in sysfs (e.g. "9030000.pl061").
	const char *name() const { return kcxx_dev_name(raw_); }

	/// The device's own firmware (device-tree) node; borrowed.
	FwNode fwnode() const { return FwNode(kcxx_dev_fwnode(raw_)); }

	struct device *raw() const { return raw_; }

protected:
	explicit Device(struct device *raw) : raw_(raw) {}

private:
	struct device *raw_;
};

/**
 * A device a driver is bound to: what probe() gets, in PlatformDevice::dev(),
 * and what resources that exist only while a driver is bound require (DMA
 * memory and mappings, DMA masks, channels, devm resources). An unbound
 * Device does not convert to one.
 *
 * Only the probe adapter (PlatformDevice) and a held DmaChannel (its
 * provider's device) make one. Keep copies only in the driver's state, which
 * the framework drops before the binding ends.
 *
 * # Invariants
 * raw() is bound to a driver for as long as the object that made this (the
 * probe's PlatformDevice, the driver state it built, a DmaChannel) lives.
 */
class BoundDevice : public Device {
private:
	friend class PlatformDevice;
	friend class DmaChannel;

	explicit BoundDevice(struct device *raw) : Device(raw) {}
};

namespace detail {
[[gnu::format(printf, 3, 4)]] inline void dev_print(const Device &dev, LogLevel level,
						     const char *fmt, ...)
{
	__builtin_va_list args;

	__builtin_va_start(args, fmt);
	kcxx_dev_vprintk(dev.raw(), static_cast<char>(level), fmt, &args);
	__builtin_va_end(args);
}
} // namespace detail

// Macros, like the kernel's, so that the format is checked where it is
// written. As in the kernel, a message ends with "\n".
#define dev_err(dev, fmt, ...) ::kcxx::detail::dev_print(dev, ::kcxx::LogLevel::err, fmt __VA_OPT__(,) __VA_ARGS__)
#define dev_warn(dev, fmt, ...) ::kcxx::detail::dev_print(dev, ::kcxx::LogLevel::warning, fmt __VA_OPT__(,) __VA_ARGS__)
#define dev_notice(dev, fmt, ...) ::kcxx::detail::dev_print(dev, ::kcxx::LogLevel::notice, fmt __VA_OPT__(,) __VA_ARGS__)
#define dev_info(dev, fmt, ...) ::kcxx::detail::dev_print(dev, ::kcxx::LogLevel::info, fmt __VA_OPT__(,) __VA_ARGS__)
#define dev_dbg(dev, fmt, ...) ::kcxx::detail::dev_print(dev, ::kcxx::LogLevel::debug, fmt __VA_OPT__(,) __VA_ARGS__)

/**
 * Reports why probe failed and returns the error to pass on: dev_err(), or
 * only a debug note for -EPROBE_DEFER (the kernel will retry), as the
 * kernel's dev_err_probe() does.
 *
 *	return dev_err_probe(dev, code::EINVAL, "%pfw: bad 'reg'\n", node.raw());
 */
[[gnu::format(printf, 3, 4)]] inline Error dev_err_probe(const Device &dev, Error err,
							 const char *fmt, ...)
{
	__builtin_va_list args;

	__builtin_va_start(args, fmt);
	int ret = kcxx_dev_err_probe(dev.raw(), err.to_errno(), fmt, &args);
	__builtin_va_end(args);
	return Error::from_errno(ret);
}

/**
 * Reads a node's properties for a driver and reports any that is missing or
 * malformed with dev_err_probe(), naming the node and the property: a driver
 * that TRYs these fails probe with a clear message and the right errno.
 *
 *	Properties props(pdev.dev(), child);
 *	u32 pin = TRY(props.read_u32("reg"));
 */
class Properties {
public:
	Properties(const Device &dev, FwNode node) : dev_(dev), node_(node) {}

	Result<u32> read_u32(const char *prop) const { return report(node_.read_u32(prop), prop); }

	Result<const char *> read_string(const char *prop) const
	{
		return report(node_.read_string(prop), prop);
	}

	/// An optional property: `fallback` when absent, an error when malformed.
	Result<u32> read_u32_or(const char *prop, u32 fallback) const
	{
		return node_.has(prop) ? read_u32(prop) : Result<u32>(fallback);
	}

	template <usize N>
	Result<usize> read_choice(const char *prop, const char *const (&choices)[N]) const
	{
		return report(node_.read_choice(prop, choices), prop);
	}

	/// Fails with `err` and a message naming the property, for checks of
	/// values the driver makes itself (a pin beyond the bank, a duplicate).
	[[gnu::format(printf, 4, 5)]] Error invalid(const char *prop, Error err, const char *why,
						    ...) const;

	FwNode node() const { return node_; }

private:
	template <typename T> Result<T> report(Result<T> r, const char *prop) const
	{
		if (r.is_error())
			return dev_err_probe(dev_, r.error(), "%pfw: property '%s' %s\n",
					     node_.raw(), prop,
					     node_.has(prop) ? "is malformed" : "is missing");
		return r;
	}

	const Device &dev_;
	FwNode node_;
};

inline Error Properties::invalid(const char *prop, Error err, const char *why, ...) const
{
	__builtin_va_list args;
	char reason[96];

	__builtin_va_start(args, why);
	kcxx_vsnprintf(reason, sizeof(reason), why, &args);
	__builtin_va_end(args);
	return dev_err_probe(dev_, err, "%pfw: property '%s': %s\n", node_.raw(), prop, reason);
}

} // namespace kcxx

#endif // KCXX_DEVICE_H
