/* trib-spec-form.c
 *
 * A form drawn from a connector's JSON Schema (draft-07): an `authSpec`
 * entry's `spec`, or a `sourceSpec.spec`. The form is the list of its
 * fields (TribSpecField), the person's answers to them, their checks,
 * and the `params` object the platform expects, built here so that
 * widgets never build JSON.
 *
 * Objects nested in the schema are flattened: their fields join the
 * list with a dotted key ("proxy.port") and a label that names the
 * group ("Proxy: Port"), and the params nest them again. Objects
 * deeper than TRIB_SPEC_FORM_MAX_DEPTH, free-form objects, lists of
 * objects and `$ref` become fields the form cannot ask for
 * (TRIB_SPEC_FIELD_UNSUPPORTED), whose values the caller may give with
 * trib_spec_form_set_value(). A `required` name with no property is
 * ignored: there is nothing to ask.
 *
 * Answers, secrets among them, live only in this object's memory and
 * are overwritten when replaced, cleared or freed; nothing here logs
 * them or writes them anywhere.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-spec-form"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-spec-field-private.h"
#include "trib-spec-form-private.h"
#include "trib-spec-presets.h"
#include "trib-util.h"

/* A `required` list longer than this is read no further. */
#define MAX_REQUIRED_NAMES 4096

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TribSpecForm, trib_spec_form, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_NAME,
  PROP_LABEL,
  PROP_AUTH_TYPE,
  PROP_DESCRIPTION,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
trib_spec_form_get_item_type (GListModel *model)
{
  return TRIB_TYPE_SPEC_FIELD;
}

static guint
trib_spec_form_get_n_items (GListModel *model)
{
  return TRIB_SPEC_FORM (model)->fields->len;
}

static gpointer
trib_spec_form_get_item (GListModel *model,
                         guint       position)
{
  TribSpecForm *self = TRIB_SPEC_FORM (model);

  return position < self->fields->len ? g_object_ref (g_ptr_array_index (self->fields, position)) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = trib_spec_form_get_item_type;
  iface->get_n_items = trib_spec_form_get_n_items;
  iface->get_item = trib_spec_form_get_item;
}

static void
trib_spec_form_finalize (GObject *object)
{
  TribSpecForm *self = (TribSpecForm *) object;

  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->connection_spec_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->auth_type, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (trib_spec_form_parent_class)->finalize (object);
}

static void
trib_spec_form_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TribSpecForm *self = TRIB_SPEC_FORM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_AUTH_TYPE:
      g_value_set_string (value, self->auth_type);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_spec_form_class_init (TribSpecFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_spec_form_finalize;
  object_class->get_property = trib_spec_form_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTH_TYPE] = g_param_spec_string ("auth-type", NULL, NULL, NULL,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] = g_param_spec_string ("problem", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_spec_form_init (TribSpecForm *self)
{
  self->fields = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) trib_secret_free);
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_node_unref);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static void
set_problem (TribSpecForm *self,
             const char   *problem)
{
  /* The first problem is the one to fix first. */
  if (self->problem == NULL)
    self->problem = g_strdup (problem);
}

static GHashTable *
read_required (JsonObject *schema)
{
  GHashTable *required = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *node = json_object_get_member (schema, "required");
  JsonArray *names;
  guint n_names;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return required;

  names = json_node_get_array (node);
  n_names = MIN (json_array_get_length (names), MAX_REQUIRED_NAMES);
  for (guint i = 0; i < n_names; i++)
    {
      JsonNode *element = json_array_get_element (names, i);

      /* The strings belong to the schema, which outlives the table. */
      if (json_node_get_value_type (element) == G_TYPE_STRING)
        g_hash_table_add (required, (gpointer) json_node_get_string (element));
    }

  return required;
}

/* An object whose fields the form can flatten: declared an object (or
 * not declared), with `properties` that are an object, and no `$ref`.
 */
static gboolean
is_group (JsonNode *node)
{
  JsonObject *schema;
  JsonNode *type;
  JsonNode *members;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  schema = json_node_get_object (node);
  type = json_object_get_member (schema, "type");
  members = json_object_get_member (schema, "properties");

  if (json_object_has_member (schema, "$ref") || members == NULL || !JSON_NODE_HOLDS_OBJECT (members))
    return FALSE;

  return type == NULL || g_strcmp0 (member_string (schema, "type"), "object") == 0;
}

static char *
group_label (TribSpecForm *self,
             JsonObject   *schema,
             const char   *name,
             const char   *parent_label)
{
  const char *title = member_string (schema, "title");
  TribSpecPreset preset = { 0 };
  g_autofree char *label = NULL;

  if (title != NULL && title[0] != '\0')
    label = g_strdup (title);
  else if (trib_spec_presets_lookup_field (self->connection_spec_id, name, &preset) && preset.label != NULL)
    label = g_strdup (preset.label);
  else
    label = trib_spec_presets_humanize (name);

  if (parent_label == NULL)
    return g_steal_pointer (&label);

  return g_strdup_printf (C_("nested field label", "%s: %s"), parent_label, label);
}

static void
add_field (TribSpecForm  *self,
           TribSpecField *field)
{
  const char *key = trib_spec_field_get_key (field);

  /* "a.b" as one name and "b" inside "a" meet at one key, which one
   * answer cannot fill twice: the first keeps it.
   */
  if (g_hash_table_contains (self->by_key, key))
    {
      set_problem (self, _("Some fields of this connector’s spec have the same name; only the first is shown"));
      g_object_unref (field);
      return;
    }

  g_hash_table_insert (self->by_key, (gpointer) key, field);
  g_ptr_array_add (self->fields, field);
}

static void
add_properties (TribSpecForm *self,
                JsonObject   *schema,
                GPtrArray    *path,
                const char   *parent_label,
                gboolean      parent_required,
                guint         depth)
{
  JsonNode *members_node = json_object_get_member (schema, "properties");
  g_autoptr(GHashTable) required = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (members_node == NULL)
    return;
  if (!JSON_NODE_HOLDS_OBJECT (members_node))
    {
      set_problem (self, _("The connector’s spec lists its fields in a shape Tributary cannot read"));
      return;
    }

  required = read_required (schema);

  json_object_iter_init_ordered (&iter, json_node_get_object (members_node));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gboolean is_required = parent_required && g_hash_table_contains (required, name);

      if (self->fields->len >= TRIB_SPEC_FORM_MAX_FIELDS)
        {
          set_problem (self, _("The connector’s spec has more fields than this form shows"));
          return;
        }

      g_ptr_array_add (path, (gpointer) name);

      if (is_group (member) && depth + 1 < TRIB_SPEC_FORM_MAX_DEPTH)
        {
          g_autofree char *label = group_label (self, json_node_get_object (member), name, parent_label);

          add_properties (self, json_node_get_object (member), path, label, is_required, depth + 1);
        }
      else
        {
          TribSpecField *field;

          g_ptr_array_add (path, NULL);
          field = _trib_spec_field_new (self->connection_spec_id, (const char * const *) path->pdata,
                                        parent_label, member, is_required);
          g_ptr_array_remove_index (path, path->len - 1);

          if (is_group (member))
            _trib_spec_field_set_problem (field, _("This field is nested too deeply in the connector’s spec for this form"));
          add_field (self, field);
        }

      g_ptr_array_remove_index (path, path->len - 1);
    }
}

typedef struct
{
  TribSpecField *field;
  int rank;
  guint position;
} Placed;

static int
compare_placed (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const Placed *pa = a;
  const Placed *pb = b;

  /* Placed fields first, in the presets' order; then the spec's order. */
  if ((pa->rank < 0) != (pb->rank < 0))
    return pa->rank < 0 ? 1 : -1;
  if (pa->rank != pb->rank)
    return pa->rank < pb->rank ? -1 : 1;

  return pa->position < pb->position ? -1 : pa->position > pb->position;
}

static void
order_fields (TribSpecForm *self)
{
  guint n_fields = self->fields->len;
  g_autofree Placed *placed = g_new (Placed, MAX (n_fields, 1));

  for (guint i = 0; i < n_fields; i++)
    {
      TribSpecField *field = g_ptr_array_index (self->fields, i);
      const char * const *path = trib_spec_field_get_path (field);

      placed[i].field = field;
      placed[i].position = i;
      placed[i].rank = path[1] == NULL ? trib_spec_presets_rank (self->connection_spec_id, self->name, path[0]) : -1;
    }

  g_qsort_with_data (placed, n_fields, sizeof (Placed), compare_placed, NULL);

  for (guint i = 0; i < n_fields; i++)
    self->fields->pdata[i] = placed[i].field;
}

static void
read_schema (TribSpecForm *self,
             JsonNode     *node)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  JsonObject *schema;
  const char *type;

  if (node == NULL)
    return;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_problem (self, _("The connector’s spec is not a JSON Schema object"));
      return;
    }

  schema = json_node_get_object (node);
  self->description = g_strdup (member_string (schema, "description"));

  if (json_object_has_member (schema, "$ref"))
    {
      set_problem (self, _("The connector’s spec describes its fields elsewhere ($ref), which Tributary does not follow"));
      return;
    }

  type = member_string (schema, "type");
  if (json_object_has_member (schema, "type") && g_strcmp0 (type, "object") != 0)
    {
      set_problem (self, _("The connector’s spec does not describe an object of fields"));
      return;
    }

  add_properties (self, schema, path, NULL, TRUE, 0);
  order_fields (self);

  /* The form starts with the spec's defaults as answers. */
  for (guint i = 0; i < self->fields->len; i++)
    {
      TribSpecField *field = g_ptr_array_index (self->fields, i);
      const char *default_text = trib_spec_field_get_default_text (field);
      g_autofree char *message = NULL;

      if (default_text != NULL && (message = trib_spec_field_check (field, default_text)) == NULL)
        g_hash_table_insert (self->answers, g_strdup (trib_spec_field_get_key (field)), g_strdup (default_text));
    }
}

/**
 * trib_spec_form_new:
 * @connection_spec_id: (nullable): the connector's connection spec id,
 *   for the presets of the seed connectors
 * @name: (nullable): the `authSpec[].name` this form answers, or %NULL
 *   for a `sourceSpec`
 * @schema: (nullable): the JSON Schema (`authSpec[].spec` or
 *   `sourceSpec.spec`); %NULL for a form without fields
 *
 * Draws the form of @schema. A schema the form cannot read gives a form
 * with trib_spec_form_get_problem() set, never a crash; @schema is read
 * now and not kept.
 *
 * Returns: (transfer full): a form
 */
TribSpecForm *
trib_spec_form_new (const char *connection_spec_id,
                    const char *name,
                    JsonNode   *schema)
{
  TribSpecForm *self = g_object_new (TRIB_TYPE_SPEC_FORM, NULL);

  self->connection_spec_id = g_strdup (connection_spec_id);
  self->name = g_strdup (name);
  if (name != NULL)
    {
      const char *label = trib_spec_presets_auth_label (name);

      self->label = g_strdup (label != NULL ? label : name);
    }

  read_schema (self, schema);

  return self;
}

/**
 * trib_spec_form_new_auth_choices:
 * @connection_spec_id: (nullable): the connector's connection spec id
 * @auth_spec: (nullable): the connection spec's `authSpec` array
 *
 * One form per auth type of the connector, for a person to choose
 * between (by trib_spec_form_get_label()) before filling the chosen
 * one; each keeps its answers when another is chosen. Entries without a
 * `name`, and a name seen before, are left out. A connector without
 * auth types (the Data Landing Zone) gives an empty list.
 *
 * Returns: (transfer full): a list of #TribSpecForm
 */
GListModel *
trib_spec_form_new_auth_choices (const char *connection_spec_id,
                                 JsonNode   *auth_spec)
{
  GListStore *choices = g_list_store_new (TRIB_TYPE_SPEC_FORM);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *entries;
  guint n_entries;

  if (auth_spec == NULL || !JSON_NODE_HOLDS_ARRAY (auth_spec))
    return G_LIST_MODEL (choices);

  entries = json_node_get_array (auth_spec);
  n_entries = json_array_get_length (entries);

  for (guint i = 0; i < n_entries && g_hash_table_size (seen) < TRIB_SPEC_FORM_MAX_AUTH_TYPES; i++)
    {
      JsonNode *entry = json_array_get_element (entries, i);
      g_autoptr(TribSpecForm) form = NULL;
      JsonObject *object;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (entry))
        continue;
      object = json_node_get_object (entry);
      name = member_string (object, "name");
      if (name == NULL || name[0] == '\0' || g_hash_table_contains (seen, name))
        continue;

      g_hash_table_add (seen, (gpointer) name);
      form = trib_spec_form_new (connection_spec_id, name, json_object_get_member (object, "spec"));
      form->auth_type = g_strdup (member_string (object, "type"));
      g_list_store_append (choices, form);
    }

  return G_LIST_MODEL (choices);
}

/**
 * trib_spec_form_get_name:
 *
 * Returns: (nullable): the `authSpec[].name`, which the request's
 *   `auth.specName` must be; %NULL for a sourceSpec's form
 */
const char *
trib_spec_form_get_name (TribSpecForm *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FORM (self), NULL);

  return self->name;
}

/**
 * trib_spec_form_get_label:
 *
 * Returns: (nullable): how to show this auth type among the choices
 */
const char *
trib_spec_form_get_label (TribSpecForm *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FORM (self), NULL);

  return self->label;
}

const char *
trib_spec_form_get_auth_type (TribSpecForm *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FORM (self), NULL);

  return self->auth_type;
}

const char *
trib_spec_form_get_description (TribSpecForm *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FORM (self), NULL);

  return self->description;
}

/**
 * trib_spec_form_get_problem:
 *
 * Returns: (nullable): what the form could not read of the spec, in
 *   words for the person filling it; with a problem the form may still
 *   hold the fields it could read
 */
const char *
trib_spec_form_get_problem (TribSpecForm *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FORM (self), NULL);

  return self->problem;
}

/**
 * trib_spec_form_get_field:
 *
 * Returns: (transfer none) (nullable): the field of @key
 */
TribSpecField *
trib_spec_form_get_field (TribSpecForm *self,
                          const char   *key)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FORM (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->by_key, key);
}
