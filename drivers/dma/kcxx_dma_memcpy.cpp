// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx-dma-memcpy - a dmaengine memcpy client under compatible
 * "kcxx,dma-memcpy" (Documentation/devicetree/bindings/dma/kcxx,dma-memcpy.yaml,
 * Documentation/dma/kcxx-dma-memcpy.rst):
 *
 * - a self-test in the spirit of the kernel's dmatest, driven through sysfs
 *   (test_buf_size, iterations, timeout_ms, noverify, run, results);
 * - /dev/kcxx-dma<N>, whose KCXX_DMA_IOC_COPY ioctl copies between two user
 *   buffers by DMA (pages pinned, scatter-gather mapped, one descriptor per
 *   contiguous run);
 * - statistics in sysfs: bytes, transfers, errors, timeouts.
 *
 * The channel is "memcpy" of the node's dmas/dma-names, or without those any
 * DMA_MEMCPY-capable channel; with kcxx,cpu-fallback and no channel at all,
 * the CPU copies instead and the driver says so.
 */
#include <kcxx/atomic.h>
#include <kcxx/dma.h>
#include <kcxx/dma_engine.h>
#include <kcxx/hrtimer.h>
#include <kcxx/ioctl.h>
#include <kcxx/kmem_cache.h>
#include <kcxx/miscdev.h>
#include <kcxx/mutex.h>
#include <kcxx/percpu.h>
#include <kcxx/platform.h>
#include <kcxx/random.h>
#include <kcxx/sysfs.h>
#include <kcxx/text_buffer.h>
#include <kcxx/user_ptr.h>
#include <kcxx/vec.h>

#include "kcxx_dma_memcpy.h"

namespace {

using namespace kcxx;

constexpr u32 DEFAULT_BUFFER_SIZE = 1u << 20;
constexpr u32 MAX_BUFFER_SIZE = 1u << 30;
constexpr u32 MAX_LENGTH_ALIGN = 4096;
constexpr usize MAX_FAILURE_LINES = 32;
constexpr IoctlCmd<IoctlDir::Write, KCXX_DMA_IOC_TYPE, KCXX_DMA_IOC_COPY_NR, kcxx_dma_copy> COPY;

/// Per-CPU counters, summed for sysfs.
struct Stats {
	u64 bytes;
	u64 transfers;
	u64 errors;
	u64 timeouts;
};

/// The self-test's parameters, as dmatest's module parameters.
struct TestParams {
	u32 buf_size;
	u32 iterations;
	u32 timeout_ms;
	bool noverify;
};

/// What copies: the DMA channel, or, with kcxx,cpu-fallback and no channel,
/// the CPU (`chan` then holds why there is none). One copy at a time: a
/// timeout terminates everything queued on the channel.
struct Lane {
	Result<DmaChannel> chan;
	usize length_align;
	u32 timeout_ms;
	bool stall; // fault injection: submit but never issue
};

/// The self-test's buffers, parameters and last report.
struct SelfTest {
	DmaCoherent<u8[]> src;
	DmaCoherent<u8[]> dst;
	TestParams params;
	Box<TextBuffer<4096>> results; // boxed: a page is too much for probe's stack
};

/// A part of a user copy the DMA engine leaves to the CPU (length_align).
struct Tail {
	usize offset;
	usize len;
};

/**
 * /dev/kcxx-dma<N>'s N, one of 32, held from probe to unbind.
 *
 * # Invariants
 * index_ is -1 (moved from) or a bit of `taken` that this object set.
 */
constinit Atomic<u32> taken{ 0 };

class Slot {
public:
	static Result<Slot> take()
	{
		u32 cur = taken.load();
		for (;;) {
			if (cur == ~0u)
				return code::EBUSY;
			int n = __builtin_ctz(~cur);
			if (taken.compare_exchange(cur, cur | (1u << n)))
				return Slot(n);
		}
	}
	Slot(Slot &&other) : index_(exchange(other.index_, -1)) {}
	Slot(const Slot &) = delete;
	Slot &operator=(const Slot &) = delete;
	Slot &operator=(Slot &&) = delete;
	~Slot()
	{
		if (index_ < 0)
			return;
		u32 cur = taken.load();
		while (!taken.compare_exchange(cur, cur & ~(1u << index_)))
			;
	}

	int index() const { return index_; }

private:
	explicit Slot(int index) : index_(index) {}

	int index_;
};

class DmaMemcpy : public PlatformDriver<DmaMemcpy> {
public:
	using MatchData = NoMatchData;
	static constexpr OfMatch<MatchData> of_table[] = {
		{ "kcxx,dma-memcpy", {} },
	};

	struct File {};

	static Result<Box<DmaMemcpy>> probe(PlatformDevice &pdev, const MatchData &)
	{
		Properties props(pdev.dev(), pdev.fwnode());
		u32 size = TRY(props.read_u32_or("kcxx,buffer-size", DEFAULT_BUFFER_SIZE));
		if (size == 0 || size > MAX_BUFFER_SIZE)
			return props.invalid("kcxx,buffer-size", code::EINVAL,
					     "%u bytes, must be 1..%u", size, MAX_BUFFER_SIZE);
		u32 align = TRY(props.read_u32_or("kcxx,length-align", 1));
		if (align == 0 || align > MAX_LENGTH_ALIGN || (align & (align - 1)))
			return props.invalid("kcxx,length-align", code::EINVAL,
					     "%u, must be a power of two up to %u", align,
					     MAX_LENGTH_ALIGN);

		Result<DmaChannel> chan = TRY(request_channel(pdev, props));
		Device engine = chan.is_ok() ? chan.value().device() : pdev.dev();
		if (chan.is_ok() && chan.value().copy_alignment() > align)
			align = static_cast<u32>(chan.value().copy_alignment());
		auto src = TRY(buffer(pdev.dev(), props, engine, size));
		auto dst = TRY(buffer(pdev.dev(), props, engine, size));
		auto stats = TRY(PerCpu<Stats>::try_new());
		auto records = TRY(KmemCache<DmaTransfer>::try_new("kcxx_dma_transfer"));
		auto results = TRY(Box<TextBuffer<4096>>::try_new(gfp::KERNEL));
		auto slot = TRY(Slot::take());

		if (chan.is_ok())
			dev_info(pdev.dev(),
				 "DMA channel %s, %u-byte test buffers, length align %u",
				 chan.value().name(), size, align);
		else
			dev_info(pdev.dev(),
				 "no DMA channel (error %d): copying with the CPU "
				 "(kcxx,cpu-fallback)",
				 chan.error().to_errno());
		auto self = TRY(Box<DmaMemcpy>::try_new(
			gfp::KERNEL, pdev.dev(), Lane{ move(chan), align, 3000, false },
			SelfTest{ move(src), move(dst), TestParams{ size, 100, 3000, false },
				  move(results) },
			move(stats), move(records), move(slot)));
		TRY(self->publish());
		return self;
	}

	DmaMemcpy(Device dev, Lane &&lane, SelfTest &&test, PerCpu<Stats> &&stats,
		  KmemCache<DmaTransfer> &&records, Slot &&slot)
		: dev_(dev), slot_(move(slot)), stats_(move(stats)), records_(move(records)),
		  lane_(move(lane)), test_(move(test))
	{
	}

	// Remove: the members go in reverse order: /dev/kcxx-dma<N> first
	// (waiting for open files), then the sysfs files (waiting for running
	// reads and writes), then the buffers and the channel.
	~DmaMemcpy() { dev_info(dev_, "removed"); }

	// --- /dev/kcxx-dma<N> -------------------------------------------------

	Result<Box<File>> open() { return Box<File>::try_new(gfp::KERNEL); }

	Result<long> ioctl(File &, unsigned int cmd, uintptr arg)
	{
		switch (cmd) {
		case COPY.number: {
			kcxx_dma_copy req = TRY(COPY.user_arg(arg).read());
			Result<usize> done = copy_user(req);
			// Refused input (EINVAL, EFAULT) and ENOMEM are the caller's
			// problem; the statistics count what the engine did.
			if (done.is_ok())
				count(Result<void>{}, done.value());
			else if (done.error() == code::ETIMEDOUT || done.error() == code::EIO)
				count(Result<void>(done.error()), 0);
			return static_cast<long>(TRY(move(done)));
		}
		default:
			return code::ENOTTY;
		}
	}

private:
	// --- probe helpers ----------------------------------------------------

	/// The channel, EPROBE_DEFER while its provider is missing, or (with
	/// kcxx,cpu-fallback) the reason there is none, for the CPU to copy.
	static Result<Result<DmaChannel>> request_channel(PlatformDevice &pdev,
							  const Properties &props)
	{
		FwNode node = pdev.fwnode();
		bool fallback = node.has("kcxx,cpu-fallback");

		if (!node.has("dmas") && !node.has("dma-names")) {
			Result<DmaChannel> any = DmaChannel::request_memcpy();
			if (any.is_error() && !fallback)
				return dev_err_probe(
					pdev.dev(), any.error(),
					"%pfw: no 'dmas' and no DMA_MEMCPY channel free\n",
					node.raw());
			return move(any);
		}
		static constexpr const char *names[] = { "memcpy" };
		if (!node.has("dmas"))
			return props.invalid("dmas", code::EINVAL,
					     "is missing, 'dma-names' is not");
		TRY(props.read_choice("dma-names", names));
		Result<DmaChannel> chan = DmaChannel::request(pdev.dev(), "memcpy");
		if (chan.is_error()) {
			if (chan.error() == code::EPROBE_DEFER)
				return dev_err_probe(pdev.dev(), code::EPROBE_DEFER,
						     "%pfw: property 'dmas': provider not ready\n",
						     node.raw());
			if (!fallback)
				return props.invalid("dmas", code::EINVAL,
						     "no usable channel 'memcpy' (error %d)",
						     chan.error().to_errno());
			return move(chan);
		}
		if (!chan.value().can_memcpy())
			return props.invalid("dmas", code::EINVAL, "channel %s cannot do memcpy",
					     chan.value().name());
		return move(chan);
	}

	static Result<DmaCoherent<u8[]>> buffer(const Device &dev, const Properties &props,
						Device &engine, u32 size)
	{
		auto buf = DmaCoherent<u8[]>::try_new(engine, size, gfp::KERNEL | gfp::NOWARN);
		if (buf.is_error()) {
			// dev_err, not dev_err_probe: newer kernels log no -ENOMEM.
			dev_err(dev,
				"error %d: %pfw: property 'kcxx,buffer-size': cannot allocate %u "
				"bytes for %s\n",
				buf.error().to_errno(), props.node().raw(), size,
				engine.raw() == dev.raw() ? "the CPU" : "the DMA engine");
			return buf.error();
		}
		return buf;
	}

	Result<void> publish()
	{
		name_.print("kcxx-dma%d", slot_.index());
		TRY(test_buf_size_attr_.create(dev_, "test_buf_size", 0644));
		TRY(iterations_attr_.create(dev_, "iterations", 0644));
		TRY(timeout_ms_attr_.create(dev_, "timeout_ms", 0644));
		TRY(noverify_attr_.create(dev_, "noverify", 0644));
		TRY(run_attr_.create(dev_, "run", 0644));
		TRY(results_attr_.create(dev_, "results", 0444));
		TRY(bytes_attr_.create(dev_, "bytes", 0444));
		TRY(transfers_attr_.create(dev_, "transfers", 0444));
		TRY(errors_attr_.create(dev_, "errors", 0444));
		TRY(timeouts_attr_.create(dev_, "timeouts", 0444));
		TRY(engine_attr_.create(dev_, "engine", 0444));
		TRY(inject_stall_attr_.create(dev_, "inject_stall", 0644));
		TRY(misc_.try_push(TRY(MiscDevice<DmaMemcpy>::try_register(name_.c_str(), *this))));
		dev_info(dev_, "/dev/%s ready", name_.c_str());
		return {};
	}

	// --- copying ----------------------------------------------------------

	/// Copies by DMA `len` bytes between addresses mapped for the engine,
	/// as one transfer of one descriptor per run; the caller holds the lane.
	template <typename Runs> Result<void> dma_copy(Lane &lane, Runs runs)
	{
		auto xfer = TRY(records_.try_alloc(gfp::KERNEL, lane.chan.value()));
		TRY(runs(*xfer));
		if (xfer->descriptors() == 0)
			return {};
		TRY(xfer->submit());
		if (!lane.stall)
			xfer->issue_pending();
		return xfer->wait(lane.timeout_ms);
	}

	/// One self-test copy, within the test buffers.
	Result<void> test_copy(Lane &lane, SelfTest &t, usize dst_off, usize src_off, usize len)
	{
		usize by_dma = lane.chan.is_ok() ? len & ~(lane.length_align - 1) : 0;

		if (by_dma) {
			DmaAddr dst = TRY(t.dst.dma_handle_of(dst_off));
			DmaAddr src = TRY(t.src.dma_handle_of(src_off));
			TRY(dma_copy(lane, [&](DmaTransfer &x) {
				return x.add_memcpy(dst, src, by_dma);
			}));
		}
		if (len > by_dma) {
			Span<u8> to = TRY(t.dst.as_span().subspan(dst_off + by_dma, len - by_dma));
			Span<u8> from =
				TRY(t.src.as_span().subspan(src_off + by_dma, len - by_dma));
			__builtin_memcpy(to.data(), from.data(), to.size());
		}
		return {};
	}

	/// KCXX_DMA_IOC_COPY: the bytes copied.
	Result<usize> copy_user(const kcxx_dma_copy &req)
	{
		u64 src_end, dst_end;

		if (req.len == 0 || req.len > KCXX_DMA_COPY_MAX)
			return code::EINVAL;
		if (__builtin_add_overflow(req.src, req.len, &src_end) ||
		    __builtin_add_overflow(req.dst, req.len, &dst_end))
			return code::EFAULT;
		if (req.src < dst_end && req.dst < src_end)
			return code::EINVAL; // overlapping: memcpy's contract, not memmove's
		uintptr src = static_cast<uintptr>(req.src), dst = static_cast<uintptr>(req.dst);
		usize len = static_cast<usize>(req.len);

		Vec<Tail> tails;
		{
			auto lane = TRY(lane_.lock_interruptible());
			if (lane->chan.is_error()) {
				// Check both ranges first, as the DMA path does, so that
				// a fault copies nothing.
				auto from = TRY(PinnedUserPages::pin(src, len, false));
				auto to = TRY(PinnedUserPages::pin(dst, len, true));
				TRY(tails.try_push(Tail{ 0, len }));
			} else {
				Device engine = lane->chan.value().device();
				auto from = TRY(UserSgMapping<DmaDirection::ToDevice>::pin_and_map(
					engine, src, len));
				auto to = TRY(UserSgMapping<DmaDirection::FromDevice>::pin_and_map(
					engine, dst, len));
				TRY(dma_copy(*lane, [&](DmaTransfer &x) {
					return add_runs(x, from.segments(), to.segments(),
							lane->length_align, tails);
				}));
			} // the transfer is over: unmapped, then unpinned
		}
		for (usize i = 0; i < tails.size(); i++)
			TRY(cpu_copy_user(dst + tails[i].offset, src + tails[i].offset,
					  tails[i].len));
		return len;
	}

	/// One memcpy descriptor per run where both sides are contiguous; the
	/// part of each run past a multiple of `align` is left to the CPU.
	static Result<void> add_runs(DmaTransfer &x, DmaSegments from, DmaSegments to, usize align,
				     Vec<Tail> &tails)
	{
		auto s = from.begin(), d = to.begin();
		usize s_used = 0, d_used = 0, pos = 0;

		while (!(s == from.end()) && !(d == to.end())) {
			DmaSegment ss = *s, ds = *d;
			usize run = ss.len - s_used < ds.len - d_used ? ss.len - s_used
								      : ds.len - d_used;
			usize by_dma = run & ~(align - 1);

			if (by_dma)
				TRY(x.add_memcpy(DmaAddr::from_bridge(ds.addr.value() + d_used),
						 DmaAddr::from_bridge(ss.addr.value() + s_used),
						 by_dma));
			if (run > by_dma)
				TRY(tails.try_push(Tail{ pos + by_dma, run - by_dma }));
			pos += run;
			s_used += run;
			d_used += run;
			if (s_used == ss.len) {
				++s;
				s_used = 0;
			}
			if (d_used == ds.len) {
				++d;
				d_used = 0;
			}
		}
		return {};
	}

	/// Copies user memory to user memory through a kernel bounce buffer.
	static Result<void> cpu_copy_user(uintptr dst, uintptr src, usize len)
	{
		u8 chunk[256];

		while (len) {
			usize n = len < sizeof(chunk) ? len : sizeof(chunk);
			Span<u8> part = TRY(Span<u8>(chunk).subspan(0, n));
			UserSlice from(src, n), to(dst, n);
			TRY(from.read(part));
			TRY(to.write(part));
			src += n;
			dst += n;
			len -= n;
		}
		return {};
	}

	void count(const Result<void> &r, usize bytes)
	{
		auto s = stats_.local();
		if (r.is_ok()) {
			s->transfers++;
			s->bytes += bytes;
			return;
		}
		s->errors++;
		if (r.error() == code::ETIMEDOUT)
			s->timeouts++;
	}

	// --- the self-test ----------------------------------------------------

	static u8 fill_byte(usize i, u32 seed)
	{
		return static_cast<u8>((i * 0x9e3779b1u + seed) >> 11);
	}

	/// Mismatches: dst must hold src[src_off..+len) at dst_off and its fill
	/// byte everywhere else.
	static usize verify(SelfTest &t, usize size, usize src_off, usize dst_off, usize len,
			    u32 seed)
	{
		Span<u8> dst = t.dst.as_span();
		usize bad = 0;

		for (usize i = 0; i < size; i++) {
			bool copied = i >= dst_off && i - dst_off < len;
			u8 want = copied ? fill_byte(src_off + (i - dst_off), seed)
					 : fill_byte(i, ~seed);
			bad += dst[i] != want;
		}
		return bad;
	}

	void run_test(Lane &lane, SelfTest &t)
	{
		const TestParams p = t.params;
		const char *who = lane.chan.is_ok() ? lane.chan.value().name() : "cpu";
		// Lengths and offsets as the controller needs them (dmatest's
		// copy_align); kcxx,length-align tails go to the CPU in test_copy().
		usize align = lane.chan.is_ok() ? lane.chan.value().copy_alignment() : 1;
		u32 failures = 0, lines = 0;
		u64 bytes = 0;

		lane.timeout_ms = p.timeout_ms;
		t.results->clear();
		if (p.buf_size < align) {
			t.results->print(
				"%s-copy0: %u-byte buffer too small for %lu-byte alignment\n", who,
				p.buf_size, static_cast<unsigned long>(align));
			return;
		}
		u64 start = monotonic_ns();
		for (u32 n = 1; n <= p.iterations; n++) {
			usize len = (random_below(p.buf_size) + 1) & ~(align - 1);
			len = len ? len : align;
			usize src_off = random_below(static_cast<u32>(p.buf_size - len + 1));
			usize dst_off = random_below(static_cast<u32>(p.buf_size - len + 1));
			u32 seed = random_u32();

			if (!p.noverify) {
				Span<u8> src = t.src.as_span(), dst = t.dst.as_span();
				for (usize i = 0; i < p.buf_size; i++) {
					src[i] = fill_byte(i, seed);
					dst[i] = fill_byte(i, ~seed);
				}
			}
			Result<void> r = test_copy(lane, t, dst_off, src_off, len);
			usize bad = r.is_ok() && !p.noverify
					    ? verify(t, p.buf_size, src_off, dst_off, len, seed)
					    : 0;
			count(bad ? Result<void>(code::EIO) : r, len);
			if (r.is_ok() && !bad) {
				bytes += len;
				continue;
			}
			failures++;
			if (lines++ >= MAX_FAILURE_LINES)
				continue;
			const char *what =
				r.is_error() ? (r.error() == code::ETIMEDOUT ? "test timed out"
									     : "dma error")
					     : "data error";
			t.results->print("%s-copy0: result #%u: '%s' with src_off=0x%lx "
					 "dst_off=0x%lx len=0x%lx (%ld)\n",
					 who, n, what, static_cast<unsigned long>(src_off),
					 static_cast<unsigned long>(dst_off),
					 static_cast<unsigned long>(len),
					 r.is_error() ? static_cast<long>(r.error().to_errno())
						      : static_cast<long>(bad));
		}
		u64 us = (monotonic_ns() - start) / 1000;
		us = us ? us : 1;
		u64 iops100 = u64(p.iterations) * 100'000'000 / us;
		u64 kbps = bytes * 1'000'000 / us / 1024;
		using ull = unsigned long long;
		t.results->print(
			"%s-copy0: summary %u tests, %u failures %llu.%02llu iops %llu KB/s (0)\n",
			who, p.iterations, failures, ull(iops100 / 100), ull(iops100 % 100),
			ull(kbps));
		dev_info(dev_,
			 "%s-copy0: summary %u tests, %u failures %llu.%02llu iops %llu KB/s (0)",
			 who, p.iterations, failures, ull(iops100 / 100), ull(iops100 % 100),
			 ull(kbps));
	}

	// --- sysfs --------------------------------------------------------------

	Result<void> show_test_buf_size(SysfsOutput &out)
	{
		out.print("%u\n", test_.lock()->params.buf_size);
		return {};
	}
	Result<void> store_test_buf_size(SysfsInput &in)
	{
		u32 v = TRY(in.parse_u32());
		auto t = TRY(test_.lock_interruptible());
		if (v == 0 || v > t->src.len())
			return code::EINVAL;
		t->params.buf_size = v;
		return {};
	}
	Result<void> show_iterations(SysfsOutput &out)
	{
		out.print("%u\n", test_.lock()->params.iterations);
		return {};
	}
	Result<void> store_iterations(SysfsInput &in)
	{
		u32 v = TRY(in.parse_u32());
		if (v == 0)
			return code::EINVAL;
		TRY(test_.lock_interruptible())->params.iterations = v;
		return {};
	}
	Result<void> show_timeout_ms(SysfsOutput &out)
	{
		out.print("%u\n", test_.lock()->params.timeout_ms);
		return {};
	}
	Result<void> store_timeout_ms(SysfsInput &in)
	{
		u32 v = TRY(in.parse_u32());
		if (v == 0 || v > 60'000)
			return code::EINVAL;
		TRY(test_.lock_interruptible())->params.timeout_ms = v;
		TRY(lane_.lock_interruptible())->timeout_ms = v;
		return {};
	}
	Result<void> show_noverify(SysfsOutput &out)
	{
		bool noverify = test_.lock()->params.noverify;

		out.print("%c\n", noverify ? 'Y' : 'N');
		return {};
	}
	Result<void> store_noverify(SysfsInput &in)
	{
		bool v = TRY(in.parse_bool());
		TRY(test_.lock_interruptible())->params.noverify = v;
		return {};
	}
	Result<void> show_run(SysfsOutput &out)
	{
		out.print("%c\n", test_.try_lock().is_error() ? 'Y' : 'N');
		return {};
	}
	/// Writing 1 runs the self-test in the writer's context (as dmatest's
	/// run=1 followed by wait=1) and returns when it is done. Not inlined:
	/// x86 objtool refuses the long name a .cold part of the sysfs thunk
	/// would get.
	[[gnu::noinline]] Result<void> store_run(SysfsInput &in)
	{
		if (!TRY(in.parse_bool()))
			return {};
		auto t = TRY(test_.lock_interruptible());
		auto lane = TRY(lane_.lock_interruptible());
		run_test(*lane, *t);
		return {};
	}
	Result<void> show_results(SysfsOutput &out)
	{
		out.print("%s", test_.lock()->results->c_str());
		return {};
	}
	Result<void> show_bytes(SysfsOutput &out)
	{
		out.print("%llu\n", static_cast<unsigned long long>(
					    stats_.sum([](const Stats &s) { return s.bytes; })));
		return {};
	}
	Result<void> show_transfers(SysfsOutput &out)
	{
		out.print("%llu\n", static_cast<unsigned long long>(stats_.sum(
					    [](const Stats &s) { return s.transfers; })));
		return {};
	}
	Result<void> show_errors(SysfsOutput &out)
	{
		out.print("%llu\n", static_cast<unsigned long long>(
					    stats_.sum([](const Stats &s) { return s.errors; })));
		return {};
	}
	Result<void> show_timeouts(SysfsOutput &out)
	{
		out.print("%llu\n", static_cast<unsigned long long>(
					    stats_.sum([](const Stats &s) { return s.timeouts; })));
		return {};
	}
	Result<void> show_engine(SysfsOutput &out)
	{
		auto lane = lane_.lock();
		if (lane->chan.is_ok())
			out.print("dma %s\n", lane->chan.value().name());
		else
			out.print("cpu\n");
		return {};
	}
	Result<void> show_inject_stall(SysfsOutput &out)
	{
		bool stall = lane_.lock()->stall;

		out.print("%c\n", stall ? 'Y' : 'N');
		return {};
	}
	Result<void> store_inject_stall(SysfsInput &in)
	{
		bool v = TRY(in.parse_bool());
		TRY(lane_.lock_interruptible())->stall = v;
		return {};
	}

	using Self = DmaMemcpy;

	Device dev_;
	Slot slot_;
	TextBuffer<16> name_;
	PerCpu<Stats> stats_;
	KmemCache<DmaTransfer> records_;
	Mutex<Lane> lane_;
	Mutex<SelfTest> test_;
	DeviceAttr<Self, &Self::show_test_buf_size, &Self::store_test_buf_size> test_buf_size_attr_{
		*this
	};
	DeviceAttr<Self, &Self::show_iterations, &Self::store_iterations> iterations_attr_{ *this };
	DeviceAttr<Self, &Self::show_timeout_ms, &Self::store_timeout_ms> timeout_ms_attr_{ *this };
	DeviceAttr<Self, &Self::show_noverify, &Self::store_noverify> noverify_attr_{ *this };
	DeviceAttr<Self, &Self::show_run, &Self::store_run> run_attr_{ *this };
	DeviceAttr<Self, &Self::show_results> results_attr_{ *this };
	DeviceAttr<Self, &Self::show_bytes> bytes_attr_{ *this };
	DeviceAttr<Self, &Self::show_transfers> transfers_attr_{ *this };
	DeviceAttr<Self, &Self::show_errors> errors_attr_{ *this };
	DeviceAttr<Self, &Self::show_timeouts> timeouts_attr_{ *this };
	DeviceAttr<Self, &Self::show_engine> engine_attr_{ *this };
	DeviceAttr<Self, &Self::show_inject_stall, &Self::store_inject_stall> inject_stall_attr_{
		*this
	};
	// Last, so removed first; a Vec because it is made after the state it
	// serves (empty only while probe has not finished).
	Vec<Box<MiscDevice<DmaMemcpy>>> misc_;
};

} // namespace

KCXX_MODULE_PLATFORM_DRIVER(
	DmaMemcpy, kcxx_dma_memcpy, "kcxx-dma-memcpy", "GPL", "kcxx developers",
	"dmaengine memcpy client: self-test and user copy device, built on kcxx");
