/* sim-xdm-library.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SIM_XDM_RECORD       "https://ns.adobe.com/xdm/data/record"
#define SIM_XDM_TIME_SERIES  "https://ns.adobe.com/xdm/data/time-series"
#define SIM_XDM_ADHOC        "https://ns.adobe.com/xdm/data/adhoc"
#define SIM_XDM_PROFILE      "https://ns.adobe.com/xdm/context/profile"
#define SIM_XDM_EVENT        "https://ns.adobe.com/xdm/context/experienceevent"

/* The demo org's tenant, and its three schemas the tests rely on. */
#define SIM_XDM_DEMO_TENANT         "tributarydemo"
#define SIM_XDM_DEMO_WEB_EVENTS     "https://ns.adobe.com/tributarydemo/schemas/8a3f1c52e9b74d06a1e2f3b4c5d6e7f8"
#define SIM_XDM_DEMO_CRM_PROFILES   "https://ns.adobe.com/tributarydemo/schemas/2b7e9d41c8a54f13b6e0a9d8c7b6a5f4"
#define SIM_XDM_DEMO_ORDERS         "https://ns.adobe.com/tributarydemo/schemas/d4c3b2a1f0e94d8c9b7a6f5e4d3c2b1a"

typedef enum
{
  SIM_XDM_SCHEMA,
  SIM_XDM_CLASS,
  SIM_XDM_FIELD_GROUP,
  SIM_XDM_DATA_TYPE,
  SIM_XDM_BEHAVIOR,
  SIM_XDM_N_KINDS,
} SimXdmKind;

/* Who a resource is stamped for: the tenant container's owner, or
 * nobody for the global container.
 */
typedef struct
{
  const char *tenant_id;      /* NULL for the global container */
  const char *org_id;
  const char *client_id;
  const char *user_id;
} SimXdmOwner;

const char *sim_xdm_kind_resource_type   (SimXdmKind          kind);
gboolean    sim_xdm_kind_from_segment    (const char         *segment,
                                          SimXdmKind         *kind);
gboolean    sim_xdm_kind_from_resource   (JsonObject         *resource,
                                          SimXdmKind         *kind);
char       *sim_xdm_alt_id               (const char         *id);
JsonNode   *sim_xdm_deep_copy            (JsonNode           *node);

JsonObject *sim_xdm_resource_new         (const SimXdmOwner  *owner,
                                          const char         *id,
                                          SimXdmKind          kind,
                                          const char         *title,
                                          const char         *description,
                                          gint64              created_ms,
                                          gint64              modified_ms);
void        sim_xdm_add_field            (JsonObject         *owner,
                                          const char         *path,
                                          const char         *type,
                                          const char         *title,
                                          const char         *description);
JsonObject *sim_xdm_schema_body_new      (const char         *title,
                                          const char         *description,
                                          const char         *class_id,
                                          const char * const *field_group_ids);

GPtrArray  *sim_xdm_library_build_global (void);
void        sim_xdm_library_build_demo   (const SimXdmOwner  *owner,
                                          GPtrArray          *resources,
                                          GPtrArray          *schema_bodies,
                                          GPtrArray          *descriptors);

G_END_DECLS
