/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/serial/vserial-extra.dts for the q35 board: an unpaced port with a
 * large FIFO (ttyVS4) and an exclusive one (ttyVS5), as PRP0001 devices.
 * A property present without a value in the device tree is a 1 here.
 */
DefinitionBlock ("", "SSDT", 2, "KCXX", "VSEXTRA", 1)
{
	Scope (\_SB)
	{
		Device (VSUP)
		{
			Name (_HID, "PRP0001")
			Name (_UID, 4)
			Name (_DSD, Package () {
				ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
				Package () {
					Package () { "compatible", "kcxx,virtual-serial" },
					Package () { "kcxx,unpaced", 1 },
					Package () { "kcxx,fifo-size", 16384 },
					Package () { "kcxx,index", 4 },
				}
			})
		}

		Device (VSEX)
		{
			Name (_HID, "PRP0001")
			Name (_UID, 5)
			Name (_DSD, Package () {
				ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
				Package () {
					Package () { "compatible", "kcxx,virtual-serial" },
					Package () { "kcxx,exclusive", 1 },
					Package () { "kcxx,index", 5 },
				}
			})
		}
	}
}
