// SPDX-License-Identifier: GPL-2.0
// Fixture of the safety-comments gate: unsafe_*() calls with and without the
// SAFETY: comment that says why their contract holds.
struct Thing {
	/**
	 * # Safety
	 * p came from into_raw().
	 */
	static Thing *unsafe_from_raw(void *p) { return static_cast<Thing *>(p); }

	// lint-expect: unsafe_adopt\(\) has no '#.Safety' section
	static Thing *unsafe_adopt(void *p) { return static_cast<Thing *>(p); }
};

Thing *justified(void *p)
{
	// SAFETY: p is the pointer into_raw() gave the caller, handed back once.
	return Thing::unsafe_from_raw(p);
}

Thing *unjustified(void *p)
{
	// lint-expect: call of unsafe_from_raw\(\) without a SAFETY. comment
	return Thing::unsafe_from_raw(p);
}
