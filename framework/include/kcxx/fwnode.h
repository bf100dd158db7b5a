/* SPDX-License-Identifier: GPL-2.0 */
/*
 * FwNode: a firmware node (a device-tree node) and its properties, read with
 * <linux/property.h>'s typed readers. Every read returns a Result: a missing
 * or malformed property is an Error the driver must handle, never a zero.
 *
 *	u32 pin = TRY(child.read_u32("reg"));
 *	const char *label = child.read_string("label").value_or(nullptr);
 *	for (FwNode child : dev.fwnode().children()) ...
 */
#ifndef KCXX_FWNODE_H
#define KCXX_FWNODE_H

#include <kcxx/bridge/device.h>
#include <kcxx/result.h>
#include <kcxx/utility.h>

namespace kcxx {

class FwNodeRef;

/**
 * A firmware node, borrowed from whoever holds a reference (the device, a
 * FwNodeRef, or the children() loop).
 *
 * # Invariants
 * raw_ is a live fwnode_handle for as long as the holder keeps its reference.
 */
class FwNode {
public:
	explicit FwNode(struct fwnode_handle *raw) : raw_(raw) {}

	/// The node's name as written in the tree, unit address included ("led@0").
	const char *name() const { return kcxx_fwnode_get_name(raw_); }

	/// Whether the property exists (for booleans: whether it is true).
	bool has(const char *prop) const { return kcxx_fwnode_property_present(raw_, prop); }

	/// A one-cell property; EINVAL when missing, EOVERFLOW when it is not
	/// exactly one cell (`<1 2>`, or the 5 bytes of "4096", which the
	/// kernel would read as its first 4), EPROTO when malformed.
	Result<u32> read_u32(const char *prop) const
	{
		u32 value = 0;

		TRY(read_u32_array(prop, &value, 1));
		return value;
	}

	/// Exactly `count` cells into `out`; EOVERFLOW when the property has
	/// another size.
	Result<void> read_u32_array(const char *prop, u32 *out, usize count) const
	{
		Result<usize> n = count_u32(prop);
		if (n.is_error() && n.error() == code::EINVAL && has(prop))
			return code::EOVERFLOW; // present, but not a whole number of cells
		if (TRY(move(n)) != count)
			return code::EOVERFLOW;
		return to_result(kcxx_fwnode_property_read_u32_array(raw_, prop, out, count));
	}

	/// How many u32 cells the property has.
	Result<usize> count_u32(const char *prop) const
	{
		return to_count(kcxx_fwnode_property_read_u32_array(raw_, prop, nullptr, 0));
	}

	/// The first string of the property; it lives as long as the node.
	/// EILSEQ when the value is not strings (`label = <5>` reads as ""
	/// otherwise), ENODATA when the string is empty.
	Result<const char *> read_string(const char *prop) const
	{
		const char *value = nullptr;

		TRY(to_count(kcxx_fwnode_property_string_count(raw_, prop)));
		TRY(to_result(kcxx_fwnode_property_read_string(raw_, prop, &value)));
		if (!*value)
			return code::ENODATA;
		return value;
	}

	/**
	 * The index in `choices` of the property's string value: for enumerated
	 * properties such as default-state. EINVAL when missing or not a choice.
	 */
	template <usize N>
	Result<usize> read_choice(const char *prop, const char *const (&choices)[N]) const
	{
		if (TRY(to_count(kcxx_fwnode_property_string_count(raw_, prop))) != 1)
			return code::EINVAL; // "on", "off": which one?
		for (usize i = 0; i < N; i++)
			if (kcxx_fwnode_property_match_string(raw_, prop, choices[i]) >= 0)
				return i;
		return code::EINVAL;
	}

	/// The node the index-th phandle of `prop` points at, referenced.
	inline Result<FwNodeRef> find_reference(const char *prop, unsigned int index = 0) const;

	/// Whether the node's status allows a device (status = "okay" or absent).
	bool is_available() const { return kcxx_fwnode_device_is_available(raw_); }

	/// The available child nodes, in order.
	class Children;
	inline Children children() const;

	struct fwnode_handle *raw() const { return raw_; }

private:
	struct fwnode_handle *raw_;
};

/**
 * A firmware node with a reference held, dropped when this goes away.
 *
 * # Invariants
 * raw_ is null (moved from) or a node on which this object holds one reference.
 */
class FwNodeRef {
public:
	/**
	 * # Safety
	 * The caller hands over one reference on `raw`.
	 */
	static FwNodeRef unsafe_adopt(struct fwnode_handle *raw) { return FwNodeRef(raw); }

	FwNodeRef(FwNodeRef &&other) : raw_(exchange(other.raw_, nullptr)) {}
	FwNodeRef(const FwNodeRef &other) : raw_(kcxx_fwnode_handle_get(other.raw_)) {}
	FwNodeRef &operator=(const FwNodeRef &) = delete;
	FwNodeRef &operator=(FwNodeRef &&) = delete;
	~FwNodeRef() { kcxx_fwnode_handle_put(raw_); }

	FwNode get() const { return FwNode(raw_); }

private:
	explicit FwNodeRef(struct fwnode_handle *raw) : raw_(raw) {}

	struct fwnode_handle *raw_;
};

Result<FwNodeRef> FwNode::find_reference(const char *prop, unsigned int index) const
{
	struct fwnode_handle *target = TRY(from_err_ptr(kcxx_fwnode_find_reference(raw_, prop, index)));

	// SAFETY: fwnode_find_reference() returns the node referenced.
	return FwNodeRef::unsafe_adopt(target);
}

/**
 * Range over a node's available children. The loop holds a reference on the
 * current child, drops it on advancing and when the loop ends (also by break
 * or return): a child is borrowed for one iteration.
 */
class FwNode::Children {
public:
	class Iterator {
	public:
		Iterator(const Iterator &) = delete;
		Iterator &operator=(const Iterator &) = delete;
		~Iterator() { kcxx_fwnode_handle_put(child_); }

		FwNode operator*() const { return FwNode(child_); }
		Iterator &operator++()
		{
			// Drops the reference on the current child, takes the next.
			child_ = kcxx_fwnode_get_next_child(parent_, child_);
			return *this;
		}
		bool operator!=(const Iterator &) const { return child_ != nullptr; }

	private:
		friend class Children;
		explicit Iterator(struct fwnode_handle *parent)
			: parent_(parent), child_(kcxx_fwnode_get_next_child(parent, nullptr))
		{
		}
		struct end_tag {};
		explicit Iterator(end_tag) : parent_(nullptr), child_(nullptr) {}

		struct fwnode_handle *parent_;
		struct fwnode_handle *child_;
	};

	Iterator begin() const { return Iterator(parent_); }
	Iterator end() const { return Iterator(typename Iterator::end_tag{}); }

	/// How many available children there are.
	usize count() const
	{
		usize n = 0;

		for (FwNode child : *this) {
			(void)child;
			n++;
		}
		return n;
	}

private:
	friend class FwNode;
	explicit Children(struct fwnode_handle *parent) : parent_(parent) {}

	struct fwnode_handle *parent_;
};

FwNode::Children FwNode::children() const
{
	return Children(raw_);
}

} // namespace kcxx

#endif // KCXX_FWNODE_H
