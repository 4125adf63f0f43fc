/* trib-call-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-call.h"

G_BEGIN_DECLS

/* What TribPlatformClient reads of a call; nothing in it changes once the
 * call is sent.
 */
struct _TribCall
{
  TribEndpoint endpoint;   /* a copy: its strings are static, or the two below */
  char *method;
  char *accept;
  GString *path;
  gboolean has_query;
  GBytes *body;
  char *sandbox;
  gboolean sandbox_chosen;   /* else the client's sandbox when sent */
  char *if_match;
  gpointer data;
  GDestroyNotify data_destroy;
  gpointer source_object;
};

TribCall *_trib_call_new_raw (const char    *method,
                              const char    *path,
                              const char    *accept,
                              TribCallFlags  flags);

G_END_DECLS
