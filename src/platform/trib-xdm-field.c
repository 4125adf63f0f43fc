/* trib-xdm-field.c
 *
 * One field of a resolved XDM schema (`application/vnd.adobe.xed-full+json`),
 * and the tree of them. A real ExperienceEvent schema has thousands of
 * fields, so the tree is built once, off the main thread, with the text
 * a filter compares already folded.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-xdm-field"

#include "config.h"

#include <string.h>

#include "trib-xdm-field.h"
#include "trib-xdm-json.h"

/* A map's value has no name in the data; the platform's UI shows a star. */
#define MAP_VALUE_SEGMENT "*"

struct _TribXdmField
{
  GObject parent_instance;

  char *name;
  char *path;
  char *title;
  char *description;
  char *type_name;
  char *format;
  char *folded;         /* path and title, casefolded, for filtering */
  char *identity_namespace;
  GListStore *children; /* NULL for a scalar or an array of scalars */
  TribXdmShape shape;
  guint required : 1;
  guint primary_identity : 1;
  guint visible : 1;
  guint matches : 1;
};

G_DEFINE_FINAL_TYPE (TribXdmField, trib_xdm_field, G_TYPE_OBJECT)

static void
trib_xdm_field_finalize (GObject *object)
{
  TribXdmField *self = (TribXdmField *) object;

  g_free (self->name);
  g_free (self->path);
  g_free (self->title);
  g_free (self->description);
  g_free (self->type_name);
  g_free (self->format);
  g_free (self->folded);
  g_free (self->identity_namespace);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (trib_xdm_field_parent_class)->finalize (object);
}

static void
trib_xdm_field_class_init (TribXdmFieldClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_xdm_field_finalize;
}

static void
trib_xdm_field_init (TribXdmField *self)
{
  self->visible = TRUE;
}

typedef struct
{
  GHashTable *identities;   /* path → descriptor object */
  guint n_fields;
} Builder;

/* XDM's own type name where it has one (`long`, `date-time`, `map`), else
 * JSON Schema's.
 */
static char *
scalar_type_name (JsonObject *definition)
{
  const char *xdm_type = trib_xdm_json_get_string (definition, "meta:xdmType");
  const char *type = trib_xdm_json_get_string (definition, "type");

  if (xdm_type != NULL)
    return g_strdup (xdm_type);

  return g_strdup (type != NULL ? type : "any");
}

static void add_properties (Builder    *builder,
                            GListStore *store,
                            JsonObject *definition,
                            const char *prefix);

static gboolean
holds_properties (JsonObject *definition)
{
  return definition != NULL && trib_xdm_json_get_object (definition, "properties") != NULL;
}

static TribXdmField *
field_new (Builder    *builder,
           const char *name,
           const char *prefix,
           JsonObject *definition,
           gboolean    required)
{
  TribXdmField *self = g_object_new (TRIB_TYPE_XDM_FIELD, NULL);
  const char *type = trib_xdm_json_get_string (definition, "type");
  const char *xdm_type = trib_xdm_json_get_string (definition, "meta:xdmType");
  JsonObject *items = trib_xdm_json_get_object (definition, "items");
  JsonObject *values = trib_xdm_json_get_object (definition, "additionalProperties");
  JsonObject *descriptor;
  g_autofree char *folded_path = NULL;
  g_autofree char *folded_title = NULL;

  builder->n_fields++;

  self->name = g_strdup (name);
  self->path = prefix != NULL ? g_strconcat (prefix, ".", name, NULL) : g_strdup (name);
  self->title = g_strdup (trib_xdm_json_get_string (definition, "title"));
  self->description = g_strdup (trib_xdm_json_get_string (definition, "description"));
  self->format = g_strdup (trib_xdm_json_get_string (definition, "format"));
  self->required = !!required;

  if (g_strcmp0 (xdm_type, "map") == 0 || (values != NULL && !holds_properties (definition)))
    {
      self->shape = TRIB_XDM_SHAPE_MAP;
      if (values != NULL)
        {
          g_autofree char *value_type = NULL;
          g_autofree char *value_prefix = g_strconcat (self->path, ".", MAP_VALUE_SEGMENT, NULL);
          JsonObject *value_items = trib_xdm_json_get_object (values, "items");

          if (g_strcmp0 (trib_xdm_json_get_string (values, "type"), "array") == 0 && value_items != NULL)
            {
              g_autofree char *item_type = holds_properties (value_items) ? g_strdup ("object")
                                                                          : scalar_type_name (value_items);

              value_type = g_strdup_printf ("array[%s]", item_type);
              if (holds_properties (value_items))
                {
                  self->children = g_list_store_new (TRIB_TYPE_XDM_FIELD);
                  add_properties (builder, self->children, value_items, value_prefix);
                }
            }
          else if (holds_properties (values))
            {
              value_type = g_strdup ("object");
              self->children = g_list_store_new (TRIB_TYPE_XDM_FIELD);
              add_properties (builder, self->children, values, value_prefix);
            }
          else
            {
              value_type = scalar_type_name (values);
            }

          self->type_name = g_strdup_printf ("map[string, %s]", value_type);
        }
      else
        {
          self->type_name = g_strdup ("map");
        }
    }
  else if (g_strcmp0 (type, "array") == 0)
    {
      self->shape = TRIB_XDM_SHAPE_ARRAY;
      if (items != NULL && holds_properties (items))
        {
          self->type_name = g_strdup ("array[object]");
          self->children = g_list_store_new (TRIB_TYPE_XDM_FIELD);
          add_properties (builder, self->children, items, self->path);
        }
      else
        {
          g_autofree char *item_type = items != NULL ? scalar_type_name (items) : g_strdup ("any");

          self->type_name = g_strdup_printf ("array[%s]", item_type);
        }
    }
  else if (holds_properties (definition))
    {
      self->shape = TRIB_XDM_SHAPE_OBJECT;
      self->type_name = g_strdup ("object");
      self->children = g_list_store_new (TRIB_TYPE_XDM_FIELD);
      add_properties (builder, self->children, definition, self->path);
    }
  else
    {
      self->shape = TRIB_XDM_SHAPE_SCALAR;
      self->type_name = scalar_type_name (definition);
    }

  if ((descriptor = g_hash_table_lookup (builder->identities, self->path)))
    {
      self->identity_namespace = g_strdup (trib_xdm_json_get_string (descriptor, "xdm:namespace"));
      self->primary_identity = trib_xdm_json_get_boolean (descriptor, "xdm:isPrimary");
      if (self->identity_namespace == NULL)
        self->identity_namespace = g_strdup ("");
    }

  folded_path = g_utf8_casefold (self->path, -1);
  folded_title = self->title != NULL ? g_utf8_casefold (self->title, -1) : NULL;
  self->folded = g_strconcat (folded_path, "\n", folded_title, NULL);

  return self;
}

static void
add_properties (Builder    *builder,
                GListStore *store,
                JsonObject *definition,
                const char *prefix)
{
  JsonObject *properties = trib_xdm_json_get_object (definition, "properties");
  g_auto(GStrv) required = trib_xdm_json_get_strv (definition, "required");
  g_autoptr(GHashTable) required_set = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GList) names = NULL;

  if (properties == NULL)
    return;

  /* Looked up once per property: a list searched each time would make
   * an object of n fields, all required, cost n² comparisons.
   */
  required_set = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; required[i] != NULL; i++)
    g_hash_table_add (required_set, required[i]);

  names = json_object_get_members (properties);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (properties, l->data);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      g_ptr_array_add (fields, field_new (builder, l->data, prefix, json_node_get_object (node),
                                          g_hash_table_contains (required_set, l->data)));
    }

  g_list_store_splice (store, 0, 0, fields->pdata, fields->len);
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

      segments = g_strsplit (pointer + 1, "/", -1);
      g_hash_table_insert (builder->identities, g_strjoinv (".", segments), descriptor);
    }
}

/**
 * trib_xdm_field_build_tree:
 * @resolved_schema: a schema in the `xed-full+json` form
 * @descriptors: (nullable): the schema's descriptors, as a list or as
 *   the registry's `{"results": […]}` page
 * @n_fields: (out) (optional): how many fields the tree holds, at every depth
 *
 * Safe to call from any thread: the tree is not shared until it returns.
 *
 * Returns: (transfer full): a #GListModel of the top-level #TribXdmField
 */
GListModel *
trib_xdm_field_build_tree (JsonObject *resolved_schema,
                           JsonNode   *descriptors,
                           guint      *n_fields)
{
  g_autoptr(GHashTable) identities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Builder builder = { identities, 0 };
  GListStore *roots;

  g_return_val_if_fail (resolved_schema != NULL, NULL);

  index_identities (&builder, descriptors);

  roots = g_list_store_new (TRIB_TYPE_XDM_FIELD);
  add_properties (&builder, roots, resolved_schema, NULL);

  if (n_fields != NULL)
    *n_fields = builder.n_fields;

  return G_LIST_MODEL (roots);
}

static gboolean
filter_fields (GListModel *fields,
               const char *folded_needle,
               guint      *n_matches)
{
  guint n_items = g_list_model_get_n_items (fields);
  gboolean any_visible = FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (fields, i);
      gboolean child_visible = FALSE;

      field->matches = folded_needle == NULL || strstr (field->folded, folded_needle) != NULL;
      if (field->matches && folded_needle != NULL)
        (*n_matches)++;

      if (field->children != NULL)
        child_visible = filter_fields (G_LIST_MODEL (field->children), folded_needle, n_matches);

      /* A match keeps its ancestors, so the tree still shows where it is. */
      field->visible = field->matches || child_visible;
      any_visible |= field->visible;
    }

  return any_visible;
}

/**
 * trib_xdm_field_filter_tree:
 * @roots: a tree from trib_xdm_field_build_tree()
 * @needle: (nullable): text to find in paths and titles, ignoring case;
 *   %NULL or empty shows everything
 *
 * Sets every field's visibility: a field is visible when it matches or
 * one of its descendants does.
 *
 * Returns: how many fields match @needle themselves
 */
guint
trib_xdm_field_filter_tree (GListModel *roots,
                            const char *needle)
{
  g_autofree char *folded = NULL;
  guint n_matches = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (roots), 0);

  if (needle != NULL && needle[0] != '\0')
    folded = g_utf8_casefold (needle, -1);

  filter_fields (roots, folded, &n_matches);

  return n_matches;
}

const char *
trib_xdm_field_get_name (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), NULL);

  return self->name;
}

/**
 * trib_xdm_field_get_path:
 * @self: a #TribXdmField
 *
 * Returns: the dot path Data Distiller reads the field with, such as
 *   `web.webPageDetails.name`
 */
const char *
trib_xdm_field_get_path (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), NULL);

  return self->path;
}

/**
 * trib_xdm_field_get_title:
 * @self: a #TribXdmField
 *
 * Returns: (nullable): the field's title
 */
const char *
trib_xdm_field_get_title (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), NULL);

  return self->title;
}

/**
 * trib_xdm_field_get_description:
 * @self: a #TribXdmField
 *
 * Returns: (nullable): the field's description
 */
const char *
trib_xdm_field_get_description (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), NULL);

  return self->description;
}

/**
 * trib_xdm_field_get_type_name:
 * @self: a #TribXdmField
 *
 * Returns: the type, such as `string`, `long`, `array[object]` or
 *   `map[string, array[object]]`
 */
const char *
trib_xdm_field_get_type_name (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), NULL);

  return self->type_name;
}

/**
 * trib_xdm_field_get_format:
 * @self: a #TribXdmField
 *
 * Returns: (nullable): the JSON Schema format, such as `date-time` or `email`
 */
const char *
trib_xdm_field_get_format (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), NULL);

  return self->format;
}

TribXdmShape
trib_xdm_field_get_shape (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), TRIB_XDM_SHAPE_SCALAR);

  return self->shape;
}

gboolean
trib_xdm_field_get_required (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), FALSE);

  return self->required;
}

/**
 * trib_xdm_field_get_identity_namespace:
 * @self: a #TribXdmField
 *
 * Returns: (nullable): the identity namespace, such as `Email`, if the
 *   field is an identity; %NULL if it is not one
 */
const char *
trib_xdm_field_get_identity_namespace (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), NULL);

  return self->identity_namespace;
}

gboolean
trib_xdm_field_get_primary_identity (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), FALSE);

  return self->primary_identity;
}

/**
 * trib_xdm_field_get_children:
 * @self: a #TribXdmField
 *
 * Returns: (nullable) (transfer none): the fields inside an object, the
 *   fields of an array's items or of a map's values
 */
GListModel *
trib_xdm_field_get_children (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), NULL);

  return self->children != NULL ? G_LIST_MODEL (self->children) : NULL;
}

/**
 * trib_xdm_field_get_visible:
 * @self: a #TribXdmField
 *
 * Returns: whether the last trib_xdm_field_filter_tree() kept the field
 */
gboolean
trib_xdm_field_get_visible (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), TRUE);

  return self->visible;
}

/**
 * trib_xdm_field_get_matches:
 * @self: a #TribXdmField
 *
 * Returns: whether the field itself matched the last filter
 */
gboolean
trib_xdm_field_get_matches (TribXdmField *self)
{
  g_return_val_if_fail (TRIB_IS_XDM_FIELD (self), TRUE);

  return self->matches;
}
