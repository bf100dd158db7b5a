// SPDX-License-Identifier: GPL-2.0
/// kcxx: drivers reach the kernel only through the bridge (framework/bridge/),
/// which pairs every resource with its release and every allocation with a
/// GFP flag. A raw ioremap/kmalloc/request_irq/dma_alloc_coherent outside it
/// bypasses that. tools/kcxx-lint runs this rule on C files outside
/// framework/bridge/ and tests/ (see Documentation/dev-tools.rst).
//
// Confidence: High
// Options: --no-includes --include-headers

virtual report

@raw@
identifier f =~ "^(ioremap|ioremap_[a-z_]+|devm_ioremap|devm_ioremap_[a-z_]+|devm_platform_ioremap_resource|devm_platform_ioremap_resource_byname|devm_platform_get_and_ioremap_resource|of_iomap|kmalloc|kzalloc|kcalloc|kmalloc_array|krealloc|kvmalloc|kvzalloc|kvcalloc|kmemdup|vmalloc|vzalloc|devm_kmalloc|devm_kzalloc|devm_kcalloc|devm_kmalloc_array|request_irq|request_threaded_irq|request_any_context_irq|devm_request_irq|devm_request_threaded_irq|dma_alloc_coherent|dma_alloc_attrs|dmam_alloc_coherent|dma_alloc_noncoherent)$";
position p;
@@

f@p(...)

@script:python depends on report@
f << raw.f;
p << raw.p;
@@
coccilib.report.print_report(p[0], "kcxx: raw %s() outside the bridge: use the framework's types, or add the call to framework/bridge/" % f)
