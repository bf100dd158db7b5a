# Guest half of kernel/kcxx_memory: the harness loaded kcxx_memory_test with
# no parameters (its KTAP report ran); here a client of its mappable pages,
# then the parameters, as insmod, sysfs and modinfo see them.
set -e
/kcxx/pages_client		# its own KTAP report: kcxx_user_pages
m=/kcxx/modules/kcxx_memory_test.ko
p=/sys/module/kcxx_memory_test/parameters
fail() { echo "kcxx_memory_test: $*"; exit 1; }

# busybox modinfo reads modules.dep even for a path
mkdir -p /lib/modules/$(uname -r) && touch /lib/modules/$(uname -r)/modules.dep
modinfo $m | grep "^parm:" || true
modinfo $m | grep -q "^parm: *answer:A number the guest script sets (-100..100)$" || fail "modinfo: parm"
modinfo -F parmtype $m | grep -qx "answer:int" || fail "modinfo: parmtype"
modinfo -F parmtype $m | grep -qx "count:ushort" || fail "modinfo: parmtype"
[ "$(cat $p/answer)" = 7 ] && [ "$(cat $p/enabled)" = N ] && [ "$(cat $p/count)" = 3 ] || fail "initial values"
rmmod kcxx_memory_test

insmod $m answer=-5 enabled count=0xffff
[ "$(cat $p/answer)" = -5 ] && [ "$(cat $p/enabled)" = Y ] && [ "$(cat $p/count)" = 65535 ] || fail "load values"
echo 100 >$p/answer
[ "$(cat $p/answer)" = 100 ] || fail "sysfs write"
if echo 101 2>/dev/null >$p/answer; then fail "101 accepted"; fi
if echo abc 2>/dev/null >$p/answer; then fail "abc accepted"; fi
[ "$(cat $p/answer)" = 100 ] || fail "a rejected write changed the value"
if echo 0 2>/dev/null >$p/enabled; then fail "a 0444 parameter was written"; fi
[ "$(cat $p/enabled)" = Y ] || fail "enabled changed"
rmmod kcxx_memory_test

# Out of range at load: the load fails and leaves nothing behind
if insmod $m answer=1000 2>/dev/null; then fail "answer=1000 loaded"; fi
if insmod $m count=65536 2>/dev/null; then fail "count=65536 loaded"; fi
if insmod $m answer=12x 2>/dev/null; then fail "answer=12x loaded"; fi
[ ! -d /sys/module/kcxx_memory_test ] || fail "a failed load left the module"
echo "kcxx_memory_test: parameters checked"
