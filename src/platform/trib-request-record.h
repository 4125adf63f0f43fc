/* trib-request-record.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "trib-request-kind.h"

G_BEGIN_DECLS

/* The most of a body, sent or received, that a record keeps: enough
 * to read any call's JSON on the Activity page, and with the log's
 * count of records a bound on what the log keeps (TribRequestLog).
 */
#define TRIB_REQUEST_RECORD_MAX_BODY_BYTES (64 * 1024)

/* The most of a request body kept whole, for Copy as curl: requests are
 * the app's own, and even a large mapping set is far below this.
 */
#define TRIB_REQUEST_RECORD_MAX_SENT_BYTES (1024 * 1024)

#define TRIB_TYPE_REQUEST_RECORD (trib_request_record_get_type ())

G_DECLARE_FINAL_TYPE (TribRequestRecord, trib_request_record, TRIB, REQUEST_RECORD, GObject)

TribRequestRecord  *trib_request_record_new               (const char         *method,
                                                           const char         *url);
const char         *trib_request_record_get_method        (TribRequestRecord  *self);
const char         *trib_request_record_get_url           (TribRequestRecord  *self);
GDateTime          *trib_request_record_get_started       (TribRequestRecord  *self);
void                trib_request_record_add_header        (TribRequestRecord  *self,
                                                           const char         *name,
                                                           const char         *value);
const char * const *trib_request_record_get_headers       (TribRequestRecord  *self);
void                trib_request_record_set_body          (TribRequestRecord  *self,
                                                           const char         *content_type,
                                                           const char         *body,
                                                           gsize               length);
const char         *trib_request_record_get_body          (TribRequestRecord  *self);
gboolean            trib_request_record_get_body_cut      (TribRequestRecord  *self);
gsize               trib_request_record_get_request_size  (TribRequestRecord  *self);
void                trib_request_record_set_response      (TribRequestRecord  *self,
                                                           const char         *content_type,
                                                           const char         *body,
                                                           gsize               length);
const char         *trib_request_record_get_response      (TribRequestRecord  *self);
gboolean            trib_request_record_get_response_cut  (TribRequestRecord  *self);
gsize               trib_request_record_get_response_length (TribRequestRecord *self);
gsize               trib_request_record_drop_response     (TribRequestRecord  *self);
void                trib_request_record_finish            (TribRequestRecord  *self,
                                                           guint               status,
                                                           gsize               response_size,
                                                           const char         *error_message);
guint               trib_request_record_get_status        (TribRequestRecord  *self);
gboolean            trib_request_record_get_done          (TribRequestRecord  *self);
gsize               trib_request_record_get_response_size (TribRequestRecord  *self);
double              trib_request_record_get_duration_ms   (TribRequestRecord  *self);
const char         *trib_request_record_get_error_message (TribRequestRecord  *self);
char               *trib_request_record_dup_curl          (TribRequestRecord  *self);
TribRequestOutcome  trib_request_record_get_outcome       (TribRequestRecord  *self);
TribRequestService  trib_request_record_get_service       (TribRequestRecord  *self);

G_END_DECLS
