/* trib-result-model-text.c
 *
 * A TribResultModel made from rows of text that did not come from
 * PostgreSQL (a source's preview): its columns are named by type words
 * (`string`, `long`, `timestamp`…), which set how the grid aligns and
 * sorts them, and which the grid shows under each column's name.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-result-model"

#include "config.h"

#include "trib-result-model-private.h"

/* The PostgreSQL type that reads like each word, for alignment and sort. */
static guint32
type_oid_for_name (const char *type_name)
{
  static const struct { const char *name; guint32 oid; } types[] = {
    { "boolean", 16 },
    { "long", 20 },
    { "bigint", 20 },
    { "short", 21 },
    { "integer", 23 },
    { "int", 23 },
    { "float", 700 },
    { "double", 701 },
    { "decimal", 1700 },
    { "date", 1082 },
    { "timestamp", 1114 },
    { "date-time", 1114 },
  };

  if (type_name == NULL)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_ascii_strcasecmp (type_name, types[i].name) == 0)
      return types[i].oid;

  return 25; /* text */
}

/**
 * trib_result_model_new_from_text_rows:
 * @n_columns: how many columns
 * @names: (array length=n_columns): their names
 * @type_names: (nullable) (array length=n_columns): their types, as words
 * @n_rows: how many rows
 * @rows: (array length=n_rows): each row's @n_columns values, %NULL for none
 *
 * Returns: (transfer full): a model holding a copy of the rows
 */
TribResultModel *
trib_result_model_new_from_text_rows (guint                       n_columns,
                                      const char * const         *names,
                                      const char * const         *type_names,
                                      guint                       n_rows,
                                      const char * const * const *rows)
{
  g_autoptr(TribResultModel) self = trib_result_model_new ();
  g_autofree guint32 *oids = g_new0 (guint32, MAX (n_columns, 1));

  g_return_val_if_fail (n_columns == 0 || names != NULL, NULL);
  g_return_val_if_fail (n_rows == 0 || rows != NULL, NULL);

  for (guint i = 0; i < n_columns; i++)
    oids[i] = type_oid_for_name (type_names != NULL ? type_names[i] : NULL);

  trib_result_model_set_columns (self, n_columns, names, oids);

  if (type_names != NULL)
    {
      self->type_names = g_new0 (char *, n_columns + 1);
      for (guint i = 0; i < n_columns; i++)
        self->type_names[i] = g_strdup (type_names[i] != NULL ? type_names[i] : "");
    }

  if (n_rows > 0 && n_columns > 0)
    {
      g_autoptr(TribResultBatch) batch = trib_result_batch_new (n_columns, n_rows);

      for (guint i = 0; i < n_rows; i++)
        trib_result_batch_append_row (batch, rows[i], NULL);
      trib_result_batch_seal (batch);
      trib_result_model_append_batch (self, batch);
    }

  return g_steal_pointer (&self);
}

/**
 * trib_column_type_word:
 * @type_oid: a PostgreSQL type, from a row description
 *
 * Returns: (nullable): the type as SQL writes it (`text`, `integer`,
 *   `timestamp`, `json`, `text[]`…), or %NULL for one we do not name
 */
const char *
trib_column_type_word (guint32 type_oid)
{
  /* The types Data Distiller answers with, and PostgreSQL's common ones;
   * the OIDs are fixed in pg_type.dat.
   */
  static const struct { guint32 oid; const char *word; } types[] = {
    { 16, "boolean" }, { 17, "bytea" }, { 18, "char" }, { 19, "name" },
    { 20, "bigint" }, { 21, "smallint" }, { 23, "integer" }, { 25, "text" },
    { 26, "oid" }, { 114, "json" }, { 142, "xml" }, { 700, "real" },
    { 701, "double precision" }, { 1042, "char" }, { 1043, "varchar" },
    { 1082, "date" }, { 1083, "time" }, { 1114, "timestamp" },
    { 1184, "timestamptz" }, { 1186, "interval" }, { 1266, "timetz" },
    { 1700, "numeric" }, { 2249, "record" }, { 2950, "uuid" }, { 3802, "jsonb" },
    { 199, "json[]" }, { 1000, "boolean[]" }, { 1005, "smallint[]" },
    { 1007, "integer[]" }, { 1009, "text[]" }, { 1014, "char[]" },
    { 1015, "varchar[]" }, { 1016, "bigint[]" }, { 1021, "real[]" },
    { 1022, "double precision[]" }, { 1115, "timestamp[]" }, { 1182, "date[]" },
    { 1185, "timestamptz[]" }, { 1231, "numeric[]" }, { 2287, "record[]" },
    { 2951, "uuid[]" }, { 3807, "jsonb[]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (types[i].oid == type_oid)
      return types[i].word;

  return NULL;
}

/**
 * trib_result_model_get_column_type_name:
 *
 * Returns: (nullable): the type of @column in words: the word a model
 *   made from text rows was given, or for PostgreSQL's rows
 *   trib_column_type_word() of its type; %NULL if unknown
 */
const char *
trib_result_model_get_column_type_name (TribResultModel *self,
                                        guint            column)
{
  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), NULL);

  if (self->type_names == NULL)
    return column < trib_result_model_get_n_columns (self)
           ? trib_column_type_word (trib_result_model_get_column_type (self, column)) : NULL;

  if (column >= g_strv_length (self->type_names))
    return NULL;

  return self->type_names[column];
}
