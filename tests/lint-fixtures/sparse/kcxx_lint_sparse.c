// SPDX-License-Identifier: GPL-2.0
/*
 * Sparse fixture: each function misuses an annotation Sparse checks.
 * Compiles cleanly with gcc; only Sparse objects.
 *
 * lint-expect: :20: .*cast removes address space '__iomem'
 * lint-expect: :27: .*dereference of noderef expression
 * lint-expect: :34: .*incorrect type in initializer \(different base types\)
 * lint-expect: :42: .*context imbalance in 'kcxx_lint_lock_leak'
 */
#include <linux/io.h>
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>

u32 kcxx_lint_iomem(void __iomem *regs);
u32 kcxx_lint_iomem(void __iomem *regs)
{
	/* MMIO read as if it were RAM. */
	return *(u32 *)regs;
}

int kcxx_lint_user(const int __user *p);
int kcxx_lint_user(const int __user *p)
{
	/* User memory dereferenced directly, not with get_user(). */
	return *p;
}

u32 kcxx_lint_endian(__le32 wire);
u32 kcxx_lint_endian(__le32 wire)
{
	/* Little-endian data used without le32_to_cpu(). */
	u32 host = wire;

	return host;
}

static DEFINE_SPINLOCK(kcxx_lint_lock);

int kcxx_lint_lock_leak(int fail);
int kcxx_lint_lock_leak(int fail)
{
	spin_lock(&kcxx_lint_lock);
	if (fail)
		return -EINVAL;	/* returns with the lock held */
	spin_unlock(&kcxx_lint_lock);
	return 0;
}

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kcxx lint fixture for Sparse");
