/* bench-grid-anchor.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bench-grid-window.h"

G_BEGIN_DECLS

/* The changes our grid receives */
typedef struct
{
  gint64 at;                    /* since the round began */
  guint position;
  guint removed;
  guint added;
} BenchChange;

typedef struct
{
  GArray *changes;
  gint64 started;
  guint n_before;               /* the rows our grid had when it began */
} BenchRecording;

void   bench_recording_cb      (GListModel           *model,
                                guint                 position,
                                guint                 removed,
                                guint                 added,
                                BenchRecording       *recording);
guint  bench_recording_rows_at (BenchRecording       *recording,
                                const BenchProbe     *probe);

typedef struct
{
  GtkWidget *window;
  GtkColumnView *column_view;
  GListModel *rows;
} BenchAnchor;

void   bench_anchor_init       (BenchAnchor          *anchor,
                                int                   width,
                                int                   height);
void   bench_anchor_set_rows   (BenchAnchor          *anchor,
                                guint                 n_rows);
double bench_anchor_round      (BenchAnchor          *anchor,
                                BenchRecording       *recording,
                                guint                *rows_at);
double bench_anchor_sort_round (BenchAnchor          *anchor,
                                guint                 n_rows,
                                guint                 column,
                                gboolean              descending);
void   bench_anchor_clear      (BenchAnchor          *anchor);

G_END_DECLS
