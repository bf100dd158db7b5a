/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kcxx-dma-memcpy on a PC (the q35 board), which has no memcpy-capable DMA
 * engine that Linux offers: with kcxx,cpu-fallback the CPU copies, as on
 * virt (dts/virt/dma-memcpy.dts). A PRP0001 device of an SSDT.
 */
DefinitionBlock ("", "SSDT", 2, "KCXX", "DMAMCPY", 1)
{
	Scope (\_SB)
	{
		Device (DMCP)
		{
			Name (_HID, "PRP0001")
			Name (_UID, 0)
			Name (_DSD, Package () {
				ToUUID ("daffd814-6eba-4d8c-8a91-bc9bbf4aa301"),
				Package () {
					Package () { "compatible", "kcxx,dma-memcpy" },
					Package () { "kcxx,buffer-size", 65536 },
					Package () { "kcxx,cpu-fallback", 1 },
				}
			})
		}
	}
}
