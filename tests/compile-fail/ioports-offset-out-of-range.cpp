// SPDX-License-Identifier: GPL-2.0
// Bug class: a port past the claimed region (C's request_region(base, 8) and
// then inb(base + 8), someone else's port). The offset is a template argument
// checked against the region's size.
// expect-error: static assertion failed: kcxx::IoPorts: port offset out of range
#include <kcxx/io_ports.h>

using namespace kcxx;

u8 line_status(const IoPorts<8> &uart);

u8 line_status(const IoPorts<8> &uart)
{
#ifdef KCXX_COMPILE_FAIL
	return uart.in8<8>();
#else
	return uart.in8<5>();
#endif
}
