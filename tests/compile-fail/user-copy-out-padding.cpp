// SPDX-License-Identifier: GPL-2.0
// Bug class: copying a struct with padding to user space leaks whatever the
// kernel stack held in the holes. Copy-out refuses types with padding.
// expect-error: has padding that would leak kernel memory to user space
#include <kcxx/user_ptr.h>

using namespace kcxx;

#ifdef KCXX_COMPILE_FAIL
struct Info {
	u8 version; // 7 bytes of padding follow
	u64 features;
};
#else
struct Info {
	u8 version;
	u8 reserved[7]; // explicit, and zeroed by the initialiser below
	u64 features;
};
#endif

Result<void> report(uintptr arg)
{
	Info info{};
	info.version = 1;
	return UserPtr<Info>(arg).write(info);
}
