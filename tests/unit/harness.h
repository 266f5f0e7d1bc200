/* harness: includes every cmocka test needs, in the order cmocka wants. */
#ifndef DANGBO_TEST_HARNESS_H
#define DANGBO_TEST_HARNESS_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#endif
