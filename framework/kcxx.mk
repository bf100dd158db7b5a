# SPDX-License-Identifier: GPL-2.0
#
# kcxx.mk - Kbuild support for kernel modules written in C++ on kcxx.
#
# Include it from the Kbuild file of any out-of-tree module directory:
#
#	include /path/to/kcxx/framework/kcxx.mk
#	obj-m        += mydrv.o
#	mydrv-y      := mydrv_main.o $(kcxx-bridge)
#
# and build as usual (make -C $KDIR M=$PWD). Then:
#  - an object whose source is foo.cpp is compiled as C++20 with the kernel's own
#    arch and mitigation flags, minus the C-only ones (probed, not listed);
#  - $(kcxx-bridge) is the C bridge, compiled from kcxx's sources against the
#    target kernel's headers into kcxx-bridge/ of this directory, as an
#    archive: a module links only the bridge objects it uses;
#  - C++ sees kernel constants through <kcxx/generated/kconsts.h>, generated
#    from the target's headers into kcxx-gen/ of this directory.
#
# A tree of several module directories (kcxx's own) can build both once:
# the directory whose Kbuild sets `kcxx-bridge-home := y` before including
# this file compiles them, and a build with KCXX_BRIDGE_HOME=<that
# directory, relative to M> has every other directory link those objects
# instead of compiling its own. The home must be built first (kcxx's
# top-level Kbuild orders it).
#
# C++ sources cannot include kernel headers: the include path holds only kcxx.
#
# Global constructors: Debian kernels (CONFIG_CONSTRUCTORS=n) never run a
# module's .init_array, and kernels that do would run it before module_init.
# kcxx's policy is that C++ modules have none: globals are constinit, and
# tools/kcxx-check-ko rejects a module with .init_array/.ctors/.fini_array.
#
# Knobs: KCXX_WERROR (default y) adds -Werror to C and C++; cxxflags-y and
# CXXFLAGS_foo.o add C++ flags like ccflags-y and CFLAGS_foo.o do for C.

kcxx-src := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))

KCXX_WERROR ?= y
KCXX_CXX ?= $(subst gcc,g++,$(filter-out ccache,$(CC)))

# ---------------------------------------------------------------------------
# Where this directory finds the bridge's objects and kcxx-gen/: here, or
# in the bridge home (as a path from $(obj): Kbuild prefixes object paths
# with $(obj)/, absolute before 6.13 and relative to M after).
ifneq ($(KCXX_BRIDGE_HOME),)
ifneq ($(kcxx-bridge-home),y)
kcxx-here := $(patsubst $(abspath $(KBUILD_EXTMOD))/%,%,$(abspath $(obj)))
kcxx-up := $(subst $(space),,$(foreach d,$(subst /, ,$(kcxx-here)),../))
kcxx-shared := $(kcxx-up)$(KCXX_BRIDGE_HOME)/
endif
endif
kcxx-gen := $(obj)/$(kcxx-shared)kcxx-gen

# ---------------------------------------------------------------------------
# C++ flags

kcxx-kernel-flags = $(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS) $(KBUILD_CFLAGS_MODULE)

# The sanitizers (KASAN, UBSAN, KCSAN, KMSAN) are not in KBUILD_CFLAGS:
# scripts/Makefile.lib adds them to each C object. C++ objects get them the
# same way, with the same per-object opt-outs (KASAN_SANITIZE_foo.o := n),
# or a debug kernel would check the C bridge and not the C++ that calls it.
kcxx-sanitize-on = $(if $(patsubst n%,,$($(1)_$(basetarget).o)$($(1))y),y)
kcxx-sanitizer-flags = \
	$(if $(filter y,$(CONFIG_KASAN)),$(if $(filter y,$(CONFIG_KASAN_HW_TAGS)),, \
		$(if $(call kcxx-sanitize-on,KASAN_SANITIZE),$(CFLAGS_KASAN),$(CFLAGS_KASAN_NOSANITIZE)))) \
	$(if $(filter y,$(CONFIG_UBSAN)),$(if $(call kcxx-sanitize-on,UBSAN_SANITIZE),$(CFLAGS_UBSAN))) \
	$(if $(filter y,$(CONFIG_KCSAN)),$(if $(call kcxx-sanitize-on,KCSAN_SANITIZE),$(CFLAGS_KCSAN))) \
	$(if $(filter y,$(CONFIG_KMSAN)),$(if $(call kcxx-sanitize-on,KMSAN_SANITIZE),$(CFLAGS_KMSAN)))
kcxx-all-sanitizer-flags := $(if $(filter y,$(CONFIG_KASAN)),$(CFLAGS_KASAN)) \
	$(if $(filter y,$(CONFIG_UBSAN)),$(CFLAGS_UBSAN)) $(if $(filter y,$(CONFIG_KCSAN)),$(CFLAGS_KCSAN)) \
	$(if $(filter y,$(CONFIG_KMSAN)),$(CFLAGS_KMSAN))

kcxx-rejected := $(shell $(CONFIG_SHELL) $(kcxx-src)/scripts/cxx-reject-flags \
		   $(obj)/.kcxx-rejected-flags "$(KCXX_CXX)" $(kcxx-kernel-flags) $(kcxx-all-sanitizer-flags))

kcxx-werror := $(if $(filter y,$(KCXX_WERROR)),-Werror)

# Language and runtime: no exceptions, RTTI, unwind tables, thread-safe
# statics or atexit; no C++ library and no compiler headers either.
kcxx-lang-flags := -std=gnu++20 -fno-exceptions -fno-rtti -fno-threadsafe-statics \
		   -fno-use-cxa-atexit -nostdinc++ -ffreestanding \
		   -fno-asynchronous-unwind-tables -fno-unwind-tables \
		   -Wall -Wextra -Wno-unused-parameter $(kcxx-werror)

# GCC's __atomic builtins would call libgcc helpers on arm64 (outline atomics);
# inline LL/SC sequences are correct on every arm64 CPU. Atomic<T> needs this.
kcxx-lang-flags += $(if $(filter arm64,$(SRCARCH)),-mno-outline-atomics)

kcxx-include-flags = -I$(kcxx-src)/include -I$(kcxx-gen)

kcxx_cxx_flags = -Wp,-MMD,$(depfile) -nostdinc \
		 $(filter-out $(kcxx-rejected), $(kcxx-kernel-flags) $(kcxx-sanitizer-flags)) \
		 $(if $(part-of-module),-DMODULE) \
		 $(basename_flags) $(modname_flags) \
		 $(kcxx-lang-flags) $(kcxx-include-flags) \
		 $(cxxflags-y) $(CXXFLAGS_$(target-stem).o)

quiet_cmd_cxx_o_cpp = C++ $(quiet_modtag) $@
      cmd_cxx_o_cpp = $(KCXX_CXX) $(kcxx_cxx_flags) -c -o $@ $< $(cmd_objtool)

define rule_cxx_o_cpp
	$(call cmd_and_fixdep,cxx_o_cpp)
	$(call cmd,gen_objtooldep)
endef

$(obj)/%.o: $(src)/%.cpp $(kcxx-gen)/kcxx/generated/kconsts.h FORCE
	$(call if_changed_rule,cxx_o_cpp)

# ---------------------------------------------------------------------------
# Kernel constants for C++, generated from the target's headers the way
# Kbuild makes asm-offsets.h.

ifeq ($(kcxx-shared),)
$(obj)/kcxx-gen/kconsts.s: $(kcxx-src)/bridge/kconsts.c FORCE
	$(call if_changed_dep,cc_s_c)
	$(call cmd,force_checksrc)

$(obj)/kcxx-gen/kcxx/generated/kconsts.h: $(obj)/kcxx-gen/kconsts.s FORCE
	$(call filechk,offsets,KCXX_GENERATED_KCONSTS_H)

targets += kcxx-gen/kconsts.s kcxx-gen/kcxx/generated/kconsts.h
endif

# ---------------------------------------------------------------------------
# The C bridge: every kernel call C++ makes goes through one of these files.

ccflags-y += -I$(kcxx-src)/include $(kcxx-werror)

# C++ inline functions and template instantiations are COMDAT groups, and a
# relocatable link (a module is one) keeps each group with its sections, so a
# module would have two sections of a name the kernel expects once: 7.x
# refuses to load one with two __patchable_function_entries (sysfs: duplicate
# filename). The module's own link resolves the groups into plain sections.
ldflags-y += --force-group-allocation

kcxx-bridge-sources := $(filter-out kconsts.c,$(notdir $(wildcard $(kcxx-src)/bridge/*.c)))
kcxx-bridge-objs := $(patsubst %.c,kcxx-bridge/%.o,$(kcxx-bridge-sources))

# A module links the bridge as an archive: the linker takes the objects the
# module calls into and those they call, no more (an LED driver carries no
# tty code). Kbuild's composite link passes it on as it does objects.
kcxx-bridge := $(kcxx-shared)kcxx-bridge/kcxx-bridge.a

# The home, or a directory that has none, builds the objects, compiled
# exactly as a module's part would be (-DMODULE, the module flags), and the
# archive (thin: it names the objects).
ifeq ($(kcxx-shared),)
targets += $(kcxx-bridge-objs) kcxx-bridge/kcxx-bridge.a
$(addprefix $(obj)/,$(kcxx-bridge-objs)): part-of-module := y
$(obj)/kcxx-bridge/kcxx-bridge.a: $(addprefix $(obj)/,$(kcxx-bridge-objs)) FORCE
	$(call if_changed,ar)
endif
ifeq ($(kcxx-bridge-home),y)
always-y += kcxx-bridge/kcxx-bridge.a kcxx-gen/kcxx/generated/kconsts.h
endif

# Sparse: rule_cc_o_c checks with C=1 when it compiles; C=2 (check every
# file, built or not) is the generic %.o: %.c rule's job, so do it here too.
$(obj)/kcxx-bridge/%.o: $(kcxx-src)/bridge/%.c FORCE
	$(call if_changed_rule,cc_o_c)
	$(call cmd,force_checksrc)
