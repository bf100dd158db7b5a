// SPDX-License-Identifier: GPL-2.0
/*
 * The module parameter of kcxx-vserial. module_param() builds a struct
 * kernel_param (a union, an ops table, a section the loader walks): it is
 * emitted here in C, against the target's headers, and C++ reads the value
 * through kcxx_vserial_loopback_ports().
 */
#include <linux/moduleparam.h>
#include <linux/module.h>

#include "kcxx_vserial_param.h"

static unsigned int loopback_ports;
module_param(loopback_ports, uint, 0444);
MODULE_PARM_DESC(loopback_ports,
		 "Number of loopback ports to create without a device-tree node (0-16, default 0)");

/** kcxx_vserial_loopback_ports() - the loopback_ports= parameter given at load */
unsigned int kcxx_vserial_loopback_ports(void)
{
	return loopback_ports;
}
