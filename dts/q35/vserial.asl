/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kcxx-vserial on a PC (the q35 board), where firmware describes devices in
 * ACPI rather than a device tree: the ports of dts/virt/vserial.dts, as an
 * SSDT of PRP0001 devices whose _DSD carries the same "compatible" and
 * properties. Linux makes a platform device of each, matches it against the
 * driver's of_device_id table, and the driver reads the properties through
 * fwnode, as from a device tree. kcxx-peer references are device references.
 *
 *	tools/kcxx-qemu --board q35 --acpi dts/q35/vserial.asl \
 *		--module build/x86_64-6.1/drivers/tty/kcxx-vserial.ko --interactive
 */
DefinitionBlock ("", "SSDT", 2, "KCXX", "VSERIAL", 1)
{
	Scope (\_SB)
	{
		/* /dev/ttyVS0: what is written is read back, at 115200 baud */
		Device (VSLB)
		{
			Name (_HID, "PRP0001")
			Name (_UID, 0)
			Name (_DSD, Package () {
				ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
				Package () {
					Package () { "compatible", "kcxx,virtual-serial" },
					Package () { "kcxx,index", 0 },
				}
			})
		}

		/* /dev/ttyVS1 and /dev/ttyVS2: two ends of a null-modem cable */
		Device (VSMA)
		{
			Name (_HID, "PRP0001")
			Name (_UID, 1)
			Name (_DSD, Package () {
				ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
				Package () {
					Package () { "compatible", "kcxx,virtual-serial" },
					Package () { "kcxx,mode", "null-modem" },
					Package () { "kcxx,peer", \_SB.VSMB },
					Package () { "kcxx,index", 1 },
				}
			})
		}

		Device (VSMB)
		{
			Name (_HID, "PRP0001")
			Name (_UID, 2)
			Name (_DSD, Package () {
				ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
				Package () {
					Package () { "compatible", "kcxx,virtual-serial" },
					Package () { "kcxx,mode", "null-modem" },
					Package () { "kcxx,peer", \_SB.VSMA },
					Package () { "kcxx,index", 2 },
				}
			})
		}

		/* /dev/ttyVS3: random letters 'A'..'Z' at 9600 baud, 960 per second */
		Device (VSGN)
		{
			Name (_HID, "PRP0001")
			Name (_UID, 3)
			Name (_DSD, Package () {
				ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
				Package () {
					Package () { "compatible", "kcxx,virtual-serial" },
					Package () { "kcxx,mode", "generator" },
					Package () { "current-speed", 9600 },
					Package () { "kcxx,index", 3 },
				}
			})
		}
	}
}
