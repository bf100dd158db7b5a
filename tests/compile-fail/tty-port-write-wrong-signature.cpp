// SPDX-License-Identifier: GPL-2.0
// Bug class: a tty operation whose shape the framework cannot call safely
// (here a write that takes the tty layer's raw pointer and an int count).
// TtyPort hooks are checked, with the expected signature in the message.
// expect-error: tty port: write must be .usize write\(Span<const u8> bytes\);.
#include <kcxx/tty.h>

using namespace kcxx;

class Port {
public:
#ifdef KCXX_COMPILE_FAIL
	int write(const u8 *buf, int count) { return count; }
#else
	usize write(Span<const u8> bytes) { return bytes.size(); }
#endif
	u32 write_room() { return 4096; }

	TtyPort<Port> tty_{ *this };
};

Result<void> setup(Port &port, TtyDriver &drv)
{
	return port.tty_.register_with(drv, -1, 115200, nullptr);
}
