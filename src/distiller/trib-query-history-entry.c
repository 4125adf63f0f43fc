/* trib-query-history-entry.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-query-history-entry"

#include "config.h"

#include "trib-query-history-entry.h"

/* One statement that ran: what, where, when, how long, how many rows,
 * and how it ended ("done", "failed" or "cancelled", with the error's
 * message). Never a connection parameter: those hold tokens.
 */
struct _TribQueryHistoryEntry
{
  GObject parent_instance;

  char *sql;
  char *sandbox;
  char *database;
  GDateTime *started;
  gint64 duration_ms;
  guint64 n_rows;
  char *outcome;
  char *message;
};

G_DEFINE_FINAL_TYPE (TribQueryHistoryEntry, trib_query_history_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SQL,
  PROP_SANDBOX,
  PROP_OUTCOME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trib_query_history_entry_finalize (GObject *object)
{
  TribQueryHistoryEntry *self = (TribQueryHistoryEntry *)object;

  g_clear_pointer (&self->sql, g_free);
  g_clear_pointer (&self->sandbox, g_free);
  g_clear_pointer (&self->database, g_free);
  g_clear_pointer (&self->started, g_date_time_unref);
  g_clear_pointer (&self->outcome, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (trib_query_history_entry_parent_class)->finalize (object);
}

static void
trib_query_history_entry_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TribQueryHistoryEntry *self = TRIB_QUERY_HISTORY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_SQL:
      g_value_set_string (value, self->sql);
      break;

    case PROP_SANDBOX:
      g_value_set_string (value, self->sandbox);
      break;

    case PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_query_history_entry_class_init (TribQueryHistoryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_query_history_entry_finalize;
  object_class->get_property = trib_query_history_entry_get_property;

  /* Readable as properties so lists can filter and bind on them. */
  properties[PROP_SQL] =
    g_param_spec_string ("sql", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SANDBOX] =
    g_param_spec_string ("sandbox", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTCOME] =
    g_param_spec_string ("outcome", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_query_history_entry_init (TribQueryHistoryEntry *self)
{
}

static const char *
outcome_for_state (TribDistillerRunState state)
{
  switch (state)
    {
    case TRIB_DISTILLER_RUN_DONE:
      return "done";
    case TRIB_DISTILLER_RUN_CANCELLED:
    case TRIB_DISTILLER_RUN_SKIPPED:
      return "cancelled";
    case TRIB_DISTILLER_RUN_QUEUED:
    case TRIB_DISTILLER_RUN_CONNECTING:
    case TRIB_DISTILLER_RUN_RUNNING:
    case TRIB_DISTILLER_RUN_FAILED:
    default:
      return "failed";
    }
}

/**
 * trib_query_history_entry_new_for_run:
 * @run: a finished run
 *
 * Returns: (transfer full): the history entry for @run
 */
TribQueryHistoryEntry *
trib_query_history_entry_new_for_run (TribDistillerRun *run,
                                      const char       *sandbox,
                                      const char       *database)
{
  TribQueryHistoryEntry *self;
  const GError *error;

  g_return_val_if_fail (TRIB_IS_DISTILLER_RUN (run), NULL);

  self = g_object_new (TRIB_TYPE_QUERY_HISTORY_ENTRY, NULL);
  error = trib_distiller_run_get_error (run);

  self->sql = g_strdup (trib_distiller_run_get_sql (run));
  self->sandbox = g_strdup (sandbox);
  self->database = g_strdup (database);
  self->started = trib_distiller_run_get_started (run) != NULL
                  ? g_date_time_ref (trib_distiller_run_get_started (run))
                  : g_date_time_new_now_local ();
  self->duration_ms = trib_distiller_run_get_elapsed_us (run) / 1000;
  self->n_rows = trib_distiller_run_get_n_rows (run);
  self->outcome = g_strdup (outcome_for_state (trib_distiller_run_get_state (run)));
  self->message = error != NULL ? g_strdup (error->message) : g_strdup (trib_distiller_run_get_command_status (run));

  return self;
}

/**
 * trib_query_history_entry_new_from_json:
 *
 * Returns: (transfer full) (nullable): the entry @object describes, or
 *   %NULL if it is not one
 */
TribQueryHistoryEntry *
trib_query_history_entry_new_from_json (JsonObject *object)
{
  TribQueryHistoryEntry *self;
  const char *sql = json_object_get_string_member_with_default (object, "sql", NULL);
  const char *started = json_object_get_string_member_with_default (object, "started", NULL);
  g_autoptr(GDateTime) date = started != NULL ? g_date_time_new_from_iso8601 (started, NULL) : NULL;

  if (sql == NULL || date == NULL)
    return NULL;

  self = g_object_new (TRIB_TYPE_QUERY_HISTORY_ENTRY, NULL);
  self->sql = g_strdup (sql);
  self->sandbox = g_strdup (json_object_get_string_member_with_default (object, "sandbox", NULL));
  self->database = g_strdup (json_object_get_string_member_with_default (object, "database", NULL));
  self->started = g_steal_pointer (&date);
  self->duration_ms = json_object_get_int_member_with_default (object, "duration_ms", 0);
  self->n_rows = json_object_get_int_member_with_default (object, "rows", 0);
  self->outcome = g_strdup (json_object_get_string_member_with_default (object, "outcome", "done"));
  self->message = g_strdup (json_object_get_string_member_with_default (object, "message", NULL));

  return self;
}

/**
 * trib_query_history_entry_to_json:
 *
 * Returns: (transfer full): the entry as a JSON object
 */
JsonNode *
trib_query_history_entry_to_json (TribQueryHistoryEntry *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *started = NULL;

  g_return_val_if_fail (TRIB_IS_QUERY_HISTORY_ENTRY (self), NULL);

  started = g_date_time_format_iso8601 (self->started);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sql");
  json_builder_add_string_value (builder, self->sql);
  json_builder_set_member_name (builder, "sandbox");
  json_builder_add_string_value (builder, self->sandbox);
  json_builder_set_member_name (builder, "database");
  json_builder_add_string_value (builder, self->database);
  json_builder_set_member_name (builder, "started");
  json_builder_add_string_value (builder, started);
  json_builder_set_member_name (builder, "duration_ms");
  json_builder_add_int_value (builder, self->duration_ms);
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, (gint64) self->n_rows);
  json_builder_set_member_name (builder, "outcome");
  json_builder_add_string_value (builder, self->outcome);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, self->message);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const char *
trib_query_history_entry_get_sql (TribQueryHistoryEntry *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_HISTORY_ENTRY (self), NULL);
  return self->sql;
}

const char *
trib_query_history_entry_get_sandbox (TribQueryHistoryEntry *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_HISTORY_ENTRY (self), NULL);
  return self->sandbox;
}

const char *
trib_query_history_entry_get_database (TribQueryHistoryEntry *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_HISTORY_ENTRY (self), NULL);
  return self->database;
}

GDateTime *
trib_query_history_entry_get_started (TribQueryHistoryEntry *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_HISTORY_ENTRY (self), NULL);
  return self->started;
}

gint64
trib_query_history_entry_get_duration_ms (TribQueryHistoryEntry *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_HISTORY_ENTRY (self), 0);
  return self->duration_ms;
}

guint64
trib_query_history_entry_get_n_rows (TribQueryHistoryEntry *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_HISTORY_ENTRY (self), 0);
  return self->n_rows;
}

const char *
trib_query_history_entry_get_outcome (TribQueryHistoryEntry *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_HISTORY_ENTRY (self), NULL);
  return self->outcome;
}

const char *
trib_query_history_entry_get_message (TribQueryHistoryEntry *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_HISTORY_ENTRY (self), NULL);
  return self->message;
}
