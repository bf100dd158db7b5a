// SPDX-License-Identifier: GPL-2.0
// Bug class: a FIFO whose size is not a power of two, which kfifo silently
// rounds down (DECLARE_KFIFO of 100 bytes holds 64). InlineFifo refuses it.
// expect-error: static assertion failed: InlineFifo<T, N>: N must be a power of two
#include <kcxx/fifo.h>

using namespace kcxx;

usize capacity();

usize capacity()
{
#ifdef KCXX_COMPILE_FAIL
	InlineFifo<u8, 100> fifo;
#else
	InlineFifo<u8, 128> fifo;
#endif
	return fifo.capacity();
}
