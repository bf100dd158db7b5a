// SPDX-License-Identifier: GPL-2.0
// Bug class: a read that blocks whatever O_NONBLOCK says, because it never
// sees the file's flags. Hooks that may wait get FileFlags.
// expect-error: misc device: read must be .Result<usize> read\(File &, FileFlags, UserSlice &buf, s64 &pos\);.
#include <kcxx/miscdev.h>

using namespace kcxx;

class Dev {
public:
	struct File {};
	Result<Box<File>> open() { return Box<File>::try_new(gfp::KERNEL); }
#ifdef KCXX_COMPILE_FAIL
	Result<usize> read(File &, UserSlice &, s64 &) { return usize(0); }
#else
	Result<usize> read(File &, FileFlags, UserSlice &, s64 &) { return usize(0); }
#endif
};

Result<void> setup(Dev &dev)
{
	auto registered = TRY(MiscDevice<Dev>::try_register("example", dev));
	return {};
}
