// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx_pipeline_test - proves the C++ module pipeline inside a real kernel:
 * C++20 language features, the C bridge, constants generated from the target's
 * headers, and module metadata, reported as KTAP.
 */
#include <kcxx/bridge/slab.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/ktap.h>
#include <kcxx/module.h>

#include "pipeline_probe.h"

#ifndef KCXX_SUITE_NAME
#define KCXX_SUITE_NAME "kcxx_pipeline"
#endif

namespace {

using namespace kcxx;

// A plain zero-initialised global: .bss, no constructor to run.
int live_objects;

// constinit: initialised at compile time, so nothing depends on .init_array.
constinit int constant_answer = 42;

struct Tracked {
	Tracked() { live_objects++; }
	~Tracked() { live_objects--; }
	Tracked(const Tracked &) = delete;
	Tracked &operator=(const Tracked &) = delete;
};

void destructors_run_at_scope_exit(ktap::Test &t)
{
	{
		Tracked a, b;
		KTAP_EXPECT_EQ(t, live_objects, 2);
	}
	KTAP_EXPECT_EQ(t, live_objects, 0);
}

// No virtual destructor: a deleting destructor would need operator delete.
struct Shape {
	virtual int sides() const { return 0; }

protected:
	~Shape() = default;
};
struct Triangle final : Shape {
	int sides() const override { return 3; }
};
struct Square final : Shape {
	int sides() const override { return 4; }
};

void virtual_dispatch_without_rtti(ktap::Test &t)
{
	Triangle tri;
	Square sq;
	const Shape *shapes[] = { &tri, &sq };
	volatile usize pick = 1; // keeps the call indirect

	KTAP_EXPECT_EQ(t, shapes[pick]->sides(), 4);
	pick = 0;
	KTAP_EXPECT_EQ(t, shapes[pick]->sides(), 3);
}

template <typename T, usize N> constexpr T sum(const T (&values)[N])
{
	T total{};
	for (const T &v : values)
		total += v;
	return total;
}

constexpr int primes[] = { 2, 3, 5, 7 };
static_assert(sum(primes) == 17);

void templates_and_lambdas(ktap::Test &t)
{
	volatile int k = 3;
	const int values[] = { k, k, k };
	int base = 10;
	auto add = [&base](int x) { return base + x; };

	KTAP_EXPECT_EQ(t, sum(values), 9);
	KTAP_EXPECT_EQ(t, add(5), 15);
	KTAP_EXPECT_EQ(t, constant_answer, 42);
}

void kmalloc_through_bridge(ktap::Test &t)
{
	constexpr usize size = 256;
	auto *p = static_cast<u8 *>(kcxx_kmalloc(size, KCXX_GFP_KERNEL | KCXX_GFP_ZERO));

	if (!KTAP_EXPECT(t, p != nullptr))
		return;
	bool zeroed = true;
	for (usize i = 0; i < size; i++)
		zeroed = zeroed && p[i] == 0;
	KTAP_EXPECT(t, zeroed);
	kcxx_kfree(p);
}

void generated_constants_match_kernel(ktap::Test &t)
{
	KTAP_EXPECT_EQ(t, KCXX_SIZEOF_MUTEX, kcxx_probe_sizeof_mutex());
	KTAP_EXPECT_EQ(t, KCXX_SIZEOF_SPINLOCK, kcxx_probe_sizeof_spinlock());
	KTAP_EXPECT_EQ(t, static_cast<unsigned int>(KCXX_GFP_KERNEL), kcxx_probe_gfp_kernel());
	KTAP_EXPECT_EQ(t, static_cast<unsigned int>(KCXX_LINUX_VERSION_CODE),
		       kcxx_probe_version_code());
	KTAP_EXPECT_EQ(t, -KCXX_EPROBE_DEFER, kcxx_probe_eprobe_defer());
	pr_info("# kcxx: built for %u.%u, running %s\n", KCXX_LINUX_VERSION_CODE >> 16,
		(KCXX_LINUX_VERSION_CODE >> 8) & 0xff, kcxx_probe_uts_release());
}

#ifdef KCXX_HARNESS_INJECT_FAILURE
void injected_failure(ktap::Test &t)
{
	KTAP_EXPECT_EQ(t, 1 + 1, 3);
}
#endif

#ifdef KCXX_HARNESS_INJECT_CRASH
void injected_crash(ktap::Test &t)
{
	int *volatile nowhere = nullptr;

	// cppcheck-suppress nullPointer ; the crash this fixture exists to cause
	*nowhere = 1;
}
#endif

constinit const ktap::Case cases[] = {
	{ "destructors_run_at_scope_exit", destructors_run_at_scope_exit },
	{ "virtual_dispatch_without_rtti", virtual_dispatch_without_rtti },
#ifdef KCXX_HARNESS_INJECT_CRASH
	{ "injected_crash", injected_crash },
#endif
	{ "templates_and_lambdas", templates_and_lambdas },
	{ "kmalloc_through_bridge", kmalloc_through_bridge },
	{ "generated_constants_match_kernel", generated_constants_match_kernel },
#ifdef KCXX_HARNESS_INJECT_FAILURE
	{ "injected_failure", injected_failure },
#endif
};

int pipeline_test_init()
{
	ktap::run(KCXX_SUITE_NAME, cases);
	return 0; // the verdict is the KTAP report, as with KUnit
}

void pipeline_test_exit() {}

} // namespace

KCXX_MODULE_INIT(pipeline_test_init)
KCXX_MODULE_EXIT(pipeline_test_exit)
KCXX_MODULE_LICENSE("GPL");
KCXX_MODULE_AUTHOR("kcxx developers");
KCXX_MODULE_DESCRIPTION("kcxx pipeline self-test (KTAP)");
