// SPDX-License-Identifier: GPL-2.0
// Bug class: pollers left sleeping on a wait queue that is freed with the
// driver's state when the device unbinds (poll() returns later and unlinks
// itself from freed memory). Pollers sleep on a PollQueue, which the files
// keep alive; a plain WaitQueue is not accepted.
// expect-error: cannot convert .kcxx::WaitQueue. to .kcxx::PollQueue&.|no matching function for call to .kcxx::PollTable::wait\(kcxx::WaitQueue&\).
#include <kcxx/miscdev.h>

using namespace kcxx;

class Dev {
public:
	struct File {};
	static Result<Box<Dev>> try_new() { return Box<Dev>::try_new(gfp::KERNEL, TRY(PollQueue::try_new())); }
	explicit Dev(PollQueue &&q) : pollers_(move(q)) {}
	Result<Box<File>> open() { return Box<File>::try_new(gfp::KERNEL); }
	PollMask poll(File &, PollTable &table)
	{
#ifdef KCXX_COMPILE_FAIL
		table.wait(readers_);
#else
		table.wait(pollers_);
#endif
		return PollMask::readable();
	}

private:
	WaitQueue readers_;
	PollQueue pollers_;
};

Result<void> setup(Dev &dev)
{
	auto registered = TRY(MiscDevice<Dev>::try_register("example", dev));
	return {};
}
