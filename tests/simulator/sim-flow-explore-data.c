/* sim-flow-explore-data.c
 *
 * The rows of the remote storage, made from a hash of their number:
 * Luma's web events, orders and customers, and Northwind's tables. A
 * delimited or JSON file is rendered to the text it would hold and read
 * back with the options the request gives, so a wrong delimiter reads
 * as the platform would read it: one column of unsplit lines.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-flow-explore"

#include "config.h"

#include <string.h>

#include "sim-flow-explore-private.h"

/* 2026-11-01 00:00 UTC, the demo's "now" (as in sim-catalog.c). */
#define DEMO_NOW_S ((gint64) 1793491200)
#define DAY_S ((gint64) 24 * 3600)

static const char * const first_names[] = {
  "Ava", "Noah", "Zoë", "Liam", "Sofía", "Lucas", "Chloé", "Mateo", "Emma", "Hiroshi", "Aisha", "Jonas",
  "Priya", "François", "Olivia", "Siobhán",
};
static const char * const last_names[] = {
  "Smith", "Müller", "Garcia", "O'Brien", "Nguyen", "Rossi", "Dubois", "Kowalski", "Tanaka", "Johansson",
  "Nuñez", "Okafor", "Patel", "Schmidt", "Lefèvre", "Brown",
};
static const struct
{
  const char *city;
  const char *country;
} places[] = {
  { "New York", "US" }, { "Paris", "FR" }, { "Berlin", "DE" }, { "London", "GB" }, { "São Paulo", "BR" },
  { "Montréal", "CA" }, { "Tokyo", "JP" }, { "Sydney", "AU" }, { "San Francisco", "US" }, { "Lyon", "FR" },
};
static const struct
{
  const char *sku;
  const char *name;
  const char *category;
  double price;
} products[] = {
  { "24-MB01", "Joust Duffle Bag", "Bags", 34.00 },
  { "24-MB04", "Strive Shoulder Pack", "Bags", 32.00 },
  { "24-MG01", "Didi Sport Watch, Black", "Watches", 92.00 },
  { "24-UG06", "Affirm Water Bottle", "Fitness Equipment", 7.00 },
  { "MH07-XL-Gray", "Hero Hoodie, Gray XL", "Tops", 54.00 },
  { "MS10-M-Blue", "Logan  HeatTec® Tee", "Tops", 24.00 },
  { "WS12-M-Orange", "Radiant Tee \"Orange\", M", "Tops", 22.00 },
  { "WP07-29-Black", "Aeon Capri", "Bottoms", 48.00 },
  { "WJ09-S-Blue", "Jade Yoga Jacket", "Jackets", 32.00 },
  { "24-WG085", "Sprite Yoga Strap 6 foot", "Fitness Equipment", 14.00 },
};
static const char * const event_types[] = {
  "web.webpagedetails.pageViews", "web.webpagedetails.pageViews", "web.webpagedetails.pageViews",
  "commerce.productViews", "commerce.productListAdds", "commerce.purchases", "web.webinteraction.linkClicks",
};
static const char * const pages[] = {
  "home", "women:tops", "men:hoodies-and-sweatshirts", "gear:bags", "gear:watches", "checkout:cart",
  "checkout:confirmation", "search-results",
};
static const char * const stores[] = { "luma.example.com", "Luma Paris", "Luma Berlin", "Luma New York" };
static const char * const currencies[] = { "USD", "EUR", "EUR", "USD" };
static const char * const tiers[] = { "bronze", "bronze", "silver", "silver", "gold", "platinum" };
static const char * const companies[] = {
  "Alfreds Futterkiste", "Ana Trujillo Emparedados y helados", "Around the Horn", "Berglunds snabbköp",
  "Blondel père et fils", "Bólido Comidas preparadas", "Chop-suey Chinese", "Du monde entier",
  "Ernst Handel", "Folk och fä HB", "Königlich Essen", "La maison d'Asie",
};

/* splitmix64: every value of a row from its number and what it is. */
static guint64
mix (guint64 x)
{
  x += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);

  return x ^ (x >> 31);
}

static guint64
hash (guint64     row,
      const char *salt)
{
  return mix (row * 7919 + g_str_hash (salt));
}

#define PICK(array, h) (array[(h) % G_N_ELEMENTS (array)])

static char *
format_time (gint64  seconds,
             gboolean date_only)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);

  return g_date_time_format (time, date_only ? "%Y-%m-%d" : "%Y-%m-%dT%H:%M:%SZ");
}

static char *
ascii_lower (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));

  return g_string_free (out, FALSE);
}

/* The value as a JSON node of the column's type. */
JsonNode *
sim_column_value (SimColumn *column,
                  guint64    row)
{
  const char *gen = column->gen;
  guint64 h = hash (row, gen);
  guint64 person = hash (row, "person");
  guint64 product = hash (row, "product");
  guint64 place = hash (row, "place");
  JsonNode *node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *text = NULL;

  if (g_str_equal (gen, "sequence"))
    json_node_set_int (node, (gint64) row + 1);
  else if (g_str_equal (gen, "quantity"))
    json_node_set_int (node, 1 + (gint64) (h % 5));
  else if (g_str_equal (gen, "employee_id"))
    json_node_set_int (node, 1 + (gint64) (h % 9));
  else if (g_str_equal (gen, "ship_via"))
    json_node_set_int (node, 1 + (gint64) (h % 3));
  else if (g_str_equal (gen, "category_id"))
    json_node_set_int (node, 1 + (gint64) (h % 8));
  else if (g_str_equal (gen, "points"))
    json_node_set_int (node, (gint64) (h % 250000));
  else if (g_str_equal (gen, "price"))
    json_node_set_double (node, PICK (products, product).price);
  else if (g_str_equal (gen, "revenue"))
    json_node_set_double (node, h % 4 == 0 ? PICK (products, product).price * (1 + h % 3) : 0.0);
  else if (g_str_equal (gen, "freight"))
    json_node_set_double (node, (double) (h % 100000) / 100.0);
  else if (g_str_equal (gen, "boolean"))
    json_node_set_boolean (node, (h & 1) != 0);
  else
    {
      if (g_str_equal (gen, "uuid"))
        text = g_strdup_printf ("%08x-%04x-4%03x-%04x-%012" G_GINT64_MODIFIER "x", (guint) (h >> 32),
                                (guint) (h >> 16) & 0xffff, (guint) h & 0xfff,
                                0x8000 | ((guint) (mix (h) >> 48) & 0x3fff), mix (h + 1) & G_GUINT64_CONSTANT (0xffffffffffff));
      else if (g_str_equal (gen, "timestamp"))
        text = format_time (DEMO_NOW_S - 90 * DAY_S + (gint64) (row * 517 % (90 * DAY_S)), FALSE);
      else if (g_str_equal (gen, "birth_date"))
        text = format_time (-20 * 365 * DAY_S + (gint64) (h % (55 * 365)) * DAY_S, TRUE);
      else if (g_str_equal (gen, "ecid"))
        text = g_strdup_printf ("%019" G_GUINT64_FORMAT "%019" G_GUINT64_FORMAT,
                                h % G_GUINT64_CONSTANT (10000000000000000000), mix (h) % G_GUINT64_CONSTANT (10000000000000000000));
      else if (g_str_equal (gen, "event_type"))
        text = g_strdup (PICK (event_types, h));
      else if (g_str_equal (gen, "page_name"))
        text = g_strdup (PICK (pages, hash (row, "page")));
      else if (g_str_equal (gen, "page_url"))
        {
          g_autofree char *slug = g_strdup (PICK (pages, hash (row, "page")));

          g_strdelimit (slug, ":", '/');
          text = g_strconcat ("https://luma.example.com/", slug, ".html", NULL);
        }
      else if (g_str_equal (gen, "sku"))
        text = g_strdup (PICK (products, product).sku);
      else if (g_str_equal (gen, "product_name"))
        text = g_strdup (PICK (products, product).name);
      else if (g_str_equal (gen, "category"))
        text = g_strdup (PICK (products, product).category);
      else if (g_str_equal (gen, "order_id"))
        text = g_strdup_printf ("LUMA-%07" G_GUINT64_FORMAT, 1000000 + row);
      else if (g_str_equal (gen, "loyalty_id"))
        text = g_strdup_printf ("LY%08" G_GUINT64_FORMAT, 10000000 + row * 37);
      else if (g_str_equal (gen, "first_name"))
        text = g_strdup (PICK (first_names, person));
      else if (g_str_equal (gen, "last_name"))
        text = g_strdup (PICK (last_names, person >> 8));
      else if (g_str_equal (gen, "full_name"))
        text = g_strdup_printf ("%s %s", PICK (first_names, person), PICK (last_names, person >> 8));
      else if (g_str_equal (gen, "email"))
        {
          g_autofree char *first = ascii_lower (PICK (first_names, person));
          g_autofree char *last = ascii_lower (PICK (last_names, person >> 8));

          text = g_strdup_printf ("%s.%s%" G_GUINT64_FORMAT "@example.com", first, last, row % 1000);
        }
      else if (g_str_equal (gen, "phone"))
        text = g_strdup_printf ("+1 555 %04u", (guint) (h % 10000));
      else if (g_str_equal (gen, "city"))
        text = g_strdup (PICK (places, place).city);
      else if (g_str_equal (gen, "country"))
        text = g_strdup (PICK (places, place).country);
      else if (g_str_equal (gen, "tier"))
        text = g_strdup (PICK (tiers, h));
      else if (g_str_equal (gen, "store"))
        text = g_strdup (PICK (stores, hash (row, "store")));
      else if (g_str_equal (gen, "currency"))
        text = g_strdup (PICK (currencies, hash (row, "store")));
      else if (g_str_equal (gen, "company"))
        text = g_strdup (PICK (companies, hash (row, "company")));
      else if (g_str_equal (gen, "customer_code"))
        {
          g_autofree char *letters = g_ascii_strup (PICK (companies, hash (row, "company")), -1);
          GString *code = g_string_new (NULL);

          for (const char *p = letters; *p != '\0' && code->len < 5; p++)
            if (g_ascii_isalpha (*p))
              g_string_append_c (code, *p);
          text = g_string_free (code, FALSE);
        }
      else
        text = g_strdup_printf ("%s-%" G_GUINT64_FORMAT, gen, row);

      json_node_set_string (node, text);
    }

  return node;
}

/* The value as a delimited file writes it. */
char *
sim_column_value_text (SimColumn *column,
                       guint64    row,
                       gboolean   decimal_comma)
{
  g_autoptr(JsonNode) node = sim_column_value (column, row);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      g_ascii_formatd (buffer, sizeof buffer, "%.2f", json_node_get_double (node));
      if (decimal_comma)
        g_strdelimit (buffer, ".", ',');
      return g_strdup (buffer);
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return g_strdup (json_node_get_string (node));
    }
}

static const char *
column_name (SimEntry *entry,
             guint     i)
{
  return entry->column_names != NULL ? entry->column_names[i]
                                     : ((SimColumn *) g_ptr_array_index (entry->columns, i))->name;
}

static void
append_field (GString    *out,
              const char *value,
              char        delimiter)
{
  if (strchr (value, delimiter) == NULL && strpbrk (value, "\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * sim_entry_render_text:
 * @file: a delimited or JSON file
 * @max_rows: how many of its rows to render
 *
 * Returns: (transfer full): the start of the file's text, uncompressed
 */
char *
sim_entry_render_text (SimEntry *file,
                       guint     max_rows)
{
  GString *out = g_string_new (NULL);
  guint rows = MIN (max_rows, file->rows);
  gboolean json = g_str_equal (file->format, "json");

  if (!json)
    {
      for (guint i = 0; i < file->columns->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, file->delimiter);
          append_field (out, column_name (file, i), file->delimiter);
        }
      g_string_append_c (out, '\n');
    }

  for (guint r = 0; r < rows; r++)
    {
      if (json)
        {
          g_autoptr(JsonObject) object = json_object_new ();
          g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
          g_autofree char *line = NULL;

          for (guint i = 0; i < file->columns->len; i++)
            json_object_set_member (object, column_name (file, i),
                                    sim_column_value (g_ptr_array_index (file->columns, i), file->offset + r));
          json_node_set_object (node, object);
          line = json_to_string (node, FALSE);
          g_string_append (out, line);
        }
      else
        for (guint i = 0; i < file->columns->len; i++)
          {
            g_autofree char *value = sim_column_value_text (g_ptr_array_index (file->columns, i), file->offset + r,
                                                            file->decimal_comma);

            if (i > 0)
              g_string_append_c (out, file->delimiter);
            append_field (out, value, file->delimiter);
          }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/**
 * sim_column_add_schema:
 * @type: a column type of the world, or a JSON value's (object, array)
 *
 * Adds the column as the platform's explore describes it, with the
 * XDM type it would map to.
 */
void
sim_column_add_schema (JsonBuilder *builder,
                       const char  *name,
                       const char  *type)
{
  const char *platform_type = type;
  const char *xdm_type = type;
  const char *format = NULL;
  gint64 minimum = 0;
  gint64 maximum = 0;

  if (g_str_equal (type, "integer"))
    {
      minimum = G_MININT32;
      maximum = G_MAXINT32;
    }
  else if (g_str_equal (type, "long"))
    {
      xdm_type = "integer";
      minimum = -G_GINT64_CONSTANT (9007199254740991);
      maximum = G_GINT64_CONSTANT (9007199254740991);
    }
  else if (g_str_equal (type, "double"))
    xdm_type = "number";
  else if (g_str_equal (type, "date") || g_str_equal (type, "timestamp"))
    {
      platform_type = "string";
      xdm_type = "string";
      format = g_str_equal (type, "date") ? "date" : "date-time";
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, platform_type);
  if (format != NULL)
    {
      json_builder_set_member_name (builder, "meta:xdmType");
      json_builder_add_string_value (builder, format);
    }
  json_builder_set_member_name (builder, "xdm");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, xdm_type);
  if (format != NULL)
    {
      json_builder_set_member_name (builder, "format");
      json_builder_add_string_value (builder, format);
    }
  if (minimum != maximum)
    {
      json_builder_set_member_name (builder, "minimum");
      json_builder_add_int_value (builder, minimum);
      json_builder_set_member_name (builder, "maximum");
      json_builder_add_int_value (builder, maximum);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
begin_preview (JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "flat");
  json_builder_set_member_name (builder, "schema");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
}

static void
end_schema (JsonBuilder *builder)
{
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * sim_entry_typed_preview:
 * @entry: a Parquet file or a table, whose columns carry their types
 *
 * Returns: (transfer full): `{format, schema, data?}`
 */
JsonNode *
sim_entry_typed_preview (SimEntry *entry,
                         gboolean  with_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  begin_preview (builder);
  for (guint i = 0; i < entry->columns->len; i++)
    sim_column_add_schema (builder, column_name (entry, i), ((SimColumn *) g_ptr_array_index (entry->columns, i))->type);
  end_schema (builder);

  if (with_data)
    {
      json_builder_set_member_name (builder, "data");
      json_builder_begin_array (builder);
      for (guint r = 0; r < MIN (entry->rows, SIM_EXPLORE_PREVIEW_ROWS); r++)
        {
          json_builder_begin_object (builder);
          for (guint i = 0; i < entry->columns->len; i++)
            {
              json_builder_set_member_name (builder, column_name (entry, i));
              json_builder_add_value (builder, sim_column_value (g_ptr_array_index (entry->columns, i),
                                                                 entry->offset + r));
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* One line of delimited text, quotes honoured. */
static GPtrArray *
split_line (const char *line,
            char        delimiter)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"' && field->len == 0)
        quoted = TRUE;
      else if (*p == delimiter)
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else
        g_string_append_c (field, *p);
    }
  g_ptr_array_add (fields, g_string_free (field, FALSE));

  return fields;
}

/**
 * sim_text_delimited_preview:
 * @text: a delimited file's text
 * @delimiter: the delimiter the request gives
 *
 * Every column is a string: a delimited file has no types.
 *
 * Returns: (transfer full): `{format, schema, data?}`
 */
JsonNode *
sim_text_delimited_preview (const char *text,
                            char        delimiter,
                            gboolean    with_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) header = split_line (lines[0], delimiter);

  begin_preview (builder);
  for (guint i = 0; i < header->len; i++)
    sim_column_add_schema (builder, g_ptr_array_index (header, i), "string");
  end_schema (builder);

  if (with_data)
    {
      json_builder_set_member_name (builder, "data");
      json_builder_begin_array (builder);
      for (guint r = 1; lines[r] != NULL && r <= SIM_EXPLORE_PREVIEW_ROWS; r++)
        {
          g_autoptr(GPtrArray) fields = NULL;

          if (lines[r][0] == '\0')
            continue;
          fields = split_line (lines[r], delimiter);
          json_builder_begin_object (builder);
          for (guint i = 0; i < header->len; i++)
            {
              json_builder_set_member_name (builder, g_ptr_array_index (header, i));
              if (i < fields->len)
                json_builder_add_string_value (builder, g_ptr_array_index (fields, i));
              else
                json_builder_add_null_value (builder);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const char *
json_value_type (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "array";

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return "integer";
    case G_TYPE_DOUBLE:
      return "double";
    case G_TYPE_BOOLEAN:
      return "boolean";
    default:
      return "string";
    }
}

/**
 * sim_text_json_preview:
 * @text: a JSON file's text, one object per line
 *
 * Returns: (transfer full) (nullable): `{format, schema, data?}`, or
 *   %NULL if a line is not a JSON object
 */
JsonNode *
sim_text_json_preview (const char  *text,
                       gboolean     with_data,
                       GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) types = g_ptr_array_new ();

  for (guint r = 0; lines[r] != NULL && objects->len < SIM_EXPLORE_PREVIEW_ROWS; r++)
    {
      g_autoptr(JsonNode) node = NULL;

      if (lines[r][0] == '\0')
        continue;
      node = json_from_string (lines[r], NULL);
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Line %u is not a JSON object: a JSON file must hold one object per line.", r + 1);
          return NULL;
        }
      g_ptr_array_add (objects, g_steal_pointer (&node));
    }

  /* The columns are the members in the order they first appear. */
  for (guint r = 0; r < objects->len; r++)
    {
      JsonObject *object = json_node_get_object (g_ptr_array_index (objects, r));
      g_autoptr(GList) members = json_object_get_members (object);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          guint index;

          if (g_ptr_array_find_with_equal_func (names, l->data, g_str_equal, &index))
            continue;
          g_ptr_array_add (names, l->data);
          g_ptr_array_add (types, (gpointer) json_value_type (json_object_get_member (object, l->data)));
        }
    }

  begin_preview (builder);
  for (guint i = 0; i < names->len; i++)
    sim_column_add_schema (builder, g_ptr_array_index (names, i), g_ptr_array_index (types, i));
  end_schema (builder);
  if (with_data)
    {
      json_builder_set_member_name (builder, "data");
      json_builder_begin_array (builder);
      for (guint r = 0; r < objects->len; r++)
        json_builder_add_value (builder, json_node_copy (g_ptr_array_index (objects, r)));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * sim_preview_find_non_xdm_name:
 * @preview: a preview's `{format, schema}`
 *
 * XDM field names are letters, digits and underscores, not starting
 * with a digit; JSON and Parquet files must use them to be ingested.
 *
 * Returns: (nullable): the first column name that is not one
 */
const char *
sim_preview_find_non_xdm_name (JsonNode *preview)
{
  JsonObject *schema = json_object_get_object_member (json_node_get_object (preview), "schema");
  JsonArray *columns = json_object_get_array_member (schema, "columns");

  for (guint i = 0; i < json_array_get_length (columns); i++)
    {
      const char *name = json_object_get_string_member (json_array_get_object_element (columns, i), "name");
      gboolean valid = name[0] != '\0' && !g_ascii_isdigit (name[0]);

      for (const char *p = name; *p != '\0' && valid; p++)
        valid = g_ascii_isalnum (*p) || *p == '_';
      if (!valid)
        return name;
    }

  return NULL;
}
