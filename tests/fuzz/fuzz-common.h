/* fuzz-common.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

/* libFuzzer's entry points. A target defines LLVMFuzzerTestOneInput;
 * fuzz-common.c defines LLVMFuzzerInitialize for all of them.
 */
int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

gsize fuzz_split            (const uint8_t  *data,
                             size_t          size,
                             gsize           n_parts,
                             const char    **parts,
                             gsize          *lengths);
void  fuzz_assert_utf8      (const char     *text);
void  fuzz_assert_date_shown (GDateTime     *date);

/* A config file's secret: the input writes the marker where the target
 * plants the secret, which no error may then quote.
 */
#define FUZZ_SECRET_MARKER "@SECRET@"
#define FUZZ_PLANTED_SECRET "Pl4nted-Secr3t.Value_x"

gboolean fuzz_contains        (const char     *haystack,
                               gsize           length,
                               const char     *needle);
void     fuzz_assert_no_secret (const char    *text);

G_END_DECLS
