/* trib-spec-form-answers.c
 *
 * A form's answers: kept as typed, checked field by field and as a
 * whole, and turned into the request's `params`.
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

/**
 * trib_spec_form_set_answer:
 * @self: a form
 * @key: a field's key
 * @text: (nullable): the answer as typed, `true` or `false` for a
 *   switch; %NULL or blank for none
 *
 * Keeps a copy of @text; the previous answer is overwritten before it
 * is freed, as every answer is when the form is cleared or freed. The
 * caller overwrites its own copy of a secret.
 */
void
trib_spec_form_set_answer (TribSpecForm *self,
                           const char   *key,
                           const char   *text)
{
  g_return_if_fail (TRIB_IS_SPEC_FORM (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (g_hash_table_contains (self->by_key, key));

  if (text == NULL)
    g_hash_table_remove (self->answers, key);
  else
    g_hash_table_insert (self->answers, g_strdup (key), g_strdup (text));
}

/**
 * trib_spec_form_get_answer:
 *
 * Returns: (nullable): the answer of @key, as given, or the spec's
 *   default until one is given
 */
const char *
trib_spec_form_get_answer (TribSpecForm *self,
                           const char   *key)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FORM (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->answers, key);
}

/**
 * trib_spec_form_set_value:
 * @self: a form
 * @key: a field's key
 * @value: (nullable): the value to send, copied; %NULL for none
 *
 * Gives the value of a field that a person does not type, such as a
 * table's `columns` that the wizard chose on an earlier page. It is
 * sent as it is, unchecked, in place of any answer.
 */
void
trib_spec_form_set_value (TribSpecForm *self,
                          const char   *key,
                          JsonNode     *value)
{
  g_return_if_fail (TRIB_IS_SPEC_FORM (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (g_hash_table_contains (self->by_key, key));

  if (value == NULL)
    g_hash_table_remove (self->values, key);
  else
    g_hash_table_insert (self->values, g_strdup (key), json_node_copy (value));
}

/**
 * trib_spec_form_clear_answers:
 *
 * Overwrites and forgets every answer and value, the defaults included.
 */
void
trib_spec_form_clear_answers (TribSpecForm *self)
{
  g_return_if_fail (TRIB_IS_SPEC_FORM (self));

  g_hash_table_remove_all (self->answers);
  g_hash_table_remove_all (self->values);
}

/**
 * trib_spec_form_check_answer:
 * @self: a form
 * @key: a field's key
 *
 * Returns: (transfer full) (nullable): %NULL if the field's answer is
 *   valid, else a translated message naming the field and saying what
 *   it expects (trib_spec_field_check())
 */
char *
trib_spec_form_check_answer (TribSpecForm *self,
                             const char   *key)
{
  TribSpecField *field;

  g_return_val_if_fail (TRIB_IS_SPEC_FORM (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  field = g_hash_table_lookup (self->by_key, key);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_hash_table_contains (self->values, key))
    return NULL;

  return trib_spec_field_check (field, g_hash_table_lookup (self->answers, key));
}

/**
 * trib_spec_form_validate:
 * @self: a form
 * @error: set to %G_IO_ERROR_INVALID_DATA with one line per field that
 *   needs attention, in the order of the form
 *
 * Returns: whether every answer is valid and the spec could be read
 */
gboolean
trib_spec_form_validate (TribSpecForm  *self,
                         GError       **error)
{
  g_autoptr(GString) messages = NULL;

  g_return_val_if_fail (TRIB_IS_SPEC_FORM (self), FALSE);

  /* Fields left out of an unreadable spec may be required ones. */
  if (self->problem != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, self->problem);
      return FALSE;
    }

  for (guint i = 0; i < self->fields->len; i++)
    {
      TribSpecField *field = g_ptr_array_index (self->fields, i);
      g_autofree char *message = trib_spec_form_check_answer (self, trib_spec_field_get_key (field));

      if (message == NULL)
        continue;

      if (messages == NULL)
        messages = g_string_new (message);
      else
        g_string_append_printf (messages, "\n%s", message);
    }

  if (messages == NULL)
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, messages->str);

  return FALSE;
}

/* Puts @value at @path in @params, making the objects on the way. */
static void
insert_at_path (JsonObject         *params,
                const char * const *path,
                JsonNode           *value)
{
  JsonObject *object = params;

  for (guint i = 0; path[i + 1] != NULL; i++)
    {
      JsonNode *member = json_object_get_member (object, path[i]);

      if (member == NULL)
        {
          JsonObject *inner = json_object_new ();

          json_object_set_object_member (object, path[i], inner);
          object = inner;
        }
      else if (JSON_NODE_HOLDS_OBJECT (member))
        object = json_node_get_object (member);
      else
        {
          /* A value already there: add_field() keeps keys apart, so
           * this is a name with dots meeting a nested one.
           */
          json_node_unref (value);
          return;
        }
    }

  json_object_set_member (object, path[g_strv_length ((char **) path) - 1], value);
}

/* The params of the fields of @keys (%NULL: every field), checked. */
static JsonObject *
build_params (TribSpecForm       *self,
              const char * const *keys)
{
  JsonObject *params = json_object_new ();

  for (guint i = 0; i < self->fields->len; i++)
    {
      TribSpecField *field = g_ptr_array_index (self->fields, i);
      const char *key = trib_spec_field_get_key (field);
      JsonNode *given = g_hash_table_lookup (self->values, key);
      JsonNode *value;

      if (keys != NULL && !g_strv_contains (keys, key))
        continue;

      if (given != NULL)
        value = json_node_copy (given);
      else
        value = trib_spec_field_to_node (field, g_hash_table_lookup (self->answers, key));

      if (value != NULL)
        insert_at_path (params, trib_spec_field_get_path (field), value);
    }

  return params;
}

/**
 * trib_spec_form_build_params:
 * @self: a form
 * @error: as trib_spec_form_validate() sets it
 *
 * The `auth.params` of a base connection (or the `params` of a source
 * connection) with a value of the spec's type for each answered field:
 * integers as integers, booleans as booleans. Blank answers are left
 * out, so the platform applies its own defaults.
 *
 * The params hold the secrets as typed. Give them to
 * trib_spec_form_free_params() as soon as the request body is written:
 * it overwrites them before json-glib frees them, which it would not do.
 *
 * Returns: (transfer full) (nullable): the params, or %NULL if an
 *   answer is not valid
 */
JsonObject *
trib_spec_form_build_params (TribSpecForm  *self,
                             GError       **error)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FORM (self), NULL);

  if (!trib_spec_form_validate (self, error))
    return NULL;

  return build_params (self, NULL);
}

/**
 * trib_spec_form_build_some_params:
 * @self: a form
 * @keys: the keys of the fields to send
 * @error: a location for a #GError: the first field of @keys whose
 *   answer is not valid
 *
 * Like trib_spec_form_build_params(), for some fields only: a change of
 * an account's credentials sends what changed, each value nested at its
 * path. Only @keys' answers are checked. A blank answer is left out.
 *
 * Returns: (transfer full) (nullable): the params, or %NULL if an
 *   answer is not valid; for trib_spec_form_free_params()
 */
JsonObject *
trib_spec_form_build_some_params (TribSpecForm        *self,
                                  const char * const  *keys,
                                  GError             **error)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FORM (self), NULL);
  g_return_val_if_fail (keys != NULL, NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *message = NULL;

      g_return_val_if_fail (g_hash_table_contains (self->by_key, keys[i]), NULL);
      if ((message = trib_spec_form_check_answer (self, keys[i])) != NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
          return NULL;
        }
    }

  return build_params (self, keys);
}

/**
 * trib_spec_form_is_answered:
 * @self: a form
 * @key: a field's key
 *
 * Returns: whether the field has an answer that is not blank, or a
 *   value: whether the params hold it
 */
gboolean
trib_spec_form_is_answered (TribSpecForm *self,
                            const char   *key)
{
  g_return_val_if_fail (TRIB_IS_SPEC_FORM (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return g_hash_table_contains (self->values, key) ||
         !_trib_spec_field_is_blank (g_hash_table_lookup (self->answers, key));
}

static void
wipe_node (JsonNode *node,
           guint     depth)
{
  /* The params are this file's own making, a few levels deep at most. */
  if (depth > 64)
    return;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        wipe_node (member, depth + 1);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        wipe_node (json_array_get_element (array, i), depth + 1);
    }
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      /* json-glib hands out its own copy of the string. */
      char *text = (char *) json_node_get_string (node);

      if (text != NULL)
        explicit_bzero (text, strlen (text));
    }
}

/**
 * trib_spec_form_free_params:
 * @params: (transfer full) (nullable): params from
 *   trib_spec_form_build_params()
 *
 * Overwrites every string of @params, secrets among them, then drops
 * the caller's reference. Nothing else may still hold @params.
 */
void
trib_spec_form_free_params (JsonObject *params)
{
  g_autoptr(JsonNode) node = NULL;

  if (params == NULL)
    return;

  node = json_node_init_object (json_node_alloc (), params);
  wipe_node (node, 0);
  json_object_unref (params);
}
