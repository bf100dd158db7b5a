// SPDX-License-Identifier: GPL-2.0
/*
 * A whole module: its state is made at load (an Error fails insmod, with
 * everything already made dropped) and dropped at unload.
 */
#include <kcxx/box.h>
#include <kcxx/module.h>
#include <kcxx/mutex.h>
#include <kcxx/print.h>

namespace {

using namespace kcxx;

class Hello {
public:
	static Result<Box<Hello>> init()
	{
		auto self = TRY(Box<Hello>::try_new(gfp::KERNEL));
		pr_info("hello from C++\n");
		return self;
	}

	~Hello() { pr_info("goodbye after %u greetings\n", *greetings_.lock()); }

private:
	Mutex<u32> greetings_{ KCXX_LOCK_CLASS("hello.greetings"), 0u };
};

} // namespace

KCXX_MODULE(Hello,
	    .license = "GPL",
	    .author = "Jane Doe",
	    .description = "Hello from kcxx");
