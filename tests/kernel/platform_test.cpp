// SPDX-License-Identifier: GPL-2.0
/*
 * kcxx_platform_test - platform drivers on kcxx, bound from the nodes of
 * platform_test.dts: typed match data, property reads, children, phandles,
 * IoMem from `reg`, and probe failures on malformed nodes. Each probe is
 * recorded; the KTAP cases (suite "kcxx_platform") check the records after
 * registration, when the kernel has probed every matching node.
 */
#include <kcxx/atomic.h>
#include <kcxx/ktap.h>
#include <kcxx/module.h>
#include <kcxx/option.h>
#include <kcxx/platform.h>
#include <kcxx/sysfs.h>

namespace {

using namespace kcxx;

// What probe saw, per node; module-global and filled before the cases run.
struct Record {
	const char *node;
	int err;
	int kind;
	u32 answer;
	u32 cells[4];
	usize ncells;
	const char *greeting;
	bool flag;
	usize mode;
	u32 partner_id;
	usize children;
	u32 child_sum;
	u32 periph_id0;
};

constinit Record records[16];
constinit usize nrecords;
constinit Atomic<int> alive;

Record *record_for(const char *node)
{
	for (usize i = 0; i < nrecords; i++) {
		const char *a = records[i].node, *b = node;
		while (*a && *a == *b)
			a++, b++;
		if (*a == *b)
			return &records[i];
	}
	return nullptr;
}

template <typename D> Result<Box<D>> recorded(PlatformDevice &pdev, Result<Box<D>> r, Record rec)
{
	rec.node = pdev.fwnode().name();
	rec.err = r.is_error() ? r.error().to_errno() : 0;
	if (nrecords < sizeof(records) / sizeof(records[0]))
		records[nrecords++] = rec;
	return r;
}

constexpr const char *modes[] = { "slow", "fast" };

class PropsDriver : public PlatformDriver<PropsDriver> {
public:
	struct MatchData {
		int kind;
	};
	static constexpr OfMatch<MatchData> of_table[] = {
		{ "kcxx,test-props", { 1 } },
		{ "kcxx,test-props-alt", { 2 } },
	};

	static Result<Box<PropsDriver>> probe(PlatformDevice &pdev, const MatchData &match)
	{
		Record rec{};
		rec.kind = match.kind;
		return recorded(pdev, read_all(pdev, rec), rec);
	}

	explicit PropsDriver(const char *node) : node_(node) { alive.add(1); }
	~PropsDriver()
	{
		alive.sub(1);
		pr_info("kcxx_platform_test: removed %s\n", node_);
	}

private:
	static Result<Box<PropsDriver>> read_all(PlatformDevice &pdev, Record &rec)
	{
		FwNode node = pdev.fwnode();
		Properties props(pdev.dev(), node);

		rec.answer = TRY(props.read_u32("kcxx,answer"));
		if (node.has("kcxx,cells")) {
			rec.ncells = TRY(node.count_u32("kcxx,cells"));
			if (rec.ncells > 4)
				return props.invalid("kcxx,cells", code::EINVAL, "%lu cells, at most 4",
						     static_cast<unsigned long>(rec.ncells));
			TRY(node.read_u32_array("kcxx,cells", rec.cells, rec.ncells));
		}
		rec.greeting = node.read_string("kcxx,greeting").value_or(nullptr);
		rec.flag = node.has("kcxx,flag");
		rec.mode = node.has("kcxx,mode") ? TRY(props.read_choice("kcxx,mode", modes)) : 0;
		if (node.has("kcxx,partner")) {
			FwNodeRef partner = TRY(node.find_reference("kcxx,partner"));
			rec.partner_id = TRY(partner.get().read_u32("kcxx,partner-id"));
		}
		for (FwNode child : node.children()) {
			rec.children++;
			rec.child_sum += TRY(Properties(pdev.dev(), child).read_u32("value"));
		}
		auto state = TRY(Box<PropsDriver>::try_new(gfp::KERNEL, node.name()));
		state->answer_.store(rec.answer);
		TRY(state->answer_attr_.create(pdev.dev(), "kcxx_answer", 0644));
		TRY(state->flag_attr_.create(pdev.dev(), "kcxx_flag", 0200));
		dev_info(pdev.dev(), "kcxx test driver bound (kind %d)\n", rec.kind);
		return state;
	}

	// sysfs: kcxx_answer (read/write a u32), kcxx_flag (write-only bool).
	Result<void> show_answer(SysfsOutput &out)
	{
		out.print("%u\n", answer_.load());
		return {};
	}
	Result<void> store_answer(SysfsInput &in)
	{
		answer_.store(TRY(in.parse_u32()));
		return {};
	}
	Result<void> store_flag(SysfsInput &in)
	{
		answer_.store(TRY(in.parse_bool()) ? 1 : 0);
		return {};
	}

	const char *node_;
	Atomic<u32> answer_{ 0 };
	DeviceAttr<PropsDriver, &PropsDriver::show_answer, &PropsDriver::store_answer> answer_attr_{ *this };
	DeviceAttr<PropsDriver, nullptr, &PropsDriver::store_flag> flag_attr_{ *this };
};

class RegsDriver : public PlatformDriver<RegsDriver> {
public:
	using MatchData = NoMatchData;
	static constexpr OfMatch<MatchData> of_table[] = { { "kcxx,test-regs", {} } };

	static Result<Box<RegsDriver>> probe(PlatformDevice &pdev, const MatchData &)
	{
		Record rec{};
		return recorded(pdev, map(pdev, rec), rec);
	}

private:
	using Regs = IoMem<usize(0x1000)>;

	static Result<Box<RegsDriver>> map(PlatformDevice &pdev, Record &rec)
	{
		Regs regs = TRY(pdev.ioremap_resource<usize(0x1000)>(0));
		rec.periph_id0 = regs.read32<0xfe0>();
		return Box<RegsDriver>::try_new(gfp::KERNEL, move(regs));
	}

public:
	explicit RegsDriver(Regs &&regs) : regs_(move(regs)) {}

private:
	Regs regs_;
};

} // namespace

// At global scope, as module_platform_driver() is: the tables are symbols
// modpost must see.
KCXX_PLATFORM_DRIVER(PropsDriver, kcxx_test_props, "kcxx-test-props")
KCXX_PLATFORM_DRIVER(RegsDriver, kcxx_test_regs, "kcxx-test-regs")

namespace {

// --- the checks -------------------------------------------------------------

void good_node_reads_every_kind_of_property(ktap::Test &t)
{
	Record *r = record_for("kcxx-test-props-good");
	if (!KTAP_EXPECT(t, r != nullptr))
		return;
	KTAP_EXPECT_EQ(t, r->err, 0);
	KTAP_EXPECT_EQ(t, r->kind, 1);
	KTAP_EXPECT_EQ(t, r->answer, 42u);
	KTAP_EXPECT_EQ(t, r->ncells, usize(4));
	KTAP_EXPECT(t, r->cells[0] == 1 && r->cells[1] == 2 && r->cells[2] == 3 && r->cells[3] == 4);
	KTAP_EXPECT(t, r->greeting && r->greeting[0] == 'h' && r->greeting[5] == 0);
	KTAP_EXPECT(t, r->flag);
	KTAP_EXPECT_EQ(t, r->mode, usize(1));
	KTAP_EXPECT_EQ(t, r->partner_id, 7u);
	KTAP_EXPECT_EQ(t, r->children, usize(2)); // child-c is disabled
	KTAP_EXPECT_EQ(t, r->child_sum, 3u);
}

void match_data_follows_the_compatible(ktap::Test &t)
{
	Record *r = record_for("kcxx-test-props-alt");
	if (!KTAP_EXPECT(t, r != nullptr))
		return;
	KTAP_EXPECT_EQ(t, r->err, 0);
	KTAP_EXPECT_EQ(t, r->kind, 2);
	KTAP_EXPECT_EQ(t, r->answer, 7u);
	KTAP_EXPECT(t, !r->flag && r->greeting == nullptr && r->children == 0);
}

void malformed_nodes_fail_probe_with_their_errno(ktap::Test &t)
{
	Record *missing = record_for("kcxx-test-props-missing");
	Record *short_cell = record_for("kcxx-test-props-short");
	Record *bad_mode = record_for("kcxx-test-props-bad-mode");

	KTAP_EXPECT(t, missing && missing->err == -KCXX_EINVAL);
	KTAP_EXPECT(t, short_cell && short_cell->err == -KCXX_EOVERFLOW);
	KTAP_EXPECT(t, bad_mode && bad_mode->err == -KCXX_EINVAL);
	KTAP_EXPECT_EQ(t, alive.load(), 2); // only the two good nodes hold state
}

void iomem_maps_reg_and_checks_its_size(ktap::Test &t)
{
	Record *regs = record_for("kcxx-test-regs@9030000");
	Record *small = record_for("kcxx-test-regs-small@9040000");

	KTAP_EXPECT(t, regs && regs->err == 0);
	KTAP_EXPECT(t, regs && regs->periph_id0 == 0x61); // PL061 GPIOPeriphID0
	KTAP_EXPECT(t, small && small->err == -KCXX_EINVAL);
}

constinit const ktap::Case cases[] = {
	{ "good_node_reads_every_kind_of_property", good_node_reads_every_kind_of_property },
	{ "match_data_follows_the_compatible", match_data_follows_the_compatible },
	{ "malformed_nodes_fail_probe_with_their_errno", malformed_nodes_fail_probe_with_their_errno },
	{ "iomem_maps_reg_and_checks_its_size", iomem_maps_reg_and_checks_its_size },
};

/// The test module: its drivers registered and the cases run at load; at
/// unload the drivers go first, then the report on what they left.
struct PlatformTestModule {
	static Result<Box<PlatformTestModule>> init()
	{
		auto props = TRY(PlatformRegistration::try_new(kcxx_platform_kcxx_test_props));
		auto regs = TRY(PlatformRegistration::try_new(kcxx_platform_kcxx_test_regs));
		ktap::run("kcxx_platform", cases);
		return Box<PlatformTestModule>::try_new(gfp::KERNEL, move(props), move(regs));
	}

	explicit PlatformTestModule(PlatformRegistration &&props_, PlatformRegistration &&regs_) : props(move(props_)), regs(move(regs_)) {}

	~PlatformTestModule()
	{
		regs.reset();
		props.reset();
		pr_info("kcxx_platform_test: unloaded, %d driver states alive\n", alive.load());
	}

	Option<PlatformRegistration> props;
	Option<PlatformRegistration> regs;
};

} // namespace

KCXX_MODULE(PlatformTestModule,
	    .license = "GPL",
	    .author = "kcxx developers",
	    .description = "kcxx platform driver tests (KTAP)");
