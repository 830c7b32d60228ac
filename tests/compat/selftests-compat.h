/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Forced into every KVM selftest build by scripts/build-selftests.sh.
 * Debian's 6.1 stable updates backported a dirty_log_test.c fix that uses
 * TEST_ASSERT_EQ(), which 6.1's test_util.h does not have; supply it here
 * rather than editing the tree. It expands at the point of use, after
 * test_util.h has defined TEST_ASSERT().
 */
#ifndef TEST_ASSERT_EQ
#define TEST_ASSERT_EQ(a, b)							\
do {										\
	typeof(a) __a = (a);							\
	typeof(b) __b = (b);							\
	TEST_ASSERT(__a == __b, "%s == %s: %#lx != %#lx", #a, #b,		\
		    (unsigned long)__a, (unsigned long)__b);			\
} while (0)
#endif
