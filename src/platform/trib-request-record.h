/* trib-request-record.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The most of an answer a record keeps: 16 MiB, so that even a
 * pathological error body is there whole to read, while the log's own
 * budget (TribRequestLog) bounds what all records keep together.
 */
#define TRIB_REQUEST_RECORD_MAX_RESPONSE_BYTES (16 * 1024 * 1024)

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
gsize               trib_request_record_get_request_size  (TribRequestRecord  *self);
void                trib_request_record_set_response      (TribRequestRecord  *self,
                                                           const char         *content_type,
                                                           const char         *body,
                                                           gsize               length);
const char         *trib_request_record_get_response      (TribRequestRecord  *self);
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

G_END_DECLS
