/* sim-schema-registry-private.h
 *
 * What the Schema Registry's files share: the containers resources live
 * in, the registry's errors, and the helpers for requests and listings.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sim-services.h"
#include "sim-xdm-library.h"

G_BEGIN_DECLS

#define BASE_PATH "/data/foundation/schemaregistry"

typedef struct
{
  char *tenant_id;          /* NULL for the global container */
  char *org_id;
  GPtrArray *resources;     /* JsonObject, in creation order */
  GHashTable *by_id;        /* $id and meta:altId → JsonObject in resources */
  GPtrArray *descriptors;   /* JsonObject */
  guint serial;             /* makes new ids */
} Container;

typedef enum
{
  PROBLEM_INVALID,
  PROBLEM_NOT_UNIQUE,
  PROBLEM_MISSING_REF,
  PROBLEM_INCOMPATIBLE,
} Problem;

typedef struct
{
  GArray *keys;             /* SortKey */
  GArray *filters;          /* Filter */
  const char *start;
  gint64 limit;             /* 0: no paging */
  gboolean ordered;
} Listing;

/* sim-schema-container.c: the containers */
void         registry_init               (SimServer          *server);
Container   *registry_tenant_for         (SimClient          *client,
                                          const char         *sandbox);
void         registry_container_add      (Container          *container,
                                          JsonObject         *resource);
void         registry_container_remove   (Container          *container,
                                          JsonObject         *resource);
JsonObject  *registry_container_find     (Container          *container,
                                          const char         *id);
JsonObject  *registry_find_any           (Container          *tenant,
                                          const char         *id);
SimXdmOwner  registry_owner_for          (Container          *tenant,
                                          SimClient          *client);
char        *registry_new_id             (Container          *tenant,
                                          const char         *segment,
                                          const char         *title);
gboolean     registry_check_title        (Container          *tenant,
                                          JsonObject         *body,
                                          SimXdmKind          kind,
                                          GError            **error);
gboolean     registry_is_valid_field_name (const char        *name);
void         registry_set_problem        (GError            **error,
                                          Problem             problem,
                                          const char         *format,
                                          ...) G_GNUC_PRINTF (3, 4);

/* sim-schema-container.c: reading JSON */
const char  *registry_get_string         (JsonObject         *object,
                                          const char         *member);
JsonObject  *registry_get_object         (JsonObject         *object,
                                          const char         *member);
JsonArray   *registry_get_array          (JsonObject         *object,
                                          const char         *member);
gboolean     registry_array_contains_string (JsonArray       *array,
                                          const char         *value);
void         registry_add_unique         (JsonArray          *array,
                                          const char         *value);
SimXdmKind   registry_resource_kind      (JsonObject         *resource);
GPtrArray   *registry_borrow_all         (GPtrArray          *array);

/* sim-schema-container.c: requests and replies */
gboolean     registry_is_global          (SimRequest         *request);
gboolean     registry_check_container    (SimRequest         *request);
gboolean     registry_check_kind         (SimRequest         *request,
                                          SimXdmKind         *kind);
Container   *registry_request_container  (SimRequest         *request);
JsonObject  *registry_dup_for_reply      (SimRequest         *request,
                                          JsonObject         *resource);
const char  *registry_accept_of          (SimRequest         *request);
gboolean     registry_parse_accept       (const char         *accept,
                                          char              **format,
                                          char              **version);
void         registry_reply_object       (SimRequest         *request,
                                          guint               status,
                                          JsonObject         *object);
void         registry_reply_error        (SimRequest         *request,
                                          GError             *error);
void         registry_reply_invalid_query (SimRequest        *request,
                                          const char         *format,
                                          ...) G_GNUC_PRINTF (2, 3);

/* sim-schema-compose.c */
JsonObject  *registry_compose_schema     (Container          *tenant,
                                          const SimXdmOwner  *owner,
                                          JsonObject         *body,
                                          GError            **error);
JsonObject  *registry_compose_class      (Container          *tenant,
                                          const SimXdmOwner  *owner,
                                          JsonObject         *body,
                                          GError            **error);
JsonObject  *registry_compose_fields     (Container          *tenant,
                                          const SimXdmOwner  *owner,
                                          JsonObject         *body,
                                          SimXdmKind          kind,
                                          GError            **error);

/* sim-schema-resolve.c */
JsonObject  *registry_resolve            (Container          *tenant,
                                          JsonObject         *resource);
void         registry_strip_text         (JsonObject         *schema,
                                          gboolean            titles,
                                          gboolean            descriptions);

/* sim-schema-listing.c */
void         registry_listing_clear      (Listing            *listing);
gboolean     registry_parse_listing      (SimRequest         *request,
                                          const char         *default_order,
                                          Listing            *listing);
GPtrArray   *registry_apply_listing      (Listing            *listing,
                                          GPtrArray          *objects,
                                          char              **next);
JsonObject  *registry_page_reply_new     (SimRequest         *request,
                                          JsonArray          *results,
                                          Listing            *listing,
                                          const char         *next,
                                          const char         *global_href);
JsonObject  *registry_summary_new        (JsonObject         *resource);
gint64       registry_date_of            (JsonObject         *object,
                                          const char         *name);
void         registry_list_cb            (SimRequest         *request);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Listing, registry_listing_clear)

G_END_DECLS
