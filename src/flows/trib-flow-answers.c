/* trib-flow-answers.c
 *
 * What the dataflow wizard collects, page by page, as properties the
 * pages bind to; trib_flow_answers_check_step() says what a page still
 * lacks, in words the person can act on. The plan (trib-flow-plan.c)
 * is built from these answers and nothing else.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-answers"

#include "config.h"

#include "trib-flow-answers.h"
#include "trib-flows-enums.h"
#include "trib-platform-enums.h"

/* The string properties, in the order of their property ids. */
#define STRING_PROPS(X) \
  X (SANDBOX, "sandbox") \
  X (CONNECTION_SPEC_ID, "connection-spec-id") \
  X (BASE_CONNECTION_ID, "base-connection-id") \
  X (OBJECT_PATH, "object-path") \
  X (FILE_TYPE, "file-type") \
  X (COLUMN_DELIMITER, "column-delimiter") \
  X (COMPRESSION, "compression") \
  X (DELTA_COLUMN, "delta-column") \
  X (DATASET_ID, "dataset-id") \
  X (SCHEMA_ID, "schema-id") \
  X (DATASET_NAME, "dataset-name") \
  X (CLASS_ID, "class-id") \
  X (SCHEMA_TITLE, "schema-title") \
  X (CLASS_TITLE, "class-title") \
  X (FLOW_NAME, "flow-name") \
  X (FLOW_DESCRIPTION, "flow-description")

enum {
  PROP_0,
#define DECLARE_PROP(id, name) PROP_##id,
  STRING_PROPS (DECLARE_PROP)
#undef DECLARE_PROP
  PROP_OBJECT_KIND,
  PROP_RECURSIVE,
  PROP_XDM_SOURCE,
  PROP_TARGET_KIND,
  PROP_FIELD_GROUP_IDS,
  PROP_PROFILE_ENABLED,
  PROP_COLUMN_NAMES,
  PROP_COLUMN_TYPES,
  PROP_MAPPINGS,
  PROP_FLOW_SPEC,
  PROP_FREQUENCY,
  PROP_INTERVAL,
  PROP_START_TIME,
  PROP_BACKFILL,
  N_PROPS
};

#define N_STRINGS (PROP_FLOW_DESCRIPTION + 1)

struct _TribFlowAnswers
{
  GObject parent_instance;

  char *strings[N_STRINGS];
  TribExploreItemType object_kind;
  TribFlowTargetKind target_kind;
  GStrv field_group_ids;
  GStrv column_names;
  GStrv column_types;
  GPtrArray *mappings;
  TribFlowSpec *flow_spec;
  TribFlowFrequency frequency;
  guint interval;
  GDateTime *start_time;
  guint recursive : 1;
  guint xdm_source : 1;
  guint profile_enabled : 1;
  guint backfill : 1;
};

G_DEFINE_FINAL_TYPE (TribFlowAnswers, trib_flow_answers, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const char * const frequency_names[] = { "once", "minute", "hour", "day", "week" };

static void
set_string (TribFlowAnswers *self,
            guint            prop_id,
            const char      *value)
{
  g_assert (prop_id > PROP_0 && prop_id < N_STRINGS);

  if (g_strcmp0 (self->strings[prop_id], value) == 0)
    return;
  g_free (self->strings[prop_id]);
  self->strings[prop_id] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static gboolean
set_strv (GStrv              *field,
          const char * const *value)
{
  if ((*field == NULL && value == NULL) ||
      (*field != NULL && value != NULL && g_strv_equal ((const char * const *) *field, value)))
    return FALSE;

  g_strfreev (*field);
  *field = g_strdupv ((char **) value);

  return TRUE;
}

static void
trib_flow_answers_finalize (GObject *object)
{
  TribFlowAnswers *self = TRIB_FLOW_ANSWERS (object);

  for (guint i = 0; i < N_STRINGS; i++)
    g_free (self->strings[i]);
  g_strfreev (self->field_group_ids);
  g_strfreev (self->column_names);
  g_strfreev (self->column_types);
  g_clear_pointer (&self->mappings, g_ptr_array_unref);
  g_clear_object (&self->flow_spec);
  g_clear_pointer (&self->start_time, g_date_time_unref);

  G_OBJECT_CLASS (trib_flow_answers_parent_class)->finalize (object);
}

static void
trib_flow_answers_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TribFlowAnswers *self = TRIB_FLOW_ANSWERS (object);

  if (prop_id > PROP_0 && prop_id < N_STRINGS)
    {
      g_value_set_string (value, self->strings[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_OBJECT_KIND:
      g_value_set_enum (value, self->object_kind);
      break;
    case PROP_RECURSIVE:
      g_value_set_boolean (value, self->recursive);
      break;
    case PROP_XDM_SOURCE:
      g_value_set_boolean (value, self->xdm_source);
      break;
    case PROP_TARGET_KIND:
      g_value_set_enum (value, self->target_kind);
      break;
    case PROP_FIELD_GROUP_IDS:
      g_value_set_boxed (value, self->field_group_ids);
      break;
    case PROP_PROFILE_ENABLED:
      g_value_set_boolean (value, self->profile_enabled);
      break;
    case PROP_COLUMN_NAMES:
      g_value_set_boxed (value, self->column_names);
      break;
    case PROP_COLUMN_TYPES:
      g_value_set_boxed (value, self->column_types);
      break;
    case PROP_MAPPINGS:
      g_value_set_boxed (value, self->mappings);
      break;
    case PROP_FLOW_SPEC:
      g_value_set_object (value, self->flow_spec);
      break;
    case PROP_FREQUENCY:
      g_value_set_enum (value, self->frequency);
      break;
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;
    case PROP_START_TIME:
      g_value_set_boxed (value, self->start_time);
      break;
    case PROP_BACKFILL:
      g_value_set_boolean (value, self->backfill);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_flow_answers_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TribFlowAnswers *self = TRIB_FLOW_ANSWERS (object);

  if (prop_id > PROP_0 && prop_id < N_STRINGS)
    {
      set_string (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_OBJECT_KIND:
      trib_flow_answers_set_object (self, g_value_get_enum (value), self->strings[PROP_OBJECT_PATH]);
      break;
    case PROP_RECURSIVE:
      trib_flow_answers_set_recursive (self, g_value_get_boolean (value));
      break;
    case PROP_XDM_SOURCE:
      trib_flow_answers_set_xdm_source (self, g_value_get_boolean (value));
      break;
    case PROP_TARGET_KIND:
      trib_flow_answers_set_target_kind (self, g_value_get_enum (value));
      break;
    case PROP_FIELD_GROUP_IDS:
      trib_flow_answers_set_field_group_ids (self, g_value_get_boxed (value));
      break;
    case PROP_PROFILE_ENABLED:
      trib_flow_answers_set_profile_enabled (self, g_value_get_boolean (value));
      break;
    case PROP_MAPPINGS:
      trib_flow_answers_set_mappings (self, g_value_get_boxed (value));
      break;
    case PROP_FLOW_SPEC:
      trib_flow_answers_set_flow_spec (self, g_value_get_object (value));
      break;
    case PROP_FREQUENCY:
      trib_flow_answers_set_frequency (self, g_value_get_enum (value));
      break;
    case PROP_INTERVAL:
      trib_flow_answers_set_interval (self, g_value_get_uint (value));
      break;
    case PROP_START_TIME:
      trib_flow_answers_set_start_time (self, g_value_get_boxed (value));
      break;
    case PROP_BACKFILL:
      trib_flow_answers_set_backfill (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_flow_answers_class_init (TribFlowAnswersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = trib_flow_answers_finalize;
  object_class->get_property = trib_flow_answers_get_property;
  object_class->set_property = trib_flow_answers_set_property;

#define INSTALL_STRING(id, name) properties[PROP_##id] = g_param_spec_string (name, NULL, NULL, NULL, rw);
  STRING_PROPS (INSTALL_STRING)
#undef INSTALL_STRING

  properties[PROP_OBJECT_KIND] =
    g_param_spec_enum ("object-kind", NULL, NULL, TRIB_TYPE_EXPLORE_ITEM_TYPE, TRIB_EXPLORE_ITEM_FILE, rw);
  properties[PROP_RECURSIVE] = g_param_spec_boolean ("recursive", NULL, NULL, TRUE, rw);
  properties[PROP_XDM_SOURCE] = g_param_spec_boolean ("xdm-source", NULL, NULL, FALSE, rw);
  properties[PROP_TARGET_KIND] =
    g_param_spec_enum ("target-kind", NULL, NULL, TRIB_TYPE_FLOW_TARGET_KIND, TRIB_FLOW_TARGET_EXISTING_DATASET, rw);
  properties[PROP_FIELD_GROUP_IDS] = g_param_spec_boxed ("field-group-ids", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_PROFILE_ENABLED] = g_param_spec_boolean ("profile-enabled", NULL, NULL, FALSE, rw);
  properties[PROP_COLUMN_NAMES] =
    g_param_spec_boxed ("column-names", NULL, NULL, G_TYPE_STRV, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN_TYPES] =
    g_param_spec_boxed ("column-types", NULL, NULL, G_TYPE_STRV, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAPPINGS] = g_param_spec_boxed ("mappings", NULL, NULL, G_TYPE_PTR_ARRAY, rw);
  properties[PROP_FLOW_SPEC] = g_param_spec_object ("flow-spec", NULL, NULL, TRIB_TYPE_FLOW_SPEC, rw);
  properties[PROP_FREQUENCY] =
    g_param_spec_enum ("frequency", NULL, NULL, TRIB_TYPE_FLOW_FREQUENCY, TRIB_FLOW_FREQUENCY_MINUTE, rw);
  properties[PROP_INTERVAL] = g_param_spec_uint ("interval", NULL, NULL, 0, G_MAXUINT, 15, rw);
  properties[PROP_START_TIME] = g_param_spec_boxed ("start-time", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_BACKFILL] = g_param_spec_boolean ("backfill", NULL, NULL, TRUE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_flow_answers_init (TribFlowAnswers *self)
{
  self->object_kind = TRIB_EXPLORE_ITEM_FILE;
  self->recursive = TRUE;
  self->frequency = TRIB_FLOW_FREQUENCY_MINUTE;
  self->interval = 15;
  self->backfill = TRUE;
  self->mappings = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * trib_flow_answers_new:
 *
 * Returns: (transfer full): answers with the defaults the seeds use: a
 *   file, recursive, every 15 minutes with backfill, an existing dataset
 */
TribFlowAnswers *
trib_flow_answers_new (void)
{
  return g_object_new (TRIB_TYPE_FLOW_ANSWERS, NULL);
}

#define STRING_ACCESSORS(lower, id) \
  const char *trib_flow_answers_get_##lower (TribFlowAnswers *self) \
  { \
    g_return_val_if_fail (TRIB_IS_FLOW_ANSWERS (self), NULL); \
    return self->strings[PROP_##id]; \
  } \
  void trib_flow_answers_set_##lower (TribFlowAnswers *self, const char *value) \
  { \
    g_return_if_fail (TRIB_IS_FLOW_ANSWERS (self)); \
    set_string (self, PROP_##id, value); \
  }

/* Each of these is the property of the same name, a string. */
STRING_ACCESSORS (sandbox, SANDBOX)
STRING_ACCESSORS (connection_spec_id, CONNECTION_SPEC_ID)
STRING_ACCESSORS (base_connection_id, BASE_CONNECTION_ID)
STRING_ACCESSORS (file_type, FILE_TYPE)
STRING_ACCESSORS (column_delimiter, COLUMN_DELIMITER)
STRING_ACCESSORS (compression, COMPRESSION)
STRING_ACCESSORS (delta_column, DELTA_COLUMN)
STRING_ACCESSORS (dataset_id, DATASET_ID)
STRING_ACCESSORS (schema_id, SCHEMA_ID)
STRING_ACCESSORS (dataset_name, DATASET_NAME)
STRING_ACCESSORS (class_id, CLASS_ID)
STRING_ACCESSORS (schema_title, SCHEMA_TITLE)
STRING_ACCESSORS (class_title, CLASS_TITLE)
STRING_ACCESSORS (flow_name, FLOW_NAME)
STRING_ACCESSORS (flow_description, FLOW_DESCRIPTION)

const char *
trib_flow_answers_get_object_path (TribFlowAnswers *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ANSWERS (self), NULL);

  return self->strings[PROP_OBJECT_PATH];
}

TribExploreItemType
trib_flow_answers_get_object_kind (TribFlowAnswers *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ANSWERS (self), TRIB_EXPLORE_ITEM_FILE);

  return self->object_kind;
}

/**
 * trib_flow_answers_set_object:
 * @self: a #TribFlowAnswers
 * @kind: a file, a folder (all its files) or a table
 * @path: (nullable): its path as explore gave it, or the table's name
 *
 * Sets the explored object the flow reads.
 */
void
trib_flow_answers_set_object (TribFlowAnswers     *self,
                              TribExploreItemType  kind,
                              const char          *path)
{
  g_return_if_fail (TRIB_IS_FLOW_ANSWERS (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->object_kind != kind)
    {
      self->object_kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECT_KIND]);
    }
  set_string (self, PROP_OBJECT_PATH, path);
  g_object_thaw_notify (G_OBJECT (self));
}

#define BOOLEAN_ACCESSORS(lower, id) \
  gboolean trib_flow_answers_get_##lower (TribFlowAnswers *self) \
  { \
    g_return_val_if_fail (TRIB_IS_FLOW_ANSWERS (self), FALSE); \
    return self->lower; \
  } \
  void trib_flow_answers_set_##lower (TribFlowAnswers *self, gboolean value) \
  { \
    g_return_if_fail (TRIB_IS_FLOW_ANSWERS (self)); \
    if (self->lower == !!value) \
      return; \
    self->lower = !!value; \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_##id]); \
  }

BOOLEAN_ACCESSORS (recursive, RECURSIVE)
BOOLEAN_ACCESSORS (xdm_source, XDM_SOURCE)
BOOLEAN_ACCESSORS (profile_enabled, PROFILE_ENABLED)
BOOLEAN_ACCESSORS (backfill, BACKFILL)

TribFlowTargetKind
trib_flow_answers_get_target_kind (TribFlowAnswers *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ANSWERS (self), TRIB_FLOW_TARGET_EXISTING_DATASET);

  return self->target_kind;
}

void
trib_flow_answers_set_target_kind (TribFlowAnswers    *self,
                                   TribFlowTargetKind  kind)
{
  g_return_if_fail (TRIB_IS_FLOW_ANSWERS (self));

  if (self->target_kind == kind)
    return;
  self->target_kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_KIND]);
}

/**
 * trib_flow_answers_get_field_group_ids:
 * @self: a #TribFlowAnswers
 *
 * Returns: (nullable) (transfer none): the field groups of a new schema
 */
const char * const *
trib_flow_answers_get_field_group_ids (TribFlowAnswers *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ANSWERS (self), NULL);

  return (const char * const *) self->field_group_ids;
}

void
trib_flow_answers_set_field_group_ids (TribFlowAnswers    *self,
                                       const char * const *ids)
{
  g_return_if_fail (TRIB_IS_FLOW_ANSWERS (self));

  if (set_strv (&self->field_group_ids, ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_GROUP_IDS]);
}

/**
 * trib_flow_answers_get_column_names:
 * @self: a #TribFlowAnswers
 *
 * Returns: (nullable) (transfer none): the ad hoc class's fields, one
 *   per source column
 */
const char * const *
trib_flow_answers_get_column_names (TribFlowAnswers *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ANSWERS (self), NULL);

  return (const char * const *) self->column_names;
}

/**
 * trib_flow_answers_get_column_types:
 * @self: a #TribFlowAnswers
 *
 * Returns: (nullable) (transfer none): the XDM type of each of
 *   trib_flow_answers_get_column_names(): `string`, `integer`, `number`
 *   or `boolean`
 */
const char * const *
trib_flow_answers_get_column_types (TribFlowAnswers *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ANSWERS (self), NULL);

  return (const char * const *) self->column_types;
}

/**
 * trib_flow_answers_set_columns:
 * @self: a #TribFlowAnswers
 * @names: (nullable): the ad hoc class's field names
 * @types: (nullable): their XDM types, as many as @names
 *
 * Sets the columns of an ad hoc class (%TRIB_FLOW_TARGET_ADHOC_SCHEMA),
 * as inferred from the preview and edited by the person.
 */
void
trib_flow_answers_set_columns (TribFlowAnswers    *self,
                               const char * const *names,
                               const char * const *types)
{
  gboolean names_changed;
  gboolean types_changed;

  g_return_if_fail (TRIB_IS_FLOW_ANSWERS (self));
  g_return_if_fail ((names == NULL) == (types == NULL));
  g_return_if_fail (names == NULL || g_strv_length ((char **) names) == g_strv_length ((char **) types));

  names_changed = set_strv (&self->column_names, names);
  types_changed = set_strv (&self->column_types, types);
  if (names_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN_NAMES]);
  if (types_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN_TYPES]);
}

/**
 * trib_flow_answers_get_mappings:
 * @self: a #TribFlowAnswers
 *
 * Returns: (transfer none) (element-type TribMapping): the mappings
 */
GPtrArray *
trib_flow_answers_get_mappings (TribFlowAnswers *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ANSWERS (self), NULL);

  return self->mappings;
}

/**
 * trib_flow_answers_set_mappings:
 * @self: a #TribFlowAnswers
 * @mappings: (nullable) (element-type TribMapping): the mappings, copied
 *   (the #TribMapping objects are shared)
 *
 * Sets the mapping set's mappings. Notifies on every call: the wizard
 * sets them when the person leaves the Mapping page. For an ad hoc
 * class (%TRIB_FLOW_TARGET_ADHOC_SCHEMA) a destination is one of
 * trib_flow_answers_get_column_names(): the plan puts it under the
 * namespace the registry gives the class, unknown until it exists.
 */
void
trib_flow_answers_set_mappings (TribFlowAnswers *self,
                                GPtrArray       *mappings)
{
  g_return_if_fail (TRIB_IS_FLOW_ANSWERS (self));

  g_ptr_array_set_size (self->mappings, 0);
  for (guint i = 0; mappings != NULL && i < mappings->len; i++)
    g_ptr_array_add (self->mappings, g_object_ref (g_ptr_array_index (mappings, i)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAPPINGS]);
}

/**
 * trib_flow_answers_get_flow_spec:
 * @self: a #TribFlowAnswers
 *
 * Returns: (nullable) (transfer none): the flow spec whose `scheduleSpec`
 *   the schedule is checked against
 */
TribFlowSpec *
trib_flow_answers_get_flow_spec (TribFlowAnswers *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ANSWERS (self), NULL);

  return self->flow_spec;
}

void
trib_flow_answers_set_flow_spec (TribFlowAnswers *self,
                                 TribFlowSpec    *flow_spec)
{
  g_return_if_fail (TRIB_IS_FLOW_ANSWERS (self));
  g_return_if_fail (flow_spec == NULL || TRIB_IS_FLOW_SPEC (flow_spec));

  if (g_set_object (&self->flow_spec, flow_spec))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLOW_SPEC]);
}

TribFlowFrequency
trib_flow_answers_get_frequency (TribFlowAnswers *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ANSWERS (self), TRIB_FLOW_FREQUENCY_ONCE);

  return self->frequency;
}

void
trib_flow_answers_set_frequency (TribFlowAnswers   *self,
                                 TribFlowFrequency  frequency)
{
  g_return_if_fail (TRIB_IS_FLOW_ANSWERS (self));
  g_return_if_fail (frequency <= TRIB_FLOW_FREQUENCY_WEEK);

  if (self->frequency == frequency)
    return;
  self->frequency = frequency;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FREQUENCY]);
}

/**
 * trib_flow_answers_get_frequency_name:
 * @self: a #TribFlowAnswers
 *
 * Returns: the frequency as `scheduleParams` spells it: `once`, `minute`…
 */
const char *
trib_flow_answers_get_frequency_name (TribFlowAnswers *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ANSWERS (self), NULL);

  return frequency_names[self->frequency];
}

guint
trib_flow_answers_get_interval (TribFlowAnswers *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ANSWERS (self), 0);

  return self->interval;
}

void
trib_flow_answers_set_interval (TribFlowAnswers *self,
                                guint            interval)
{
  g_return_if_fail (TRIB_IS_FLOW_ANSWERS (self));

  if (self->interval == interval)
    return;
  self->interval = interval;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

/**
 * trib_flow_answers_get_start_time:
 * @self: a #TribFlowAnswers
 *
 * Returns: (nullable) (transfer none): the first run's time, in UTC
 */
GDateTime *
trib_flow_answers_get_start_time (TribFlowAnswers *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ANSWERS (self), NULL);

  return self->start_time;
}

/**
 * trib_flow_answers_set_start_time:
 * @self: a #TribFlowAnswers
 * @start_time: (nullable): the first run's time, in any time zone (kept
 *   in UTC, to the second, since `scheduleParams` takes epoch seconds)
 */
void
trib_flow_answers_set_start_time (TribFlowAnswers *self,
                                  GDateTime       *start_time)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_if_fail (TRIB_IS_FLOW_ANSWERS (self));

  if (start_time != NULL)
    utc = g_date_time_new_from_unix_utc (g_date_time_to_unix (start_time));
  if ((utc == NULL && self->start_time == NULL) ||
      (utc != NULL && self->start_time != NULL && g_date_time_equal (utc, self->start_time)))
    return;

  g_clear_pointer (&self->start_time, g_date_time_unref);
  self->start_time = g_steal_pointer (&utc);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_TIME]);
}

/**
 * trib_flow_answers_needs_mapping:
 * @self: a #TribFlowAnswers
 *
 * Returns: whether the flow takes a mapping set: not when the source is
 *   already XDM (`parquet_xdm`)
 */
gboolean
trib_flow_answers_needs_mapping (TribFlowAnswers *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_ANSWERS (self), FALSE);

  return !self->xdm_source;
}
