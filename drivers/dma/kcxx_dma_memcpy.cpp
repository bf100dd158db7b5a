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
 *   contiguous run), and whose mmap() hands out a DMA buffer that
 *   KCXX_DMA_IOC_COPY_MAPPED copies within, with nothing to pin (zero-copy);
 * - statistics in sysfs: bytes, transfers, errors, timeouts.
 *
 * The channel is "memcpy" of the node's dmas/dma-names, or without those any
 * DMA_MEMCPY-capable channel; with kcxx,cpu-fallback and no channel at all,
 * the CPU copies instead and the driver says so.
 */
#include <kcxx/atomic.h>
#include <kcxx/attribute_group.h>
#include <kcxx/dma.h>
#include <kcxx/dma_engine.h>
#include <kcxx/hrtimer.h>
#include <kcxx/ioctl.h>
#include <kcxx/kmem_cache.h>
#include <kcxx/mempool.h>
#include <kcxx/miscdev.h>
#include <kcxx/mutex.h>
#include <kcxx/option.h>
#include <kcxx/percpu.h>
#include <kcxx/platform.h>
#include <kcxx/random.h>
#include <kcxx/sched.h>
#include <kcxx/slots.h>
#include <kcxx/stop_signal.h>
#include <kcxx/sysfs.h>
#include <kcxx/text_buffer.h>
#include <kcxx/user_mapping.h>
#include <kcxx/user_ptr.h>
#include <kcxx/vec.h>

#include "kcxx_dma_memcpy.h"

namespace {

using namespace kcxx;

constexpr u32 DEFAULT_BUFFER_SIZE = 1u << 20;
constexpr u32 MAX_BUFFER_SIZE = 1u << 30;
constexpr u32 MAX_LENGTH_ALIGN = 4096;
constexpr u32 MAX_ITERATIONS = 100000;
constexpr u32 MAX_TIMEOUT_MS = 60000;
constexpr usize MAX_FAILURE_LINES = 32;
constexpr usize FILL_CHUNK = usize{ 64 } * 1024; // bytes filled or verified between reschedules
constexpr int RESERVED_TRANSFERS = 4;		 // copies progress under memory pressure
constexpr IoctlCmd<IoctlDir::Write, KCXX_DMA_IOC_TYPE, KCXX_DMA_IOC_COPY_NR, kcxx_dma_copy> COPY;
constexpr IoctlCmd<IoctlDir::Write, KCXX_DMA_IOC_TYPE, KCXX_DMA_IOC_COPY_MAPPED_NR,
		   kcxx_dma_copy_mapped>
	COPY_MAPPED;

/// Per-CPU counters, summed for sysfs.
struct Stats {
	u64 bytes;
	u64 transfers;
	u64 errors;
	u64 timeouts;
};

/// The sysfs knobs: Atomics, so that reading or setting one never waits for
/// a self-test or a copy in progress.
struct Knobs {
	Atomic<u32> buf_size;
	Atomic<u32> iterations{ 100 };
	Atomic<u32> timeout_ms{ 3000 };
	Atomic<u32> noverify{ 0 };
	Atomic<u32> stall{ 0 }; // fault injection: submit but never issue
	Atomic<u32> running{ 0 };
};

/// What copies: the DMA channel, or, with kcxx,cpu-fallback and no channel,
/// the CPU (`chan` then holds why there is none). One copy at a time: a
/// timeout terminates everything queued on the channel.
struct Lane {
	Result<DmaChannel> chan;
	usize length_align; // the most of kcxx,length-align and the controller's
};

/// The self-test's buffers.
struct SelfTest {
	DmaCoherent<u8[]> src;
	DmaCoherent<u8[]> dst;
};

using Report = TextBuffer<4096>;

/// A part of a user copy the DMA engine leaves to the CPU.
struct Tail {
	usize offset;
	usize len;
};

/// /dev/kcxx-dma<N>'s N, one of 32, held from probe to unbind.
constinit Slots device_numbers;

class DmaMemcpy : public PlatformDriver<DmaMemcpy> {
public:
	using MatchData = NoMatchData;
	static constexpr OfMatch<MatchData> of_table[] = {
		{ "kcxx,dma-memcpy", {} },
	};

	/// An open /dev/kcxx-dma<N>: the buffer its first mmap() made.
	struct File {
		Mutex<Option<UserBuffer>> buf{ KCXX_LOCK_CLASS("kcxx_dma_memcpy.file") };
	};

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
		BoundDevice engine = chan.is_ok() ? chan.value().device() : pdev.dev();
		if (chan.is_ok() && chan.value().copy_alignment() > align)
			align = static_cast<u32>(chan.value().copy_alignment());
		auto src = TRY(buffer(pdev.dev(), props, engine, size));
		auto dst = TRY(buffer(pdev.dev(), props, engine, size));
		auto stats = TRY(PerCpu<Stats>::try_new());
		auto records = TRY(Mempool<DmaTransfer>::try_new(
			TRY(KmemCache<DmaTransfer>::try_new("kcxx_dma_transfer")),
			RESERVED_TRANSFERS));
		auto report = TRY(Box<Report>::try_new(gfp::KERNEL));
		auto slot = TRY(device_numbers.take());

		if (chan.is_ok())
			dev_info(pdev.dev(),
				 "DMA channel %s, %u-byte test buffers, length align %u, "
				 "at most %lu bytes per descriptor",
				 chan.value().name(), size, align,
				 static_cast<unsigned long>(chan.value().max_copy_len()));
		else
			dev_info(pdev.dev(),
				 "no DMA channel (error %d): copying with the CPU "
				 "(kcxx,cpu-fallback)",
				 chan.error().to_errno());
		auto self = TRY(Box<DmaMemcpy>::try_new(
			gfp::KERNEL, pdev.dev(), engine, Lane{ move(chan), align },
			SelfTest{ move(src), move(dst) }, move(report), move(stats), move(records),
			move(slot)));
		self->knobs_.buf_size.store(size);
		self->buffer_size_ = size;
		TRY(self->publish());
		return self;
	}

	DmaMemcpy(Device dev, BoundDevice engine, Lane &&lane, SelfTest &&test,
		  Box<Report> &&report, PerCpu<Stats> &&stats, Mempool<DmaTransfer> &&records,
		  Slot &&slot)
		: dev_(dev), engine_dev_(engine), slot_(move(slot)), stats_(move(stats)),
		  records_(move(records)),
		  lane_(KCXX_LOCK_CLASS("kcxx_dma_memcpy.lane"), move(lane)),
		  test_(KCXX_LOCK_CLASS("kcxx_dma_memcpy.test"), move(test)),
		  report_(KCXX_LOCK_CLASS("kcxx_dma_memcpy.report"), move(report))
	{
		auto l = lane_.lock();
		if (l->chan.is_ok())
			engine_.print("dma %s\n", l->chan.value().name());
		else
			engine_.print("cpu\n");
	}

	// Remove. First stop what is in progress: a copy waiting for the engine
	// and a self-test end within one step. Then the members go in reverse
	// order: /dev/kcxx-dma<N> first (its open files are revoked), then the
	// sysfs files (each waits for a running read or write, which now ends),
	// then the buffers and the channel.
	~DmaMemcpy()
	{
		stop_.raise();
		dev_info(dev_, "removed");
	}

	// --- /dev/kcxx-dma<N> -------------------------------------------------

	Result<Box<File>> open() { return Box<File>::try_new(gfp::KERNEL); }

	Result<long> ioctl(File &file, FileFlags flags, unsigned int cmd, uintptr arg)
	{
		switch (cmd) {
		case COPY.number: {
			kcxx_dma_copy req = TRY(COPY.user_arg(arg).read());
			Result<usize> done = copy_user(req, flags);
			// Refused input (EINVAL, EFAULT), ENOMEM, EAGAIN and an
			// interrupted or cancelled copy are not the engine's doing;
			// the statistics count what the engine did.
			if (done.is_ok())
				count(Result<void>{}, done.value());
			else if (done.error() == code::ETIMEDOUT || done.error() == code::EIO)
				count(Result<void>(done.error()), 0);
			return static_cast<long>(TRY(move(done)));
		}
		case COPY_MAPPED.number: {
			kcxx_dma_copy_mapped req = TRY(COPY_MAPPED.user_arg(arg).read());
			Result<usize> done = copy_mapped(file, req, flags);
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

	/// The file's buffer: made by its first mmap(), for the engine's DMA.
	Result<void> mmap(File &file, Vma &vma)
	{
		auto buf = file.buf.lock();
		if (buf->is_none()) {
			if (vma.len() > KCXX_DMA_MAP_MAX)
				return code::EINVAL;
			*buf = TRY(UserBuffer::try_new(engine_dev_, vma.len()));
		}
		return vma.map(**buf);
	}

	// The device is going: end a copy that waits for the engine.
	void revoke_files() { stop_.raise(); }

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
			if (chan.error() == code::EOPNOTSUPP && !fallback)
				return props.invalid(
					"dmas", code::EINVAL,
					"the controller cannot terminate transfers, so a "
					"timed-out copy would go on writing");
			if (!fallback)
				return props.invalid("dmas", code::EINVAL,
						     "no usable channel 'memcpy' (error %pe)",
						     chan.error().for_pe());
			return move(chan);
		}
		if (!chan.value().can_memcpy())
			return props.invalid("dmas", code::EINVAL, "channel %s cannot do memcpy",
					     chan.value().name());
		return move(chan);
	}

	static Result<DmaCoherent<u8[]>> buffer(const Device &dev, const Properties &props,
						BoundDevice &engine, u32 size)
	{
		auto buf = DmaCoherent<u8[]>::try_new(engine, size, gfp::KERNEL | gfp::NOWARN);
		if (buf.is_error()) {
			// dev_err, not dev_err_probe: newer kernels log no -ENOMEM.
			dev_err(dev,
				"error %pe: %pfw: property 'kcxx,buffer-size': cannot allocate %u "
				"bytes for %s\n",
				buf.error().for_pe(), props.node().raw(), size,
				engine.raw() == dev.raw() ? "the CPU" : "the DMA engine");
			return buf.error();
		}
		return buf;
	}

	Result<void> publish()
	{
		name_.print("kcxx-dma%d", slot_.index());
		TRY(run_attr_.create(dev_, "run", 0644));
		misc_ = TRY(MiscDevice<DmaMemcpy>::try_register(name_.c_str(), *this));
		dev_info(dev_, "/dev/%s ready", name_.c_str());
		return {};
	}

	// --- copying ----------------------------------------------------------

	/// Copies by DMA between addresses mapped for the engine, as one
	/// transfer of the descriptors `runs` adds; the caller holds the lane.
	template <typename Runs> Result<void> dma_copy(Lane &lane, Runs runs)
	{
		auto xfer = TRY(records_.try_alloc(gfp::KERNEL, lane.chan.value(), stop_));
		TRY(runs(*xfer));
		if (xfer->descriptors() == 0)
			return {};
		TRY(xfer->submit());
		if (!knobs_.stall.load())
			xfer->issue_pending();
		return xfer->wait(knobs_.timeout_ms.load());
	}

	/// One self-test copy, within the test buffers.
	Result<void> test_copy(Lane &lane, SelfTest &t, usize dst_off, usize src_off, usize len)
	{
		return copy_coherent(lane, t.dst, dst_off, t.src, src_off, len);
	}

	/// Copies between coherent buffers (bounds checked by the caller): by
	/// DMA what the engine takes, the rest (an unaligned end, or addresses
	/// the engine cannot start at) by the CPU.
	Result<void> copy_coherent(Lane &lane, const DmaCoherent<u8[]> &to_buf, usize dst_off,
				   const DmaCoherent<u8[]> &from_buf, usize src_off, usize len)
	{
		usize by_dma = lane.chan.is_ok() ? len & ~(lane.length_align - 1) : 0;

		if (by_dma) {
			DmaAddr dst = TRY(to_buf.dma_handle_of(dst_off));
			DmaAddr src = TRY(from_buf.dma_handle_of(src_off));
			if ((dst.value() | src.value()) & (lane.chan.value().copy_alignment() - 1))
				by_dma = 0;
		}
		if (by_dma)
			TRY(copy_by_dma(lane, TRY(to_buf.dma_handle_of(dst_off)),
					TRY(from_buf.dma_handle_of(src_off)), by_dma));
		if (len > by_dma) {
			Span<u8> to = TRY(to_buf.as_span().subspan(dst_off + by_dma, len - by_dma));
			Span<u8> from =
				TRY(from_buf.as_span().subspan(src_off + by_dma, len - by_dma));
			__builtin_memcpy(to.data(), from.data(), to.size());
		}
		return {};
	}

	/// One transfer of `len` bytes (a multiple of the length alignment)
	/// between engine addresses, cut to the engine's descriptor size.
	Result<void> copy_by_dma(Lane &lane, DmaAddr dst, DmaAddr src, usize len)
	{
		usize max = lane.chan.value().max_copy_len() & ~(lane.length_align - 1);
		return dma_copy(lane, [&](DmaTransfer &x) -> Result<void> {
			for (usize done = 0; done < len;) {
				usize n = len - done < max ? len - done : max;
				TRY(x.add_memcpy(DmaAddr::from_bridge(dst.value() + done),
						 DmaAddr::from_bridge(src.value() + done), n));
				done += n;
			}
			return {};
		});
	}

	/// KCXX_DMA_IOC_COPY_MAPPED: the bytes copied, within the file's buffer.
	Result<usize> copy_mapped(File &file, const kcxx_dma_copy_mapped &req, FileFlags flags)
	{
		// A handle of our own, and the file's lock let go: mmap() takes it
		// under the mmap lock, and a copy waits for the lane, which a
		// pinning copy holds while it takes the mmap lock.
		Option<UserBuffer> buf = [&]() -> Option<UserBuffer> {
			auto held = file.buf.lock();
			if (held->is_none())
				return none;
			return (**held).clone();
		}();
		if (buf.is_none())
			return code::ENXIO;
		// The device is not revoked while an operation runs: the memory is there.
		const DmaCoherent<u8[]> *memory = (*buf).memory();
		if (!memory)
			return code::ENODEV;
		const DmaCoherent<u8[]> &mem = *memory;
		u64 size = mem.len(), src_end, dst_end;
		if (req.len == 0 || __builtin_add_overflow(req.src_off, req.len, &src_end) ||
		    __builtin_add_overflow(req.dst_off, req.len, &dst_end) || src_end > size ||
		    dst_end > size)
			return code::EINVAL;
		if (req.src_off < dst_end && req.dst_off < src_end)
			return code::EINVAL; // overlapping
		auto lane = TRY(take_lane(flags));
		TRY(copy_coherent(*lane, mem, static_cast<usize>(req.dst_off), mem,
				  static_cast<usize>(req.src_off), static_cast<usize>(req.len)));
		return static_cast<usize>(req.len);
	}

	/// KCXX_DMA_IOC_COPY: the bytes copied.
	Result<usize> copy_user(const kcxx_dma_copy &req, FileFlags flags)
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
			auto lane = TRY(take_lane(flags));
			if (lane->chan.is_error()) {
				// Check both ranges first, as the DMA path does, so that
				// a fault copies nothing.
				auto from = TRY(PinnedUserPages::pin(src, len, false));
				auto to = TRY(PinnedUserPages::pin(dst, len, true));
				TRY(tails.try_push(Tail{ 0, len }));
			} else {
				DmaChannel &chan = lane->chan.value();
				BoundDevice engine = chan.device();
				auto from = TRY(UserSgMapping<DmaDirection::ToDevice>::pin_and_map(
					engine, src, len));
				auto to = TRY(UserSgMapping<DmaDirection::FromDevice>::pin_and_map(
					engine, dst, len));
				Limits limits{ lane->length_align, chan.copy_alignment(),
					       chan.max_copy_len() };
				TRY(dma_copy(*lane, [&](DmaTransfer &x) {
					return add_runs(x, from.segments(), to.segments(), limits,
							tails);
				}));
			} // the transfer is over: unmapped, then unpinned
		}
		for (usize i = 0; i < tails.size(); i++)
			TRY(cpu_copy_user(dst + tails[i].offset, src + tails[i].offset,
					  tails[i].len));
		return len;
	}

	/// The lane, unless a signal comes first; with O_NONBLOCK, EAGAIN when
	/// another copy holds it.
	Result<Mutex<Lane>::TriedGuard> take_lane(FileFlags flags)
	{
		if (!flags.nonblocking())
			return lane_.lock_interruptible();
		auto lane = lane_.try_lock();
		if (lane.is_error())
			return code::EAGAIN;
		return move(lane);
	}

	/// What the engine accepts of one memcpy descriptor.
	struct Limits {
		usize length_align; // lengths a multiple of this
		usize addr_align;   // both addresses a multiple of this (copy_align)
		usize max_len;	    // dma_get_max_seg_size()
	};

	/// One memcpy descriptor per run where both sides are contiguous, cut to
	/// the engine's limits; what the engine cannot take (a run's unaligned
	/// end, a run at unaligned addresses) is left to the CPU.
	static Result<void> add_runs(DmaTransfer &x, DmaSegments from, DmaSegments to,
				     const Limits &limits, Vec<Tail> &tails)
	{
		auto s = from.begin(), d = to.begin();
		usize s_used = 0, d_used = 0, pos = 0;
		usize max = limits.max_len & ~(limits.length_align - 1);

		while (!(s == from.end()) && !(d == to.end())) {
			DmaSegment ss = *s, ds = *d;
			usize run = ss.len - s_used < ds.len - d_used ? ss.len - s_used
								      : ds.len - d_used;
			u64 src = ss.addr.value() + s_used, dst = ds.addr.value() + d_used;
			bool aligned = !((src | dst) & (limits.addr_align - 1));
			usize by_dma = aligned && max ? run & ~(limits.length_align - 1) : 0;

			for (usize done = 0; done < by_dma;) {
				usize n = by_dma - done < max ? by_dma - done : max;
				TRY(x.add_memcpy(DmaAddr::from_bridge(dst + done),
						 DmaAddr::from_bridge(src + done), n));
				done += n;
			}
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

	/// Fills the test buffers for one iteration, yielding between chunks.
	Result<void> fill(SelfTest &t, usize size, u32 seed)
	{
		Span<u8> src = t.src.as_span(), dst = t.dst.as_span();

		for (usize i = 0; i < size; i++) {
			src[i] = fill_byte(i, seed);
			dst[i] = fill_byte(i, ~seed);
			if (i % FILL_CHUNK == FILL_CHUNK - 1)
				TRY(step());
		}
		return {};
	}

	/// Mismatches: dst must hold src[src_off..+len) at dst_off and its fill
	/// byte everywhere else.
	Result<usize> verify(SelfTest &t, usize size, usize src_off, usize dst_off, usize len,
			     u32 seed)
	{
		Span<u8> dst = t.dst.as_span();
		usize bad = 0;

		for (usize i = 0; i < size; i++) {
			bool copied = i >= dst_off && i - dst_off < len;
			u8 want = copied ? fill_byte(src_off + (i - dst_off), seed)
					 : fill_byte(i, ~seed);
			bad += dst[i] != want;
			if (i % FILL_CHUNK == FILL_CHUNK - 1)
				TRY(step());
		}
		return bad;
	}

	/// A point where a long self-test lets others run, and stops when the
	/// writer is killed (EINTR) or the device unbinds (ECANCELED).
	Result<void> step()
	{
		TRY(yield_unless_killed());
		if (stop_.raised())
			return code::ECANCELED;
		return {};
	}

	/// The self-test, in the writer's context; its report replaces the
	/// last one when it ends (or stops early, saying why).
	Result<void> run_test(Lane &lane, SelfTest &t)
	{
		const u32 size = knobs_.buf_size.load(), iterations = knobs_.iterations.load();
		const bool noverify = knobs_.noverify.load();
		const char *who = lane.chan.is_ok() ? lane.chan.value().name() : "cpu";
		// Lengths and offsets as the controller needs them (dmatest's
		// copy_align); kcxx,length-align tails go to the CPU in test_copy().
		usize align = lane.chan.is_ok() ? lane.chan.value().copy_alignment() : 1;
		u32 failures = 0, lines = 0, n = 0;
		u64 bytes = 0;
		auto report = TRY(Box<Report>::try_new(gfp::KERNEL));

		if (size < align) {
			report->print("%s-copy0: %u-byte buffer too small for %lu-byte alignment\n",
				      who, size, static_cast<unsigned long>(align));
			*report_.lock() = move(report);
			return {};
		}
		u64 start = monotonic_ns();
		Result<void> stopped;
		for (n = 0; n < iterations; n++) {
			usize len = (random_below(size) + 1) & ~(align - 1);
			len = len ? len : align;
			usize src_off =
				random_below(static_cast<u32>(size - len + 1)) & ~(align - 1);
			usize dst_off =
				random_below(static_cast<u32>(size - len + 1)) & ~(align - 1);
			u32 seed = random_u32();

			if (!noverify) {
				stopped = fill(t, size, seed);
				if (stopped.is_error())
					break;
			}
			Result<void> r = test_copy(lane, t, dst_off, src_off, len);
			if (r.is_error() &&
			    (r.error() == code::ECANCELED || r.error() == code::EINTR)) {
				stopped = move(r);
				break;
			}
			usize bad = 0;
			if (r.is_ok() && !noverify) {
				Result<usize> v = verify(t, size, src_off, dst_off, len, seed);
				if (v.is_error()) {
					stopped = v.error();
					break;
				}
				bad = v.value();
			}
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
			report->print("%s-copy0: result #%u: '%s' with src_off=0x%lx "
				      "dst_off=0x%lx len=0x%lx (%ld)\n",
				      who, n + 1, what, static_cast<unsigned long>(src_off),
				      static_cast<unsigned long>(dst_off),
				      static_cast<unsigned long>(len),
				      r.is_error() ? static_cast<long>(r.error().to_errno())
						   : static_cast<long>(bad));
		}
		u64 us = (monotonic_ns() - start) / 1000;
		us = us ? us : 1;
		u64 iops100 = u64(n) * 100'000'000 / us;
		u64 kbps = bytes * 1'000'000 / us / 1024;
		using ull = unsigned long long;
		if (stopped.is_error())
			report->print("%s-copy0: stopped after %u tests (%d)\n", who, n,
				      stopped.error().to_errno());
		report->print(
			"%s-copy0: summary %u tests, %u failures %llu.%02llu iops %llu KB/s (0)\n",
			who, n, failures, ull(iops100 / 100), ull(iops100 % 100), ull(kbps));
		dev_info(dev_,
			 "%s-copy0: summary %u tests, %u failures %llu.%02llu iops %llu KB/s (0)",
			 who, n, failures, ull(iops100 / 100), ull(iops100 % 100), ull(kbps));
		*report_.lock() = move(report);
		return {};
	}

	// --- sysfs: every show and store is quick; only run waits ------------

	Result<void> show_test_buf_size(SysfsOutput &out)
	{
		out.print("%u\n", knobs_.buf_size.load());
		return {};
	}
	Result<void> store_test_buf_size(SysfsInput &in)
	{
		u32 v = TRY(in.parse_u32());
		if (v == 0 || v > buffer_size_)
			return code::EINVAL;
		knobs_.buf_size.store(v);
		return {};
	}
	Result<void> show_iterations(SysfsOutput &out)
	{
		out.print("%u\n", knobs_.iterations.load());
		return {};
	}
	Result<void> store_iterations(SysfsInput &in)
	{
		u32 v = TRY(in.parse_u32());
		if (v == 0 || v > MAX_ITERATIONS)
			return code::EINVAL;
		knobs_.iterations.store(v);
		return {};
	}
	Result<void> show_timeout_ms(SysfsOutput &out)
	{
		out.print("%u\n", knobs_.timeout_ms.load());
		return {};
	}
	Result<void> store_timeout_ms(SysfsInput &in)
	{
		u32 v = TRY(in.parse_u32());
		if (v == 0 || v > MAX_TIMEOUT_MS)
			return code::EINVAL;
		knobs_.timeout_ms.store(v);
		return {};
	}
	Result<void> show_noverify(SysfsOutput &out)
	{
		out.print("%c\n", knobs_.noverify.load() ? 'Y' : 'N');
		return {};
	}
	Result<void> store_noverify(SysfsInput &in)
	{
		knobs_.noverify.store(TRY(in.parse_bool()) ? 1 : 0);
		return {};
	}
	Result<void> show_run(SysfsOutput &out)
	{
		out.print("%c\n", knobs_.running.load() ? 'Y' : 'N');
		return {};
	}
	/// Writing 1 runs the self-test in the writer's context (as dmatest's
	/// run=1 followed by wait=1) and returns when it is done: killable, and
	/// it ends early when the device unbinds. Not inlined: x86 objtool
	/// refuses the long name a .cold part of the sysfs thunk would get.
	[[gnu::noinline]] Result<void> store_run(SysfsInput &in)
	{
		if (!TRY(in.parse_bool()))
			return {};
		auto t = TRY(test_.lock_interruptible());
		auto lane = TRY(lane_.lock_interruptible());
		knobs_.running.store(1);
		Result<void> r = run_test(*lane, *t);
		knobs_.running.store(0);
		return r;
	}
	Result<void> show_results(SysfsOutput &out)
	{
		out.print("%s", report_.lock()->get()->c_str());
		return {};
	}
	template <u64 Stats::*Field> Result<void> show_count(SysfsOutput &out)
	{
		out.print("%llu\n", static_cast<unsigned long long>(
					    stats_.sum([](const Stats &s) { return s.*Field; })));
		return {};
	}
	Result<void> show_engine(SysfsOutput &out)
	{
		out.print("%s", engine_.c_str());
		return {};
	}
	Result<void> show_inject_stall(SysfsOutput &out)
	{
		out.print("%c\n", knobs_.stall.load() ? 'Y' : 'N');
		return {};
	}
	Result<void> store_inject_stall(SysfsInput &in)
	{
		knobs_.stall.store(TRY(in.parse_bool()) ? 1 : 0);
		return {};
	}

	using Self = DmaMemcpy;

public:
	/// The device's files, made with it (dev_groups), before its uevent.
	static constexpr Attribute<DmaMemcpy> attributes[] = {
		{ "test_buf_size", 0644, &Self::show_test_buf_size, &Self::store_test_buf_size },
		{ "iterations", 0644, &Self::show_iterations, &Self::store_iterations },
		{ "timeout_ms", 0644, &Self::show_timeout_ms, &Self::store_timeout_ms },
		{ "noverify", 0644, &Self::show_noverify, &Self::store_noverify },
		{ "results", 0444, &Self::show_results },
		{ "bytes", 0444, &Self::show_count<&Stats::bytes> },
		{ "transfers", 0444, &Self::show_count<&Stats::transfers> },
		{ "errors", 0444, &Self::show_count<&Stats::errors> },
		{ "timeouts", 0444, &Self::show_count<&Stats::timeouts> },
		{ "engine", 0444, &Self::show_engine },
		{ "inject_stall", 0644, &Self::show_inject_stall, &Self::store_inject_stall },
	};

private:
	Device dev_;
	BoundDevice engine_dev_; // what the buffers are allocated for: the channel's, or dev_
	StopSignal stop_;	 // raised first on unbind; outlives every wait on it
	Slot slot_;
	TextBuffer<16> name_;
	TextBuffer<32> engine_;
	Knobs knobs_;
	u32 buffer_size_ = 0;
	PerCpu<Stats> stats_;
	Mempool<DmaTransfer> records_;
	Mutex<Lane> lane_;	    // held for one copy
	Mutex<SelfTest> test_;	    // held for one self-test
	Mutex<Box<Report>> report_; // held only to swap or print the last report
	// Not in `attributes`: a device's groups are removed before its driver
	// state is, and kernfs waits for a running store first, so a self-test
	// in progress would hold unbind until it ended instead of being
	// stopped by it (stop_). Removed in this member's destructor, after
	// stop_ is raised.
	DeviceAttr<Self, &Self::show_run, &Self::store_run> run_attr_{ *this };
	// Last, so removed first; made after the state it serves.
	Option<Box<MiscDevice<DmaMemcpy>>> misc_;
};

} // namespace

KCXX_MODULE_PLATFORM_DRIVER(DmaMemcpy, kcxx_dma_memcpy, .driver = "kcxx-dma-memcpy",
			    .license = "GPL", .author = "kcxx developers",
			    .description =
				    "dmaengine memcpy client: self-test and user copy device, "
				    "built on kcxx");
