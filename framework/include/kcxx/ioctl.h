/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Typed ioctl commands: <uapi/asm-generic/ioctl.h>'s _IO/_IOR/_IOW/_IOWR with
 * the argument type carried along, so a handler reads and writes exactly the
 * type the command number encodes.
 *
 *	constexpr auto KCXX_DMA_COPY = IoctlCmd<IoctlDir::ReadWrite, 'D', 1, CopyArgs>();
 *	...
 *	if (cmd == KCXX_DMA_COPY.number) {
 *		CopyArgs args = TRY(KCXX_DMA_COPY.user_arg(arg).read());
 */
#ifndef KCXX_IOCTL_H
#define KCXX_IOCTL_H

#include <kcxx/generated/kconsts.h>
#include <kcxx/user_ptr.h>

namespace kcxx {

enum class IoctlDir : unsigned int {
	None = KCXX_IOC_NONE,
	Read = KCXX_IOC_READ, // user space reads: the kernel writes the argument
	Write = KCXX_IOC_WRITE, // user space writes: the kernel reads it
	ReadWrite = KCXX_IOC_READ | KCXX_IOC_WRITE,
};

struct NoArg {};

/// One ioctl command: its number (as user space computes it) and argument type.
template <IoctlDir Dir, char Type, unsigned int Nr, typename Arg = NoArg> struct IoctlCmd {
	static_assert(Dir == IoctlDir::None || sizeof(Arg) < (1u << KCXX_IOC_SIZEBITS),
		      "ioctl argument too large to encode");
	static_assert(Nr < 256, "ioctl number must fit 8 bits");

	static constexpr unsigned int number =
		(static_cast<unsigned int>(Dir) << KCXX_IOC_DIRSHIFT) |
		(static_cast<unsigned int>(static_cast<unsigned char>(Type)) << KCXX_IOC_TYPESHIFT) |
		(Nr << KCXX_IOC_NRSHIFT) |
		((Dir == IoctlDir::None ? 0u : unsigned(sizeof(Arg))) << KCXX_IOC_SIZESHIFT);

	/// The argument as a typed user pointer.
	static UserPtr<Arg> user_arg(uintptr arg) { return UserPtr<Arg>(arg); }
};

} // namespace kcxx

#endif // KCXX_IOCTL_H
