// SPDX-License-Identifier: GPL-2.0
/*
 * The C half of the codegen-parity check: each kcxx_cg_c_NAME() does one MMIO
 * or port access with <asm/io.h>; codegen_cxx.cpp's kcxx_cg_cxx_NAME() does the same
 * with kcxx::IoMem, and tests/codegen/check compares the two listings.
 * Nothing calls them: noinline keeps each one a function to disassemble.
 */
#include <linux/io.h>
#include <linux/module.h>

/* A driver's state holding its mapping, as the C++ side's Dev does. */
struct kcxx_cg_dev {
	void __iomem *base;
	unsigned long port;	/* first port of a claimed region */
};

#define CG(name) noinline kcxx_cg_c_##name(struct kcxx_cg_dev *d)
#define CG_V(name, type) noinline kcxx_cg_c_##name(struct kcxx_cg_dev *d, type v)

u8 CG(read8);
u16 CG(read16);
u32 CG(read32);
u64 CG(read64);
u8 CG(read8_relaxed);
u16 CG(read16_relaxed);
u32 CG(read32_relaxed);
u64 CG(read64_relaxed);
void CG_V(write8, u8);
void CG_V(write16, u16);
void CG_V(write32, u32);
void CG_V(write64, u64);
void CG_V(write8_relaxed, u8);
void CG_V(write16_relaxed, u16);
void CG_V(write32_relaxed, u32);
void CG_V(write64_relaxed, u64);
void CG(write32_zero);
void CG(write32_const);
u32 CG(read_field);
void CG(modify);
void CG(modify_relaxed);
void CG(array_modify);
u32 CG(two_reads);
u8 CG(in8);
u16 CG(in16);
u32 CG(in32);
void CG_V(out8, u8);
void CG_V(out16, u16);
void CG_V(out32, u32);

u8 CG(read8) { return readb(d->base + 0x11); }
u16 CG(read16) { return readw(d->base + 0x22); }
u32 CG(read32) { return readl(d->base + 0x44); }
u64 CG(read64) { return readq(d->base + 0x88); }

u8 CG(read8_relaxed) { return readb_relaxed(d->base + 0x11); }
u16 CG(read16_relaxed) { return readw_relaxed(d->base + 0x22); }
u32 CG(read32_relaxed) { return readl_relaxed(d->base + 0x44); }
u64 CG(read64_relaxed) { return readq_relaxed(d->base + 0x88); }

void CG_V(write8, u8) { writeb(v, d->base + 0x11); }
void CG_V(write16, u16) { writew(v, d->base + 0x22); }
void CG_V(write32, u32) { writel(v, d->base + 0x44); }
void CG_V(write64, u64) { writeq(v, d->base + 0x88); }

void CG_V(write8_relaxed, u8) { writeb_relaxed(v, d->base + 0x11); }
void CG_V(write16_relaxed, u16) { writew_relaxed(v, d->base + 0x22); }
void CG_V(write32_relaxed, u32) { writel_relaxed(v, d->base + 0x44); }
void CG_V(write64_relaxed, u64) { writeq_relaxed(v, d->base + 0x88); }

/* Zero comes from the zero register on arm64 ("rZ"). */
void CG(write32_zero) { writel(0, d->base + 0x44); }
void CG(write32_const) { writel(0x1234, d->base + 0x44); }

/* FIELD_GET() of bits 15:8 of the register at 0xfe0. */
u32 CG(read_field) { return (readl(d->base + 0xfe0) >> 8) & 0xff; }

/* Set bit 5, clear bit 6 of the register at 0x400. */
void CG(modify)
{
	u32 v = readl(d->base + 0x400);

	writel((v & ~0x60u) | 0x20u, d->base + 0x400);
}

void CG(modify_relaxed)
{
	u32 v = readl_relaxed(d->base + 0x400);

	writel_relaxed((v & ~0x60u) | 0x20u, d->base + 0x400);
}

/* Function 1 into bits 8:6 of the fourth register of an array at 0x100. */
void CG(array_modify)
{
	u32 v = readl(d->base + 0x10c);

	writel((v & ~(7u << 6)) | 1u << 6, d->base + 0x10c);
}

u32 CG(two_reads) { return readl(d->base + 0x44) + readl(d->base + 0xfe0); }

u8 CG(in8) { return inb(d->port + 0x11); }
u16 CG(in16) { return inw(d->port + 0x22); }
u32 CG(in32) { return inl(d->port + 0x24); }
void CG_V(out8, u8) { outb(v, d->port + 0x11); }
void CG_V(out16, u16) { outw(v, d->port + 0x22); }
void CG_V(out32, u32) { outl(v, d->port + 0x24); }

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kcxx codegen parity: C and C++ MMIO accessors side by side");
