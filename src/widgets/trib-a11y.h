/* trib-a11y.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-announcer.h"

G_BEGIN_DECLS

void trib_a11y_init                  (void);
void trib_a11y_set_label             (GtkWidget       *widget,
                                      const char      *label);
GtkWidget *trib_a11y_find_row        (GtkWidget       *widget);
void trib_a11y_set_row_label         (GtkListItem     *item,
                                      const char      *label);
void trib_a11y_set_row_parts         (GtkListItem     *item,
                                      const char      *first_part,
                                      ...) G_GNUC_NULL_TERMINATED;
char *trib_a11y_join_parts           (const char      *first_part,
                                      ...) G_GNUC_NULL_TERMINATED;
void trib_a11y_name_menu_button      (GtkMenuButton   *button,
                                      const char      *label);
void trib_a11y_name_split_button    (AdwSplitButton  *button,
                                      const char      *menu_label);
void trib_a11y_name_dropdown         (GtkDropDown     *dropdown,
                                      const char      *label);
void trib_a11y_name_tab_bar          (AdwTabBar       *tab_bar);
void trib_a11y_name_column_view      (GtkColumnView   *column_view,
                                      const char      *label);
void trib_a11y_name_shortcuts_window (GtkWindow       *window);
void trib_a11y_set_announcer         (GtkWindow       *window,
                                      TribAnnouncer   *announcer);
void trib_a11y_announce              (GtkWidget       *widget,
                                      const char      *message);
void trib_a11y_add_toast             (AdwToastOverlay *overlay,
                                      AdwToast        *toast);

G_END_DECLS
