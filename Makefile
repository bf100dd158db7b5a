# SPDX-License-Identifier: GPL-2.0
#
# kcxx - safe C++ for Linux kernel drivers. See README.md.
#
#   make demo                 build, boot the emulated board, show kcxx working
#   make check                every test (installs what it needs, as root)
#   make lint                 the static-analysis gates alone (tests/run -k lint/)
#   make bench                every hot path against its C twin, same boot (not a test):
#                             build/bench/results.md, results.json, ratios.svg
#   make [KDIR=dir] [ARCH=.. CROSS_COMPILE=..]
#                             build all modules against a kernel build tree
#                             (default /lib/modules/$(uname -r)/build)
#   make TARGET=arm64-6.1     build for one target of the matrix
#   make matrix               build the whole matrix: $(MATRIX)
#   make install [DESTDIR=..] [KDIR=..|TARGET=..] [KERNELRELEASE=..]
#                             build, then install the drivers into
#                             /lib/modules/<release>/updates/kcxx/ (depmod),
#                             the framework and overlays into /usr/share/kcxx/
#   make uninstall [same]     take them away again
#   make deb                  the Debian packages kcxx-dkms and kcxx-dev, into build/deb/
#   make shell [OVERLAY=x.dts] [KERNEL=6.1|6.12] [BOARD=virt|raspi3b]
#                             boot an emulated board with kcxx's modules, a
#                             shell on its console
#   make deps                 install packages and fetch Debian kernels
#   make clean                remove build/

MATRIX := $(shell awk '!/^\#/ && NF { print $$1 }' tools/targets)
KDIR ?= $(wildcard /lib/modules/$(shell uname -r)/build)
BOARD ?= virt
KERNEL ?= 6.1

.PHONY: all modules matrix install uninstall deb check lint bench demo deps shell clean help

all: modules

modules:
ifneq ($(TARGET)$(KDIR),)
	tools/kcxx-build $(kcxx-where)
else
	@echo "No kernel build tree: give KDIR=..., or TARGET=one of $(MATRIX) (make deps fetches them)." >&2
	@exit 1
endif

kcxx-where = $(if $(TARGET),$(TARGET),--kdir $(KDIR) $(if $(ARCH),ARCH=$(ARCH)) \
	$(if $(CROSS_COMPILE),CROSS_COMPILE=$(CROSS_COMPILE)))

install: modules
	tools/kcxx-install $(kcxx-where)

uninstall:
	tools/kcxx-install --uninstall $(kcxx-where)

deb:
	tools/kcxx-deb

matrix: deps
	@for t in $(MATRIX); do tools/kcxx-build $$t || exit 1; done

deps:
	tools/kcxx-deps

check: deps
	tests/run

lint: deps
	tests/run -k lint/

bench: deps
	tools/kcxx-bench

demo: deps
	tools/kcxx-demo

shell: deps
	tools/kcxx-build arm64-$(KERNEL) >/dev/null
	tools/kcxx-qemu --board $(BOARD) --kernel $(KERNEL) --interactive \
		$(if $(OVERLAY),--overlay $(OVERLAY)) \
		$(foreach m,$(MODULES),--module $(m))

clean:
	rm -rf build

help:
	@sed -n '3,28p' Makefile
