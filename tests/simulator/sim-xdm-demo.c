/* sim-xdm-demo.c
 *
 * The demo org's tenant content: the three Luma schemas and their field
 * groups, one of them generated here with thousands of Analytics-style
 * fields, and their identity descriptors.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-xdm-library"

#include "config.h"

#include <string.h>

#include "sim-xdm-library-private.h"

/* The demo tenant */

static const Field identification_fields[] = {
  { "_tributarydemo.identification", "object", "Identification", "Luma's identifiers of a customer." },
  { "_tributarydemo.identification.core", "object", "Core identifiers", NULL },
  { "_tributarydemo.identification.core.ecid", "string", "ECID", "The Experience Cloud ID of the browser or app." },
  { "_tributarydemo.identification.core.email", "email", "Email", "The email address the customer signed in with." },
  { "_tributarydemo.identification.core.crmId", "string", "CRM ID", "The customer's identifier in Luma's CRM." },
  { "_tributarydemo.identification.core.loyaltyId", "string", "Loyalty ID", NULL },
  { "_tributarydemo.identification.core.phoneNumber", "string", "Phone number", NULL },
};

static const Field loyalty_fields[] = {
  { "_tributarydemo.loyalty", "object", "Loyalty", "Membership of the Luma loyalty programme." },
  { "_tributarydemo.loyalty.loyaltyId", "string", "Loyalty ID", "The member's number." },
  { "_tributarydemo.loyalty.tier", "string{bronze,silver,gold,platinum}", "Tier", NULL },
  { "_tributarydemo.loyalty.points", "long", "Points", "Points available to spend." },
  { "_tributarydemo.loyalty.lifetimePoints", "long", "Lifetime points", NULL },
  { "_tributarydemo.loyalty.memberSince", "date", "Member since", NULL },
  { "_tributarydemo.loyalty.status", "string{active,lapsed,closed}", "Status", NULL },
  { "_tributarydemo.loyalty.lifetimeValue", "number", "Lifetime value", "What the member spent, in US dollars." },
  { "_tributarydemo.loyalty.rewards", "@" NS "tributarydemo" DEMO_DT_REWARD "[]", "Rewards", "The rewards the member redeemed." },
};

static const Field reward_fields[] = {
  { "rewardId", "string", "Reward ID", NULL },
  { "name", "string", "Name", NULL },
  { "pointsCost", "int", "Points cost", NULL },
  { "redeemedAt", "date-time", "Redeemed at", NULL },
  { "storeId", "string", "Store ID", "The store where it was redeemed, if not online." },
};

static const Field store_fields[] = {
  { "_tributarydemo.store", "object", "Store", "A Luma retail store." },
  { "_tributarydemo.store.storeId", "string", "Store ID", NULL },
  { "_tributarydemo.store.name", "string", "Name", NULL },
  { "_tributarydemo.store.address", "@" DT_ADDRESS, "Address", NULL },
  { "_tributarydemo.store.openedOn", "date", "Opened on", NULL },
  { "_tributarydemo.store.floorArea", "number", "Floor area", "In square metres." },
};

/* Luma's Analytics report suite, as the Analytics source connector maps
 * it: thousands of fields, for trees and searches that must cope with
 * real sizes. Generated, since spelling them out would help no one.
 */
static void
add_analytics_fields (JsonObject *definition,
                      const char *tenant_namespace)
{
  g_autofree char *base = g_strconcat (tenant_namespace, ".analytics", NULL);
  g_autofree char *dimensions = g_strconcat (base, ".customDimensions", NULL);
  static const char * const channels[] = {
    "paidSearch", "naturalSearch", "display", "email", "affiliate", "socialNetworks",
    "referringDomains", "directTraffic", "internal", "sessionRefresh", "mobileApp", "videoAds",
  };
  GString *path = g_string_new (NULL);
  char title[64];

#define PATH(...) (g_string_printf (path, __VA_ARGS__), path->str)

  sim_xdm_add_field (definition, PATH ("%s", base), "object", "Analytics",
                     "Fields from Luma's Adobe Analytics report suite.");
  sim_xdm_add_field (definition, PATH ("%s", dimensions), "object", "Custom dimensions",
                     "The report suite's eVars, props, list props, lists and hierarchies.");
  sim_xdm_add_field (definition, PATH ("%s.eVars", dimensions), "object", "eVars",
                     "Conversion variables, which persist beyond the hit they were set on.");
  for (guint i = 1; i <= 250; i++)
    {
      g_snprintf (title, sizeof title, "eVar%u", i);
      sim_xdm_add_field (definition, PATH ("%s.eVars.eVar%u", dimensions, i), "string", title,
                         "Custom conversion variable.");
    }

  sim_xdm_add_field (definition, PATH ("%s.props", dimensions), "object", "Props",
                     "Traffic variables, which only hold for the hit they were set on.");
  for (guint i = 1; i <= 75; i++)
    {
      g_snprintf (title, sizeof title, "prop%u", i);
      sim_xdm_add_field (definition, PATH ("%s.props.prop%u", dimensions, i), "string", title,
                         "Custom traffic variable.");
    }

  sim_xdm_add_field (definition, PATH ("%s.listProps", dimensions), "object", "List props", NULL);
  for (guint i = 1; i <= 75; i++)
    {
      g_snprintf (title, sizeof title, "List prop %u", i);
      sim_xdm_add_field (definition, PATH ("%s.listProps.prop%u", dimensions, i), "object", title, NULL);
      sim_xdm_add_field (definition, PATH ("%s.listProps.prop%u.delimiter", dimensions, i), "string",
                         "Delimiter", "The character that separated the values.");
      sim_xdm_add_field (definition, PATH ("%s.listProps.prop%u.values", dimensions, i), "string[]",
                         "Values", NULL);
    }

  sim_xdm_add_field (definition, PATH ("%s.hierarchies", dimensions), "object", "Hierarchies", NULL);
  for (guint i = 1; i <= 5; i++)
    {
      g_snprintf (title, sizeof title, "Hierarchy %u", i);
      sim_xdm_add_field (definition, PATH ("%s.hierarchies.hier%u", dimensions, i), "object", title, NULL);
      sim_xdm_add_field (definition, PATH ("%s.hierarchies.hier%u.delimiter", dimensions, i), "string",
                         "Delimiter", NULL);
      sim_xdm_add_field (definition, PATH ("%s.hierarchies.hier%u.values", dimensions, i), "string[]",
                         "Values", NULL);
    }

  sim_xdm_add_field (definition, PATH ("%s.lists", dimensions), "object", "Lists", NULL);
  for (guint i = 1; i <= 3; i++)
    {
      g_snprintf (title, sizeof title, "List %u", i);
      sim_xdm_add_field (definition, PATH ("%s.lists.list%u", dimensions, i), "object", title, NULL);
      sim_xdm_add_field (definition, PATH ("%s.lists.list%u.list[].key", dimensions, i), "string",
                         "Key", NULL);
      sim_xdm_add_field (definition, PATH ("%s.lists.list%u.list[].value", dimensions, i), "string",
                         "Value", NULL);
    }

  sim_xdm_add_field (definition, PATH ("%s.events", base), "object", "Events",
                     "The report suite's custom success events.");
  for (guint i = 1; i <= 1000; i++)
    {
      g_snprintf (title, sizeof title, "Event %u", i);
      sim_xdm_add_field (definition, PATH ("%s.events.event%u", base, i), "object", title,
                         "Custom success event.");
      sim_xdm_add_field (definition, PATH ("%s.events.event%u.value", base, i), "number", "Value",
                         "How much the event counts for.");
      sim_xdm_add_field (definition, PATH ("%s.events.event%u.id", base, i), "string", "Unique identifier",
                         "Serialises the event, so a repeat is counted once.");
    }

  /* Classifications describe the eVars' values for reports. */
  sim_xdm_add_field (definition, PATH ("%s.classifications", base), "object", "Classifications", NULL);
  for (guint i = 1; i <= 250; i++)
    {
      g_snprintf (title, sizeof title, "eVar%u classification", i);
      sim_xdm_add_field (definition, PATH ("%s.classifications.eVar%u", base, i), "object", title, NULL);
      sim_xdm_add_field (definition, PATH ("%s.classifications.eVar%u.category", base, i), "string",
                         "Category", NULL);
      sim_xdm_add_field (definition, PATH ("%s.classifications.eVar%u.subCategory", base, i), "string",
                         "Subcategory", NULL);
      sim_xdm_add_field (definition, PATH ("%s.classifications.eVar%u.owner", base, i), "string",
                         "Owner", NULL);
    }

  for (guint i = 1; i <= 75; i++)
    {
      g_snprintf (title, sizeof title, "prop%u classification", i);
      sim_xdm_add_field (definition, PATH ("%s.classifications.prop%u", base, i), "object", title, NULL);
      sim_xdm_add_field (definition, PATH ("%s.classifications.prop%u.category", base, i), "string",
                         "Category", NULL);
      sim_xdm_add_field (definition, PATH ("%s.classifications.prop%u.subCategory", base, i), "string",
                         "Subcategory", NULL);
      sim_xdm_add_field (definition, PATH ("%s.classifications.prop%u.owner", base, i), "string",
                         "Owner", NULL);
    }

  sim_xdm_add_field (definition, PATH ("%s.marketingChannels", base), "object", "Marketing channels",
                     "The channel that got the visit, first and last touch.");
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      sim_xdm_add_field (definition, PATH ("%s.marketingChannels.%s", base, channels[i]), "object", NULL,
                         NULL);
      sim_xdm_add_field (definition, PATH ("%s.marketingChannels.%s.detail", base, channels[i]), "string",
                         "Detail", NULL);
      sim_xdm_add_field (definition, PATH ("%s.marketingChannels.%s.firstTouch", base, channels[i]),
                         "boolean", "First touch", NULL);
      sim_xdm_add_field (definition, PATH ("%s.marketingChannels.%s.lastTouch", base, channels[i]),
                         "boolean", "Last touch", NULL);
      sim_xdm_add_field (definition, PATH ("%s.marketingChannels.%s.visits", base, channels[i]), "int",
                         "Visits", NULL);
    }

  sim_xdm_add_field (definition, PATH ("%s.session", base), "object", "Session", NULL);
  sim_xdm_add_field (definition, PATH ("%s.session.visitNumber", base), "int", "Visit number", NULL);
  sim_xdm_add_field (definition, PATH ("%s.session.visitPageNumber", base), "int", "Visit page number", NULL);
  sim_xdm_add_field (definition, PATH ("%s.session.entryPage", base), "string", "Entry page", NULL);
  sim_xdm_add_field (definition, PATH ("%s.session.reportSuite", base), "string", "Report suite", NULL);

#undef PATH
  g_string_free (path, TRUE);
}

static JsonObject *
descriptor_new (const SimXdmOwner *owner,
                const char        *schema_id,
                const char        *pointer,
                const char        *namespace,
                gboolean           primary)
{
  JsonObject *descriptor = json_object_new ();
  g_autofree char *seed = g_strconcat (schema_id, pointer, NULL);
  g_autofree char *id = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);

  json_object_set_string_member (descriptor, "@id", id);
  json_object_set_string_member (descriptor, "@type", "xdm:descriptorIdentity");
  json_object_set_string_member (descriptor, "xdm:sourceSchema", schema_id);
  json_object_set_int_member (descriptor, "xdm:sourceVersion", 1);
  json_object_set_string_member (descriptor, "xdm:sourceProperty", pointer);
  json_object_set_string_member (descriptor, "imsOrg", owner->org_id);
  json_object_set_string_member (descriptor, "version", "1");
  json_object_set_string_member (descriptor, "xdm:namespace", namespace);
  json_object_set_string_member (descriptor, "xdm:property", "xdm:code");
  json_object_set_boolean_member (descriptor, "xdm:isPrimary", primary);
  json_object_set_string_member (descriptor, "meta:containerId", "tenant");
  json_object_set_object_member (descriptor, "meta:registryMetadata",
                                 xdm_registry_metadata_new (owner, id, DEMO_CREATED_MS + 40 * DAY_MS,
                                                            DEMO_CREATED_MS + 40 * DAY_MS));

  return descriptor;
}

/**
 * sim_xdm_schema_body_new:
 *
 * Returns: (transfer full): the body that creates such a schema, seed 002's shape
 */
JsonObject *
sim_xdm_schema_body_new (const char         *title,
                         const char         *description,
                         const char         *class_id,
                         const char * const *field_group_ids)
{
  JsonObject *body = json_object_new ();
  JsonArray *all_of = json_array_new ();

  json_object_set_string_member (body, "type", "object");
  json_object_set_string_member (body, "title", title);
  json_object_set_string_member (body, "description", description);
  for (gssize i = -1; field_group_ids != NULL && (i < 0 || field_group_ids[i] != NULL); i++)
    {
      JsonObject *ref = json_object_new ();

      json_object_set_string_member (ref, "$ref", i < 0 ? class_id : field_group_ids[i]);
      json_array_add_object_element (all_of, ref);
    }
  json_object_set_array_member (body, "allOf", all_of);
  json_object_set_string_member (body, "meta:containerId", "tenant");
  json_object_set_string_member (body, "meta:resourceType", "schemas");
  json_object_set_string_member (body, "meta:xdmType", "object");
  json_object_set_string_member (body, "meta:class", class_id);

  return body;
}

static JsonObject *
demo_schema_body_new (const char         *id,
                      const char         *title,
                      const char         *description,
                      const char         *class_id,
                      const char * const *field_group_ids,
                      gboolean            profile_enabled,
                      gint64              created_ms)
{
  JsonObject *body = sim_xdm_schema_body_new (title, description, class_id, field_group_ids);
  JsonObject *metadata = json_object_new ();

  json_object_set_string_member (body, "$id", id);
  if (profile_enabled)
    {
      const char * const tags[] = { "union", NULL };

      json_object_set_array_member (body, "meta:immutableTags", xdm_strv_to_array (tags));
    }
  json_object_set_int_member (metadata, "repo:createdDate", created_ms);
  json_object_set_int_member (metadata, "repo:lastModifiedDate", created_ms + 30 * DAY_MS);
  json_object_set_object_member (body, "meta:registryMetadata", metadata);

  return body;
}

/**
 * sim_xdm_library_build_demo:
 * @owner: the demo org's tenant
 * @resources: (element-type JsonObject): gets the tenant's field groups,
 *   data types and classes, stored
 * @schema_bodies: (element-type JsonObject): gets the bodies that create
 *   its schemas, with their fixed `$id` and dates
 * @descriptors: (element-type JsonObject): gets their identity descriptors
 */
void
sim_xdm_library_build_demo (const SimXdmOwner *owner,
                            GPtrArray         *resources,
                            GPtrArray         *schema_bodies,
                            GPtrArray         *descriptors)
{
  g_autofree char *prefix = g_strconcat (NS, owner->tenant_id, NULL);
  g_autofree char *identification = g_strconcat (prefix, DEMO_FG_IDENTIFICATION, NULL);
  g_autofree char *analytics = g_strconcat (prefix, DEMO_FG_ANALYTICS, NULL);
  g_autofree char *loyalty = g_strconcat (prefix, DEMO_FG_LOYALTY, NULL);
  g_autofree char *reward = g_strconcat (prefix, DEMO_DT_REWARD, NULL);
  g_autofree char *store = g_strconcat (prefix, DEMO_CLASS_STORE, NULL);
  g_autofree char *namespace = g_strconcat ("_", owner->tenant_id, NULL);
  const char * const both[] = { SIM_XDM_PROFILE, SIM_XDM_EVENT, NULL };
  const char * const event_only[] = { SIM_XDM_EVENT, NULL };
  const char * const profile_only[] = { SIM_XDM_PROFILE, NULL };
  const char * const record[] = { SIM_XDM_RECORD, NULL };
  const char * const web_groups[] = {
    FG_ENVIRONMENT, FG_WEB, FG_COMMERCE, FG_MARKETING, FG_DEVICE, FG_PLACE, FG_APPLICATION,
    FG_ENDUSERIDS, identification, analytics, NULL
  };
  const char * const crm_groups[] = { FG_PERSON, FG_PERSONAL, FG_IDENTITYMAP, loyalty, NULL };
  const char * const order_groups[] = { FG_ENVIRONMENT, FG_COMMERCE, NULL };
  Library library = { owner, resources, DEMO_CREATED_MS, DEMO_CREATED_MS + 20 * DAY_MS };
  JsonObject *resource;
  JsonObject *definition;

  /* The generated tables are written with the demo tenant's namespace;
   * this content is for it alone.
   */
  g_assert (g_str_equal (owner->tenant_id, SIM_XDM_DEMO_TENANT));

  xdm_add_data_type (&library, reward, "Luma Reward", "A reward a loyalty member redeemed.",
                     reward_fields, G_N_ELEMENTS (reward_fields));
  ADD_FIELD_GROUP (&library, identification, "Luma Identification",
                   "The identifiers Luma knows a customer by.", both, "identification",
                   identification_fields);
  ADD_FIELD_GROUP (&library, loyalty, "Luma Loyalty",
                   "Membership of the Luma loyalty programme.", profile_only, "loyalty",
                   loyalty_fields);

  resource = xdm_add_composed (&library, analytics, SIM_XDM_FIELD_GROUP, "Luma Analytics Report Suite",
                               "Luma's Adobe Analytics variables: eVars, props, list props, "
                               "hierarchies, success events and classifications.",
                               NULL, event_only, "analytics", NULL, 0);
  definition = json_object_get_object_member (json_object_get_object_member (resource, "definitions"),
                                              "analytics");
  add_analytics_fields (definition, namespace);

  xdm_add_composed (&library, store, SIM_XDM_CLASS, "Luma Store", "A Luma retail store.", record, NULL,
                    "store", store_fields, G_N_ELEMENTS (store_fields));

  g_ptr_array_add (schema_bodies,
                   demo_schema_body_new (SIM_XDM_DEMO_WEB_EVENTS, "Luma Web Events",
                                         "Every hit on Luma's web site and apps, from the Analytics "
                                         "source connector.",
                                         SIM_XDM_EVENT, web_groups, TRUE, DEMO_CREATED_MS + 10 * DAY_MS));
  g_ptr_array_add (schema_bodies,
                   demo_schema_body_new (SIM_XDM_DEMO_CRM_PROFILES, "Luma CRM Profiles",
                                         "Luma's customers, from the CRM.", SIM_XDM_PROFILE,
                                         crm_groups, TRUE, DEMO_CREATED_MS + 11 * DAY_MS));
  g_ptr_array_add (schema_bodies,
                   demo_schema_body_new (SIM_XDM_DEMO_ORDERS, "Luma Orders",
                                         "Orders placed in Luma's stores and web shop.", SIM_XDM_EVENT,
                                         order_groups, FALSE, DEMO_CREATED_MS + 12 * DAY_MS));

  g_ptr_array_add (descriptors,
                   descriptor_new (owner, SIM_XDM_DEMO_WEB_EVENTS,
                                   "/_tributarydemo/identification/core/ecid", "ECID", TRUE));
  g_ptr_array_add (descriptors,
                   descriptor_new (owner, SIM_XDM_DEMO_WEB_EVENTS,
                                   "/_tributarydemo/identification/core/email", "Email", FALSE));
  g_ptr_array_add (descriptors,
                   descriptor_new (owner, SIM_XDM_DEMO_CRM_PROFILES, "/personalEmail/address",
                                   "Email", TRUE));
  g_ptr_array_add (descriptors,
                   descriptor_new (owner, SIM_XDM_DEMO_CRM_PROFILES,
                                   "/_tributarydemo/loyalty/loyaltyId", "LumaLoyalty", FALSE));
}
