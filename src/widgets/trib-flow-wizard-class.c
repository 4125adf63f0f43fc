/* trib-flow-wizard-class.c
 *
 * The Target step's new schema from a class and field groups, as seed
 * 002 builds its profile schema, chosen in a TribClassPicker (the New
 * Schema dialog's too): a class from the Schema Registry (yours first,
 * then Adobe's standard ones), the field groups made for it, several at
 * once, each list searched on the platform. Nothing is made here: the plan's Create step makes the schema and its dataset,
 * and the Mapping step maps onto the fields they will have, read from
 * the class and the field groups before leaving this step.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-flow-wizard-private.h"
#include "trib-schema-registry.h"
#include "trib-xdm-resource.h"

void
_trib_flow_wizard_reload_classes (TribFlowWizard *self)
{
  if (self->session == NULL || trib_session_get_client (self->session) == NULL)
    return;

  trib_class_picker_set_client (self->class_picker, trib_session_get_client (self->session));
}

void
_trib_flow_wizard_class_picker_changed_cb (TribFlowWizard *self)
{
  _trib_flow_wizard_update (self);
}

/**
 * _trib_flow_wizard_get_class_id:
 *
 * Returns: (nullable): the `$id` of the class chosen for the new schema
 */
const char *
_trib_flow_wizard_get_class_id (TribFlowWizard *self)
{
  TribXdmResource *class = trib_class_picker_get_class (self->class_picker);

  return class != NULL ? trib_xdm_resource_get_id (class) : NULL;
}

void
_trib_flow_wizard_init_class (TribFlowWizard *self)
{
}

void
_trib_flow_wizard_dispose_class (TribFlowWizard *self)
{
  g_cancellable_cancel (self->class_fields_cancellable);
  g_clear_object (&self->class_fields);
  g_clear_object (&self->class_fields_cancellable);
  g_clear_pointer (&self->class_fields_key, g_free);
}

/* The page's first proposal of names, from the object read; after that
 * they are the person's.
 */
void
_trib_flow_wizard_fill_class (TribFlowWizard *self)
{
  g_autofree char *base = self->path != NULL ? g_path_get_basename (self->path) : NULL;

  if (base == NULL)
    return;

  if (gtk_editable_get_text (GTK_EDITABLE (self->class_schema_row))[0] == '\0')
    {
      /* Translators: the proposed title of a new schema; %s is the table or file read */
      g_autofree char *title = g_strdup_printf (_("%s Schema"), base);

      gtk_editable_set_text (GTK_EDITABLE (self->class_schema_row), title);
    }
  if (gtk_editable_get_text (GTK_EDITABLE (self->class_dataset_row))[0] == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->class_dataset_row), base);
}

const char *
_trib_flow_wizard_check_class (TribFlowWizard *self)
{
  if (_trib_flow_wizard_get_class_id (self) == NULL)
    return _("Choose the class of the new schema.");

  return NULL;
}

/**
 * _trib_flow_wizard_dup_field_group_ids:
 *
 * Returns: (transfer full): the field groups chosen, in the order chosen
 */
char **
_trib_flow_wizard_dup_field_group_ids (TribFlowWizard *self)
{
  return trib_class_picker_dup_field_group_ids (self->class_picker);
}

/* What the planned fields are read from, to tell when they changed. */
char *
_trib_flow_wizard_dup_class_key (TribFlowWizard *self)
{
  g_auto(GStrv) ids = _trib_flow_wizard_dup_field_group_ids (self);
  g_autofree char *joined = g_strjoinv ("\n", ids);
  const char *class_id = _trib_flow_wizard_get_class_id (self);

  return g_strdup_printf ("class\n%s\n%s", class_id != NULL ? class_id : "", joined);
}

/**
 * _trib_flow_wizard_get_class_fields:
 * @n_fields: (out): how many fields the tree holds
 *
 * Returns: (transfer none) (nullable): the fields of the schema the plan
 *   will make, if read for the class and field groups chosen now
 */
GListModel *
_trib_flow_wizard_get_class_fields (TribFlowWizard *self,
                                    guint          *n_fields)
{
  g_autofree char *key = _trib_flow_wizard_dup_class_key (self);

  *n_fields = self->n_class_fields;

  return g_strcmp0 (key, self->class_fields_key) == 0 ? self->class_fields : NULL;
}

typedef struct
{
  TribFlowWizard *self;
  char *key;
  GCallback done;
} LoadOp;

static void
load_op_free (LoadOp *op)
{
  g_object_unref (op->self);
  g_free (op->key);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadOp, load_op_free)

static void
class_fields_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LoadOp) op = user_data;
  TribFlowWizard *self = op->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) fields = NULL;
  guint n_fields = 0;

  fields = trib_schema_registry_load_planned_fields_finish (result, &n_fields, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _trib_flow_wizard_set_busy (self, FALSE);
  if (fields == NULL)
    {
      /* Translators: %s is the platform's error message */
      g_autofree char *message = g_strdup_printf (_("Could not read the class’s fields: %s"), error->message);

      _trib_flow_wizard_toast (self, message);
      return;
    }

  g_set_object (&self->class_fields, fields);
  self->n_class_fields = n_fields;
  g_free (self->class_fields_key);
  self->class_fields_key = g_steal_pointer (&op->key);
  ((void (*) (TribFlowWizard *)) op->done) (self);
}

/* Reads the fields the class and the field groups chosen give the new
 * schema, then calls @done: the Mapping step needs them to show.
 */
void
_trib_flow_wizard_load_class_fields (TribFlowWizard *self,
                                     GCallback       done)
{
  LoadOp *op = g_new0 (LoadOp, 1);
  g_auto(GStrv) ids = _trib_flow_wizard_dup_field_group_ids (self);

  op->self = g_object_ref (self);
  op->key = _trib_flow_wizard_dup_class_key (self);
  op->done = done;

  g_cancellable_cancel (self->class_fields_cancellable);
  g_set_object (&self->class_fields_cancellable, g_cancellable_new ());
  _trib_flow_wizard_set_busy (self, TRUE);
  trib_schema_registry_load_planned_fields_async (trib_session_get_client (self->session),
                                                  _trib_flow_wizard_get_class_id (self),
                                                  (const char * const *) ids, self->class_fields_cancellable,
                                                  class_fields_cb, op);
}
