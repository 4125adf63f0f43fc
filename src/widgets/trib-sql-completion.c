/* trib-sql-completion.c
 *
 * The query editor's completion: keywords, Data Distiller's functions,
 * the sandbox's tables, and the columns and nested XDM fields of the
 * tables a statement reads, aliases resolved (`FROM luma_web_events e`,
 * then `e.web.webPageDetails.` offers that object's fields). It asks
 * the layers below and never waits for them: what the sandbox holds is
 * read once in the background (#TribSqlNames), and a proposal list that
 * needs it is completed when it comes, while typing goes on. Each
 * keystroke after that filters what is kept: a binary search among
 * 50,000 tables, a walk through one object's fields.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-sql-completion"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trib-sql-completion.h"
#include "trib-sql-context.h"
#include "trib-sql-proposal.h"
#include "trib-sql-words.h"

/* The most proposals shown at once: more is a list nobody reads, and
 * each costs a row.
 */
#define MAX_PROPOSALS 200

/* While tables keep coming, an open list of them is updated this often:
 * each update costs the popup a layout, and pages come many a second.
 */
#define TABLES_REFILL_MS 500

struct _TribSqlCompletion
{
  GObject parent_instance;

  TribSqlNames *names;
};

enum {
  PROP_0,
  PROP_NAMES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where a list's proposals come from; kept with the list, which each
 * keystroke filters again.
 */
typedef enum
{
  SOURCE_NONE,
  SOURCE_WORDS,       /* keywords, functions and the columns of the statement's table */
  SOURCE_TABLES,
  SOURCE_FIELDS,      /* the fields of one object */
} Source;

typedef struct
{
  Source source;
  TribSqlNames *names;
  GListModel *fields;
  char *prefix;
  guint refill_source;
} Candidates;

static void
candidates_free (Candidates *candidates)
{
  g_clear_handle_id (&candidates->refill_source, g_source_remove);
  g_clear_object (&candidates->names);
  g_clear_object (&candidates->fields);
  g_free (candidates->prefix);
  g_free (candidates);
}

static gboolean
has_prefix (const char *word,
            const char *prefix,
            gsize       n)
{
  return g_ascii_strncasecmp (word, prefix, n) == 0;
}

static char *
dup_field_detail (TribXdmField *field)
{
  switch (trib_xdm_field_get_shape (field))
    {
    case TRIB_XDM_SHAPE_OBJECT:
      /* Translators: the type of an XDM field holding other fields, in the completion list */
      return g_strdup (C_("field type", "object"));
    case TRIB_XDM_SHAPE_ARRAY:
      /* Translators: the type of an XDM field holding a list, in the completion list */
      return g_strdup (C_("field type", "array"));
    case TRIB_XDM_SHAPE_MAP:
      /* Translators: the type of an XDM field holding a map such as identityMap, in the completion list */
      return g_strdup (C_("field type", "map"));
    case TRIB_XDM_SHAPE_SCALAR:
    default:
      /* `string (uri-reference)`, but not `date-time (date-time)`. */
      if (trib_xdm_field_get_format (field) != NULL &&
          g_strcmp0 (trib_xdm_field_get_format (field), trib_xdm_field_get_type_name (field)) != 0)
        return g_strdup_printf ("%s (%s)", trib_xdm_field_get_type_name (field), trib_xdm_field_get_format (field));
      return g_strdup (trib_xdm_field_get_type_name (field));
    }
}

static void
add_fields (GPtrArray  *proposals,
            GListModel *fields,
            const char *prefix)
{
  guint n_fields = g_list_model_get_n_items (fields);
  gsize n = strlen (prefix);

  for (guint i = 0; i < n_fields && proposals->len < MAX_PROPOSALS; i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (fields, i);
      g_autofree char *detail = NULL;

      if (!has_prefix (trib_xdm_field_get_name (field), prefix, n))
        continue;
      detail = dup_field_detail (field);
      g_ptr_array_add (proposals, trib_sql_proposal_new (TRIB_SQL_PROPOSAL_FIELD, trib_xdm_field_get_name (field),
                                                         detail, trib_xdm_field_get_title (field)));
    }
}

static void
add_words (GPtrArray  *proposals,
           const char *prefix)
{
  const char * const *keywords = trib_sql_keywords ();
  const TribSqlFunction *functions;
  guint n_functions;
  gsize n = strlen (prefix);

  functions = trib_sql_functions (&n_functions);
  for (guint i = 0; i < n_functions && proposals->len < MAX_PROPOSALS; i++)
    if (has_prefix (functions[i].name, prefix, n))
      g_ptr_array_add (proposals, trib_sql_proposal_new (TRIB_SQL_PROPOSAL_FUNCTION, functions[i].name,
                                                         functions[i].signature,
                                                         trib_sql_function_get_description (&functions[i])));

  for (guint i = 0; keywords[i] != NULL && proposals->len < MAX_PROPOSALS; i++)
    if (has_prefix (keywords[i], prefix, n))
      /* Translators: what a keyword is, in the completion list */
      g_ptr_array_add (proposals, trib_sql_proposal_new (TRIB_SQL_PROPOSAL_KEYWORD, keywords[i], NULL, _("Keyword")));
}

static void
add_tables (GPtrArray    *proposals,
            TribSqlNames *names,
            const char   *prefix)
{
  g_autoptr(GPtrArray) tables = trib_sql_names_find_tables (names, prefix, MAX_PROPOSALS);

  for (guint i = 0; i < tables->len; i++)
    {
      TribDataset *dataset = g_ptr_array_index (tables, i);

      g_ptr_array_add (proposals, trib_sql_proposal_new (TRIB_SQL_PROPOSAL_TABLE, trib_dataset_get_table_name (dataset),
                                                         NULL, trib_dataset_get_name (dataset)));
    }
}

/* The list's proposals for @prefix, from what its candidates are. */
static void
fill (GListStore *store,
      const char *prefix)
{
  Candidates *candidates = g_object_get_data (G_OBJECT (store), "trib-candidates");
  g_autoptr(GPtrArray) proposals = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert (candidates != NULL);

  if (prefix != candidates->prefix)
    {
      g_free (candidates->prefix);
      candidates->prefix = g_strdup (prefix);
    }

  switch (candidates->source)
    {
    case SOURCE_WORDS:
      if (candidates->fields != NULL)
        add_fields (proposals, candidates->fields, prefix);
      add_words (proposals, prefix);
      break;
    case SOURCE_TABLES:
      add_tables (proposals, candidates->names, prefix);
      break;
    case SOURCE_FIELDS:
      add_fields (proposals, candidates->fields, prefix);
      break;
    case SOURCE_NONE:
    default:
      break;
    }

  /* A word typed out in full needs no completing, but for a function's
   * parentheses.
   */
  for (guint i = proposals->len; i-- > 0;)
    {
      TribSqlProposal *proposal = g_ptr_array_index (proposals, i);

      if (trib_sql_proposal_get_kind (proposal) != TRIB_SQL_PROPOSAL_FUNCTION &&
          g_ascii_strcasecmp (trib_sql_proposal_get_text (proposal), prefix) == 0)
        g_ptr_array_remove_index (proposals, i);
    }

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), proposals->pdata, proposals->len);
}

static void
refill (GListStore *store)
{
  Candidates *candidates = g_object_get_data (G_OBJECT (store), "trib-candidates");

  fill (store, candidates->prefix);
}

static gboolean
refill_timeout_cb (gpointer user_data)
{
  GListStore *store = user_data;
  Candidates *candidates = g_object_get_data (G_OBJECT (store), "trib-candidates");

  candidates->refill_source = 0;
  refill (store);

  return G_SOURCE_REMOVE;
}

static void
tables_changed_refill_cb (GListStore   *store,
                          TribSqlNames *names)
{
  Candidates *candidates = g_object_get_data (G_OBJECT (store), "trib-candidates");

  if (trib_sql_names_get_tables_complete (names))
    {
      g_clear_handle_id (&candidates->refill_source, g_source_remove);
      refill (store);
    }
  else if (candidates->refill_source == 0)
    {
      /* The source goes with the candidates, which go with the store. */
      candidates->refill_source = g_timeout_add (TABLES_REFILL_MS, refill_timeout_cb, store);
    }
}

/* One populate_async: what the scanner read, and what it waits for. */
typedef struct
{
  TribSqlContext *scan;
  TribSqlNames *names;
  GListStore *store;
  char *table;
  char *field_path;
  gulong tables_handler;
  gulong cancelled_handler;
  gboolean answered;
} Populate;

static void
populate_free (Populate *populate)
{
  /* Still waiting only if the names went, and the handlers with them. */
  g_clear_pointer (&populate->scan, trib_sql_context_free);
  g_clear_object (&populate->names);
  g_clear_object (&populate->store);
  g_free (populate->table);
  g_free (populate->field_path);
  g_free (populate);
}

static Candidates *
get_candidates (Populate *populate)
{
  return g_object_get_data (G_OBJECT (populate->store), "trib-candidates");
}

static void
stop_waiting (GTask *task)
{
  Populate *populate = g_task_get_task_data (task);

  g_clear_signal_handler (&populate->tables_handler, populate->names);
  if (populate->cancelled_handler != 0)
    g_cancellable_disconnect (g_task_get_cancellable (task), populate->cancelled_handler);
  populate->cancelled_handler = 0;
}

/* Answers the task with its list, once. */
static void
answer (GTask *task)
{
  Populate *populate = g_task_get_task_data (task);

  if (populate->answered)
    return;
  populate->answered = TRUE;
  stop_waiting (task);
  fill (populate->store, populate->scan->prefix);
  g_task_return_pointer (task, g_object_ref (populate->store), g_object_unref);
}

/* The columns came after the words were shown: they join them. */
static void
columns_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GListStore) store = user_data;
  g_autoptr(GListModel) roots = NULL;

  if ((roots = trib_sql_names_load_fields_finish (TRIB_SQL_NAMES (object), result, NULL)) != NULL)
    {
      Candidates *candidates = g_object_get_data (G_OBJECT (store), "trib-candidates");

      g_set_object (&candidates->fields, roots);
      refill (store);
    }
}

static void
fields_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Populate *populate = g_task_get_task_data (task);
  g_autoptr(GListModel) roots = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *level;

  if (!(roots = trib_sql_names_load_fields_finish (TRIB_SQL_NAMES (object), result, &error)))
    {
      /* Without the schema, no fields: the words still come. */
      g_debug ("No fields for completion: %s", error->message);
      answer (task);
      return;
    }

  if ((level = trib_sql_names_children_at (roots, populate->field_path)) != NULL)
    g_set_object (&get_candidates (populate)->fields, level);
  answer (task);
}

/* The table is known: its schema's fields, read once per schema. */
static void
look_into_table (GTask       *task,
                 TribDataset *dataset)
{
  Populate *populate = g_task_get_task_data (task);
  const char *schema_id = trib_dataset_get_schema_id (dataset);
  GListModel *roots;
  GListModel *level;

  stop_waiting (task);

  if (schema_id == NULL)
    {
      answer (task);
      return;
    }

  if ((roots = trib_sql_names_peek_fields (populate->names, schema_id)) != NULL)
    {
      if ((level = trib_sql_names_children_at (roots, populate->field_path)) != NULL)
        g_set_object (&get_candidates (populate)->fields, level);
      answer (task);
      return;
    }

  if (get_candidates (populate)->source == SOURCE_WORDS)
    {
      /* The words need not wait for the columns. */
      trib_sql_names_load_fields_async (populate->names, schema_id, NULL, columns_loaded_cb,
                                        g_object_ref (populate->store));
      answer (task);
      return;
    }

  trib_sql_names_load_fields_async (populate->names, schema_id, g_task_get_cancellable (task), fields_loaded_cb,
                                    g_object_ref (task));
}

/* Tables came while a statement's table was not among them yet. */
static void
tables_changed_cb (TribSqlNames *names,
                   GTask        *task)
{
  Populate *populate = g_task_get_task_data (task);
  TribDataset *dataset;

  if (get_candidates (populate)->source == SOURCE_TABLES)
    answer (task);
  else if ((dataset = trib_sql_names_lookup_table (names, populate->table)) != NULL)
    look_into_table (task, dataset);
  else if (trib_sql_names_get_tables_complete (names))
    answer (task);
}

static gboolean
waiting_cancelled_idle_cb (gpointer user_data)
{
  GTask *task = user_data;
  Populate *populate = g_task_get_task_data (task);

  if (!populate->answered)
    {
      populate->answered = TRUE;
      stop_waiting (task);
      g_task_return_error_if_cancelled (task);
    }

  return G_SOURCE_REMOVE;
}

static void
waiting_cancelled_cb (GCancellable *cancellable,
                      GTask        *task)
{
  /* Not from here: a handler cannot disconnect itself from the
   * cancellable while it runs.
   */
  g_idle_add_full (G_PRIORITY_DEFAULT, waiting_cancelled_idle_cb, g_object_ref (task), g_object_unref);
}

static void
wait_for_tables (GTask *task)
{
  Populate *populate = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  trib_sql_names_load_tables (populate->names);
  /* Each holds the task until it is answered. */
  populate->tables_handler = g_signal_connect_data (populate->names, "tables-changed", G_CALLBACK (tables_changed_cb),
                                                    g_object_ref (task), (GClosureNotify) (void (*) (void)) g_object_unref,
                                                    0);
  if (cancellable != NULL)
    populate->cancelled_handler = g_cancellable_connect (cancellable, G_CALLBACK (waiting_cancelled_cb),
                                                         g_object_ref (task), g_object_unref);
}

static char *
dup_text_before_cursor (GtkSourceCompletionContext *context,
                        gsize                      *cursor)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (gtk_source_completion_context_get_buffer (context));
  GtkTextIter start, end, insert;
  g_autofree char *before = NULL;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  before = gtk_text_iter_get_slice (&start, &insert);
  text = gtk_text_iter_get_slice (&start, &end);
  *cursor = strlen (before);

  return text;
}

static void
trib_sql_completion_populate_async (GtkSourceCompletionProvider *provider,
                                    GtkSourceCompletionContext  *context,
                                    GCancellable                *cancellable,
                                    GAsyncReadyCallback          callback,
                                    gpointer                     user_data)
{
  TribSqlCompletion *self = TRIB_SQL_COMPLETION (provider);
  g_autoptr(GTask) task = NULL;
  g_autofree char *text = NULL;
  const TribSqlTableRef *ref;
  Candidates *candidates;
  Populate *populate;
  TribDataset *dataset;
  gsize cursor;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_sql_completion_populate_async);

  populate = g_new0 (Populate, 1);
  g_task_set_task_data (task, populate, (GDestroyNotify) populate_free);
  text = dup_text_before_cursor (context, &cursor);
  populate->scan = trib_sql_context_scan (text, -1, cursor);
  g_debug ("Completing “%s” after “%s”, place %d", populate->scan->prefix,
           populate->scan->path != NULL ? populate->scan->path : "", populate->scan->place);
  populate->names = self->names != NULL ? g_object_ref (self->names) : NULL;
  populate->store = g_list_store_new (TRIB_TYPE_SQL_PROPOSAL);

  candidates = g_new0 (Candidates, 1);
  candidates->prefix = g_strdup (populate->scan->prefix);
  g_object_set_data_full (G_OBJECT (populate->store), "trib-candidates", candidates, (GDestroyNotify) candidates_free);

  if (populate->scan->place == TRIB_SQL_PLACE_NONE)
    {
      answer (task);
      return;
    }

  /* After a dot: the fields of the object the path leads to. */
  if (populate->scan->path != NULL)
    {
      const char *field_path = NULL;

      candidates->source = SOURCE_FIELDS;
      if (populate->names == NULL || !(ref = trib_sql_context_resolve (populate->scan, &field_path)))
        {
          answer (task);
          return;
        }

      populate->table = g_strdup (ref->name);
      populate->field_path = g_strdup (field_path);
      if ((dataset = trib_sql_names_lookup_table (populate->names, ref->name)) != NULL)
        look_into_table (task, dataset);
      else if (trib_sql_names_get_tables_complete (populate->names))
        answer (task);
      else
        wait_for_tables (task);
      return;
    }

  if (populate->scan->place == TRIB_SQL_PLACE_TABLE)
    {
      candidates->source = SOURCE_TABLES;
      if (populate->names == NULL)
        {
          answer (task);
          return;
        }
      candidates->names = g_object_ref (populate->names);

      /* The list grows as more tables come, the popup with it. */
      g_signal_connect_object (populate->names, "tables-changed", G_CALLBACK (tables_changed_refill_cb),
                               populate->store, G_CONNECT_SWAPPED);
      if (trib_sql_names_get_n_tables (populate->names) > 0 || trib_sql_names_get_tables_complete (populate->names))
        answer (task);
      else
        {
          /* The first page first: until it comes there is nothing to show. */
          wait_for_tables (task);
        }
      return;
    }

  /* Anywhere else: the words, and the columns of the statement's first
   * table if its schema has been read (or can be, from what has come).
   */
  candidates->source = SOURCE_WORDS;
  if (populate->names != NULL && populate->scan->tables->len > 0)
    {
      ref = g_ptr_array_index (populate->scan->tables, 0);
      populate->table = g_strdup (ref->name);
      populate->field_path = g_strdup ("");
      if ((dataset = trib_sql_names_lookup_table (populate->names, ref->name)) != NULL)
        {
          look_into_table (task, dataset);
          return;
        }
    }

  answer (task);
}

static GListModel *
trib_sql_completion_populate_finish (GtkSourceCompletionProvider  *provider,
                                     GAsyncResult                 *result,
                                     GError                      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, provider), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
trib_sql_completion_refilter (GtkSourceCompletionProvider *provider,
                              GtkSourceCompletionContext  *context,
                              GListModel                  *model)
{
  g_autofree char *word = gtk_source_completion_context_get_word (context);

  if (g_object_get_data (G_OBJECT (model), "trib-candidates") != NULL)
    fill (G_LIST_STORE (model), word);
}

static const char *
describe_kind (TribSqlProposalKind kind)
{
  switch (kind)
    {
    case TRIB_SQL_PROPOSAL_FUNCTION:
      /* Translators: what a proposal is, in the completion list */
      return C_("completion", "Function");
    case TRIB_SQL_PROPOSAL_TABLE:
      /* Translators: what a proposal is, in the completion list */
      return C_("completion", "Table");
    case TRIB_SQL_PROPOSAL_FIELD:
      /* Translators: what a proposal is, in the completion list */
      return C_("completion", "Field");
    case TRIB_SQL_PROPOSAL_KEYWORD:
    default:
      /* Translators: what a proposal is, in the completion list */
      return C_("completion", "Keyword");
    }
}

static void
trib_sql_completion_display (GtkSourceCompletionProvider *provider,
                             GtkSourceCompletionContext  *context,
                             GtkSourceCompletionProposal *proposal,
                             GtkSourceCompletionCell     *cell)
{
  TribSqlProposal *item = TRIB_SQL_PROPOSAL (proposal);

  switch (gtk_source_completion_cell_get_column (cell))
    {
    case GTK_SOURCE_COMPLETION_COLUMN_TYPED_TEXT:
      gtk_source_completion_cell_set_text (cell, trib_sql_proposal_get_text (item));
      break;
    case GTK_SOURCE_COMPLETION_COLUMN_AFTER:
      gtk_source_completion_cell_set_text (cell, trib_sql_proposal_get_detail (item));
      break;
    case GTK_SOURCE_COMPLETION_COLUMN_COMMENT:
      gtk_source_completion_cell_set_text (cell, trib_sql_proposal_get_comment (item));
      break;
    case GTK_SOURCE_COMPLETION_COLUMN_DETAILS:
      gtk_source_completion_cell_set_text (cell, describe_kind (trib_sql_proposal_get_kind (item)));
      break;
    case GTK_SOURCE_COMPLETION_COLUMN_ICON:
    case GTK_SOURCE_COMPLETION_COLUMN_BEFORE:
    default:
      gtk_source_completion_cell_set_text (cell, NULL);
      break;
    }
}

static void
trib_sql_completion_activate (GtkSourceCompletionProvider *provider,
                              GtkSourceCompletionContext  *context,
                              GtkSourceCompletionProposal *proposal)
{
  TribSqlProposal *item = TRIB_SQL_PROPOSAL (proposal);
  GtkTextBuffer *buffer;
  GtkTextIter begin, end;

  if (!gtk_source_completion_context_get_bounds (context, &begin, &end))
    {
      buffer = GTK_TEXT_BUFFER (gtk_source_completion_context_get_buffer (context));
      gtk_text_buffer_get_iter_at_mark (buffer, &begin, gtk_text_buffer_get_insert (buffer));
      end = begin;
    }
  buffer = gtk_text_iter_get_buffer (&begin);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &begin, &end);
  gtk_text_buffer_insert (buffer, &begin, trib_sql_proposal_get_text (item), -1);
  if (trib_sql_proposal_get_kind (item) == TRIB_SQL_PROPOSAL_FUNCTION)
    {
      /* The cursor between the parentheses, for the arguments. */
      gtk_text_buffer_insert (buffer, &begin, "()", -1);
      gtk_text_iter_backward_char (&begin);
      gtk_text_buffer_place_cursor (buffer, &begin);
    }
  gtk_text_buffer_end_user_action (buffer);
}

static gboolean
trib_sql_completion_is_trigger (GtkSourceCompletionProvider *provider,
                                const GtkTextIter           *iter,
                                gunichar                     ch)
{
  /* `e.web.` asks for the object's fields at once. */
  return ch == '.';
}

static char *
trib_sql_completion_get_title (GtkSourceCompletionProvider *provider)
{
  /* Translators: the title of the query editor's completion proposals */
  return g_strdup (_("SQL"));
}

static void
provider_iface_init (GtkSourceCompletionProviderInterface *iface)
{
  iface->get_title = trib_sql_completion_get_title;
  iface->is_trigger = trib_sql_completion_is_trigger;
  iface->populate_async = trib_sql_completion_populate_async;
  iface->populate_finish = trib_sql_completion_populate_finish;
  iface->refilter = trib_sql_completion_refilter;
  iface->display = trib_sql_completion_display;
  iface->activate = trib_sql_completion_activate;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TribSqlCompletion, trib_sql_completion, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_SOURCE_TYPE_COMPLETION_PROVIDER, provider_iface_init))

static void
trib_sql_completion_dispose (GObject *object)
{
  TribSqlCompletion *self = (TribSqlCompletion *)object;

  g_clear_object (&self->names);

  G_OBJECT_CLASS (trib_sql_completion_parent_class)->dispose (object);
}

static void
trib_sql_completion_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TribSqlCompletion *self = TRIB_SQL_COMPLETION (object);

  switch (prop_id)
    {
    case PROP_NAMES:
      g_value_set_object (value, self->names);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_sql_completion_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TribSqlCompletion *self = TRIB_SQL_COMPLETION (object);

  switch (prop_id)
    {
    case PROP_NAMES:
      trib_sql_completion_set_names (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_sql_completion_class_init (TribSqlCompletionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_sql_completion_dispose;
  object_class->get_property = trib_sql_completion_get_property;
  object_class->set_property = trib_sql_completion_set_property;

  properties[PROP_NAMES] =
    g_param_spec_object ("names", NULL, NULL, TRIB_TYPE_SQL_NAMES,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_sql_completion_init (TribSqlCompletion *self)
{
}

TribSqlCompletion *
trib_sql_completion_new (void)
{
  return g_object_new (TRIB_TYPE_SQL_COMPLETION, NULL);
}

/**
 * trib_sql_completion_get_names:
 * @self: a #TribSqlCompletion
 *
 * Returns: (transfer none) (nullable): the sandbox's names it proposes
 */
TribSqlNames *
trib_sql_completion_get_names (TribSqlCompletion *self)
{
  g_return_val_if_fail (TRIB_IS_SQL_COMPLETION (self), NULL);

  return self->names;
}

/**
 * trib_sql_completion_set_names:
 * @self: a #TribSqlCompletion
 * @names: (nullable): the names of the sandbox statements run in
 *
 * Sets where tables and fields come from. The tables are read when
 * first asked for, unless the editor has started reading them before
 * (trib-query-editor.c).
 */
void
trib_sql_completion_set_names (TribSqlCompletion *self,
                               TribSqlNames      *names)
{
  g_return_if_fail (TRIB_IS_SQL_COMPLETION (self));
  g_return_if_fail (!names || TRIB_IS_SQL_NAMES (names));

  if (!g_set_object (&self->names, names))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAMES]);
}
