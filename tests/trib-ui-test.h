/* trib-ui-test.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-application.h"
#include "trib-explore-view.h"
#include "trib-schemas-page.h"
#include "trib-window.h"

G_BEGIN_DECLS

void       trib_ui_test_init            (int        *argc,
                                         char     ***argv);
void       trib_ui_test_iterate_until   (gboolean  (*predicate) (gpointer),
                                         gpointer    data,
                                         guint       timeout_s);
gboolean   trib_ui_test_session_ready   (gpointer    window);
GtkWidget *trib_ui_test_find_widget     (GtkWidget  *root,
                                         GType       type,
                                         const char *with_subtitle);
GtkWidget *trib_ui_test_wait_for_widget (GtkWidget  *root,
                                         GType       type);
void       trib_ui_test_find_mapped     (GtkWidget  *widget,
                                         GType       type,
                                         GPtrArray  *found);
void       trib_ui_test_settle          (void);
void       trib_ui_test_save_screenshot (GtkWidget  *window,
                                         const char *name);
void       trib_ui_test_resize          (GtkWidget  *window,
                                         int         width,
                                         int         height);
GtkWidget *trib_ui_test_find_row        (GtkWidget  *root,
                                         const char *title);
GtkWidget *trib_ui_test_find_button     (GtkWidget  *root,
                                         const char *label);
GtkWidget *trib_ui_test_find_button_with_tooltip (GtkWidget  *root,
                                                  const char *tooltip);
GtkWindow *trib_ui_test_find_toplevel   (GType       type,
                                         GtkWindow  *except);
void       trib_ui_test_press_keys      (GtkWidget  *window,
                                         const char *keys);
gboolean   trib_ui_test_label_hyphenated (GtkLabel  *label);
void       trib_ui_test_click           (GtkWidget  *window,
                                         GtkWidget  *widget,
                                         double      x,
                                         double      y);
void       trib_ui_test_click_button    (GtkWidget  *window,
                                         GtkWidget  *widget,
                                         double      x,
                                         double      y,
                                         guint       button,
                                         const char *held_key);

gpointer   trib_ui_test_find_any        (GtkWidget  *root,
                                         GType       type);
const char *trib_ui_test_shown_text    (GtkWidget  *widget);
GtkWidget *trib_ui_test_find_label      (GtkWidget  *root,
                                         const char *text,
                                         gboolean    partial);
GtkLabel  *trib_ui_test_find_any_label  (GtkWidget  *root,
                                         const char *text);
TribExploreView *trib_ui_test_find_explore_view (const char *connection_id);
gboolean   trib_ui_test_has_label       (GtkWidget  *root,
                                         const char *text,
                                         gboolean    partial);
void       trib_ui_test_wait_for_label  (GtkWidget  *root,
                                         const char *text);
void       trib_ui_test_wait_for_mapped (gpointer    widget,
                                         gboolean    mapped);
gboolean   trib_ui_test_has_css_class   (GtkWidget  *root,
                                         const char *css_class);
guint      trib_ui_test_count_children  (GtkWidget  *widget);
void       trib_ui_test_click_center    (GtkWidget  *window,
                                         GtkWidget  *widget);
void       trib_ui_test_ignore_message  (const char *fragment);

TribWindow *trib_ui_test_open_demo      (TribApplication *app,
                                         guint            timeout_seconds);
void        trib_ui_test_add_fault      (TribWindow      *window,
                                         const char      *fault);
char       *trib_ui_test_read_clipboard (GtkWidget       *widget);
char       *trib_ui_test_dup_logged_url (TribApplication *app,
                                         const char      *part,
                                         const char      *also);
GdkTexture *trib_ui_test_render_window  (GtkWidget       *window,
                                         double           scale);

/* trib-ui-test-pages.c */
gboolean    trib_ui_test_schemas_listed   (gpointer         schemas_page);
gboolean    trib_ui_test_fields_loaded    (gpointer         schemas_page);
guint       trib_ui_test_field_row        (TribSchemasPage *page,
                                           const char      *path);
gboolean    trib_ui_test_datasets_listed  (gpointer         datasets_page);
gboolean    trib_ui_test_only_luma_orders (gpointer         datasets_page);
gboolean    trib_ui_test_showing_dataset_named (gpointer datasets_page);
gboolean    trib_ui_test_back_on_datasets (gpointer         datasets_page);
GtkListBox *trib_ui_test_find_sidebar     (GtkWidget       *root);
GtkWidget  *trib_ui_test_find_by_action   (GtkWidget       *root,
                                           const char      *action_name);

G_END_DECLS
