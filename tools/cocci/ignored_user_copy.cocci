// SPDX-License-Identifier: GPL-2.0
/// kcxx: copy_{from,to}_user() return the number of bytes NOT copied; a
/// caller that ignores it works on partly uninitialised data or tells user
/// space a copy succeeded when it faulted.
//
// Confidence: High
// Options: --no-includes --include-headers

virtual report

@bad@
identifier f =~ "^(copy_from_user|copy_to_user|__copy_from_user|__copy_to_user|copy_from_user_nofault|copy_to_user_nofault|raw_copy_from_user|raw_copy_to_user)$";
position p;
@@
(
f@p(...);
|
 (void)f@p(...);
)

@script:python depends on report@
f << bad.f;
p << bad.p;
@@
coccilib.report.print_report(p[0], "kcxx: result of %s() ignored: it returns the bytes not copied" % f)
