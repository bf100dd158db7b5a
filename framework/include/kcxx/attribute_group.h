/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AttributeGroup<Owner>: the sysfs files every device of a kind has,
 * declared once as Owner::attributes and registered with the device itself
 * (a platform driver's dev_groups, a tty port's device), so they exist
 * before user space hears of the device.
 *
 *	class Port {
 *	public:
 *		static constexpr Attribute<Port> attributes[] = {
 *			{ "rx", 0444, &Port::show_rx },
 *			{ "unpaced", 0644, &Port::show_unpaced, &Port::store_unpaced },
 *		};
 *		Result<void> show_rx(SysfsOutput &out);
 *		...
 *	};
 *
 * The framework makes the kernel's struct attribute_group from the table;
 * each read and write finds its Owner as the device's drvdata, which the
 * framework sets to it. Files are removed (and running reads and writes
 * finished) when the device goes, before its Owner.
 */
#ifndef KCXX_ATTRIBUTE_GROUP_H
#define KCXX_ATTRIBUTE_GROUP_H

#include <kcxx/atomic.h>
#include <kcxx/bridge/sched.h>
#include <kcxx/bridge/sysfs.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/sysfs.h>
#include <kcxx/utility.h>

namespace kcxx {

/// One file of a group: its name, mode and the Owner's methods for it.
template <typename Owner> struct Attribute {
	const char *name;
	u16 mode;
	Result<void> (Owner::*show)(SysfsOutput &) = nullptr;
	Result<void> (Owner::*store)(SysfsInput &) = nullptr;
};

/**
 * The kernel's attribute group for Owner::attributes.
 *
 * # Invariants
 * Once ready_ is 2, group_ is a struct attribute_group whose files are
 * Owner::attributes, in static storage (never freed, never changed again).
 */
template <typename Owner> class AttributeGroup {
	static constexpr usize n = countof(Owner::attributes);

public:
	/// {group, NULL}, as dev_groups and tty_port_register_device_attr() take.
	static const void *const *groups()
	{
		get();
		return groups_;
	}

	/// The group, made on first use; a struct attribute_group *.
	static const void *get()
	{
		u32 state = 0;

		if (ready_.compare_exchange(state, 1)) {
			for (usize i = 0; i < n; i++) {
				const Attribute<Owner> &a = Owner::attributes[i];
				kcxx_attr_group_set(attrs_.get(), static_cast<unsigned int>(i),
						    a.name, a.mode, a.show ? &show : nullptr,
						    a.store ? &store : nullptr, &a);
			}
			kcxx_attr_group_init(group_.get(), list_, attrs_.get(), n);
			groups_[0] = group_.get();
			ready_.store_release(2);
		} else {
			while (ready_.load_acquire() != 2) // another probe is making it
				kcxx_cpu_relax();
		}
		return group_.get();
	}

private:
	static long show(void *owner, const void *ctx, char *buf)
	{
		// SAFETY: the framework set the device's drvdata to its Owner, and
		// ctx is one of Owner::attributes (set above).
		auto &a = *static_cast<const Attribute<Owner> *>(ctx);
		SysfsOutput out(buf);
		auto r = (static_cast<Owner *>(owner)->*a.show)(out);
		return to_c_return(r, static_cast<long>(out.len()));
	}

	static long store(void *owner, const void *ctx, const char *buf, unsigned long len)
	{
		// SAFETY: as in show().
		auto &a = *static_cast<const Attribute<Owner> *>(ctx);
		SysfsInput in(buf, len);
		auto r = (static_cast<Owner *>(owner)->*a.store)(in);
		return to_c_return(r, static_cast<long>(len));
	}

	static inline constinit Atomic<u32> ready_{ 0 };
	static inline constinit Opaque<KCXX_SIZEOF_GROUP_ATTR * n, KCXX_ALIGNOF_GROUP_ATTR>
		attrs_{};
	static inline constinit void *list_[n + 1] = {};
	static inline constinit const void *groups_[2] = {};
	static inline constinit Opaque<KCXX_SIZEOF_ATTRIBUTE_GROUP, KCXX_ALIGNOF_ATTRIBUTE_GROUP>
		group_{};
};

} // namespace kcxx

#endif // KCXX_ATTRIBUTE_GROUP_H
