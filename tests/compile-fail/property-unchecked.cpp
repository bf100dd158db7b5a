// SPDX-License-Identifier: GPL-2.0
// Bug class: a device-tree property used without checking it was read
// (C: of_property_read_u32() failing and leaving the variable uninitialised).
// A property read is a Result; it cannot be used as the value.
// expect-error: cannot convert .kcxx::Result<unsigned int>. to .kcxx::u32.
#include <kcxx/fwnode.h>

using namespace kcxx;

Result<u32> pin_of(FwNode node)
{
#ifdef KCXX_COMPILE_FAIL
	u32 pin = node.read_u32("reg");
#else
	u32 pin = TRY(node.read_u32("reg"));
#endif
	return pin;
}
