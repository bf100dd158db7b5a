// SPDX-License-Identifier: GPL-2.0
// Bug class: the inverted ioremap() NULL check (`if (base) return -ENOMEM;`),
// or checking NULL where the function returns ERR_PTR. A mapping is a
// Result: there is no pointer to compare, only an error to handle.
// expect-error: no match for .operator!. \(operand type is .kcxx::Result<kcxx::IoMem<4096>.
#include <kcxx/platform.h>

using namespace kcxx;

Result<u32> read_id(PlatformDevice &pdev)
{
	auto regs = pdev.ioremap_resource<usize(0x1000)>(0);
#ifdef KCXX_COMPILE_FAIL
	if (!regs)
		return code::ENOMEM;
	return regs.value().read32<0xfe0>();
#else
	auto io = TRY(move(regs));
	return io.read32<0xfe0>();
#endif
}
