/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bitmap<N>: N bits, as <linux/bitmap.h>'s DECLARE_BITMAP() with
 * test_bit()/__set_bit()/find_first_zero_bit(), with every index checked.
 * Not atomic: guard it with a lock, as the kernel's non-atomic helpers want.
 *
 * Example (compiled):
 *	inline Result<usize> claim(Bitmap<64> &used)
 *	{
 *		usize line = TRY(used.take_first_free()); // ENOSPC when all are set
 *		TRY(used.take(63));			  // EBUSY when set, EINVAL past 63
 *		used.clear(63);
 *		return line;
 *	}
 */
#ifndef KCXX_BITMAP_H
#define KCXX_BITMAP_H

#include <kcxx/result.h>
#include <kcxx/types.h>

namespace kcxx {

/**
 * N bits, all clear at first.
 *
 * # Invariants
 * Bits at N and beyond in the last word are always clear.
 */
template <usize N> class Bitmap {
	static_assert(N > 0, "kcxx::Bitmap: at least one bit");
	static constexpr usize WORDS = (N + 63) / 64;

public:
	static constexpr usize size() { return N; }

	/// Whether bit i is set; false past the end.
	bool test(usize i) const { return i < N && (words_[i / 64] >> (i % 64) & 1); }

	/// Sets bit i if it was clear: EBUSY when set, EINVAL past the end.
	Result<void> take(usize i)
	{
		if (i >= N)
			return code::EINVAL;
		if (test(i))
			return code::EBUSY;
		words_[i / 64] |= u64(1) << (i % 64);
		return {};
	}

	/// Sets the lowest clear bit below `limit` (at most N) and returns it;
	/// ENOSPC when there is none.
	Result<usize> take_first_free(usize limit = N)
	{
		for (usize i = 0; i < limit && i < N; i++)
			if (!test(i)) {
				words_[i / 64] |= u64(1) << (i % 64);
				return i;
			}
		return code::ENOSPC;
	}

	/// Clears bit i; nothing past the end.
	void clear(usize i)
	{
		if (i < N)
			words_[i / 64] &= ~(u64(1) << (i % 64));
	}

private:
	u64 words_[WORDS] = {};
};

} // namespace kcxx

#endif // KCXX_BITMAP_H
