/* sim-xdm-library-private.h
 *
 * What the files building the XDM library share: the $ids of the
 * resources they refer to, and the helpers that write fields and
 * resources in the stored form.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sim-xdm-library.h"

G_BEGIN_DECLS

#define NS "https://ns.adobe.com/"
#define XDM NS "xdm/"

/* Data types the field groups refer to by $ref. */
#define DT_AUDITABLE    XDM "common/auditable"
#define DT_ADDRESS      XDM "common/address"
#define DT_PERSON       XDM "context/person"
#define DT_PERSON_NAME  XDM "context/person-name"
#define DT_EMAIL        XDM "context/emailaddress"
#define DT_PHONE        XDM "context/phonenumber"
#define DT_DEVICE       XDM "context/device"
#define DT_MEASURE      XDM "data/measure"

#define FG_PERSON       XDM "context/profile-person-details"
#define FG_PERSONAL     XDM "context/profile-personal-details"
#define FG_WORK         XDM "context/profile-work-details"
#define FG_SUBSCRIPTION XDM "context/profile-subscriptions"
#define FG_IDENTITYMAP  XDM "context/identitymap"
#define FG_CONSENTS     XDM "mixins/profile-consents"
#define FG_ENVIRONMENT  XDM "context/experienceevent-environment-details"
#define FG_WEB          XDM "context/experienceevent-web"
#define FG_COMMERCE     XDM "context/experienceevent-commerce"
#define FG_MARKETING    XDM "context/experienceevent-marketing"
#define FG_DEVICE       XDM "context/experienceevent-device"
#define FG_PLACE        XDM "context/experienceevent-placecontext"
#define FG_APPLICATION  XDM "context/experienceevent-application"
#define FG_ENDUSERIDS   XDM "context/experienceevent-enduserids"

/* The demo tenant's own resources; fixed, so every run has the same. */
#define DEMO_FG_IDENTIFICATION "/mixins/5e1f0a9b8c7d4e5fa3b2c1d0e9f8a7b6"
#define DEMO_FG_ANALYTICS      "/mixins/7c2d9e4f1a6b4c8d9e0f2a4b6c8d0e1f"
#define DEMO_FG_LOYALTY        "/mixins/3a9b8c7d6e5f40312a4b5c6d7e8f9a0b"
#define DEMO_DT_REWARD         "/datatypes/9f8e7d6c5b4a43219f8e7d6c5b4a3210"
#define DEMO_CLASS_STORE       "/classes/1c2d3e4f5a6b47c8d9e0f1a2b3c4d5e6"

/* 2019-01-01, 2023-06-01 and 2024-02-08 UTC, in epoch ms. */
#define GLOBAL_CREATED_MS  G_GINT64_CONSTANT (1546300800000)
#define GLOBAL_MODIFIED_MS G_GINT64_CONSTANT (1685577600000)
#define DEMO_CREATED_MS    G_GINT64_CONSTANT (1707350400000)
#define DAY_MS             G_GINT64_CONSTANT (86400000)

typedef struct
{
  const char *path;         /* dotted; "!" before a name: required; "[]" after: array of objects */
  const char *type;         /* see type_new () */
  const char *title;        /* NULL: made from the name */
  const char *description;
} Field;

typedef struct
{
  const SimXdmOwner *owner;
  GPtrArray *resources;
  gint64 created_ms;
  gint64 modified_ms;
} Library;

JsonObject *xdm_registry_metadata_new (const SimXdmOwner  *owner,
                                      const char         *id,
                                      gint64              created_ms,
                                      gint64              modified_ms);
JsonArray  *xdm_strv_to_array         (const char * const *strv);
JsonObject *xdm_ensure_object         (JsonObject         *object,
                                      const char         *member);
void        xdm_add_fields            (JsonObject         *owner,
                                      const Field        *fields,
                                      gsize               n_fields);
void        xdm_collect_refs          (JsonNode           *node,
                                      GPtrArray          *refs);
void        xdm_add_behavior          (Library            *library,
                                      const char         *id,
                                      const char         *title,
                                      const char         *description,
                                      const Field        *fields,
                                      gsize               n_fields);
void        xdm_add_data_type         (Library            *library,
                                      const char         *id,
                                      const char         *title,
                                      const char         *description,
                                      const Field        *fields,
                                      gsize               n_fields);
JsonObject *xdm_add_composed          (Library            *library,
                                      const char         *id,
                                      SimXdmKind          kind,
                                      const char         *title,
                                      const char         *description,
                                      const char * const *bases,
                                      const char * const *intended_to_extend,
                                      const char         *definition_name,
                                      const Field        *fields,
                                      gsize               n_fields);

#define ADD_DATA_TYPE(library, id, title, description, fields) \
  xdm_add_data_type (library, id, title, description, fields, G_N_ELEMENTS (fields))
#define ADD_FIELD_GROUP(library, id, title, description, intended, name, fields) \
  xdm_add_composed (library, id, SIM_XDM_FIELD_GROUP, title, description, NULL, intended, name, \
                    fields, G_N_ELEMENTS (fields))

G_END_DECLS
