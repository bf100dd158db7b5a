/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DeviceRef: a counted reference on a struct device (get_device()/
 * put_device()), for objects that must name their device when they are
 * dropped, such as DMA allocations.
 */
#ifndef KCXX_DETAIL_DEVICE_REF_H
#define KCXX_DETAIL_DEVICE_REF_H

#include <kcxx/bridge/dma.h>
#include <kcxx/device.h>
#include <kcxx/utility.h>

namespace kcxx::detail {

/**
 * Keeps a struct device in memory (not bound to its driver: see the DMA
 * objects' invariants for that).
 *
 * # Invariants
 * raw_ is null only when moved from; otherwise this holds one reference on it.
 */
class DeviceRef {
public:
	explicit DeviceRef(const Device &dev)
		// SAFETY: dev is live (Device invariant); get_device() adds a
		// reference, dropped once in the destructor.
		: raw_(kcxx_get_device(dev.raw()))
	{
	}
	DeviceRef(DeviceRef &&other) : raw_(exchange(other.raw_, nullptr)) {}
	DeviceRef(const DeviceRef &) = delete;
	DeviceRef &operator=(const DeviceRef &) = delete;
	DeviceRef &operator=(DeviceRef &&) = delete;

	/// May sleep when this is the last reference.
	~DeviceRef()
	{
		if (raw_)
			kcxx_put_device(raw_);
	}

	struct device *raw() const { return raw_; }

private:
	struct device *raw_;
};

} // namespace kcxx::detail

#endif // KCXX_DETAIL_DEVICE_REF_H
