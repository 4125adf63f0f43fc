/* sim-faults.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef enum
{
  SIM_FAULT_STATUS,
  SIM_FAULT_RESET,
  SIM_FAULT_DELAY,
  SIM_FAULT_TRUNCATE,
  SIM_FAULT_NON_JSON,
  SIM_FAULT_DEEP_NESTING,
  SIM_FAULT_OVERSIZED,
  SIM_FAULT_GZIP_BOMB,
  SIM_FAULT_TRICKLE,
  SIM_FAULT_STALL,
  SIM_FAULT_REDIRECT,
  SIM_FAULT_BODY,
  SIM_FAULT_PERFORM_DROP,
} SimFaultKind;

typedef struct
{
  guint id;
  char *path;             /* without the trailing '*' of a prefix */
  gboolean prefix;
  char *method;           /* NULL: any */
  char *query;            /* NULL: any; else the query must contain it */
  SimFaultKind kind;
  guint count;            /* matching requests still to hit */
  guint status;           /* SIM_FAULT_STATUS */
  char *retry_after;      /* SIM_FAULT_STATUS, may be NULL */
  guint delay_ms;         /* SIM_FAULT_DELAY */
  gboolean connection_close; /* SIM_FAULT_TRUNCATE: announce the close */
  guint depth;            /* SIM_FAULT_DEEP_NESTING */
  gsize size;             /* SIM_FAULT_OVERSIZED, SIM_FAULT_GZIP_BOMB: bytes of JSON */
  gboolean chunked;       /* SIM_FAULT_OVERSIZED: no Content-Length */
  guint interval_ms;      /* SIM_FAULT_TRICKLE: between two bytes */
  gboolean headers_first; /* SIM_FAULT_TRICKLE: the headers at once, only the body trickles */
  char *location;         /* SIM_FAULT_REDIRECT */
  gsize detail_bytes;     /* SIM_FAULT_STATUS: a problem detail this long */
  char *body;             /* SIM_FAULT_BODY: the answer's body, as it is */
  char *content_type;     /* SIM_FAULT_BODY */
} SimFault;

typedef struct _SimFaults SimFaults;

SimFaults *sim_faults_new                 (void);
void       sim_faults_free                (SimFaults          *self);
guint      sim_faults_add                 (SimFaults          *self,
                                           JsonNode           *spec,
                                           GError            **error);
guint      sim_faults_clear               (SimFaults          *self);
SimFault  *sim_faults_take                (SimFaults          *self,
                                           const char         *method,
                                           const char         *path,
                                           const char         *query);
JsonNode  *sim_faults_to_json             (SimFaults          *self);

void       sim_fault_free                 (SimFault           *fault);

void       sim_fault_reset_connection     (SoupServerMessage  *message);
void       sim_fault_drop_answer          (SoupServerMessage  *message);
void       sim_fault_send_truncated       (SoupServerMessage  *message,
                                           gboolean            connection_close);
void       sim_fault_send_slowly          (SoupServerMessage  *message,
                                           SimFault           *fault);
void       sim_fault_reply_deep           (SoupServerMessage  *message,
                                           guint               depth);
void       sim_fault_reply_oversized      (SoupServerMessage  *message,
                                           gsize               size,
                                           gboolean            chunked);
void       sim_fault_reply_gzip_bomb      (SoupServerMessage  *message,
                                           gsize               size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SimFaults, sim_faults_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SimFault, sim_fault_free)

G_END_DECLS
