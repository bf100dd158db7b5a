/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86_64 MMIO accessors, equivalent to C's readX()/writeX() and their
 * _relaxed forms in arch/x86/include/asm/io.h.
 *
 * x86 orders MMIO against memory by itself (uncached mappings are strongly
 * ordered), so each accessor is one mov. The ordered forms carry a "memory"
 * clobber, a compiler barrier; the relaxed ones do not, exactly as in C.
 * Only kcxx/io_mem.h and kcxx/io_ports.h include this file.
 */
#ifndef KCXX_DETAIL_IO_X86_H
#define KCXX_DETAIL_IO_X86_H

#include <kcxx/types.h>

namespace kcxx::detail::io {

/*
 * The register is a memory operand ("m") so the compiler may fold a constant
 * offset into the address, as C's accessors allow. Byte values use "q", a
 * register with a byte form, as the kernel does.
 */
template <typename T, bool Ordered> [[gnu::always_inline]] inline T mov_read(uintptr addr)
{
	const volatile T *reg = reinterpret_cast<const volatile T *>(addr);
	T val;

	if constexpr (Ordered) {
		if constexpr (sizeof(T) == 1)
			asm volatile("movb %1, %0" : "=q"(val) : "m"(*reg) : "memory");
		else if constexpr (sizeof(T) == 2)
			asm volatile("movw %1, %0" : "=r"(val) : "m"(*reg) : "memory");
		else if constexpr (sizeof(T) == 4)
			asm volatile("movl %1, %0" : "=r"(val) : "m"(*reg) : "memory");
		else
			asm volatile("movq %1, %0" : "=r"(val) : "m"(*reg) : "memory");
	} else {
		if constexpr (sizeof(T) == 1)
			asm volatile("movb %1, %0" : "=q"(val) : "m"(*reg));
		else if constexpr (sizeof(T) == 2)
			asm volatile("movw %1, %0" : "=r"(val) : "m"(*reg));
		else if constexpr (sizeof(T) == 4)
			asm volatile("movl %1, %0" : "=r"(val) : "m"(*reg));
		else
			asm volatile("movq %1, %0" : "=r"(val) : "m"(*reg));
	}
	return val;
}

template <typename T, bool Ordered>
[[gnu::always_inline]] inline void mov_write(T val, uintptr addr)
{
	volatile T *reg = reinterpret_cast<volatile T *>(addr);

	if constexpr (Ordered) {
		if constexpr (sizeof(T) == 1)
			asm volatile("movb %0, %1" : : "q"(val), "m"(*reg) : "memory");
		else if constexpr (sizeof(T) == 2)
			asm volatile("movw %0, %1" : : "r"(val), "m"(*reg) : "memory");
		else if constexpr (sizeof(T) == 4)
			asm volatile("movl %0, %1" : : "r"(val), "m"(*reg) : "memory");
		else
			asm volatile("movq %0, %1" : : "r"(val), "m"(*reg) : "memory");
	} else {
		if constexpr (sizeof(T) == 1)
			asm volatile("movb %0, %1" : : "q"(val), "m"(*reg));
		else if constexpr (sizeof(T) == 2)
			asm volatile("movw %0, %1" : : "r"(val), "m"(*reg));
		else if constexpr (sizeof(T) == 4)
			asm volatile("movl %0, %1" : : "r"(val), "m"(*reg));
		else
			asm volatile("movq %0, %1" : : "r"(val), "m"(*reg));
	}
}

/// readX()
template <typename T> [[gnu::always_inline]] inline T read(uintptr addr)
{
	return mov_read<T, true>(addr);
}

/// readX_relaxed()
template <typename T> [[gnu::always_inline]] inline T read_relaxed(uintptr addr)
{
	return mov_read<T, false>(addr);
}

/// writeX()
template <typename T> [[gnu::always_inline]] inline void write(T val, uintptr addr)
{
	mov_write<T, true>(val, addr);
}

/// writeX_relaxed()
template <typename T> [[gnu::always_inline]] inline void write_relaxed(T val, uintptr addr)
{
	mov_write<T, false>(val, addr);
}

/// A port number, as x86's inb() takes it.
using Port = u16;

/// inX(): the in instruction, as arch/x86/include/asm/shared/io.h writes it
/// (port in dx, or an 8-bit immediate; no memory clobber, as there).
template <typename T> [[gnu::always_inline]] inline T port_in(Port port)
{
	T val;

	if constexpr (sizeof(T) == 1)
		asm volatile("inb %w1, %b0" : "=a"(val) : "Nd"(port));
	else if constexpr (sizeof(T) == 2)
		asm volatile("inw %w1, %w0" : "=a"(val) : "Nd"(port));
	else
		asm volatile("inl %w1, %0" : "=a"(val) : "Nd"(port));
	return val;
}

/// outX(): the out instruction.
template <typename T> [[gnu::always_inline]] inline void port_out(T val, Port port)
{
	if constexpr (sizeof(T) == 1)
		asm volatile("outb %b0, %w1" : : "a"(val), "Nd"(port));
	else if constexpr (sizeof(T) == 2)
		asm volatile("outw %w0, %w1" : : "a"(val), "Nd"(port));
	else
		asm volatile("outl %0, %w1" : : "a"(val), "Nd"(port));
}

} // namespace kcxx::detail::io

#endif // KCXX_DETAIL_IO_X86_H
