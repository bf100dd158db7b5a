// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx_harness_bugs - one deliberate bug of each kind the debug kernel's
 * checkers report, so the harness can prove it notices every one
 * (tests/run: harness/debug-kernel-catches/<bug>). Written in plain C on
 * purpose: these are the bugs kcxx exists to prevent.
 *
 *	insmod kcxx_harness_bugs.ko bug=NAME
 *
 * The module loads, commits its one bug and stays loaded.
 */
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timer.h>

static char *bug = "none";
module_param(bug, charp, 0444);
MODULE_PARM_DESC(bug, "kasan, kfence, ubsan, lockdep, atomic-sleep, dma-api, debugobjects, kmemleak");

/* Volatile, so the compiler cannot see the bugs coming and refuse or fold them. */
static volatile int kcxx_index = 16;
static volatile unsigned int kcxx_shift = 40;
static void *volatile kcxx_leaked;

static void kcxx_bug_kasan(void)
{
	char *p = kmalloc(16, GFP_KERNEL);

	if (!p)
		return;
	kfree(p);
	pr_info("kcxx_harness_bugs: read after free: %d\n", p[kcxx_index - 16]);
}

/* KFENCE places an object at the very start or end of a page of its own; a
 * SLUB object under slub_debug starts after a red zone, so never at either.
 */
static bool kcxx_looks_kfence(const char *p, size_t size)
{
	unsigned long a = (unsigned long)p;

	return !(a & ~PAGE_MASK) || !((a + size) & ~PAGE_MASK);
}

/* Not instrumented: KASAN must not see this write first. */
static __no_sanitize_address void kcxx_write_past(char *p, size_t size)
{
	p[size + kcxx_index - 16] = 1;
}

static void kcxx_bug_kfence(void)
{
	int i;

	/* Allocate until one comes from KFENCE's pool (the harness starts
	 * sampling every 1 ms just before), then write past its end and free it.
	 */
	for (i = 0; i < 20000; i++) {
		char *p = kmalloc(32, GFP_KERNEL);

		if (!p)
			return;
		if (kcxx_looks_kfence(p, 32)) {
			kcxx_write_past(p, 32);
			kfree(p);
			return;
		}
		kfree(p);
		if (!(i % 16))
			msleep(1);
	}
	pr_info("kcxx_harness_bugs: no KFENCE allocation came\n");
}

static void kcxx_bug_ubsan(void)
{
	pr_info("kcxx_harness_bugs: 1 << 40 = %d\n", 1 << kcxx_shift);
}

static DEFINE_MUTEX(kcxx_lock_a);
static DEFINE_MUTEX(kcxx_lock_b);

static void kcxx_bug_lockdep(void)
{
	mutex_lock(&kcxx_lock_a);
	mutex_lock(&kcxx_lock_b);
	mutex_unlock(&kcxx_lock_b);
	mutex_unlock(&kcxx_lock_a);
	/* The other order: a deadlock waiting for a second thread. */
	mutex_lock(&kcxx_lock_b);
	mutex_lock(&kcxx_lock_a);
	mutex_unlock(&kcxx_lock_a);
	mutex_unlock(&kcxx_lock_b);
}

static DEFINE_SPINLOCK(kcxx_spin);

static void kcxx_bug_atomic_sleep(void)
{
	spin_lock(&kcxx_spin);
	msleep(1);
	spin_unlock(&kcxx_spin);
}

static void kcxx_bug_dma_api(void)
{
	struct platform_device_info info = {
		.name = "kcxx-harness-bugs", .id = PLATFORM_DEVID_NONE, .dma_mask = DMA_BIT_MASK(32),
	};
	struct platform_device *pdev = platform_device_register_full(&info);
	dma_addr_t addr;
	void *buf;

	if (IS_ERR(pdev))
		return;
	buf = kmalloc(64, GFP_KERNEL);
	if (buf) {
		addr = dma_map_single(&pdev->dev, buf, 64, DMA_TO_DEVICE);
		if (!dma_mapping_error(&pdev->dev, addr))
			dma_unmap_single(&pdev->dev, addr, 32, DMA_TO_DEVICE); /* wrong size */
		kfree(buf);
	}
	platform_device_unregister(pdev);
}

struct kcxx_timed {
	struct timer_list timer;
};

static void kcxx_timer_fn(struct timer_list *t)
{
}

static void kcxx_bug_debugobjects(void)
{
	struct kcxx_timed *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return;
	timer_setup(&t->timer, kcxx_timer_fn, 0);
	mod_timer(&t->timer, jiffies + 100 * HZ);
	kfree(t); /* freed while the timer is pending */
}

static void kcxx_bug_kmemleak(void)
{
	int i;

	/* Many, because the last pointers can linger in a stack kmemleak
	 * scans (task stacks are cached for reuse): those are not leaks to it.
	 */
	for (i = 0; i < 32; i++) {
		kcxx_leaked = kmalloc(128, GFP_KERNEL);
		kcxx_leaked = NULL; /* the only reference, gone */
	}
}

static const struct {
	const char *name;
	void (*commit)(void);
} kcxx_bugs[] = {
	{ "kasan", kcxx_bug_kasan },
	{ "kfence", kcxx_bug_kfence },
	{ "ubsan", kcxx_bug_ubsan },
	{ "lockdep", kcxx_bug_lockdep },
	{ "atomic-sleep", kcxx_bug_atomic_sleep },
	{ "dma-api", kcxx_bug_dma_api },
	{ "debugobjects", kcxx_bug_debugobjects },
	{ "kmemleak", kcxx_bug_kmemleak },
};

static int __init kcxx_harness_bugs_init(void)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(kcxx_bugs); i++) {
		if (!strcmp(bug, kcxx_bugs[i].name)) {
			pr_info("kcxx_harness_bugs: committing bug '%s'\n", bug);
			kcxx_bugs[i].commit();
			return 0;
		}
	}
	pr_err("kcxx_harness_bugs: unknown bug '%s'\n", bug);
	return -EINVAL;
}
module_init(kcxx_harness_bugs_init);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kcxx harness fixture: deliberate bugs for the debug kernel's checkers");
