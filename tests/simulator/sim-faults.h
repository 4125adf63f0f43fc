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
} SimFaultKind;

typedef struct
{
  guint id;
  char *path;             /* without the trailing '*' of a prefix */
  gboolean prefix;
  char *method;           /* NULL: any */
  SimFaultKind kind;
  guint count;            /* matching requests still to hit */
  guint status;           /* SIM_FAULT_STATUS */
  char *retry_after;      /* SIM_FAULT_STATUS, may be NULL */
  guint delay_ms;         /* SIM_FAULT_DELAY */
  gboolean connection_close; /* SIM_FAULT_TRUNCATE: announce the close */
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
                                           const char         *path);
JsonNode  *sim_faults_to_json             (SimFaults          *self);

void       sim_fault_free                 (SimFault           *fault);

void       sim_fault_reset_connection     (SoupServerMessage  *message);
void       sim_fault_send_truncated       (SoupServerMessage  *message,
                                           gboolean            connection_close);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SimFaults, sim_faults_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SimFault, sim_fault_free)

G_END_DECLS
