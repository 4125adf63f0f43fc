/* trib-request-log.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-request-record.h"

G_BEGIN_DECLS

#define TRIB_TYPE_REQUEST_LOG (trib_request_log_get_type ())

G_DECLARE_FINAL_TYPE (TribRequestLog, trib_request_log, TRIB, REQUEST_LOG, GObject)

TribRequestLog *trib_request_log_new          (guint              max_records);
guint           trib_request_log_get_max_records (TribRequestLog *self);
void            trib_request_log_set_max_records (TribRequestLog *self,
                                                  guint           max_records);
void            trib_request_log_add          (TribRequestLog    *self,
                                               TribRequestRecord *record);
void            trib_request_log_clear        (TribRequestLog    *self);

G_END_DECLS
