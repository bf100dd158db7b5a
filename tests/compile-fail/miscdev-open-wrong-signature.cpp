// SPDX-License-Identifier: GPL-2.0
// Bug class: a file operation whose shape the framework cannot call safely.
// Misc device hooks are checked, with the expected signature in the message.
// expect-error: misc device: open must be .Result<Box<File>> open\(\);.
#include <kcxx/miscdev.h>

using namespace kcxx;

class Dev {
public:
	struct File {};
#ifdef KCXX_COMPILE_FAIL
	int open() { return 0; }
#else
	Result<Box<File>> open() { return Box<File>::try_new(gfp::KERNEL); }
#endif
};

Result<void> setup(Dev &dev)
{
	auto registered = TRY(MiscDevice<Dev>::try_register("example", dev));
	return {};
}
