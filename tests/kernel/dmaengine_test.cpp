// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx_dmaengine_test - kcxx/dma_engine.h on raspi3b's BCM2835 DMA
 * controller: a driver bound from dmaengine_test.dts requests its "memcpy"
 * channel in probe; the KTAP cases (suite "kcxx_dmaengine") copy between
 * coherent buffers of the controller and check every byte, inside and
 * outside the copied range. QEMU's model of this controller moves 32-bit
 * words, so every length here is a multiple of 4; offsets are not.
 */
#include <kcxx/dma.h>
#include <kcxx/dma_engine.h>
#include <kcxx/hrtimer.h>
#include <kcxx/ktap.h>
#include <kcxx/module.h>
#include <kcxx/option.h>
#include <kcxx/platform.h>

namespace {

using namespace kcxx;

constexpr usize BUF = usize(64) * 1024;

struct ProbeRecord {
	int probes;
	int err_bad_name;
};

constinit ProbeRecord rec;

class EngineDriver : public PlatformDriver<EngineDriver> {
public:
	using MatchData = NoMatchData;
	static constexpr OfMatch<MatchData> of_table[] = { { "kcxx,test-dmaengine", {} } };

	static Result<Box<EngineDriver>> probe(PlatformDevice &pdev, const MatchData &)
	{
		rec.probes++;
		auto wrong = DmaChannel::request(pdev.dev(), "no-such-name");
		rec.err_bad_name = wrong.is_error() ? wrong.error().to_errno() : 0;
		auto chan = TRY(DmaChannel::request(pdev.dev(), "memcpy"));
		pr_info("kcxx_dmaengine_test: probed, channel %s\n", chan.name());
		auto self = TRY(Box<EngineDriver>::try_new(gfp::KERNEL, move(chan)));
		bound = self.get();
		return self;
	}

	explicit EngineDriver(DmaChannel &&chan) : chan_(move(chan)) {}
	~EngineDriver()
	{
		bound = nullptr;
		pr_info("kcxx_dmaengine_test: channel released\n");
	}

	DmaChannel &chan() { return chan_; }

	static constinit EngineDriver *bound;

private:
	DmaChannel chan_;
};

constinit EngineDriver *EngineDriver::bound = nullptr;

} // namespace

KCXX_PLATFORM_DRIVER(EngineDriver, kcxx_test_dmaengine, "kcxx-test-dmaengine")

namespace {

u8 pattern(usize i)
{
	return static_cast<u8>(i * 7 + (i >> 8) + 1);
}

struct Buffers {
	DmaCoherent<u8[]> src;
	DmaCoherent<u8[]> dst;
};

Result<Buffers> make_buffers(DmaChannel &chan)
{
	BoundDevice engine = chan.device();
	auto src = TRY(DmaCoherent<u8[]>::try_new(engine, BUF, gfp::KERNEL));
	auto dst = TRY(DmaCoherent<u8[]>::try_new(engine, BUF, gfp::KERNEL));
	for (usize i = 0; i < BUF; i++) {
		src.as_span()[i] = pattern(i);
		dst.as_span()[i] = 0xa5;
	}
	return Buffers{ move(src), move(dst) };
}

/// Whether dst holds src[soff..soff+len) at doff and 0xa5 everywhere else.
bool copied_exactly(const Buffers &b, usize soff, usize doff, usize len)
{
	for (usize i = 0; i < BUF; i++) {
		u8 want = i >= doff && i < doff + len ? pattern(soff + (i - doff)) : 0xa5;
		if (b.dst.as_span()[i] != want) {
			pr_info("    # byte %lu is %02x, want %02x\n",
				static_cast<unsigned long>(i), b.dst.as_span()[i], want);
			return false;
		}
	}
	return true;
}

DmaAddr at(const DmaCoherent<u8[]> &buf, usize off)
{
	return buf.dma_handle_of(off).value();
}

void channel_by_name_can_memcpy(ktap::Test &t)
{
	KTAP_EXPECT_EQ(t, rec.probes, 1);
	if (!KTAP_EXPECT(t, EngineDriver::bound != nullptr))
		return;
	DmaChannel &chan = EngineDriver::bound->chan();
	KTAP_EXPECT(t, chan.can_memcpy());
	KTAP_EXPECT(t, chan.copy_alignment() >= 1);
	KTAP_EXPECT(t, chan.name() != nullptr);
	KTAP_EXPECT_EQ(t, rec.err_bad_name, -KCXX_ENODEV);
}

void memcpy_between_coherent_buffers_is_exact(ktap::Test &t)
{
	if (!KTAP_EXPECT(t, EngineDriver::bound != nullptr))
		return;
	DmaChannel &chan = EngineDriver::bound->chan();
	auto made = make_buffers(chan);
	if (!KTAP_EXPECT(t, made.is_ok()))
		return;
	Buffers &b = made.value();
	StopSignal stop;
	DmaTransfer xfer(chan, stop);
	KTAP_EXPECT(t, xfer.add_memcpy(at(b.dst, 5), at(b.src, 3), 40000).is_ok());
	auto cookie = xfer.submit();
	KTAP_EXPECT(t, cookie.is_ok() && cookie.value().value > 0);
	xfer.issue_pending();
	KTAP_EXPECT(t, xfer.wait(1000).is_ok());
	KTAP_EXPECT(t, cookie.is_ok() && chan.status(cookie.value()).status == DmaStatus::Complete);
	KTAP_EXPECT(t, cookie.is_ok() && chan.status(cookie.value()).residue == 0);
	KTAP_EXPECT(t, copied_exactly(b, 3, 5, 40000));
}

void several_descriptors_complete_as_one_transfer(ktap::Test &t)
{
	if (!KTAP_EXPECT(t, EngineDriver::bound != nullptr))
		return;
	DmaChannel &chan = EngineDriver::bound->chan();
	auto made = make_buffers(chan);
	if (!KTAP_EXPECT(t, made.is_ok()))
		return;
	Buffers &b = made.value();
	StopSignal stop;
	DmaTransfer xfer(chan, stop);
	// Three runs that together copy src[1..60001) to dst[7..60007).
	KTAP_EXPECT(t, xfer.add_memcpy(at(b.dst, 7), at(b.src, 1), 4096).is_ok());
	KTAP_EXPECT(t, xfer.add_memcpy(at(b.dst, 7 + 4096), at(b.src, 1 + 4096), 52).is_ok());
	KTAP_EXPECT(
		t, xfer.add_memcpy(at(b.dst, 7 + 4148), at(b.src, 1 + 4148), 60000 - 4148).is_ok());
	KTAP_EXPECT_EQ(t, xfer.descriptors(), usize(3));
	KTAP_EXPECT_EQ(t, xfer.bytes(), usize(60000));
	KTAP_EXPECT(t, xfer.submit().is_ok());
	xfer.issue_pending();
	KTAP_EXPECT(t, xfer.wait(1000).is_ok());
	KTAP_EXPECT(t, copied_exactly(b, 1, 7, 60000));
	// Nothing more can be added once submitted; empty copies are refused.
	KTAP_EXPECT(t, xfer.add_memcpy(at(b.dst, 0), at(b.src, 0), 4).error() == code::EINVAL);
	DmaTransfer empty(chan, stop);
	KTAP_EXPECT(t, empty.add_memcpy(at(b.dst, 0), at(b.src, 0), 0).error() == code::EINVAL);
	KTAP_EXPECT(t, empty.submit().error() == code::EINVAL);
	KTAP_EXPECT(t, empty.wait(10).error() == code::EINVAL);
}

void unissued_transfer_times_out_and_is_terminated(ktap::Test &t)
{
	if (!KTAP_EXPECT(t, EngineDriver::bound != nullptr))
		return;
	DmaChannel &chan = EngineDriver::bound->chan();
	auto made = make_buffers(chan);
	if (!KTAP_EXPECT(t, made.is_ok()))
		return;
	Buffers &b = made.value();
	StopSignal stop;
	{
		DmaTransfer stalled(chan, stop);
		KTAP_EXPECT(t, stalled.add_memcpy(at(b.dst, 0), at(b.src, 0), 4096).is_ok());
		KTAP_EXPECT(t, stalled.submit().is_ok());
		// Never issued: the engine never starts it, as if it hung.
		KTAP_EXPECT(t, stalled.wait(50).error() == code::ETIMEDOUT);
	}
	// Terminated: issuing now moves nothing, and the channel still works.
	chan.issue_pending();
	KTAP_EXPECT(t, copied_exactly(b, 0, 0, 0));
	DmaTransfer next(chan, stop);
	KTAP_EXPECT(t, next.add_memcpy(at(b.dst, 100), at(b.src, 200), 800).is_ok());
	KTAP_EXPECT(t, next.submit().is_ok());
	next.issue_pending();
	KTAP_EXPECT(t, next.wait(1000).is_ok());
	KTAP_EXPECT(t, copied_exactly(b, 200, 100, 800));
	// A transfer dropped before waiting is terminated by its destructor.
	{
		DmaTransfer dropped(chan, stop);
		KTAP_EXPECT(t, dropped.add_memcpy(at(b.dst, 0), at(b.src, 0), 64).is_ok());
		KTAP_EXPECT(t, dropped.add_memcpy(at(b.dst, 64), at(b.src, 64), 64).is_ok());
	}
	chan.issue_pending();
	KTAP_EXPECT(t, copied_exactly(b, 200, 100, 800));
	// A raised StopSignal ends the wait at once, terminated: ECANCELED.
	{
		DmaTransfer stopped(chan, stop);
		KTAP_EXPECT(t, stopped.add_memcpy(at(b.dst, 0), at(b.src, 0), 4096).is_ok());
		KTAP_EXPECT(t, stopped.submit().is_ok());
		stop.raise();
		u64 start = monotonic_ns();
		KTAP_EXPECT(t, stopped.wait(10000).error() == code::ECANCELED);
		KTAP_EXPECT(t, monotonic_ns() - start < 1000000000ull);
	}
	chan.issue_pending();
	KTAP_EXPECT(t, copied_exactly(b, 200, 100, 800));
}

void channel_by_capability(ktap::Test &t)
{
	auto any = DmaChannel::request_memcpy();
	if (!KTAP_EXPECT(t, any.is_ok()))
		return;
	KTAP_EXPECT(t, any.value().can_memcpy());
	if (EngineDriver::bound)
		KTAP_EXPECT(t, any.value().raw() != EngineDriver::bound->chan().raw());
	pr_info("    # by capability: %s\n", any.value().name());
}

constinit const ktap::Case cases[] = {
	{ "channel_by_name_can_memcpy", channel_by_name_can_memcpy },
	{ "memcpy_between_coherent_buffers_is_exact", memcpy_between_coherent_buffers_is_exact },
	{ "several_descriptors_complete_as_one_transfer",
	  several_descriptors_complete_as_one_transfer },
	{ "unissued_transfer_times_out_and_is_terminated",
	  unissued_transfer_times_out_and_is_terminated },
	{ "channel_by_capability", channel_by_capability },
};

/// The test module: its drivers registered and the cases run at load; at
/// unload the drivers go first, then the report on what they left.
struct DmaengineTestModule {
	static Result<Box<DmaengineTestModule>> init()
	{
		auto dmaengine =
			TRY(PlatformRegistration::try_new(kcxx_platform_kcxx_test_dmaengine));
		ktap::run("kcxx_dmaengine", cases);
		return Box<DmaengineTestModule>::try_new(gfp::KERNEL, move(dmaengine));
	}

	explicit DmaengineTestModule(PlatformRegistration &&dmaengine_)
		: dmaengine(move(dmaengine_))
	{
	}

	~DmaengineTestModule()
	{
		dmaengine.reset();
		pr_info("kcxx_dmaengine_test: unloaded\n");
	}

	Option<PlatformRegistration> dmaengine;
};

} // namespace

KCXX_MODULE(DmaengineTestModule, .license = "GPL", .author = "kcxx developers",
	    .description = "kcxx dmaengine client tests (KTAP)");
