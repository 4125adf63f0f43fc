/* trib-flow-step.c
 *
 * One call of a flow plan: what the Review page shows (title, method,
 * path, body) and what the Create page follows (state, the id it made,
 * the error). Its body may name the ids of earlier steps as
 * placeholders, `{{step2.id}}` or `{{step3.version}}`, which the runner
 * fills in just before sending (trib-flow-plan.c).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-step"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-error.h"
#include "trib-flow-plan-private.h"
#include "trib-flows-enums.h"

struct _TribFlowStep
{
  GObject parent_instance;

  TribFlowStepKind kind;
  guint index;
  char *title;
  char *method;
  char *path;
  char *resource_name;
  char *tie;
  JsonNode *body;
  TribFlowStepState state;
  char *created_id;
  int created_version;
  char *created_namespace;
  GError *error;
};

G_DEFINE_FINAL_TYPE (TribFlowStep, trib_flow_step, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_INDEX,
  PROP_TITLE,
  PROP_METHOD,
  PROP_PATH,
  PROP_STATE,
  PROP_CREATED_ID,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trib_flow_step_finalize (GObject *object)
{
  TribFlowStep *self = TRIB_FLOW_STEP (object);

  g_free (self->title);
  g_free (self->method);
  g_free (self->path);
  g_free (self->resource_name);
  g_free (self->tie);
  g_clear_pointer (&self->body, json_node_unref);
  g_free (self->created_id);
  g_free (self->created_namespace);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (trib_flow_step_parent_class)->finalize (object);
}

static void
trib_flow_step_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TribFlowStep *self = TRIB_FLOW_STEP (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_METHOD:
      g_value_set_string (value, self->method);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_CREATED_ID:
      g_value_set_string (value, self->created_id);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_flow_step_class_init (TribFlowStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trib_flow_step_finalize;
  object_class->get_property = trib_flow_step_get_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, TRIB_TYPE_FLOW_STEP_KIND,
                                             TRIB_FLOW_STEP_CREATE_FLOW, ro);
  properties[PROP_INDEX] = g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_METHOD] = g_param_spec_string ("method", NULL, NULL, NULL, ro);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, ro);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, TRIB_TYPE_FLOW_STEP_STATE,
                                              TRIB_FLOW_STEP_PENDING, ro | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CREATED_ID] = g_param_spec_string ("created-id", NULL, NULL, NULL,
                                                     ro | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, ro | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_flow_step_init (TribFlowStep *self)
{
  self->created_version = -1;
}

TribFlowStep *
_trib_flow_step_new (TribFlowStepKind  kind,
                     guint             index,
                     const char       *title,
                     const char       *method,
                     const char       *path,
                     const char       *resource_name,
                     JsonNode         *body)
{
  TribFlowStep *self = g_object_new (TRIB_TYPE_FLOW_STEP, NULL);

  self->kind = kind;
  self->index = index;
  self->title = g_strdup (title);
  self->method = g_strdup (method);
  self->path = g_strdup (path);
  self->resource_name = g_strdup (resource_name);
  self->body = body != NULL ? json_node_copy (body) : NULL;

  return self;
}

/**
 * trib_flow_step_get_kind:
 * @self: a #TribFlowStep
 *
 * Returns: what the step does
 */
TribFlowStepKind
trib_flow_step_get_kind (TribFlowStep *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_STEP (self), 0);

  return self->kind;
}

/**
 * trib_flow_step_get_index:
 * @self: a #TribFlowStep
 *
 * Returns: its place in the plan, from 0
 */
guint
trib_flow_step_get_index (TribFlowStep *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_STEP (self), 0);

  return self->index;
}

/**
 * trib_flow_step_get_title:
 * @self: a #TribFlowStep
 *
 * Returns: what it does, translated: "Create the dataset “Orders”"
 */
const char *
trib_flow_step_get_title (TribFlowStep *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_STEP (self), NULL);

  return self->title;
}

/**
 * trib_flow_step_get_method:
 * @self: a #TribFlowStep
 *
 * Returns: its HTTP method
 */
const char *
trib_flow_step_get_method (TribFlowStep *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_STEP (self), NULL);

  return self->method;
}

/**
 * trib_flow_step_get_path:
 * @self: a #TribFlowStep
 *
 * Returns: its path below the platform's URL, with its query
 */
const char *
trib_flow_step_get_path (TribFlowStep *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_STEP (self), NULL);

  return self->path;
}

/**
 * trib_flow_step_get_resource_name:
 * @self: a #TribFlowStep
 *
 * Returns: (nullable): the name or title of what it creates, by which
 *   the runner finds it again when the answer to the create was lost
 */
const char *
trib_flow_step_get_resource_name (TribFlowStep *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_STEP (self), NULL);

  return self->resource_name;
}

/**
 * trib_flow_step_dup_body_text:
 * @self: a #TribFlowStep
 *
 * Returns: (transfer full) (nullable): its body as indented JSON, with
 *   `{{stepN.id}}` where an earlier step's id goes; %NULL without a body
 */
char *
trib_flow_step_dup_body_text (TribFlowStep *self)
{
  g_autoptr(JsonGenerator) generator = NULL;

  g_return_val_if_fail (TRIB_IS_FLOW_STEP (self), NULL);

  if (self->body == NULL)
    return NULL;

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, self->body);

  return json_generator_to_data (generator, NULL);
}

/**
 * trib_flow_step_get_state:
 * @self: a #TribFlowStep
 *
 * Returns: where it stands; notified on every change
 */
TribFlowStepState
trib_flow_step_get_state (TribFlowStep *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_STEP (self), TRIB_FLOW_STEP_PENDING);

  return self->state;
}

/**
 * trib_flow_step_get_created_id:
 * @self: a #TribFlowStep
 *
 * Returns: (nullable): the id of what it made (a schema's `$id`, a
 *   dataset's id…), or of the flow spec it found
 */
const char *
trib_flow_step_get_created_id (TribFlowStep *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_STEP (self), NULL);

  return self->created_id;
}

/**
 * trib_flow_step_get_error:
 * @self: a #TribFlowStep
 *
 * Returns: (nullable) (transfer none): why it failed
 */
const GError *
trib_flow_step_get_error (TribFlowStep *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_STEP (self), NULL);

  return self->error;
}

/**
 * trib_flow_step_creates:
 * @self: a #TribFlowStep
 *
 * Returns: whether it creates something on the platform, which a roll
 *   back deletes
 */
gboolean
trib_flow_step_creates (TribFlowStep *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_STEP (self), FALSE);

  return self->kind != TRIB_FLOW_STEP_FIND_FLOW_SPEC;
}

JsonNode *
_trib_flow_step_get_body (TribFlowStep *self)
{
  return self->body;
}

const char *
_trib_flow_step_get_tie (TribFlowStep *self)
{
  return self->tie;
}

/* What a resource found by name must also hold to be this setup's, as
 * a placeholder text: the flow's source connection, the dataset's schema.
 */
void
_trib_flow_step_set_tie (TribFlowStep *self,
                         const char   *tie)
{
  g_free (self->tie);
  self->tie = g_strdup (tie);
}

int
_trib_flow_step_get_created_version (TribFlowStep *self)
{
  return self->created_version;
}

/* An ad hoc class's dataset namespace, under which its fields are. */
const char *
_trib_flow_step_get_created_namespace (TribFlowStep *self)
{
  return self->created_namespace;
}

void
_trib_flow_step_set_created_namespace (TribFlowStep *self,
                                       const char   *name_space)
{
  g_free (self->created_namespace);
  self->created_namespace = g_strdup (name_space);
}

void
_trib_flow_step_set_state (TribFlowStep      *self,
                           TribFlowStepState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
_trib_flow_step_set_created (TribFlowStep *self,
                             const char   *id,
                             int           version)
{
  self->created_version = version;
  if (g_strcmp0 (self->created_id, id) == 0)
    return;
  g_free (self->created_id);
  self->created_id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_ID]);
}

void
_trib_flow_step_set_error (TribFlowStep *self,
                           const GError *error)
{
  if (self->error == NULL && error == NULL)
    return;
  g_clear_error (&self->error);
  self->error = error != NULL ? g_error_copy (error) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* The journal keeps no error: a resumed step is tried again. */
void
_trib_flow_step_to_json (TribFlowStep *self,
                         JsonBuilder  *builder)
{
  GEnumClass *kinds = g_type_class_ref (TRIB_TYPE_FLOW_STEP_KIND);
  GEnumClass *states = g_type_class_ref (TRIB_TYPE_FLOW_STEP_STATE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, g_enum_get_value (kinds, self->kind)->value_nick);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, self->title);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, self->method);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, self->path);
  if (self->resource_name != NULL)
    {
      json_builder_set_member_name (builder, "resourceName");
      json_builder_add_string_value (builder, self->resource_name);
    }
  if (self->tie != NULL)
    {
      json_builder_set_member_name (builder, "tie");
      json_builder_add_string_value (builder, self->tie);
    }
  if (self->body != NULL)
    {
      json_builder_set_member_name (builder, "body");
      json_builder_add_value (builder, json_node_copy (self->body));
    }
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, g_enum_get_value (states, self->state)->value_nick);
  if (self->created_id != NULL)
    {
      json_builder_set_member_name (builder, "createdId");
      json_builder_add_string_value (builder, self->created_id);
      json_builder_set_member_name (builder, "createdVersion");
      json_builder_add_int_value (builder, self->created_version);
    }
  if (self->created_namespace != NULL)
    {
      json_builder_set_member_name (builder, "createdNamespace");
      json_builder_add_string_value (builder, self->created_namespace);
    }
  json_builder_end_object (builder);

  g_type_class_unref (kinds);
  g_type_class_unref (states);
}

TribFlowStep *
_trib_flow_step_new_from_json (JsonObject  *object,
                               guint        index,
                               GError     **error)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (TRIB_TYPE_FLOW_STEP_KIND);
  g_autoptr(GEnumClass) states = g_type_class_ref (TRIB_TYPE_FLOW_STEP_STATE);
  const char *kind_nick = member_string (object, "kind");
  const char *state_nick = member_string (object, "state");
  GEnumValue *kind = kind_nick != NULL ? g_enum_get_value_by_nick (kinds, kind_nick) : NULL;
  GEnumValue *state = state_nick != NULL ? g_enum_get_value_by_nick (states, state_nick) : NULL;
  TribFlowStep *self;

  if (kind == NULL || state == NULL || member_string (object, "method") == NULL ||
      member_string (object, "path") == NULL)
    {
      g_set_error (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                   /* Translators: %u is a step's number in an interrupted setup's record */
                   _("Step %u of the setup’s record is damaged."), index + 1);
      return NULL;
    }

  self = _trib_flow_step_new (kind->value, index, member_string (object, "title"), member_string (object, "method"),
                              member_string (object, "path"), member_string (object, "resourceName"),
                              json_object_get_member (object, "body"));
  self->tie = g_strdup (member_string (object, "tie"));
  /* A step the journal saw running may or may not have happened: the
   * runner finds out before anything else.
   */
  self->state = state->value;
  self->created_id = g_strdup (member_string (object, "createdId"));
  self->created_namespace = g_strdup (member_string (object, "createdNamespace"));
  if (json_object_has_member (object, "createdVersion"))
    self->created_version = json_object_get_int_member (object, "createdVersion");

  return self;
}
