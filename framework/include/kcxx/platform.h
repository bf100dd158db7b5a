/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Platform drivers: <linux/platform_device.h> and <linux/mod_devicetable.h>'s
 * of_device_id, for C++ drivers matched from device-tree nodes.
 *
 *	class Leds : public PlatformDriver<Leds> {
 *	public:
 *		struct MatchData { u32 pins; };
 *		static constexpr OfMatch<MatchData> of_table[] = {
 *			{ "kcxx,pl061-leds", { 8 } },
 *		};
 *		static Result<Box<Leds>> probe(PlatformDevice &pdev, const MatchData &m);
 *		~Leds();	// remove: runs when the device unbinds
 *	};
 *	KCXX_MODULE_PLATFORM_DRIVER(Leds, kcxx_leds, "kcxx-leds", "GPL",
 *				    "Jane Doe", "LEDs on a GPIO bank");
 *
 * probe acquires everything through RAII and returns the driver's state, or
 * an Error (the kernel sees its errno). There is no remove callback to write:
 * the state is destroyed when the device unbinds, before devm releases what
 * probe mapped, so the destructor may still touch the hardware.
 */
#ifndef KCXX_PLATFORM_H
#define KCXX_PLATFORM_H

#include <kcxx/attribute_group.h>
#include <kcxx/box.h>
#include <kcxx/bridge/platform.h>
#include <kcxx/device.h>
#include <kcxx/generated/kconsts.h>
#include <kcxx/io_mem.h>
#include <kcxx/irq.h>
#include <kcxx/module.h>
#include <kcxx/result.h>

struct module;
extern "C" struct module __this_module;

namespace kcxx {

namespace detail {
template <typename D> struct PlatformAdapter;
} // namespace detail

/**
 * A platform device being probed or bound to a kcxx driver.
 *
 * # Invariants
 * raw_ is a live platform device bound (or being bound) to the driver.
 */
class PlatformDevice {
public:
	BoundDevice &dev() { return dev_; }
	FwNode fwnode() const { return dev_.fwnode(); }

	/**
	 * Requests and maps the index-th memory resource (the index-th `reg`
	 * entry) as an IoMem of `Layout`, released when the device unbinds.
	 * EINVAL (with a dev_err) when the resource is smaller than Layout needs,
	 * EBUSY when another driver holds the region.
	 */
	template <auto Layout> Result<IoMem<Layout>> ioremap_resource(unsigned int index = 0)
	{
		unsigned long long size = 0;
		auto mapped = from_err_ptr(kcxx_devm_platform_ioremap_resource(raw_, index, &size));
		if (mapped.is_error())
			return dev_err_probe(dev_, mapped.error(), "%pfw: property 'reg': entry %u %s\n",
					     fwnode().raw(), index,
					     fwnode().has("reg") ? "cannot be mapped (in use?)" : "is missing");
		void *base = mapped.value();
		// SAFETY: devm keeps the mapping until the device unbinds, after
		// the driver state (which owns the IoMem) is destroyed.
		auto io = IoMem<Layout>::unsafe_from_raw(IoAddr::from_bridge(base), size);
		if (io.is_error())
			return dev_err_probe(dev_, io.error(),
					     "reg[%u] is %llu bytes, the register layout needs %lu\n",
					     index, size, static_cast<unsigned long>(IoMem<Layout>::size));
		return io;
	}

	/**
	 * The index-th interrupt of the node ("interrupts" or
	 * "interrupts-extended"). ENXIO (with a dev_err naming the property)
	 * when there is none; EPROBE_DEFER, silently, while its controller is
	 * not ready.
	 */
	Result<IrqLine> irq(unsigned int index = 0)
	{
		auto line = IrqLine::from_kernel(kcxx_platform_get_irq(raw_, index));
		if (line.is_error())
			return dev_err_probe(dev_, line.error(), "%pfw: property 'interrupts': entry %u %s\n",
					     fwnode().raw(), index,
					     fwnode().has("interrupts") || fwnode().has("interrupts-extended")
						     ? "is not a usable interrupt"
						     : "is missing");
		return line;
	}

	/// The interrupt named `name` in "interrupt-names"; as irq().
	Result<IrqLine> irq_byname(const char *name)
	{
		auto line = IrqLine::from_kernel(kcxx_platform_get_irq_byname(raw_, name));
		if (line.is_error())
			return dev_err_probe(dev_, line.error(),
					     "%pfw: property 'interrupt-names': no usable interrupt '%s'\n",
					     fwnode().raw(), name);
		return line;
	}

	struct platform_device *raw() const { return raw_; }

private:
	template <typename> friend struct detail::PlatformAdapter;

	// INVARIANT: only the probe adapter makes one, from the device the
	// platform bus is binding to the driver.
	explicit PlatformDevice(struct platform_device *raw)
		: raw_(raw), dev_(kcxx_platform_device_dev(raw))
	{
	}

	struct platform_device *raw_;
	BoundDevice dev_;
};

/// One entry of a driver's match table: a compatible and its typed data.
template <typename Data> struct OfMatch {
	const char *compatible;
	Data data;
};

/// For drivers that need no per-compatible data.
struct NoMatchData {};

namespace detail {

/// struct of_device_id, laid out as the kernel does (checked below).
struct OfDeviceId {
	char name[32];
	char type[32];
	char compatible[128];
	const void *data;
};
static_assert(sizeof(OfDeviceId) == KCXX_SIZEOF_OF_DEVICE_ID &&
		      __builtin_offsetof(OfDeviceId, compatible) ==
			      KCXX_OFFSETOF_OF_DEVICE_ID_COMPATIBLE &&
		      __builtin_offsetof(OfDeviceId, data) == KCXX_OFFSETOF_OF_DEVICE_ID_DATA,
	      "struct of_device_id changed: update kcxx::detail::OfDeviceId");

/// The kernel's match table for D: one entry per D::of_table entry, then an
/// empty one. Built at compile time; a compatible that does not fit is an error.
template <usize N> struct OfTable {
	OfDeviceId ids[N + 1];
};

void compatible_longer_than_127_characters(); // not constexpr: a compile error

template <typename D> consteval auto make_of_table()
{
	// NOLINTNEXTLINE(bugprone-sizeof-expression): of_table is an array, not a pointer
	constexpr usize n = sizeof(D::of_table) / sizeof(D::of_table[0]);
	OfTable<n> table{};

	for (usize i = 0; i < n; i++) {
		const char *c = D::of_table[i].compatible;
		usize len = 0;

		while (c[len])
			len++;
		if (len >= sizeof(table.ids[i].compatible))
			compatible_longer_than_127_characters();
		for (usize j = 0; j < len; j++)
			table.ids[i].compatible[j] = c[j];
		table.ids[i].data = &D::of_table[i].data;
	}
	return table;
}

/// Whether driver D's probe takes the state its devices share (D::Shared).
template <typename D> inline constexpr bool has_shared = requires { typename D::Shared; };

/// Whether D::probe has the type the adapter calls.
template <typename D> consteval bool probe_signature_ok()
{
	using Match = const typename D::MatchData &;
	if constexpr (has_shared<D>)
		return is_same_v<decltype(&D::probe),
				 Result<Box<D>> (*)(PlatformDevice &, Match, typename D::Shared &)>;
	else
		return is_same_v<decltype(&D::probe), Result<Box<D>> (*)(PlatformDevice &, Match)>;
}

template <typename D> struct PlatformAdapter {
	using MatchData = typename D::MatchData;

	static int probe(struct platform_device *raw, const void *match, void *shared)
	{
		PlatformDevice pdev(raw);

		if (!match)
			return code::ENODEV.to_errno(); // bound by name, not by compatible
		// SAFETY: the bus matched an entry of make_of_table<D>(), whose data
		// points to a MatchData in D::of_table.
		const auto &data = *static_cast<const MatchData *>(match);
		auto state = [&] {
			if constexpr (has_shared<D>)
				// SAFETY: PlatformRegistration::try_new() registered the driver
				// with a D::Shared that outlives the registration.
				return D::probe(pdev, data, *static_cast<typename D::Shared *>(shared));
			else
				return D::probe(pdev, data);
		}();
		if (state.is_error())
			return state.error().to_errno();
		kcxx_platform_set_drvdata(raw, move(state.release_value()).into_raw());
		return 0;
	}

	static void remove(struct platform_device *raw)
	{
		// SAFETY: probe stored a Box<D>'s pointer; this takes it back once.
		Box<D> state = Box<D>::unsafe_from_raw(static_cast<D *>(kcxx_platform_get_drvdata(raw)));
		kcxx_platform_set_drvdata(raw, nullptr);
	}
};

template <typename> inline constexpr bool always_false = false;

/// The driver's Driver::attributes (attribute_group.h) as its dev_groups:
/// every bound device has them before user space hears of the binding.
template <typename D> const void *const *dev_groups()
{
	if constexpr (requires { D::attributes; })
		return AttributeGroup<D>::groups();
	return nullptr;
}

} // namespace detail

/**
 * Base of a platform driver D (CRTP). Checks at compile time that D has what
 * the platform bus needs, saying what is missing in a sentence.
 */
template <typename D> class PlatformDriver {
public:
	/// Called by KCXX_MODULE_PLATFORM_DRIVER; a failed check stops the build.
	static consteval bool check()
	{
		if constexpr (!requires { typename D::MatchData; }) {
			static_assert(detail::always_false<D>,
				      "kcxx platform driver: declare `using MatchData = ...;` "
				      "(kcxx::NoMatchData if there is none)");
		} else if constexpr (!requires { D::of_table; }) {
			static_assert(detail::always_false<D>,
				      "kcxx platform driver: declare `static constexpr "
				      "OfMatch<MatchData> of_table[] = { { \"vendor,device\", {...} } };`");
		} else if constexpr (!requires { &D::probe; }) {
			static_assert(detail::always_false<D>,
				      "kcxx platform driver: declare `static Result<Box<D>> "
				      "probe(PlatformDevice &pdev, const MatchData &match);`");
		} else if constexpr (!detail::probe_signature_ok<D>()) {
			if constexpr (detail::has_shared<D>)
				static_assert(detail::always_false<D>,
					      "kcxx platform driver with `using Shared = ...;`: probe "
					      "must be exactly `static Result<Box<D>> probe(PlatformDevice "
					      "&pdev, const MatchData &match, Shared &shared);`");
			else
				static_assert(detail::always_false<D>,
					      "kcxx platform driver: probe must be exactly `static "
					      "Result<Box<D>> probe(PlatformDevice &pdev, const MatchData "
					      "&match);`");
		} else if constexpr (!is_same_v<remove_cvref_t<decltype(D::of_table[0])>,
						  OfMatch<typename D::MatchData>>) {
			static_assert(detail::always_false<D>,
				      "kcxx platform driver: of_table entries must be OfMatch<MatchData>");
		}
		return true;
	}
};

/**
 * What KCXX_PLATFORM_DRIVER records about driver D: its name and its match
 * table (a global, so modpost sees it). PlatformRegistration::try_new()
 * registers it.
 */
template <typename D> struct PlatformDriverEntry {
	const char *name;
	const void *of_table;
};

/**
 * A registered platform driver: devices that match are probed now and as
 * they appear; dropping it unregisters the driver, which first unbinds
 * (drops the state of) every device bound to it.
 *
 * A module's state (KCXX_MODULE) holds one per driver, so registering
 * several drivers, and unwinding when one fails, is member initialisation.
 *
 * # Invariants
 * While storage_ is non-null it holds a registered struct
 * kcxx_platform_driver, and the Shared object it was registered with (if
 * any) outlives it.
 */
class PlatformRegistration {
public:
	/// Registers D; devices already present are probed before this returns.
	template <typename D>
		requires(!detail::has_shared<D>)
	static Result<PlatformRegistration> try_new(const PlatformDriverEntry<D> &entry)
	{
		return register_driver<D>(entry, nullptr);
	}

	/// Registers D, whose probe gets `shared`; `shared` must outlive the
	/// registration (a member of the module state declared before it).
	template <typename D>
		requires detail::has_shared<D>
	static Result<PlatformRegistration> try_new(const PlatformDriverEntry<D> &entry,
						    typename D::Shared &shared)
	{
		return register_driver<D>(entry, &shared);
	}

	PlatformRegistration(PlatformRegistration &&) = default;
	PlatformRegistration &operator=(PlatformRegistration &&) = delete;

	~PlatformRegistration()
	{
		if (storage_.get())
			kcxx_platform_driver_unregister(storage_->get());
	}

private:
	using Storage = Opaque<KCXX_SIZEOF_PLATFORM_DRIVER, KCXX_ALIGNOF_PLATFORM_DRIVER>;

	explicit PlatformRegistration(Box<Storage> &&storage) : storage_(move(storage)) {}

	template <typename D>
	static Result<PlatformRegistration> register_driver(const PlatformDriverEntry<D> &entry,
							    void *shared)
	{
		static_assert(PlatformDriver<D>::check());
		auto storage = TRY(Box<Storage>::try_new(gfp::KERNEL));

		TRY(to_result(kcxx_platform_driver_register(
			storage->get(), entry.name, entry.of_table, detail::dev_groups<D>(),
			&detail::PlatformAdapter<D>::probe, &detail::PlatformAdapter<D>::remove, shared,
			&__this_module)));
		// INVARIANT: registered just above, with `shared` (the caller's promise).
		return PlatformRegistration(move(storage));
	}

	Box<Storage> storage_;
};

} // namespace kcxx

/**
 * KCXX_PLATFORM_DRIVER(Driver, ident, "name") - a platform driver's OF match
 * table and its PlatformDriverEntry, `kcxx_platform_<ident>`, which a
 * module's state registers with PlatformRegistration::try_new(). Modules that
 * are one driver use KCXX_MODULE_PLATFORM_DRIVER instead.
 *
 * The table is also exported to modpost as MODULE_DEVICE_TABLE(of, ...) does,
 * which turns it into of:N*T*C<compatible> aliases: udev and modprobe load the
 * module for matching nodes. `ident` names the symbols; `name` is the driver's
 * name in /sys/bus/platform/drivers. Use it at global scope (not inside a
 * namespace), like module_platform_driver(): the table must be a global symbol.
 */
/*
 * The symbol modpost reads a device table from (MODULE_DEVICE_TABLE()'s): it
 * names the module too from 7.x (KCXX_DEVICE_TABLE_NAMED_BY_MODULE).
 */
#if KCXX_DEVICE_TABLE_NAMED_BY_MODULE
#define KCXX_DEVICE_TABLE_SYMBOL_(type, name) \
	KCXX_CONCAT(__mod_device_table__kmod_, KCXX_CONCAT(__KBUILD_MODNAME, __##type##__##name))
#else
#define KCXX_DEVICE_TABLE_SYMBOL_(type, name) __mod_##type##__##name##_device_table
#endif

#define KCXX_PLATFORM_DRIVER(Driver, ident, name)                                          \
	static_assert(::kcxx::PlatformDriver<Driver>::check());                           \
	extern "C" {                                                                       \
	[[gnu::used]] extern constinit const auto kcxx_of_table_##ident =                       \
		::kcxx::detail::make_of_table<Driver>();                                   \
	[[gnu::alias("kcxx_of_table_" #ident), gnu::used]] extern const decltype(          \
		kcxx_of_table_##ident) KCXX_DEVICE_TABLE_SYMBOL_(of, kcxx_of_table_##ident);\
	}                                                                                  \
	static constexpr ::kcxx::PlatformDriverEntry<Driver> kcxx_platform_##ident{        \
		name, &kcxx_of_table_##ident                                               \
	};

namespace kcxx::detail {

/// The module state of a module that is one platform driver.
template <typename D, const PlatformDriverEntry<D> &Entry> struct DriverModule {
	static Result<Box<DriverModule>> init()
	{
		return Box<DriverModule>::try_new(gfp::KERNEL,
						  TRY(PlatformRegistration::try_new(Entry)));
	}

	explicit DriverModule(PlatformRegistration &&r) : registration(move(r)) {}

	PlatformRegistration registration;
};

} // namespace kcxx::detail

/**
 * KCXX_MODULE_PLATFORM_DRIVER(Driver, ident, .driver = "name",
 *                             .license = "GPL", .author = "...",
 *                             .description = "...") - a module that is one
 * platform driver: KCXX_PLATFORM_DRIVER, registered at load and unregistered
 * at unload, and the module's .modinfo (ModuleInfo's named fields).
 */
#define KCXX_MODULE_PLATFORM_DRIVER(Driver, ident, ...)                                    \
	static constexpr ::kcxx::ModuleInfo kcxx_module_info_##ident{ __VA_ARGS__ };        \
	KCXX_PLATFORM_DRIVER(Driver, ident, kcxx_module_info_##ident.driver)                \
	using kcxx_module_state_##ident =                                                  \
		::kcxx::detail::DriverModule<Driver, kcxx_platform_##ident>;               \
	KCXX_MODULE_WITH_INFO(kcxx_module_state_##ident, kcxx_module_info_##ident)

#endif // KCXX_PLATFORM_H
