/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64 MMIO accessors, equivalent to C's readX()/writeX() and their _relaxed
 * forms: arch/arm64/include/asm/io.h for the raw accesses and barriers,
 * include/asm-generic/io.h for how readX()/writeX() combine them.
 *
 * Inline asm, not calls into the C bridge: an MMIO access is a hot path, and
 * tests/codegen/check proves these compile to the instructions C gets.
 * Only kcxx/io_mem.h and kcxx/io_ports.h include this file.
 */
#ifndef KCXX_DETAIL_IO_ARM64_H
#define KCXX_DETAIL_IO_ARM64_H

#include <kcxx/generated/kconsts.h>
#include <kcxx/types.h>

#define KCXX_IO_STRINGIFY_(x) #x
#define KCXX_IO_STRINGIFY(x) KCXX_IO_STRINGIFY_(x)

/*
 * A device load plus its entry in .altinstructions, as the kernel's own
 * readX() carry: on CPUs with the device-load-acquire erratum the module
 * loader patches `insn` into `acq_insn`, exactly as it does for C modules.
 * The entry is a struct alt_instr (arch/arm64/include/asm/alternative.h):
 * two self-relative offsets (original, replacement), the cpucap number, and
 * both lengths. The replacement lives in subsection 1 of the same section;
 * the two .org lines stop the build if the lengths ever differ.
 */
#define KCXX_ARM64_DEVICE_LOAD(insn, acq_insn)                                                 \
	"661:\n\t" insn "\n"                                                                   \
	"662:\n"                                                                               \
	".pushsection .altinstructions, \"a\"\n\t"                                             \
	".word 661b - .\n\t"                                                                   \
	".word 663f - .\n\t"                                                                   \
	".hword " KCXX_IO_STRINGIFY(                                                           \
		KCXX_ARM64_WORKAROUND_DEVICE_LOAD_ACQUIRE) "\n\t"                              \
							   ".byte 662b - 661b\n\t"             \
							   ".byte 664f - 663f\n"               \
							   ".popsection\n"                     \
							   ".subsection 1\n"                   \
							   "663:\n\t" acq_insn "\n"            \
							   "664:\n\t"                          \
							   ".org . - (664b - 663b) + (662b - " \
							   "661b)\n\t"                         \
							   ".org . - (662b - 661b) + (664b - " \
							   "663b)\n"                           \
							   ".previous\n"

/*
 * From 6.12 the kernel's raw writes take the register as a memory operand
 * ("Qo"), which lets the compiler fold a constant offset into the store;
 * 6.1 passes the address in a register. Either is correct; kcxx follows the
 * target so that its code stays instruction-identical to C's.
 */
#if KCXX_LINUX_VERSION_CODE >= ((6 << 16) | (12 << 8))
#define KCXX_ARM64_STORE_OFFSET_ADDRESSING 1
#else
#define KCXX_ARM64_STORE_OFFSET_ADDRESSING 0
#endif

namespace kcxx::detail::io {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
	      "kcxx's MMIO accessors assume a little-endian kernel, as readl() is "
	      "little-endian and these do no byte swapping");

/// The kernel's __raw_readX(): one device load, no barrier.
template <typename T> [[gnu::always_inline]] inline T raw_read(uintptr addr)
{
	T val;

	if constexpr (sizeof(T) == 1)
		asm volatile(KCXX_ARM64_DEVICE_LOAD("ldrb %w0, [%1]", "ldarb %w0, [%1]")
			     : "=r"(val)
			     : "r"(addr));
	else if constexpr (sizeof(T) == 2)
		asm volatile(KCXX_ARM64_DEVICE_LOAD("ldrh %w0, [%1]", "ldarh %w0, [%1]")
			     : "=r"(val)
			     : "r"(addr));
	else if constexpr (sizeof(T) == 4)
		asm volatile(KCXX_ARM64_DEVICE_LOAD("ldr %w0, [%1]", "ldar %w0, [%1]")
			     : "=r"(val)
			     : "r"(addr));
	else
		asm volatile(KCXX_ARM64_DEVICE_LOAD("ldr %0, [%1]", "ldar %0, [%1]")
			     : "=r"(val)
			     : "r"(addr));
	return val;
}

/// The kernel's __raw_writeX(): one device store, no barrier. "rZ" lets a
/// zero be stored from the zero register, as in C.
template <typename T> [[gnu::always_inline]] inline void raw_write(T val, uintptr addr)
{
#if KCXX_ARM64_STORE_OFFSET_ADDRESSING
	volatile T *reg = reinterpret_cast<volatile T *>(addr);

	if constexpr (sizeof(T) == 1)
		asm volatile("strb %w0, %1" : : "rZ"(val), "Qo"(*reg));
	else if constexpr (sizeof(T) == 2)
		asm volatile("strh %w0, %1" : : "rZ"(val), "Qo"(*reg));
	else if constexpr (sizeof(T) == 4)
		asm volatile("str %w0, %1" : : "rZ"(val), "Qo"(*reg));
	else
		asm volatile("str %x0, %1" : : "rZ"(val), "Qo"(*reg));
#else
	if constexpr (sizeof(T) == 1)
		asm volatile("strb %w0, [%1]" : : "rZ"(val), "r"(addr));
	else if constexpr (sizeof(T) == 2)
		asm volatile("strh %w0, [%1]" : : "rZ"(val), "r"(addr));
	else if constexpr (sizeof(T) == 4)
		asm volatile("str %w0, [%1]" : : "rZ"(val), "r"(addr));
	else
		asm volatile("str %x0, [%1]" : : "rZ"(val), "r"(addr));
#endif
}

/*
 * Where C's readX()/writeX() (include/asm-generic/io.h) call their MMIO trace
 * hooks. The hooks are compiled out (CONFIG_TRACE_MMIO_ACCESS=n) but the label
 * their _THIS_IP_ argument takes the address of stays, and ends a basic block.
 * That limits how far the compiler moves neighbouring arithmetic across the
 * barriers; the same label here keeps the instruction order C's.
 */
#define KCXX_ARM64_MMIO_TRACE_POINT()                            \
	({                                                       \
		__label__ kcxx_io_here;                          \
	kcxx_io_here:                                            \
		if (false)                                       \
			mmio_trace_compiled_out(&&kcxx_io_here); \
	})

/// Never defined and never called: only the `if (false)` above names it.
void mmio_trace_compiled_out(const void *ip);

/*
 * After an ordered read (the kernel's __io_ar()): dma_rmb() orders the read
 * before later memory reads, and a never-taken branch that depends on the
 * value makes later instructions (udelay()'s ISB) wait for the read.
 */
template <typename T> [[gnu::always_inline]] inline void after_read(T val)
{
	unsigned long tmp;

	asm volatile("dmb oshld" : : : "memory");
	asm volatile("eor %0, %1, %1\n\t"
		     "cbnz %0, ."
		     : "=r"(tmp)
		     : "r"(static_cast<unsigned long>(val))
		     : "memory");
}

/// Before an ordered write (the kernel's __io_bw(), dma_wmb()): earlier
/// writes to memory, e.g. a DMA descriptor, reach it before the device sees
/// this write.
[[gnu::always_inline]] inline void before_write()
{
	asm volatile("dmb oshst" : : : "memory");
}

/// readX()
template <typename T> [[gnu::always_inline]] inline T read(uintptr addr)
{
	KCXX_ARM64_MMIO_TRACE_POINT();
	T val = raw_read<T>(addr);
	after_read(val);
	KCXX_ARM64_MMIO_TRACE_POINT();
	return val;
}

/// readX_relaxed(): no ordering against normal memory.
template <typename T> [[gnu::always_inline]] inline T read_relaxed(uintptr addr)
{
	KCXX_ARM64_MMIO_TRACE_POINT();
	T val = raw_read<T>(addr);
	KCXX_ARM64_MMIO_TRACE_POINT();
	return val;
}

/// writeX()
template <typename T> [[gnu::always_inline]] inline void write(T val, uintptr addr)
{
	KCXX_ARM64_MMIO_TRACE_POINT();
	before_write();
	raw_write<T>(val, addr);
	KCXX_ARM64_MMIO_TRACE_POINT();
}

/// writeX_relaxed(): no ordering against normal memory.
template <typename T> [[gnu::always_inline]] inline void write_relaxed(T val, uintptr addr)
{
	KCXX_ARM64_MMIO_TRACE_POINT();
	raw_write<T>(val, addr);
	KCXX_ARM64_MMIO_TRACE_POINT();
}

/*
 * inX()/outX(). arm64 has no port instructions: the PCI I/O space is mapped
 * at PCI_IOBASE and inb() is readb() there (asm-generic/io.h), unless the
 * kernel has CONFIG_INDIRECT_PIO (Debian's does, for HiSilicon's LPC bus):
 * then inb() is a call to the exported logic_inb(), which routes the port to
 * its host. kcxx calls the same functions, so the code is C's (tests/codegen);
 * their prototypes are checked against <linux/logic_pio.h> by
 * framework/bridge/ioport.c.
 */
extern "C" {
u8 logic_inb(unsigned long addr);
u16 logic_inw(unsigned long addr);
u32 logic_inl(unsigned long addr);
void logic_outb(u8 value, unsigned long addr);
void logic_outw(u16 value, unsigned long addr);
void logic_outl(u32 value, unsigned long addr);
}

/// A port number, as asm-generic's inb() takes it.
using Port = unsigned long;

template <typename T> [[gnu::always_inline]] inline T port_in(Port port)
{
	if constexpr (!KCXX_INDIRECT_PIO)
		return read<T>(KCXX_PCI_IOBASE + port);
	else if constexpr (sizeof(T) == 1)
		return logic_inb(port);
	else if constexpr (sizeof(T) == 2)
		return logic_inw(port);
	else
		return logic_inl(port);
}

template <typename T> [[gnu::always_inline]] inline void port_out(T val, Port port)
{
	if constexpr (!KCXX_INDIRECT_PIO)
		write<T>(val, KCXX_PCI_IOBASE + port);
	else if constexpr (sizeof(T) == 1)
		logic_outb(val, port);
	else if constexpr (sizeof(T) == 2)
		logic_outw(val, port);
	else
		logic_outl(val, port);
}

} // namespace kcxx::detail::io

#endif // KCXX_DETAIL_IO_ARM64_H
