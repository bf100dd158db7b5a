# Guest half of the chardev test: the static client (its own KTAP report),
# then the module's lifetime rules: no unload while a file is open.
set -e
/kcxx/chardev_client
exec 3</dev/kcxx-test-chardev
if rmmod kcxx_chardev_test 2>/dev/null; then echo "unloaded with a file open"; exit 1; fi
exec 3<&-
rmmod kcxx_chardev_test
[ ! -e /dev/kcxx-test-chardev ]
echo "kcxx_chardev_test: unloaded after the last close"
