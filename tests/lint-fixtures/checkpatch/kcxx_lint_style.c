// SPDX-License-Identifier: GPL-2.0
/*
 * checkpatch fixture: kernel coding-style violations.
 *
 * lint-expect: SPACING: space required before the open parenthesis
 * lint-expect: CODE_INDENT: code indent should use tabs
 * lint-expect: LEADING_SPACE: please, no spaces at the start of a line
 * lint-expect: TRAILING_WHITESPACE
 * lint-expect: BRACES: braces \{\} are not necessary
 */
#include <linux/errno.h>

int kcxx_lint_style(int x);
int kcxx_lint_style(int x)
{
	if(x < 0)
		return -EINVAL;
        x++;
	if (x > 10) {
		return 10;
	}
	return x; 
}
