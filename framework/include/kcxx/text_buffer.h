/* SPDX-License-Identifier: GPL-2.0 */
/*
 * TextBuffer<N>: text built with printf-style appends into a fixed array,
 * <linux/sprintf.h>'s vscnprintf(): a report kept for a later sysfs read.
 *
 * Example (compiled):
 *	#include <kcxx/sysfs.h>
 *
 *	inline void summary(SysfsOutput &out, const char *name, u32 n)
 *	{
 *		TextBuffer<512> report;
 *		report.print("%s: summary %u tests\n", name, n); // cut at 511, never past
 *		out.print("%s", report.c_str());
 *	}
 */
#ifndef KCXX_TEXT_BUFFER_H
#define KCXX_TEXT_BUFFER_H

#include <kcxx/bridge/sysfs.h>
#include <kcxx/span.h>
#include <kcxx/types.h>

namespace kcxx {

/**
 * At most N - 1 characters and a NUL.
 *
 * # Invariants
 * len_ < N and text_[len_] is the NUL that ends the text; appends that do
 * not fit are cut, never overrun.
 */
template <usize N> class TextBuffer {
	static_assert(N >= 2, "kcxx::TextBuffer: room for at least one character");

public:
	[[gnu::format(printf, 2, 3)]] void print(const char *fmt, ...)
	{
		__builtin_va_list args;

		__builtin_va_start(args, fmt);
		// SAFETY: vscnprintf() writes at most N - len_ bytes including the
		// NUL and returns what it wrote without it, so len_ stays < N.
		len_ += kcxx_vscnprintf(text_ + len_, N - len_, fmt, &args);
		__builtin_va_end(args);
	}

	void clear()
	{
		len_ = 0;
		text_[0] = '\0';
	}

	const char *c_str() const { return text_; }
	usize len() const { return len_; }

	/// The text (without the NUL) as bytes, e.g. for a user copy.
	Span<const u8> as_bytes() const
	{
		// SAFETY: text_ holds len_ initialised bytes (the invariant).
		return Span<const u8>::unsafe_from_raw(reinterpret_cast<const u8 *>(text_), len_);
	}

private:
	char text_[N] = {};
	usize len_ = 0;
};

} // namespace kcxx

#endif // KCXX_TEXT_BUFFER_H
