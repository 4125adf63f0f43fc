/* trib-spec-field.c
 *
 * One field of a form drawn from a connector's JSON Schema (draft-07):
 * what a widget needs to ask for it, and the check of an answer, which
 * says which field is wrong and what it expects. Answers are text, as a
 * person types them (a switch answers `true` or `false`); the field
 * turns a valid one into a JSON value of the spec's type.
 *
 * A spec is outside input: anything this file does not understand
 * becomes a field of type TRIB_SPEC_FIELD_UNSUPPORTED or a problem on
 * the field, never a crash.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-spec-field"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-spec-field-private.h"
#include "trib-spec-presets.h"

/* Steps of PCRE's matcher a pattern may take on one answer. */
#define MATCH_LIMIT 100000

G_DEFINE_ENUM_TYPE (TribSpecFieldType, trib_spec_field_type,
                    G_DEFINE_ENUM_VALUE (TRIB_SPEC_FIELD_STRING, "string"),
                    G_DEFINE_ENUM_VALUE (TRIB_SPEC_FIELD_INTEGER, "integer"),
                    G_DEFINE_ENUM_VALUE (TRIB_SPEC_FIELD_NUMBER, "number"),
                    G_DEFINE_ENUM_VALUE (TRIB_SPEC_FIELD_BOOLEAN, "boolean"),
                    G_DEFINE_ENUM_VALUE (TRIB_SPEC_FIELD_ENUM, "enum"),
                    G_DEFINE_ENUM_VALUE (TRIB_SPEC_FIELD_ARRAY, "array"),
                    G_DEFINE_ENUM_VALUE (TRIB_SPEC_FIELD_UNSUPPORTED, "unsupported"))

G_DEFINE_FINAL_TYPE (TribSpecField, trib_spec_field, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_LABEL,
  PROP_HELP,
  PROP_FIELD_TYPE,
  PROP_SECRET,
  PROP_MULTILINE,
  PROP_REQUIRED,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trib_spec_field_finalize (GObject *object)
{
  TribSpecField *self = (TribSpecField *) object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->path, g_strfreev);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->help, g_free);
  g_clear_pointer (&self->default_text, g_free);
  g_clear_pointer (&self->pattern, g_free);
  g_clear_pointer (&self->pattern_hint, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->regex, g_regex_unref);
  g_clear_pointer (&self->choices, g_strfreev);
  g_clear_pointer (&self->choice_nodes, g_ptr_array_unref);

  G_OBJECT_CLASS (trib_spec_field_parent_class)->finalize (object);
}

static void
trib_spec_field_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TribSpecField *self = TRIB_SPEC_FIELD (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_HELP:
      g_value_set_string (value, self->help);
      break;
    case PROP_FIELD_TYPE:
      g_value_set_enum (value, self->type);
      break;
    case PROP_SECRET:
      g_value_set_boolean (value, self->secret);
      break;
    case PROP_MULTILINE:
      g_value_set_boolean (value, self->multiline);
      break;
    case PROP_REQUIRED:
      g_value_set_boolean (value, self->required);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_spec_field_class_init (TribSpecFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_spec_field_finalize;
  object_class->get_property = trib_spec_field_get_property;

  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HELP] = g_param_spec_string ("help", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD_TYPE] = g_param_spec_enum ("field-type", NULL, NULL, TRIB_TYPE_SPEC_FIELD_TYPE,
                                                   TRIB_SPEC_FIELD_STRING,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECRET] = g_param_spec_boolean ("secret", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MULTILINE] = g_param_spec_boolean ("multiline", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUIRED] = g_param_spec_boolean ("required", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] = g_param_spec_string ("problem", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_spec_field_init (TribSpecField *self)
{
  self->min_length = -1;
  self->max_length = -1;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
member_number (JsonObject *object,
               const char *name,
               double     *number)
{
  JsonNode *node = json_object_get_member (object, name);
  GType type = node != NULL ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (type == G_TYPE_INT64)
    *number = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *number = json_node_get_double (node);
  else
    return FALSE;

  return isfinite (*number);
}

static int
member_length (JsonObject *object,
               const char *name)
{
  double number;

  if (!member_number (object, name, &number) || number < 0 || number > G_MAXINT || floor (number) != number)
    return -1;

  return (int) number;
}

/* The text a person would type for a JSON scalar, or NULL. */
static char *
scalar_text (JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
    }
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");

  return NULL;
}

static gboolean
scalar_type_from_name (const char        *name,
                       TribSpecFieldType *type)
{
  if (g_strcmp0 (name, "string") == 0)
    *type = TRIB_SPEC_FIELD_STRING;
  else if (g_strcmp0 (name, "integer") == 0)
    *type = TRIB_SPEC_FIELD_INTEGER;
  else if (g_strcmp0 (name, "number") == 0)
    *type = TRIB_SPEC_FIELD_NUMBER;
  else if (g_strcmp0 (name, "boolean") == 0)
    *type = TRIB_SPEC_FIELD_BOOLEAN;
  else
    return FALSE;

  return TRUE;
}

/* `type` is a name or, in draft-07, a list of names: ["string", "null"]
 * is an optional string. Returns the first name that is not "null".
 */
static const char *
type_name (JsonObject *schema)
{
  JsonNode *node = json_object_get_member (schema, "type");

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *names = json_node_get_array (node);
      guint n_names = MIN (json_array_get_length (names), 8);

      for (guint i = 0; i < n_names; i++)
        {
          JsonNode *element = json_array_get_element (names, i);

          if (json_node_get_value_type (element) == G_TYPE_STRING
              && g_strcmp0 (json_node_get_string (element), "null") != 0)
            return json_node_get_string (element);
        }

      return NULL;
    }

  return member_string (schema, "type");
}

static void
read_choices (TribSpecField *self,
              JsonArray     *values)
{
  guint n_values = json_array_get_length (values);
  g_autoptr(GPtrArray) texts = NULL;

  if (n_values > TRIB_SPEC_FIELD_MAX_CHOICES)
    {
      /* Typed in instead of chosen: the platform checks it. */
      self->problem = g_strdup_printf (_("The connector lists %u choices for this field, too many to show: type the value"),
                                       n_values);
      return;
    }

  texts = g_ptr_array_new_with_free_func (g_free);
  self->choice_nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  for (guint i = 0; i < n_values; i++)
    {
      JsonNode *value = json_array_get_element (values, i);
      char *text = scalar_text (value);

      if (text == NULL)
        continue;
      g_ptr_array_add (texts, text);
      g_ptr_array_add (self->choice_nodes, json_node_copy (value));
    }

  g_ptr_array_add (texts, NULL);
  self->choices = (char **) g_ptr_array_free (g_steal_pointer (&texts), FALSE);
  self->type = TRIB_SPEC_FIELD_ENUM;
}

static void
read_pattern (TribSpecField *self,
              JsonObject    *schema)
{
  JsonNode *node = json_object_get_member (schema, "pattern");
  g_autoptr(GError) error = NULL;
  const char *pattern;

  if (node == NULL)
    return;

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      self->problem = g_strdup (_("The connector’s spec gives this field a pattern that is not text; the platform will check the value"));
      return;
    }

  pattern = json_node_get_string (node);
  if (strlen (pattern) > TRIB_SPEC_FIELD_MAX_PATTERN)
    {
      self->problem = g_strdup (_("The connector’s pattern for this field is too long to read; the platform will check the value"));
      return;
    }

  /* JSON Schema patterns are ECMA-262 regular expressions, unanchored;
   * PCRE reads the ones connectors use the same way. A pattern that
   * backtracks without end, "^(a+)+$", would hold the check for
   * seconds at PCRE's own limit: this one stops it within a
   * millisecond or so. ECMA-262 has no "(*", PCRE's verbs, with which a
   * pattern could lift the limit again.
   */
  if (strstr (pattern, "(*") == NULL)
    {
      g_autofree char *limited = g_strconcat ("(*LIMIT_MATCH=" G_STRINGIFY (MATCH_LIMIT) ")", pattern, NULL);

      self->regex = g_regex_new (limited, (GRegexCompileFlags) 0, (GRegexMatchFlags) 0, &error);
    }
  if (self->regex == NULL)
    {
      self->problem = g_strdup (_("The connector’s pattern for this field cannot be read; the platform will check the value"));
      return;
    }

  self->pattern = g_strdup (pattern);
}

static void
read_scalar (TribSpecField *self,
             JsonObject    *schema)
{
  JsonNode *node;

  if (member_number (schema, "minimum", &self->minimum))
    self->has_minimum = TRUE;
  if (member_number (schema, "maximum", &self->maximum))
    self->has_maximum = TRUE;

  /* Draft-07's exclusive bounds are numbers; a whole number's are the
   * next whole numbers in, so the message can still say "between".
   */
  if (self->type == TRIB_SPEC_FIELD_INTEGER)
    {
      double bound;

      if (member_number (schema, "exclusiveMinimum", &bound))
        {
          bound = floor (bound) + 1;
          if (!self->has_minimum || bound > self->minimum)
            self->minimum = bound;
          self->has_minimum = TRUE;
        }
      if (member_number (schema, "exclusiveMaximum", &bound))
        {
          bound = ceil (bound) - 1;
          if (!self->has_maximum || bound < self->maximum)
            self->maximum = bound;
          self->has_maximum = TRUE;
        }
    }

  self->min_length = member_length (schema, "minLength");
  self->max_length = member_length (schema, "maxLength");

  node = json_object_get_member (schema, "enum");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    read_choices (self, json_node_get_array (node));

  if (self->type == TRIB_SPEC_FIELD_STRING)
    read_pattern (self, schema);
}

static void
read_array (TribSpecField *self,
            JsonObject    *schema)
{
  JsonNode *items = json_object_get_member (schema, "items");
  JsonObject *items_schema = items != NULL && JSON_NODE_HOLDS_OBJECT (items) ? json_node_get_object (items) : NULL;

  /* A list of objects, such as a table's `columns`, is what the wizard
   * chose on an earlier page, not something to type.
   */
  if (items_schema == NULL
      || json_object_has_member (items_schema, "$ref")
      || !scalar_type_from_name (type_name (items_schema), &self->item_type))
    {
      self->type = TRIB_SPEC_FIELD_UNSUPPORTED;
      self->problem = g_strdup (_("This field takes a list of structured values, which this form cannot ask for"));
      return;
    }

  self->type = TRIB_SPEC_FIELD_ARRAY;
}

static void
read_schema (TribSpecField *self,
             JsonNode      *node)
{
  JsonObject *schema;
  const char *name;
  JsonNode *default_node;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      self->type = TRIB_SPEC_FIELD_UNSUPPORTED;
      self->problem = g_strdup (_("The connector’s spec does not describe this field"));
      return;
    }

  schema = json_node_get_object (node);
  self->help = g_strdup (member_string (schema, "description"));

  if (json_object_has_member (schema, "$ref"))
    {
      self->type = TRIB_SPEC_FIELD_UNSUPPORTED;
      self->problem = g_strdup (_("The connector’s spec describes this field elsewhere ($ref), which Tributary does not follow"));
      return;
    }

  if (g_strcmp0 (member_string (schema, "format"), "password") == 0)
    self->secret = TRUE;

  name = type_name (schema);
  if (name == NULL && json_object_has_member (schema, "enum"))
    name = "string";
  if (name == NULL && !json_object_has_member (schema, "properties"))
    name = "string";

  if (scalar_type_from_name (name, &self->type))
    read_scalar (self, schema);
  else if (g_strcmp0 (name, "array") == 0)
    read_array (self, schema);
  else if (name == NULL || g_strcmp0 (name, "object") == 0)
    {
      /* The form flattens the objects it can; this one it could not. */
      self->type = TRIB_SPEC_FIELD_UNSUPPORTED;
      self->problem = g_strdup (_("This field takes a structured value, which this form cannot ask for"));
    }
  else
    {
      self->type = TRIB_SPEC_FIELD_UNSUPPORTED;
      self->problem = g_strdup (_("The connector’s spec gives this field a type Tributary does not know"));
    }

  default_node = json_object_get_member (schema, "default");
  if (default_node != NULL && self->type != TRIB_SPEC_FIELD_UNSUPPORTED)
    self->default_text = scalar_text (default_node);
}

TribSpecField *
_trib_spec_field_new (const char         *connection_spec_id,
                      const char * const *path,
                      const char         *parent_label,
                      JsonNode           *schema,
                      gboolean            required)
{
  TribSpecField *self;
  TribSpecPreset preset = { 0 };
  const char *name;
  const char *title = NULL;
  gboolean has_preset;

  g_return_val_if_fail (path != NULL && path[0] != NULL, NULL);

  self = g_object_new (TRIB_TYPE_SPEC_FIELD, NULL);
  self->path = g_strdupv ((char **) path);
  self->key = g_strjoinv (".", self->path);
  self->required = required;
  name = self->path[g_strv_length (self->path) - 1];

  read_schema (self, schema);

  has_preset = trib_spec_presets_lookup_field (connection_spec_id, name, &preset);
  if (has_preset && preset.secret)
    self->secret = TRUE;
  if (has_preset && preset.multiline)
    self->multiline = TRUE;
  if (self->pattern != NULL)
    self->pattern_hint = g_strdup (trib_spec_presets_pattern_hint (self->pattern));

  if (schema != NULL && JSON_NODE_HOLDS_OBJECT (schema))
    title = member_string (json_node_get_object (schema), "title");

  if (title != NULL && title[0] != '\0')
    self->label = g_strdup (title);
  else if (has_preset && preset.label != NULL)
    self->label = g_strdup (preset.label);
  else
    self->label = trib_spec_presets_humanize (name);

  if (parent_label != NULL)
    {
      char *label = self->label;

      /* Translators: the label of a field inside a group of fields,
       * such as "Proxy: Port"; the first %s is the group's.
       */
      self->label = g_strdup_printf (C_("nested field label", "%s: %s"), parent_label, label);
      g_free (label);
    }

  return self;
}

void
_trib_spec_field_set_problem (TribSpecField *self,
                              const char    *problem)
{
  g_return_if_fail (TRIB_IS_SPEC_FIELD (self));

  g_free (self->problem);
  self->problem = g_strdup (problem);
}

gboolean
_trib_spec_field_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

const char *
trib_spec_field_get_key (TribSpecField *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), NULL);

  return self->key;
}

/**
 * trib_spec_field_get_path:
 *
 * Returns: (transfer none): the names from the top of the params object
 *   down to this field: one name, unless the spec nests it in objects
 */
const char * const *
trib_spec_field_get_path (TribSpecField *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), NULL);

  return (const char * const *) self->path;
}

const char *
trib_spec_field_get_label (TribSpecField *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), NULL);

  return self->label;
}

/**
 * trib_spec_field_get_help:
 *
 * Returns: (nullable): the spec's `description`, untranslated
 */
const char *
trib_spec_field_get_help (TribSpecField *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), NULL);

  return self->help;
}

TribSpecFieldType
trib_spec_field_get_field_type (TribSpecField *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), TRIB_SPEC_FIELD_UNSUPPORTED);

  return self->type;
}

TribSpecFieldType
trib_spec_field_get_item_type (TribSpecField *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), TRIB_SPEC_FIELD_UNSUPPORTED);

  return self->item_type;
}

gboolean
trib_spec_field_get_secret (TribSpecField *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), FALSE);

  return self->secret;
}

gboolean
trib_spec_field_get_multiline (TribSpecField *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), FALSE);

  return self->multiline;
}

gboolean
trib_spec_field_get_required (TribSpecField *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), FALSE);

  return self->required;
}

/**
 * trib_spec_field_get_choices:
 *
 * Returns: (transfer none) (nullable): the text of each choice of an
 *   enum field, as an answer gives it
 */
const char * const *
trib_spec_field_get_choices (TribSpecField *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), NULL);

  return (const char * const *) self->choices;
}

/**
 * trib_spec_field_get_default_text:
 *
 * Returns: (nullable): the spec's `default` as an answer would give it;
 *   the form starts with it as the answer
 */
const char *
trib_spec_field_get_default_text (TribSpecField *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), NULL);

  return self->default_text;
}

/**
 * trib_spec_field_get_pattern:
 *
 * Returns: (nullable): the spec's `pattern`, when it could be read
 */
const char *
trib_spec_field_get_pattern (TribSpecField *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), NULL);

  return self->pattern;
}

/**
 * trib_spec_field_get_pattern_hint:
 *
 * Returns: (nullable): what the pattern asks for, in words, where the
 *   presets know it
 */
const char *
trib_spec_field_get_pattern_hint (TribSpecField *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), NULL);

  return self->pattern_hint;
}

gboolean
trib_spec_field_get_minimum (TribSpecField *self,
                             double        *minimum)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), FALSE);

  if (self->has_minimum && minimum != NULL)
    *minimum = self->minimum;

  return self->has_minimum;
}

gboolean
trib_spec_field_get_maximum (TribSpecField *self,
                             double        *maximum)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), FALSE);

  if (self->has_maximum && maximum != NULL)
    *maximum = self->maximum;

  return self->has_maximum;
}

int
trib_spec_field_get_min_length (TribSpecField *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), -1);

  return self->min_length;
}

int
trib_spec_field_get_max_length (TribSpecField *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), -1);

  return self->max_length;
}

/**
 * trib_spec_field_get_problem:
 *
 * Returns: (nullable): why this field is not drawn as its spec asks (a
 *   pattern that cannot be read, too many choices, a type the form
 *   cannot ask for), in words for the person filling the form
 */
const char *
trib_spec_field_get_problem (TribSpecField *self)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FIELD (self), NULL);

  return self->problem;
}
