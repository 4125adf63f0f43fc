/* trib-xdm-field-builder.c
 *
 * Builds the field tree of a resolved XDM schema straight from the text
 * of the reply, in one pass.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-xdm-field"

#include "config.h"

#include <string.h>

#include "trib-json-reader.h"
#include "trib-xdm-field-private.h"
#include "trib-xdm-json.h"

/* Building the tree from json-glib's document cost more than parsing
 * it (issue 10): seven to nine member lookups per field in its hash
 * tables, a copy of each string, a GListStore per object and casefolded
 * copies for the filter, on top of the nodes json-glib had allocated
 * for every value of the schema, most of them never read. Here each
 * definition's members are read once, in the order of the text; what a
 * field does not show is skipped unread; a field's strings go into an
 * arena shared by the tree; and ASCII text, nearly all of it, is
 * folded byte by byte.
 *
 * A definition's shape depends on members that may come after its
 * `properties`, so the fields of `properties`, `items` and
 * `additionalProperties` are all built as they come and the ones the
 * shape does not use are dropped at the end of the definition; real
 * schemas have none.
 */

/* A map's value has no name in the data; the platform's UI shows a star. */
#define MAP_VALUE_SEGMENT "*"

/* Only text the scan has not bounded could nest deeper. */
#define MAX_DEPTH 1024

/* Above this many name comparisons, `required` is looked up in a set:
 * an object of n fields, all required, would otherwise cost n².
 */
#define MAX_REQUIRED_SCANS 256

typedef enum
{
  LEVEL_FIELD,    /* a field: everything */
  LEVEL_ITEMS,    /* an array's items, or the schema itself */
  LEVEL_VALUES,   /* a map's values */
} Level;

typedef struct _Definition Definition;

struct _Definition
{
  TribJsonString type;          /* raw is NULL when absent */
  TribJsonString xdm_type;
  TribJsonString title;
  TribJsonString description;
  TribJsonString format;
  TribXdmField **children;      /* in the arena */
  guint n_children;
  gboolean has_properties;
  gboolean has_items;
  gboolean has_values;
  Definition *items;            /* storage from the caller; NULL where not read */
  Definition *values;
};

typedef struct
{
  TribJsonReader reader;
  TribXdmArena *arena;
  GHashTable *identities;       /* path → descriptor object */
  GPtrArray *pending;           /* fields of the objects being read, innermost last */
  GArray *required;             /* TribJsonString, likewise */
  guint n_fields;
  guint depth;
} Builder;

static gboolean
key_is (const TribJsonString *key,
        const char           *name,
        gsize                 length)
{
  if (G_LIKELY (!key->escaped))
    return key->length == length && memcmp (key->raw, name, length) == 0;

  return trib_json_string_equal (key, name);
}

#define KEY_IS(key, literal) key_is ((key), literal, sizeof (literal) - 1)

static gboolean
string_is (const TribJsonString *string,
           const char           *literal)
{
  return string->raw != NULL && trib_json_string_equal (string, literal);
}

static const char *
arena_string (Builder              *builder,
              const TribJsonString *string)
{
  char *copy;
  gsize length;

  if (string->raw == NULL)
    return NULL;

  copy = _trib_xdm_arena_alloc (builder->arena, string->length + 1);
  length = trib_json_string_decode (string, copy);
  copy[length] = '\0';
  _trib_xdm_arena_shrink (builder->arena, copy, length + 1);

  return copy;
}

static const char *
arena_concat (Builder    *builder,
              const char *a,
              const char *b,
              const char *c)
{
  gsize la = strlen (a), lb = strlen (b), lc = strlen (c);
  char *s = _trib_xdm_arena_alloc (builder->arena, la + lb + lc + 1);

  memcpy (s, a, la);
  memcpy (s + la, b, lb);
  memcpy (s + la + lb, c, lc);
  s[la + lb + lc] = '\0';

  return s;
}

/* The type names of nearly every field, shared rather than copied. */
static const char * const common_types[] = {
  "string", "object", "array", "number", "integer", "boolean", "long", "int", "short", "byte",
  "double", "date", "date-time", "map", "null",
};

static const char *
type_string (Builder              *builder,
             const TribJsonString *string)
{
  if (!string->escaped)
    for (guint i = 0; i < G_N_ELEMENTS (common_types); i++)
      if (string->length == strlen (common_types[i]) &&
          memcmp (string->raw, common_types[i], string->length) == 0)
        return common_types[i];

  return arena_string (builder, string);
}

/* XDM's own type name where it has one (`long`, `date-time`, `map`), else
 * JSON Schema's.
 */
static const char *
scalar_type_name (Builder          *builder,
                  const Definition *definition)
{
  if (definition->xdm_type.raw != NULL)
    return type_string (builder, &definition->xdm_type);
  if (definition->type.raw != NULL)
    return type_string (builder, &definition->type);

  return "any";
}

static guint
count_fields (TribXdmField **fields,
              guint          n_fields)
{
  guint count = n_fields;

  for (guint i = 0; i < n_fields; i++)
    count += count_fields (fields[i]->children, fields[i]->n_children);

  return count;
}

static void
drop_fields (Builder        *builder,
             TribXdmField ***fields,
             guint          *n_fields)
{
  if (*n_fields == 0)
    return;

  builder->n_fields -= count_fields (*fields, *n_fields);
  for (guint i = 0; i < *n_fields; i++)
    g_object_unref ((*fields)[i]);
  *fields = NULL;
  *n_fields = 0;
}

/* Drops the fields read into @definition that no field adopted. */
static void
drop_definition (Builder    *builder,
                 Definition *definition)
{
  drop_fields (builder, &definition->children, &definition->n_children);
  if (definition->has_items)
    drop_definition (builder, definition->items);
  if (definition->has_values)
    drop_definition (builder, definition->values);
}

/* Forgets what was read into @definition, keeping where to read into. */
static void
reset_definition (Builder    *builder,
                  Definition *definition)
{
  Definition *items = definition->items;
  Definition *values = definition->values;

  drop_fields (builder, &definition->children, &definition->n_children);
  if (items != NULL)
    reset_definition (builder, items);
  if (values != NULL)
    reset_definition (builder, values);

  memset (definition, 0, sizeof *definition);
  definition->items = items;
  definition->values = values;
}

static TribXdmField *read_field (Builder              *builder,
                                 const TribJsonString *name,
                                 const char           *prefix,
                                 gsize                 prefix_length);

static void
read_properties (Builder    *builder,
                 Definition *definition,
                 const char *prefix,
                 gsize       prefix_length)
{
  TribJsonReader *reader = &builder->reader;
  guint mark = builder->pending->len;
  TribJsonString name;
  guint n_children;

  drop_fields (builder, &definition->children, &definition->n_children);
  definition->has_properties = TRUE;

  trib_json_reader_enter (reader);
  while (trib_json_reader_next_member (reader, &name))
    {
      if (trib_json_reader_peek (reader) != TRIB_JSON_KIND_OBJECT)
        {
          trib_json_reader_skip (reader);
          continue;
        }

      g_ptr_array_add (builder->pending, read_field (builder, &name, prefix, prefix_length));
    }

  n_children = builder->pending->len - mark;
  if (n_children == 0)
    return;

  definition->children = (TribXdmField **) (gpointer) _trib_xdm_arena_alloc (builder->arena,
                                                                               n_children * sizeof (gpointer));
  memcpy (definition->children, builder->pending->pdata + mark, n_children * sizeof (gpointer));
  definition->n_children = n_children;
  g_ptr_array_set_size (builder->pending, mark);
}

static gboolean
is_required (Builder    *builder,
             guint       mark,
             const char *name)
{
  gsize length = strlen (name);

  for (guint i = mark; i < builder->required->len; i++)
    {
      const TribJsonString *required = &g_array_index (builder->required, TribJsonString, i);

      if (key_is (required, name, length))
        return TRUE;
    }

  return FALSE;
}

static void
mark_required (Builder    *builder,
               Definition *definition,
               guint       mark)
{
  guint n_required = builder->required->len - mark;
  g_autoptr(GHashTable) set = NULL;

  if (n_required == 0 || definition->n_children == 0)
    return;

  if ((gsize) n_required * definition->n_children <= MAX_REQUIRED_SCANS)
    {
      for (guint i = 0; i < definition->n_children; i++)
        definition->children[i]->required = is_required (builder, mark, definition->children[i]->name);
      return;
    }

  set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = mark; i < builder->required->len; i++)
    {
      const TribJsonString *required = &g_array_index (builder->required, TribJsonString, i);
      char *decoded = g_malloc (required->length + 1);

      decoded[trib_json_string_decode (required, decoded)] = '\0';
      g_hash_table_add (set, decoded);
    }

  for (guint i = 0; i < definition->n_children; i++)
    definition->children[i]->required = g_hash_table_contains (set, definition->children[i]->name);
}

static void
read_string_member (TribJsonReader *reader,
                    TribJsonString *string)
{
  if (!trib_json_reader_read_string (reader, string))
    string->raw = NULL;
}

/* @prefix is the path of the fields of @definition's `properties`. */
static void
read_definition (Builder    *builder,
                 Definition *definition,
                 const char *prefix,
                 gsize       prefix_length,
                 Level       level)
{
  TribJsonReader *reader = &builder->reader;
  guint required_mark = builder->required->len;
  TribJsonString key;

  trib_json_reader_enter (reader);
  while (trib_json_reader_next_member (reader, &key))
    {
      if (KEY_IS (&key, "type"))
        read_string_member (reader, &definition->type);
      else if (KEY_IS (&key, "meta:xdmType"))
        read_string_member (reader, &definition->xdm_type);
      else if (level == LEVEL_FIELD && KEY_IS (&key, "title"))
        read_string_member (reader, &definition->title);
      else if (level == LEVEL_FIELD && KEY_IS (&key, "description"))
        read_string_member (reader, &definition->description);
      else if (level == LEVEL_FIELD && KEY_IS (&key, "format"))
        read_string_member (reader, &definition->format);
      else if (KEY_IS (&key, "properties"))
        {
          if (trib_json_reader_peek (reader) == TRIB_JSON_KIND_OBJECT)
            read_properties (builder, definition, prefix, prefix_length);
          else
            {
              drop_fields (builder, &definition->children, &definition->n_children);
              definition->has_properties = FALSE;
              trib_json_reader_skip (reader);
            }
        }
      else if (KEY_IS (&key, "required"))
        {
          TribJsonString name;

          /* As json-glib does, the last of a key given twice counts. */
          g_array_set_size (builder->required, required_mark);
          if (trib_json_reader_peek (reader) != TRIB_JSON_KIND_ARRAY)
            {
              trib_json_reader_skip (reader);
              continue;
            }

          trib_json_reader_enter (reader);
          while (trib_json_reader_next_element (reader))
            if (trib_json_reader_read_string (reader, &name))
              g_array_append_val (builder->required, name);
        }
      else if (definition->items != NULL && KEY_IS (&key, "items"))
        {
          reset_definition (builder, definition->items);
          definition->has_items = trib_json_reader_peek (reader) == TRIB_JSON_KIND_OBJECT;
          if (definition->has_items)
            read_definition (builder, definition->items, prefix, prefix_length, LEVEL_ITEMS);
          else
            trib_json_reader_skip (reader);
        }
      else if (definition->values != NULL && KEY_IS (&key, "additionalProperties"))
        {
          reset_definition (builder, definition->values);
          definition->has_values = trib_json_reader_peek (reader) == TRIB_JSON_KIND_OBJECT;
          if (definition->has_values)
            {
              g_autofree char *value_prefix = g_strconcat (prefix, ".", MAP_VALUE_SEGMENT, NULL);

              read_definition (builder, definition->values, value_prefix, strlen (value_prefix), LEVEL_VALUES);
            }
          else
            trib_json_reader_skip (reader);
        }
      else
        trib_json_reader_skip (reader);
    }

  mark_required (builder, definition, required_mark);
  g_array_set_size (builder->required, required_mark);
}

static void
adopt (TribXdmField   *field,
       TribXdmField ***children,
       guint          *n_children)
{
  field->has_children = TRUE;
  field->children = g_steal_pointer (children);
  field->n_children = *n_children;
  *n_children = 0;
}

static gboolean
is_ascii (const char *text,
          gsize      *length)
{
  const char *p = text;
  guchar bits = 0;

  for (; *p != '\0'; p++)
    bits |= (guchar) *p;
  *length = p - text;

  return bits < 0x80;
}

/* g_utf8_casefold() of ASCII text is its ASCII lower case. */
static gsize
fold_ascii (char       *out,
            const char *text,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    out[i] = text[i] >= 'A' && text[i] <= 'Z' ? text[i] + ('a' - 'A') : text[i];

  return length;
}

/* Most paths and titles are ASCII and fold in place; the others go
 * through g_utf8_casefold(), whose result may be longer (ß folds to ss).
 */
static void
fold_field (Builder      *builder,
            TribXdmField *field)
{
  gsize path_length, title_length = 0;
  gboolean ascii = is_ascii (field->path, &path_length);
  g_autofree char *folded_path = NULL;
  g_autofree char *folded_title = NULL;
  char *folded;
  gsize length;

  if (field->title != NULL)
    ascii &= is_ascii (field->title, &title_length);

  if (ascii)
    {
      folded = _trib_xdm_arena_alloc (builder->arena, path_length + 1 + title_length + 1);
      length = fold_ascii (folded, field->path, path_length);
      folded[length++] = '\n';
      length += fold_ascii (folded + length, field->title != NULL ? field->title : "", title_length);
      folded[length] = '\0';
      field->folded = folded;
      return;
    }

  folded_path = g_utf8_validate (field->path, -1, NULL) ? g_utf8_casefold (field->path, -1)
                                                        : g_ascii_strdown (field->path, -1);
  if (field->title != NULL)
    folded_title = g_utf8_validate (field->title, -1, NULL) ? g_utf8_casefold (field->title, -1)
                                                            : g_ascii_strdown (field->title, -1);
  field->folded = arena_concat (builder, folded_path, "\n", folded_title != NULL ? folded_title : "");
}

static void
finish_field (Builder      *builder,
              TribXdmField *field,
              Definition   *definition)
{
  Definition *items = definition->has_items ? definition->items : NULL;
  Definition *values = definition->has_values ? definition->values : NULL;
  JsonObject *descriptor;

  field->title = arena_string (builder, &definition->title);
  field->description = arena_string (builder, &definition->description);
  field->format = arena_string (builder, &definition->format);

  if (string_is (&definition->xdm_type, "map") || (values != NULL && !definition->has_properties))
    {
      field->shape = TRIB_XDM_SHAPE_MAP;
      if (values != NULL)
        {
          Definition *value_items = values->has_items ? values->items : NULL;
          const char *value_type;

          if (string_is (&values->type, "array") && value_items != NULL)
            {
              const char *item_type = value_items->has_properties ? "object" : scalar_type_name (builder, value_items);

              value_type = arena_concat (builder, "array[", item_type, "]");
              if (value_items->has_properties)
                adopt (field, &value_items->children, &value_items->n_children);
            }
          else if (values->has_properties)
            {
              value_type = "object";
              adopt (field, &values->children, &values->n_children);
            }
          else
            {
              value_type = scalar_type_name (builder, values);
            }

          field->type_name = arena_concat (builder, "map[string, ", value_type, "]");
        }
      else
        {
          field->type_name = "map";
        }
    }
  else if (string_is (&definition->type, "array"))
    {
      field->shape = TRIB_XDM_SHAPE_ARRAY;
      if (items != NULL && items->has_properties)
        {
          field->type_name = "array[object]";
          adopt (field, &items->children, &items->n_children);
        }
      else
        {
          field->type_name = arena_concat (builder, "array[", items != NULL ? scalar_type_name (builder, items) : "any", "]");
        }
    }
  else if (definition->has_properties)
    {
      field->shape = TRIB_XDM_SHAPE_OBJECT;
      field->type_name = "object";
      adopt (field, &definition->children, &definition->n_children);
    }
  else
    {
      field->shape = TRIB_XDM_SHAPE_SCALAR;
      field->type_name = scalar_type_name (builder, definition);
    }

  /* What the shape left unused. */
  drop_definition (builder, definition);

  if (builder->identities != NULL && (descriptor = g_hash_table_lookup (builder->identities, field->path)))
    {
      const char *namespace = trib_xdm_json_get_string (descriptor, "xdm:namespace");

      field->identity_namespace = arena_concat (builder, "", namespace != NULL ? namespace : "", "");
      field->primary_identity = trib_xdm_json_get_boolean (descriptor, "xdm:isPrimary");
    }

  fold_field (builder, field);
}

static TribXdmField *
read_field (Builder              *builder,
            const TribJsonString *name,
            const char           *prefix,
            gsize                 prefix_length)
{
  TribXdmField *field = _trib_xdm_field_new (builder->arena);
  Definition values_items = { 0 };
  Definition items = { 0 };
  Definition values = { .items = &values_items };
  Definition definition = { .items = &items, .values = &values };
  gsize offset = prefix != NULL ? prefix_length + 1 : 0;
  gsize length;
  char *path;

  builder->n_fields++;

  /* The name is the end of the path. */
  path = _trib_xdm_arena_alloc (builder->arena, offset + name->length + 1);
  if (prefix != NULL)
    {
      memcpy (path, prefix, prefix_length);
      path[prefix_length] = '.';
    }
  length = offset + trib_json_string_decode (name, path + offset);
  path[length] = '\0';
  _trib_xdm_arena_shrink (builder->arena, path, length + 1);
  field->path = path;
  field->name = path + offset;

  if (builder->depth < MAX_DEPTH)
    {
      builder->depth++;
      read_definition (builder, &definition, path, length, LEVEL_FIELD);
      builder->depth--;
    }
  else
    trib_json_reader_skip (&builder->reader);

  finish_field (builder, field, &definition);

  return field;
}

/* Identity descriptors name their field as a JSON pointer, /a/b/c. */
static void
index_identities (Builder  *builder,
                  JsonNode *descriptors)
{
  JsonArray *results = NULL;

  if (descriptors == NULL)
    return;

  if (JSON_NODE_HOLDS_ARRAY (descriptors))
    results = json_node_get_array (descriptors);
  else if (JSON_NODE_HOLDS_OBJECT (descriptors))
    results = trib_xdm_json_get_array (json_node_get_object (descriptors), "results");

  for (guint i = 0; results != NULL && i < json_array_get_length (results); i++)
    {
      JsonNode *element = json_array_get_element (results, i);
      JsonObject *descriptor;
      const char *pointer;
      g_auto(GStrv) segments = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      descriptor = json_node_get_object (element);
      pointer = trib_xdm_json_get_string (descriptor, "xdm:sourceProperty");
      if (g_strcmp0 (trib_xdm_json_get_string (descriptor, "@type"), "xdm:descriptorIdentity") != 0 ||
          pointer == NULL || pointer[0] != '/')
        continue;

      if (builder->identities == NULL)
        builder->identities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      segments = g_strsplit (pointer + 1, "/", -1);
      g_hash_table_insert (builder->identities, g_strjoinv (".", segments), descriptor);
    }
}

/**
 * trib_xdm_field_build_tree_from_text:
 * @text: a schema in the `xed-full+json` form, as a JSON text that
 *   trib_json_scan() accepted (replies always are)
 * @length: its length in bytes
 * @descriptors: (nullable): the schema's descriptors, as a list or as
 *   the registry's `{"results": […]}` page
 * @n_fields: (out) (optional): how many fields the tree holds, at every depth
 *
 * Reads the fields straight from the text, without a document in
 * between. Safe to call from any thread: the tree is not shared until
 * it returns. Any text is safe to read, but only JSON gives a tree.
 *
 * Returns: (transfer full) (nullable): a #GListModel of the top-level
 *   #TribXdmField, or %NULL if @text is not a JSON object
 */
GListModel *
trib_xdm_field_build_tree_from_text (const char *text,
                                     gsize       length,
                                     JsonNode   *descriptors,
                                     guint      *n_fields)
{
  Builder builder = { { 0 }, };
  Definition schema = { 0 };
  GListStore *roots = NULL;
  gboolean is_object;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  trib_json_reader_init (&builder.reader, text, length);
  builder.arena = _trib_xdm_arena_new ();
  builder.pending = g_ptr_array_new ();
  builder.required = g_array_new (FALSE, FALSE, sizeof (TribJsonString));
  index_identities (&builder, descriptors);

  is_object = trib_json_reader_peek (&builder.reader) == TRIB_JSON_KIND_OBJECT;
  if (is_object)
    read_definition (&builder, &schema, NULL, 0, LEVEL_ITEMS);

  if (is_object && trib_json_reader_at_end (&builder.reader))
    {
      roots = g_list_store_new (TRIB_TYPE_XDM_FIELD);
      g_list_store_splice (roots, 0, 0, (gpointer *) schema.children, schema.n_children);
      if (n_fields != NULL)
        *n_fields = builder.n_fields;
    }

  drop_fields (&builder, &schema.children, &schema.n_children);
  g_clear_pointer (&builder.identities, g_hash_table_unref);
  g_ptr_array_unref (builder.pending);
  g_array_unref (builder.required);
  _trib_xdm_arena_unref (builder.arena);

  return roots != NULL ? G_LIST_MODEL (roots) : NULL;
}

/**
 * trib_xdm_field_build_tree:
 * @resolved_schema: a schema in the `xed-full+json` form
 * @descriptors: (nullable): the schema's descriptors, as a list or as
 *   the registry's `{"results": […]}` page
 * @n_fields: (out) (optional): how many fields the tree holds, at every depth
 *
 * The same tree as trib_xdm_field_build_tree_from_text(), from a
 * document already parsed; it is written out and read again, so prefer
 * the text where there is one.
 *
 * Returns: (transfer full): a #GListModel of the top-level #TribXdmField
 */
GListModel *
trib_xdm_field_build_tree (JsonObject *resolved_schema,
                           JsonNode   *descriptors,
                           guint      *n_fields)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  GListModel *roots;

  g_return_val_if_fail (resolved_schema != NULL, NULL);

  node = json_node_init_object (json_node_alloc (), resolved_schema);
  text = json_to_string (node, FALSE);
  if (!(roots = trib_xdm_field_build_tree_from_text (text, strlen (text), descriptors, n_fields)))
    {
      /* json-glib wrote something it cannot have parsed. */
      if (n_fields != NULL)
        *n_fields = 0;
      roots = G_LIST_MODEL (g_list_store_new (TRIB_TYPE_XDM_FIELD));
    }

  return roots;
}
