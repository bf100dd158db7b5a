// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx_dma_test - kcxx's DMA objects on a real platform device: a driver bound
 * from dma_test.dts on QEMU virt sets the DMA mask in probe and keeps a
 * coherent ring and a pool block in its state; the KTAP cases (suite
 * "kcxx_dma") then use the bound device for coherent memory, streaming and
 * scatter-gather mappings and DMA pools. virt has no DMA engine: the cases
 * check the mappings (addresses, sizes, syncs, lifetimes), not transfers.
 */
#include <kcxx/atomic.h>
#include <kcxx/dma.h>
#include <kcxx/ktap.h>
#include <kcxx/module.h>
#include <kcxx/option.h>
#include <kcxx/platform.h>
#include <kcxx/vec.h>

#include "dma_helpers.h"

namespace {

using namespace kcxx;

/// A descriptor, as a DMA engine would read it.
struct Desc {
	u32 ctrl;
	u32 len;
	u64 next;
};
static_assert(sizeof(Desc) == 16);

struct Frame {
	u32 words[64];
};

struct Page {
	u8 bytes[KCXX_PAGE_SIZE];
};

constexpr u64 MASK32 = 0xffffffffull;
constexpr usize RING_LEN = 8;

// What probe saw; module-global, filled before the cases run.
struct ProbeRecord {
	int probes;
	u64 default_mask;
	u64 default_coherent_mask;
	int err_bits_0;
	int err_bits_65;
	int err_bits_12;
	u64 mask_after_12;
	int err_bits_64;
	u64 mask_64;
	u64 coherent_mask_64;
	int err_bits_32;
	u64 mask_32;
	u64 coherent_mask_32;
};

constinit ProbeRecord rec;

int errno_of(const Result<void> &r)
{
	return r.is_error() ? r.error().to_errno() : 0;
}

class DmaDriver : public PlatformDriver<DmaDriver> {
public:
	using MatchData = NoMatchData;
	static constexpr OfMatch<MatchData> of_table[] = { { "kcxx,test-dma", {} } };

	static Result<Box<DmaDriver>> probe(PlatformDevice &pdev, const MatchData &)
	{
		BoundDevice &dev = pdev.dev();

		rec.probes++;
		rec.default_mask = dma_mask(dev);
		rec.default_coherent_mask = coherent_dma_mask(dev);
		rec.err_bits_0 = errno_of(set_dma_mask(dev, 0));
		rec.err_bits_65 = errno_of(set_dma_mask(dev, 65));
		rec.err_bits_12 = errno_of(set_dma_mask(dev, 12)); // below all of RAM
		rec.mask_after_12 = dma_mask(dev);
		rec.err_bits_64 = errno_of(set_dma_mask(dev, 64));
		rec.mask_64 = dma_mask(dev);
		rec.coherent_mask_64 = coherent_dma_mask(dev);
		// A 32-bit device, as the raspi3b's DMA engine is.
		TRY(set_dma_mask(dev, 32));
		rec.mask_32 = dma_mask(dev);
		rec.coherent_mask_32 = coherent_dma_mask(dev);

		auto ring = TRY(DmaCoherent<Desc[]>::try_new(dev, RING_LEN, gfp::KERNEL));
		for (usize i = 0; i < RING_LEN; i++) {
			u64 next = TRY(ring.dma_handle_of((i + 1) % RING_LEN)).value();
			TRY(ring.try_write(i, Desc{ u32(i), 64, next }));
		}
		auto pool = TRY(DmaPool<Desc>::try_new(dev, "kcxx-test-desc", 32));
		auto head = TRY(pool.try_alloc(gfp::KERNEL, Desc{ 0xc0de, 0, ring.dma_handle().value() }));
		auto state = TRY(Box<DmaDriver>::try_new(gfp::KERNEL, dev, move(ring), move(pool),
							 move(head)));
		dev_info(dev, "kcxx_dma_test: probed, ring at %#llx",
			 static_cast<unsigned long long>(state->ring_.dma_handle().value()));
		return state;
	}

	DmaDriver(BoundDevice dev, DmaCoherent<Desc[]> &&ring, DmaPool<Desc> &&pool,
		  DmaPoolBox<Desc> &&head)
		: dev_(dev), ring_(move(ring)), pool_(move(pool)), head_(move(head))
	{
		bound = this;
	}

	// remove: the DMA memory goes back while the device is still bound.
	~DmaDriver()
	{
		bound = nullptr;
		pr_info("kcxx_dma_test: state dropped, %ld pool block(s) live\n", pool_.live());
	}

	BoundDevice &dev() { return dev_; }
	const DmaCoherent<Desc[]> &ring() const { return ring_; }
	const DmaPoolBox<Desc> &head() const { return head_; }

	/// The bound device's state while the cases run (between registration
	/// and unregistration, nothing else unbinds it).
	static constinit DmaDriver *bound;

private:
	BoundDevice dev_;
	DmaCoherent<Desc[]> ring_;
	DmaPool<Desc> pool_; // dropped before head_: the block keeps the pool alive
	DmaPoolBox<Desc> head_;
};

constinit DmaDriver *DmaDriver::bound = nullptr;

} // namespace

// At global scope, as module_platform_driver() is: the table is a symbol
// modpost must see.
KCXX_PLATFORM_DRIVER(DmaDriver, kcxx_test_dma, "kcxx-test-dma")

namespace {

bool is_aligned(u64 v, u64 align)
{
	return (v & (align - 1)) == 0;
}

// --- the checks -------------------------------------------------------------

void dma_mask_is_set_in_probe(ktap::Test &t)
{
	KTAP_EXPECT_EQ(t, rec.probes, 1);
	// A device-tree platform device starts with 32-bit masks.
	KTAP_EXPECT_EQ(t, rec.default_coherent_mask, MASK32);
	KTAP_EXPECT_EQ(t, rec.default_mask, MASK32);
	KTAP_EXPECT_EQ(t, rec.err_bits_0, -KCXX_EINVAL);
	KTAP_EXPECT_EQ(t, rec.err_bits_65, -KCXX_EINVAL);
	KTAP_EXPECT_EQ(t, rec.err_bits_12, -KCXX_EIO);
	KTAP_EXPECT_EQ(t, rec.mask_after_12, MASK32); // a refused mask changes nothing
	KTAP_EXPECT_EQ(t, rec.err_bits_64, 0);
	KTAP_EXPECT_EQ(t, rec.mask_64, ~u64(0));
	KTAP_EXPECT_EQ(t, rec.coherent_mask_64, ~u64(0));
	KTAP_EXPECT_EQ(t, rec.mask_32, MASK32);
	KTAP_EXPECT_EQ(t, rec.coherent_mask_32, MASK32);
}

void coherent_buffer_is_zeroed_typed_and_bounds_checked(ktap::Test &t)
{
	if (!KTAP_EXPECT(t, DmaDriver::bound != nullptr))
		return;
	BoundDevice &dev = DmaDriver::bound->dev();

	auto made = DmaCoherent<Desc[]>::try_new(dev, 64, gfp::KERNEL);
	if (!KTAP_EXPECT(t, made.is_ok()))
		return;
	DmaCoherent<Desc[]> ring = made.release_value();
	u64 handle = ring.dma_handle().value();
	KTAP_EXPECT_EQ(t, ring.len(), usize(64));
	KTAP_EXPECT(t, handle != 0);
	KTAP_EXPECT(t, is_aligned(handle, KCXX_PAGE_SIZE));
	KTAP_EXPECT(t, handle + 64 * sizeof(Desc) - 1 <= MASK32); // within the mask set in probe

	bool zeroed = true;
	for (const Desc &d : ring.as_span())
		zeroed = zeroed && d.ctrl == 0 && d.len == 0 && d.next == 0;
	KTAP_EXPECT(t, zeroed);

	for (usize i = 0; i < ring.len(); i++)
		KTAP_EXPECT(t, ring.try_write(i, Desc{ u32(i) * 3, 0x100, ~u64(i) }).is_ok());
	Result<Desc> d17 = ring.try_read(17);
	KTAP_EXPECT(t, d17.is_ok() && d17.value().ctrl == 51 && d17.value().next == ~u64(17));
	KTAP_EXPECT_EQ(t, ring.as_span()[63].ctrl, 189u);

	// Out of bounds through the checked API: an error, not an overrun.
	KTAP_EXPECT(t, ring.try_read(64).error() == code::EINVAL);
	KTAP_EXPECT(t, ring.try_write(64, Desc{}).error() == code::EINVAL);
	KTAP_EXPECT(t, ring.dma_handle_of(64).error() == code::EINVAL);
	KTAP_EXPECT(t, ring.as_span().subspan(60, 5).error() == code::EINVAL);
	Result<DmaAddr> third = ring.dma_handle_of(3);
	KTAP_EXPECT(t, third.is_ok() && third.value().value() == handle + 3 * sizeof(Desc));

	KTAP_EXPECT(t, DmaCoherent<Desc[]>::try_new(dev, 0, gfp::KERNEL).error() == code::EINVAL);
	KTAP_EXPECT(t, DmaCoherent<Desc[]>::try_new(dev, ~usize(0) / 8, gfp::KERNEL).error() ==
			       code::ENOMEM);

	// One T, constructed from arguments.
	auto one = DmaCoherent<Desc>::try_new(dev, gfp::KERNEL, Desc{ 7, 8, 9 });
	KTAP_EXPECT(t, one.is_ok() && one.value()->ctrl == 7 && one.value()->next == 9);
	KTAP_EXPECT(t, one.is_ok() && is_aligned(one.value().dma_handle().value(), KCXX_PAGE_SIZE));

	// The ring probe made: each descriptor points at the next.
	const DmaCoherent<Desc[]> &probe_ring = DmaDriver::bound->ring();
	Result<Desc> last = probe_ring.try_read(RING_LEN - 1);
	KTAP_EXPECT(t, last.is_ok() && last.value().ctrl == RING_LEN - 1 &&
			       last.value().next == probe_ring.dma_handle().value());
}

template <DmaDirection Dir> Result<DmaMapping<Dir, Frame>> mapped_frame(BoundDevice &dev, u32 seed)
{
	auto frame = TRY(Box<Frame>::try_new(gfp::KERNEL));
	for (u32 i = 0; i < 64; i++)
		frame->words[i] = seed + i;
	return DmaMapping<Dir, Frame>::map(dev, move(frame));
}

void streaming_mapping_in_each_direction(ktap::Test &t)
{
	if (!KTAP_EXPECT(t, DmaDriver::bound != nullptr))
		return;
	BoundDevice &dev = DmaDriver::bound->dev();

	// ToDevice: the CPU fills, maps, updates between transfers, unmaps.
	auto tx = mapped_frame<DmaDirection::ToDevice>(dev, 100);
	if (!KTAP_EXPECT(t, tx.is_ok()))
		return;
	DmaMapping<DmaDirection::ToDevice, Frame> &txm = tx.value();
	KTAP_EXPECT(t, !txm.dma_handle().is_null() && txm.dma_handle().value() <= MASK32);
	KTAP_EXPECT(t, is_aligned(txm.dma_handle().value(), 4));
	{
		auto cpu = txm.update();
		cpu->words[0] = 0xabcd;
	}
	Box<Frame> sent = move(txm).unmap();
	KTAP_EXPECT(t, sent->words[0] == 0xabcd && sent->words[63] == 163);
	// The direct mapping: the device sees the buffer at its physical address.
	auto again = DmaMapping<DmaDirection::ToDevice, Frame>::map(dev, move(sent));
	KTAP_EXPECT(t, again.is_ok() &&
			       again.value().dma_handle().value() ==
				       kcxx_test_virt_to_phys(again.value().update().operator->()));

	// FromDevice: after a sync the CPU reads (const) what memory holds.
	auto rx = mapped_frame<DmaDirection::FromDevice>(dev, 200);
	if (!KTAP_EXPECT(t, rx.is_ok()))
		return;
	{
		auto cpu = rx.value().sync_for_cpu();
		const Frame &f = *cpu;
		KTAP_EXPECT(t, f.words[0] == 200 && f.words[63] == 263);
	}
	Box<Frame> received = move(rx.value()).unmap();
	KTAP_EXPECT_EQ(t, received->words[5], 205u);

	// Bidirectional: both kinds of access.
	auto both = mapped_frame<DmaDirection::Bidirectional>(dev, 300);
	if (!KTAP_EXPECT(t, both.is_ok()))
		return;
	{
		auto cpu = both.value().sync_for_cpu();
		cpu->words[1] = cpu->words[2] * 2;
	}
	{
		auto cpu = both.value().update();
		KTAP_EXPECT_EQ(t, cpu->words[1], 604u);
	}
	// Dropped while mapped: unmapped and freed by the destructor.
}

void sg_mapping_covers_every_buffer(ktap::Test &t)
{
	if (!KTAP_EXPECT(t, DmaDriver::bound != nullptr))
		return;
	BoundDevice &dev = DmaDriver::bound->dev();

	Vec<Box<Page>> pages;
	for (int i = 0; i < 3; i++) {
		auto page = Box<Page>::try_new(gfp::KERNEL);
		if (!KTAP_EXPECT(t, page.is_ok() && pages.try_push(page.release_value()).is_ok()))
			return;
		pages[i]->bytes[0] = u8(i + 1);
	}
	auto tx = SgMapping<DmaDirection::ToDevice, Page>::map(dev, move(pages));
	if (!KTAP_EXPECT(t, tx.is_ok()))
		return;
	auto &txm = tx.value();
	usize total = 0, count = 0;
	bool in_mask = true;
	for (DmaSegment seg : txm.segments()) {
		total += seg.len;
		count++;
		in_mask = in_mask && !seg.addr.is_null() && seg.addr.value() + seg.len - 1 <= MASK32;
	}
	KTAP_EXPECT_EQ(t, total, usize(3 * KCXX_PAGE_SIZE));
	KTAP_EXPECT(t, count >= 1 && count <= 3 && count == txm.segments().size());
	KTAP_EXPECT(t, in_mask);
	KTAP_EXPECT_EQ(t, txm.buffer_count(), usize(3));
	{
		auto cpu = txm.update();
		KTAP_EXPECT_EQ(t, cpu.size(), usize(3));
		cpu[2].bytes[KCXX_PAGE_SIZE - 1] = 0x5a;
	}
	Vec<Box<Page>> back = move(txm).unmap();
	KTAP_EXPECT(t, back.size() == 3 && back[0]->bytes[0] == 1 && back[2]->bytes[0] == 3 &&
			       back[2]->bytes[KCXX_PAGE_SIZE - 1] == 0x5a);
	KTAP_EXPECT_EQ(t, txm.segments().size(), usize(0)); // unmapped: no segments

	// The same buffers, for the device to fill.
	auto rx = SgMapping<DmaDirection::FromDevice, Page>::map(dev, move(back));
	if (!KTAP_EXPECT(t, rx.is_ok()))
		return;
	{
		auto cpu = rx.value().sync_for_cpu();
		KTAP_EXPECT_EQ(t, cpu[1].bytes[0], u8(2));
	}

	using EmptyTx = SgMapping<DmaDirection::ToDevice, Page>;
	KTAP_EXPECT(t, EmptyTx::map(dev, Vec<Box<Page>>()).error() == code::EINVAL);
}

void dma_pool_blocks_are_aligned_and_freed(ktap::Test &t)
{
	if (!KTAP_EXPECT(t, DmaDriver::bound != nullptr))
		return;
	BoundDevice &dev = DmaDriver::bound->dev();

	{
		auto made = DmaPool<Desc>::try_new(dev, "kcxx-test-pool", 64);
		if (!KTAP_EXPECT(t, made.is_ok()))
			return;
		DmaPool<Desc> pool = made.release_value();
		Vec<DmaPoolBox<Desc>> blocks;
		bool all_ok = true, aligned = true, distinct = true;
		for (u32 i = 0; i < 32; i++) {
			auto block = pool.try_alloc(gfp::KERNEL, Desc{ i, 0, 0 });
			all_ok = all_ok && block.is_ok() && blocks.try_push(block.release_value()).is_ok();
			if (!all_ok)
				break;
			aligned = aligned && is_aligned(reinterpret_cast<uintptr>(blocks[i].get()), 64) &&
				  is_aligned(blocks[i].dma_handle().value(), 64);
			distinct = distinct && (i == 0 || blocks[i].dma_handle() != blocks[i - 1].dma_handle());
		}
		KTAP_EXPECT(t, all_ok);
		KTAP_EXPECT(t, aligned);
		KTAP_EXPECT(t, distinct);
		KTAP_EXPECT_EQ(t, pool.live(), 32L);
		KTAP_EXPECT_EQ(t, blocks[20]->ctrl, 20u);
		blocks.truncate(10);
		KTAP_EXPECT_EQ(t, pool.live(), 10L);

		// The handle goes first; the pool must survive until the last block.
		auto survivor = pool.try_alloc(gfp::ATOMIC, Desc{ 7, 7, 7 });
		if (!KTAP_EXPECT(t, survivor.is_ok()))
			return;
		{
			DmaPool<Desc> gone = move(pool);
		}
		blocks.truncate(0);
		KTAP_EXPECT_EQ(t, survivor.value()->ctrl, 7u);
		survivor.value()->next = survivor.value().dma_handle().value();
	}

	KTAP_EXPECT(t, DmaPool<Desc>::try_new(dev, "kcxx-bad", 48).error() == code::EINVAL);
	KTAP_EXPECT(t, DmaPool<Desc>::try_new(dev, "kcxx-bad", 4).error() == code::EINVAL);
	KTAP_EXPECT(t, DmaPool<Desc>::try_new(dev, "kcxx-bad", 16, 8).error() == code::EINVAL);
	// The probe's pool, whose handle the state drops before its block.
	KTAP_EXPECT_EQ(t, DmaDriver::bound->head()->ctrl, 0xc0deu);
	KTAP_EXPECT(t, is_aligned(DmaDriver::bound->head().dma_handle().value(), 32));
}

void alloc_free_cycles_leave_nothing_live(ktap::Test &t)
{
	if (!KTAP_EXPECT(t, DmaDriver::bound != nullptr))
		return;
	BoundDevice &dev = DmaDriver::bound->dev();
	// 1 MiB of coherent memory a cycle, for more cycles than the guest has
	// MiBs of RAM: if any cycle leaked it, a later one would find none.
	constexpr usize COHERENT_PAGES = 256;
	const unsigned long cycles = kcxx_test_total_pages() / COHERENT_PAGES + 64;
	bool all_ok = true;
	long pool_live_max = 0, pool_live_after = 0;
	unsigned long done = 0;

	unsigned long free_before = kcxx_test_free_pages();
	for (; done < cycles && all_ok; done++) {
		auto coherent = DmaCoherent<Page[]>::try_new(dev, COHERENT_PAGES,
							     gfp::KERNEL | gfp::NOWARN);
		auto frame = mapped_frame<DmaDirection::Bidirectional>(dev, u32(done));
		Vec<Box<Page>> pages;
		for (int j = 0; j < 2; j++) {
			auto page = Box<Page>::try_new(gfp::KERNEL);
			all_ok = all_ok && page.is_ok() && pages.try_push(page.release_value()).is_ok();
		}
		auto sg = SgMapping<DmaDirection::FromDevice, Page>::map(dev, move(pages));
		auto pool = DmaPool<Frame>::try_new(dev, "kcxx-test-cycle");
		all_ok = all_ok && coherent.is_ok() && frame.is_ok() && sg.is_ok() && pool.is_ok();
		if (!all_ok)
			break;
		{
			auto a = pool.value().try_alloc(gfp::KERNEL);
			auto b = pool.value().try_alloc(gfp::KERNEL);
			all_ok = a.is_ok() && b.is_ok();
			pool_live_max = pool.value().live();
		}
		pool_live_after += pool.value().live();
	}
	long lost = long(free_before) - long(kcxx_test_free_pages());

	pr_info("    # kcxx_dma: %lu of %lu cycles, %ld pages not back\n", done, cycles, lost);
	KTAP_EXPECT(t, all_ok);
	KTAP_EXPECT_EQ(t, done, cycles);
	KTAP_EXPECT_EQ(t, pool_live_max, 2L);
	KTAP_EXPECT_EQ(t, pool_live_after, 0L);
	// Leaking 1 MiB a cycle would lose more than all the RAM; allow for the
	// allocator's caches.
	KTAP_EXPECT(t, lost < long(kcxx_test_total_pages() / 8));
}

// A length from user space must not size the page array: a copy request of
// 2^40 bytes is refused before anything is allocated or pinned.
void user_page_pins_are_bounded(ktap::Test &t)
{
	// The loading process's own memory; nothing is mapped at 64 KiB.
	const uintptr addr = 0x10000;
	KTAP_EXPECT(t, PinnedUserPages::pin(addr, PinnedUserPages::max_len + 1, false).error() ==
			       code::E2BIG);
	KTAP_EXPECT(t, PinnedUserPages::pin(addr, usize(1) << 40, true).error() == code::E2BIG);
	KTAP_EXPECT(t, PinnedUserPages::pin(addr, 4096, false).error() == code::EFAULT);
	KTAP_EXPECT(t, PinnedUserPages::pin(addr, 0, false).error() == code::EINVAL);
}

constinit const ktap::Case cases[] = {
	{ "dma_mask_is_set_in_probe", dma_mask_is_set_in_probe },
	{ "coherent_buffer_is_zeroed_typed_and_bounds_checked",
	  coherent_buffer_is_zeroed_typed_and_bounds_checked },
	{ "streaming_mapping_in_each_direction", streaming_mapping_in_each_direction },
	{ "sg_mapping_covers_every_buffer", sg_mapping_covers_every_buffer },
	{ "dma_pool_blocks_are_aligned_and_freed", dma_pool_blocks_are_aligned_and_freed },
	{ "alloc_free_cycles_leave_nothing_live", alloc_free_cycles_leave_nothing_live },
	{ "user_page_pins_are_bounded", user_page_pins_are_bounded },
};

/// The test module: its drivers registered and the cases run at load; at
/// unload the drivers go first, then the report on what they left.
struct DmaTestModule {
	static Result<Box<DmaTestModule>> init()
	{
		auto dma = TRY(PlatformRegistration::try_new(kcxx_platform_kcxx_test_dma));
		ktap::run("kcxx_dma", cases);
		return Box<DmaTestModule>::try_new(gfp::KERNEL, move(dma));
	}

	explicit DmaTestModule(PlatformRegistration &&dma_) : dma(move(dma_)) {}

	~DmaTestModule()
	{
		dma.reset();
		pr_info("kcxx_dma_test: unloaded\n");
	}

	Option<PlatformRegistration> dma;
};

} // namespace

KCXX_MODULE(DmaTestModule,
	    .license = "GPL",
	    .author = "kcxx developers",
	    .description = "kcxx DMA tests (KTAP)");
