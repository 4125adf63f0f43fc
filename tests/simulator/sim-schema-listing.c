/* sim-schema-listing.c
 *
 * Listing Schema Registry resources: sorting, filtering with the
 * registry's `property` syntax, and paging.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-schema-registry"

#include "config.h"

#include <string.h>

#include "sim-schema-registry-private.h"

#define DEFAULT_LIMIT 300
#define MAX_LIMIT 500

/* Listing: sorting, filtering and paging */

typedef struct
{
  char *name;
  gboolean descending;
} SortKey;

static void
sort_key_clear (SortKey *key)
{
  g_free (key->name);
}

static gboolean
is_date_key (const char *name)
{
  return g_str_equal (name, "created") || g_str_equal (name, "updated") ||
         g_str_equal (name, "repo:createdDate") || g_str_equal (name, "repo:lastModifiedDate");
}

gint64
registry_date_of (JsonObject *object,
                  const char *name)
{
  JsonObject *metadata = registry_get_object (object, "meta:registryMetadata");
  const char *member = g_str_equal (name, "created") || g_str_equal (name, "repo:createdDate")
                       ? "repo:createdDate" : "repo:lastModifiedDate";

  return metadata != NULL ? json_object_get_int_member_with_default (metadata, member, 0) : 0;
}

static char *
sort_value (JsonObject *object,
            const char *name)
{
  if (is_date_key (name))
    return g_strdup_printf ("%" G_GINT64_FORMAT, registry_date_of (object, name));

  return g_strdup (registry_get_string (object, name) ?: "");
}

static int
compare_key (JsonObject    *a,
             JsonObject    *b,
             const SortKey *key)
{
  int result;

  if (is_date_key (key->name))
    {
      gint64 x = registry_date_of (a, key->name);
      gint64 y = registry_date_of (b, key->name);

      result = x < y ? -1 : x > y;
    }
  else
    result = g_strcmp0 (registry_get_string (a, key->name) ?: "", registry_get_string (b, key->name) ?: "");

  return key->descending ? -result : result;
}

static int
compare_resources (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  GArray *keys = user_data;
  JsonObject *x = *(JsonObject **) a;
  JsonObject *y = *(JsonObject **) b;

  for (guint i = 0; i < keys->len; i++)
    {
      int result = compare_key (x, y, &g_array_index (keys, SortKey, i));

      if (result != 0)
        return result;
    }

  /* Ties in a stable order, so pages neither repeat nor skip. */
  return g_strcmp0 (registry_get_string (x, "$id") ?: registry_get_string (x, "@id"), registry_get_string (y, "$id") ?: registry_get_string (y, "@id"));
}

/* Past @start: strictly after it in the primary order. */
static gboolean
is_after_start (JsonObject    *object,
                const SortKey *key,
                const char    *start)
{
  int result;

  if (is_date_key (key->name))
    {
      gint64 value = registry_date_of (object, key->name);
      gint64 bound = g_ascii_strtoll (start, NULL, 10);

      result = value < bound ? -1 : value > bound;
    }
  else
    result = g_strcmp0 (registry_get_string (object, key->name) ?: "", start);

  return key->descending ? result < 0 : result > 0;
}

typedef enum
{
  FILTER_EXISTS,
  FILTER_ABSENT,
  FILTER_EQUAL,
  FILTER_NOT_EQUAL,
  FILTER_MATCH,
  FILTER_LESS,
  FILTER_LESS_EQUAL,
  FILTER_GREATER,
  FILTER_GREATER_EQUAL,
} FilterOp;

typedef struct
{
  char *name;
  FilterOp op;
  char *value;
  GRegex *regex;
} Filter;

static void
filter_clear (Filter *filter)
{
  g_free (filter->name);
  g_free (filter->value);
  g_clear_pointer (&filter->regex, g_regex_unref);
}

static gboolean
parse_filter (const char  *text,
              Filter      *filter,
              GError     **error)
{
  static const struct { const char *token; FilterOp op; } ops[] = {
    { "==", FILTER_EQUAL }, { "!=", FILTER_NOT_EQUAL }, { "<=", FILTER_LESS_EQUAL },
    { ">=", FILTER_GREATER_EQUAL }, { "~", FILTER_MATCH }, { "<", FILTER_LESS }, { ">", FILTER_GREATER },
  };

  memset (filter, 0, sizeof *filter);

  for (const char *p = text; *p != '\0'; p++)
    for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
      if (g_str_has_prefix (p, ops[i].token) && p > text)
        {
          filter->name = g_strstrip (g_strndup (text, p - text));
          filter->op = ops[i].op;
          filter->value = g_strdup (p + strlen (ops[i].token));
          if (filter->op == FILTER_MATCH &&
              !(filter->regex = g_regex_new (filter->value, G_REGEX_CASELESS, 0, error)))
            return FALSE;
          return TRUE;
        }

  filter->op = text[0] == '!' ? FILTER_ABSENT : FILTER_EXISTS;
  filter->name = g_strstrip (g_strdup (text + (text[0] == '!')));

  return filter->name[0] != '\0';
}

static gboolean
value_matches (JsonNode     *node,
               const Filter *filter)
{
  const char *text;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (value_matches (json_array_get_element (array, i), filter))
          return TRUE;
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    text = json_node_get_string (node);
  else
    text = NULL;

  switch (filter->op)
    {
    case FILTER_EQUAL:
    case FILTER_NOT_EQUAL:
      if (text != NULL)
        return g_str_equal (text, filter->value);
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        return g_str_equal (filter->value, json_node_get_boolean (node) ? "true" : "false");
      return json_node_get_double (node) == g_ascii_strtod (filter->value, NULL);
    case FILTER_MATCH:
      return text != NULL && g_regex_match (filter->regex, text, 0, NULL);
    case FILTER_LESS:
    case FILTER_LESS_EQUAL:
    case FILTER_GREATER:
    case FILTER_GREATER_EQUAL:
      {
        double value = text != NULL ? g_ascii_strtod (text, NULL) : json_node_get_double (node);
        double bound = g_ascii_strtod (filter->value, NULL);

        return filter->op == FILTER_LESS ? value < bound :
               filter->op == FILTER_LESS_EQUAL ? value <= bound :
               filter->op == FILTER_GREATER ? value > bound : value >= bound;
      }
    case FILTER_EXISTS:
    case FILTER_ABSENT:
    default:
      return TRUE;
    }
}

static gboolean
filter_accepts (const Filter *filter,
                JsonObject   *object)
{
  JsonNode *node = json_object_get_member (object, filter->name);

  if (filter->op == FILTER_EXISTS)
    return node != NULL;
  if (filter->op == FILTER_ABSENT)
    return node == NULL;
  if (filter->op == FILTER_NOT_EQUAL)
    {
      Filter equal = *filter;

      equal.op = FILTER_EQUAL;
      return node == NULL || !value_matches (node, &equal);
    }

  return node != NULL && value_matches (node, filter);
}

void
registry_listing_clear (Listing *listing)
{
  g_clear_pointer (&listing->keys, g_array_unref);
  g_clear_pointer (&listing->filters, g_array_unref);
}

/* Filters are comma-separated; a comma inside a regular expression is
 * written \x2c by clients, so a plain split is right.
 */
gboolean
registry_parse_listing (SimRequest *request,
                        const char *default_order,
                        Listing    *listing)
{
  const char *orderby = sim_request_get_query (request, "orderby");
  const char *limit = sim_request_get_query (request, "limit");
  const char *property = sim_request_get_query (request, "property");
  g_auto(GStrv) order = NULL;

  listing->keys = g_array_new (FALSE, TRUE, sizeof (SortKey));
  g_array_set_clear_func (listing->keys, (GDestroyNotify) sort_key_clear);
  listing->filters = g_array_new (FALSE, TRUE, sizeof (Filter));
  g_array_set_clear_func (listing->filters, (GDestroyNotify) filter_clear);
  listing->start = sim_request_get_query (request, "start");
  listing->ordered = orderby != NULL;

  if (orderby == NULL && (limit != NULL || listing->start != NULL))
    {
      registry_reply_invalid_query (request, "The %s parameter cannot be used without an orderby parameter.",
                                    limit != NULL ? "limit" : "start");
      return FALSE;
    }

  order = g_strsplit (orderby != NULL ? orderby : default_order, ",", -1);
  for (guint i = 0; order[i] != NULL; i++)
    {
      const char *name = g_strstrip (order[i]);
      SortKey key = { NULL, name[0] == '-' };

      name += name[0] == '-' || name[0] == '+';
      if (name[0] == '\0')
        {
          registry_reply_invalid_query (request, "The orderby parameter '%s' names no property.", orderby);
          return FALSE;
        }
      key.name = g_strdup (name);
      g_array_append_val (listing->keys, key);
    }
  if (listing->keys->len == 0)
    {
      registry_reply_invalid_query (request, "The orderby parameter '%s' names no property.", orderby ?: "");
      return FALSE;
    }

  if (orderby != NULL)
    {
      listing->limit = DEFAULT_LIMIT;
      if (limit != NULL && !g_ascii_string_to_signed (limit, 10, 1, MAX_LIMIT, &listing->limit, NULL))
        {
          registry_reply_invalid_query (request, "The limit parameter must be an integer from 1 to 500, not '%s'.",
                                        limit);
          return FALSE;
        }
    }

  if (property != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (property, ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autoptr(GError) error = NULL;
          Filter filter;

          if (!parse_filter (parts[i], &filter, &error))
            {
              filter_clear (&filter);
              sim_request_reply_problem (request, 400, "XDM-1002-400", "Invalid query parameter",
                                         "The property filter '%s' is not valid%s%s", parts[i],
                                         error != NULL ? ": " : ".", error != NULL ? error->message : "");
              return FALSE;
            }
          g_array_append_val (listing->filters, filter);
        }
    }

  return TRUE;
}

/* Returns the page of @objects, and sets @next to the start value of
 * the following page, NULL on the last.
 */
GPtrArray *
registry_apply_listing (Listing    *listing,
                        GPtrArray  *objects,
                        char      **next)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  GPtrArray *page = g_ptr_array_new ();
  const SortKey *primary = &g_array_index (listing->keys, SortKey, 0);

  *next = NULL;

  for (guint i = 0; i < objects->len; i++)
    {
      JsonObject *object = g_ptr_array_index (objects, i);
      gboolean keep = TRUE;

      for (guint j = 0; keep && j < listing->filters->len; j++)
        keep = filter_accepts (&g_array_index (listing->filters, Filter, j), object);
      if (keep && listing->start != NULL)
        keep = is_after_start (object, primary, listing->start);
      if (keep)
        g_ptr_array_add (kept, object);
    }

  g_ptr_array_sort_with_data (kept, compare_resources, listing->keys);

  for (guint i = 0; i < kept->len; i++)
    {
      if (listing->limit > 0 && page->len == listing->limit)
        {
          *next = sort_value (g_ptr_array_index (page, page->len - 1), primary->name);
          break;
        }
      g_ptr_array_add (page, g_ptr_array_index (kept, i));
    }

  return page;
}

static char *
next_href (SimRequest *request,
           const char *next)
{
  GUri *uri = soup_server_message_get_uri (request->message);
  const char *query = g_uri_get_query (uri);
  g_auto(GStrv) parts = g_strsplit (query != NULL ? query : "", "&", -1);
  g_autoptr(GString) href = g_string_new (sim_server_get_base_url (request->server));
  g_autofree char *escaped_path = g_uri_escape_string (request->path, "/:@!$&'()*+,;=", FALSE);
  g_autofree char *escaped = g_uri_escape_string (next, NULL, FALSE);
  char separator = '?';

  g_string_append (href, escaped_path);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0' && !g_str_has_prefix (parts[i], "start="))
      {
        g_string_append_printf (href, "%c%s", separator, parts[i]);
        separator = '&';
      }
  g_string_append_printf (href, "%cstart=%s", separator, escaped);

  return g_string_free (g_steal_pointer (&href), FALSE);
}

JsonObject *
registry_page_reply_new (SimRequest *request,
                         JsonArray  *results,
                         Listing    *listing,
                         const char *next,
                         const char *global_href)
{
  JsonObject *reply = json_object_new ();
  JsonObject *page = json_object_new ();
  JsonObject *links = json_object_new ();
  g_autoptr(GString) orderby = g_string_new (NULL);

  for (guint i = 0; i < listing->keys->len; i++)
    {
      const SortKey *key = &g_array_index (listing->keys, SortKey, i);

      g_string_append_printf (orderby, "%s%s%s", i > 0 ? "," : "", key->descending ? "-" : "", key->name);
    }

  json_object_set_array_member (reply, "results", json_array_ref (results));
  json_object_set_string_member (page, "orderby", orderby->str);
  if (next != NULL)
    json_object_set_string_member (page, "next", next);
  else
    json_object_set_null_member (page, "next");
  json_object_set_int_member (page, "count", json_array_get_length (results));
  json_object_set_object_member (reply, "_page", page);

  if (next != NULL)
    {
      JsonObject *link = json_object_new ();
      g_autofree char *href = next_href (request, next);

      json_object_set_string_member (link, "href", href);
      json_object_set_object_member (links, "next", link);
    }
  else
    json_object_set_null_member (links, "next");
  if (global_href != NULL)
    {
      JsonObject *link = json_object_new ();
      g_autofree char *href = g_strconcat (sim_server_get_base_url (request->server), global_href, NULL);

      json_object_set_string_member (link, "href", href);
      json_object_set_object_member (links, "global_schemas", link);
    }
  json_object_set_object_member (reply, "_links", links);

  return reply;
}

JsonObject *
registry_summary_new (JsonObject *resource)
{
  JsonObject *summary = json_object_new ();
  static const char * const members[] = { "$id", "meta:altId", "version", "title" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (registry_get_string (resource, members[i]) != NULL)
      json_object_set_string_member (summary, members[i], registry_get_string (resource, members[i]));

  return summary;
}

void
registry_list_cb (SimRequest *request)
{
  g_auto(Listing) listing = { 0 };
  g_autoptr(GPtrArray) resources = g_ptr_array_new ();
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(JsonArray) results = json_array_new ();
  g_autoptr(JsonObject) reply = NULL;
  g_autofree char *format = NULL;
  g_autofree char *version = NULL;
  g_autofree char *next = NULL;
  const char *accept = registry_accept_of (request);
  Container *container;
  SimXdmKind kind;
  gboolean ids_only;

  if (!registry_check_kind (request, &kind))
    return;

  if (!registry_parse_accept (accept, &format, &version) || version != NULL ||
      (!g_str_equal (format, "xed-id") && !g_str_equal (format, "xed")))
    {
      sim_request_reply_problem (request, 400, "XDM-1006-400", "Accept header invalid",
                                 "The supplied Accept header is not valid: %s - A valid Accept value "
                                 "should look like application/vnd.adobe.'{xed|xdm'}+json", accept);
      return;
    }
  ids_only = g_str_equal (format, "xed-id");

  if (!registry_parse_listing (request, "title", &listing))
    return;

  container = registry_request_container (request);
  for (guint i = 0; i < container->resources->len; i++)
    if (registry_resource_kind (g_ptr_array_index (container->resources, i)) == kind)
      g_ptr_array_add (resources, g_ptr_array_index (container->resources, i));

  page = registry_apply_listing (&listing, resources, &next);
  for (guint i = 0; i < page->len; i++)
    {
      JsonObject *resource = g_ptr_array_index (page, i);

      if (ids_only)
        json_array_add_object_element (results, registry_summary_new (resource));
      else if (registry_is_global (request))
        json_array_add_object_element (results, registry_dup_for_reply (request, resource));
      else
        json_array_add_object_element (results, json_object_ref (resource));
    }

  reply = registry_page_reply_new (request, results, &listing, next,
                                   kind == SIM_XDM_SCHEMA ? BASE_PATH "/global/schemas" : NULL);
  registry_reply_object (request, 200, reply);
}
