/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DeviceAttr: a sysfs file of a device (<linux/device.h>'s device
 * attributes) whose reads and writes are methods of its owner.
 *
 *	class Port {
 *		Result<void> show_speed(SysfsOutput &out) { out.print("%u\n", speed_); return {}; }
 *		Result<void> store_speed(SysfsInput &in) { speed_ = TRY(in.parse_u32()); return {}; }
 *		DeviceAttr<Port, &Port::show_speed, &Port::store_speed> speed_attr_{ *this };
 *	};
 *	TRY(port->speed_attr_.create(dev, "speed", 0644));
 *
 * A write that does not parse is -EINVAL to the writer and changes nothing.
 * Output is bounded to the page sysfs gives. The destructor removes the file
 * and returns only after running reads and writes have finished.
 */
#ifndef KCXX_SYSFS_H
#define KCXX_SYSFS_H

#include <kcxx/bridge/sysfs.h>
#include <kcxx/device.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>

namespace kcxx {

template <typename Owner> class AttributeGroup;

/// The text a sysfs read returns: at most a page, appended with print().
class SysfsOutput {
public:
	[[gnu::format(printf, 2, 3)]] void print(const char *fmt, ...)
	{
		__builtin_va_list args;

		__builtin_va_start(args, fmt);
		len_ += kcxx_vscnprintf(buf_ + len_, KCXX_PAGE_SIZE - len_, fmt, &args);
		__builtin_va_end(args);
	}

	usize len() const { return len_; }

private:
	template <typename, auto, auto> friend class DeviceAttr;
	template <typename> friend class AttributeGroup;
	explicit SysfsOutput(char *buf) : buf_(buf) {}

	char *buf_;
	usize len_ = 0;
};

/// What a sysfs write brought (NUL-terminated by sysfs), and its parsers.
class SysfsInput {
public:
	/// A number (decimal, or 0x hex); trailing newline allowed; else EINVAL/ERANGE.
	Result<u64> parse_u64() const
	{
		unsigned long long value = 0;

		TRY(to_result(kcxx_kstrtoull(buf_, 0, &value)));
		return value;
	}

	Result<u32> parse_u32() const
	{
		u64 value = TRY(parse_u64());

		if (value > 0xffffffffu)
			return code::ERANGE;
		return static_cast<u32>(value);
	}

	/// 1/0, y/n, on/off, as the kernel's kstrtobool() reads them.
	Result<bool> parse_bool() const
	{
		int value = 0;

		TRY(to_result(kcxx_kstrtobool(buf_, &value)));
		return value != 0;
	}

	/// Whether the input is exactly `word`, a trailing newline allowed.
	bool is(const char *word) const
	{
		usize i = 0;

		for (; word[i]; i++)
			if (i >= len_ || buf_[i] != word[i])
				return false;
		return i == len_ || (i + 1 == len_ && buf_[i] == '\n');
	}

	usize len() const { return len_; }

private:
	template <typename, auto, auto> friend class DeviceAttr;
	template <typename> friend class AttributeGroup;
	SysfsInput(const char *buf, usize len) : buf_(buf), len_(len) {}

	const char *buf_;
	usize len_;
};

/**
 * A sysfs attribute of a device, served by Owner's Show and Store methods
 * (`Result<void> (Owner::*)(SysfsOutput &)` and
 * `Result<void> (Owner::*)(SysfsInput &)`); either may be nullptr.
 *
 * # Invariants
 * While dev_ is set, raw_ is a struct kcxx_dev_attr added to dev_ whose
 * context is this object (Pinned); owner_ outlives it.
 */
template <typename Owner, auto Show, auto Store = nullptr> class DeviceAttr : Pinned {
	static constexpr bool has_show = !is_same_v<decltype(Show), nullptr_t>;
	static constexpr bool has_store = !is_same_v<decltype(Store), nullptr_t>;

	static_assert(!has_show ||
			      is_same_v<decltype(Show), Result<void> (Owner::*)(SysfsOutput &)>,
		      "DeviceAttr: Show must be `Result<void> show(SysfsOutput &out);`");
	static_assert(!has_store ||
			      is_same_v<decltype(Store), Result<void> (Owner::*)(SysfsInput &)>,
		      "DeviceAttr: Store must be `Result<void> store(SysfsInput &in);`");

public:
	explicit DeviceAttr(Owner &owner) : owner_(owner) {}
	~DeviceAttr()
	{
		if (dev_)
			kcxx_device_remove_file(dev_, raw_.get());
	}

	/// Adds the file /sys/.../<dev>/<name>; `name` must outlive it.
	Result<void> create(const Device &dev, const char *name, u16 mode)
	{
		TRY(to_result(kcxx_device_create_file(dev.raw(), raw_.get(), name, mode,
						      has_show ? &show : nullptr,
						      has_store ? &store : nullptr, this)));
		// INVARIANT: added just above, with this object as context.
		dev_ = dev.raw();
		return {};
	}

private:
	static long show(void *ctx, char *buf)
	{
		if constexpr (has_show) {
			auto *self = static_cast<DeviceAttr *>(ctx);
			SysfsOutput out(buf);
			auto r = (self->owner_.*Show)(out);
			return to_c_return(r, static_cast<long>(out.len()));
		}
		return code::EIO.to_errno();
	}

	static long store(void *ctx, const char *buf, unsigned long len)
	{
		if constexpr (has_store) {
			auto *self = static_cast<DeviceAttr *>(ctx);
			SysfsInput in(buf, len);
			auto r = (self->owner_.*Store)(in);
			return to_c_return(r, static_cast<long>(len));
		}
		return code::EIO.to_errno();
	}

	Opaque<KCXX_SIZEOF_DEV_ATTR, KCXX_ALIGNOF_DEV_ATTR> raw_{};
	Owner &owner_;
	struct device *dev_ = nullptr;
};

} // namespace kcxx

#endif // KCXX_SYSFS_H
