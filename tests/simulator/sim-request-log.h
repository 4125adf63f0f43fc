/* sim-request-log.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _SimRequestLog SimRequestLog;
typedef struct _SimLogEntry   SimLogEntry;

SimRequestLog *sim_request_log_new        (void);
void           sim_request_log_free       (SimRequestLog *self);
SimLogEntry   *sim_request_log_append     (SimRequestLog *self,
                                           const char    *method,
                                           const char    *path,
                                           const char    *query,
                                           const char    *sandbox);
guint          sim_request_log_clear      (SimRequestLog *self);
JsonNode      *sim_request_log_to_json    (SimRequestLog *self);

SimLogEntry   *sim_log_entry_ref          (SimLogEntry   *entry);
void           sim_log_entry_unref        (SimLogEntry   *entry);
void           sim_log_entry_set_status   (SimLogEntry   *entry,
                                           guint          status);
void           sim_log_entry_set_body     (SimLogEntry   *entry,
                                           JsonNode      *body);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SimRequestLog, sim_request_log_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SimLogEntry, sim_log_entry_unref)

G_END_DECLS
