/* trib-schemas-list-row.c
 *
 * What a row of the schemas page's list shows below a resource's title
 * (trib-schemas-list-row.ui): its class, behavior and whether it is
 * enabled for Profile. A class is named by its title once the page's
 * TribXdmTitles know it; the row listens for it itself, so a title
 * arriving changes the rows that show it and nothing else (the list,
 * its selection and its scroll position stay).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-schemas-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-schemas-list-row.h"
#include "trib-schemas-page-private.h"

struct _TribSchemasListRow
{
  AdwBin parent_instance;

  TribXdmResource *resource;
  TribXdmTitles *titles;  /* the page's, listened to while rooted */
  char *subtitle;
};

G_DEFINE_FINAL_TYPE (TribSchemasListRow, trib_schemas_list_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_RESOURCE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static TribSchemasPage *
find_page (TribSchemasListRow *self)
{
  return (TribSchemasPage *) gtk_widget_get_ancestor (GTK_WIDGET (self), TRIB_TYPE_SCHEMAS_PAGE);
}

static void
update_subtitle (TribSchemasListRow *self)
{
  TribSchemasPage *page = find_page (self);
  g_autoptr(GPtrArray) facts = g_ptr_array_new ();
  const char *behavior;
  const char *class_id;
  char *subtitle = NULL;

  if (self->resource != NULL)
    {
      class_id = trib_xdm_resource_get_class_id (self->resource);
      behavior = _trib_schemas_page_describe_behavior (trib_xdm_resource_get_behavior (self->resource));

      /* Without its page (not yet in it), the row waits to be rooted. */
      if (page != NULL && trib_xdm_resource_get_kind (self->resource) == TRIB_XDM_KIND_SCHEMA && class_id != NULL)
        g_ptr_array_add (facts, (gpointer) _trib_schemas_page_title_for_id (page, TRIB_XDM_KIND_CLASS, class_id));
      if (behavior != NULL)
        g_ptr_array_add (facts, (gpointer) behavior);
      if (trib_xdm_resource_get_profile_enabled (self->resource))
        g_ptr_array_add (facts, (gpointer) _("Profile"));
      g_ptr_array_add (facts, NULL);
      subtitle = g_strjoinv (" · ", (char **) facts->pdata);
    }

  if (g_strcmp0 (subtitle, self->subtitle) == 0)
    {
      g_free (subtitle);
      return;
    }

  g_free (self->subtitle);
  self->subtitle = subtitle;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

static void
title_known_cb (TribSchemasListRow *self,
                const char         *id)
{
  if (self->resource != NULL && g_strcmp0 (trib_xdm_resource_get_class_id (self->resource), id) == 0)
    update_subtitle (self);
}

/* The page's titles change with its session: the row follows them. */
static void
follow_titles (TribSchemasListRow *self)
{
  TribSchemasPage *page = find_page (self);
  TribXdmTitles *titles = page != NULL ? page->titles : NULL;

  if (titles != self->titles)
    {
      if (self->titles != NULL)
        g_signal_handlers_disconnect_by_func (self->titles, title_known_cb, self);
      g_set_object (&self->titles, titles);
      if (titles != NULL)
        g_signal_connect_object (titles, "title-known", G_CALLBACK (title_known_cb), self, G_CONNECT_SWAPPED);
    }

  /* What the list shows is known by title to the details too. */
  if (titles != NULL && self->resource != NULL)
    trib_xdm_titles_remember (titles, trib_xdm_resource_get_id (self->resource),
                              trib_xdm_resource_get_title (self->resource));
}

static void
trib_schemas_list_row_root (GtkWidget *widget)
{
  TribSchemasListRow *self = TRIB_SCHEMAS_LIST_ROW (widget);

  GTK_WIDGET_CLASS (trib_schemas_list_row_parent_class)->root (widget);

  follow_titles (self);
  update_subtitle (self);
}

static void
trib_schemas_list_row_unroot (GtkWidget *widget)
{
  TribSchemasListRow *self = TRIB_SCHEMAS_LIST_ROW (widget);

  if (self->titles != NULL)
    g_signal_handlers_disconnect_by_func (self->titles, title_known_cb, self);
  g_clear_object (&self->titles);

  GTK_WIDGET_CLASS (trib_schemas_list_row_parent_class)->unroot (widget);
}

static void
trib_schemas_list_row_dispose (GObject *object)
{
  TribSchemasListRow *self = TRIB_SCHEMAS_LIST_ROW (object);

  if (self->titles != NULL)
    g_signal_handlers_disconnect_by_func (self->titles, title_known_cb, self);
  g_clear_object (&self->titles);
  g_clear_object (&self->resource);

  G_OBJECT_CLASS (trib_schemas_list_row_parent_class)->dispose (object);
}

static void
trib_schemas_list_row_finalize (GObject *object)
{
  TribSchemasListRow *self = TRIB_SCHEMAS_LIST_ROW (object);

  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (trib_schemas_list_row_parent_class)->finalize (object);
}

static void
trib_schemas_list_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TribSchemasListRow *self = TRIB_SCHEMAS_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_RESOURCE:
      g_value_set_object (value, self->resource);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_schemas_list_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TribSchemasListRow *self = TRIB_SCHEMAS_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_RESOURCE:
      trib_schemas_list_row_set_resource (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_schemas_list_row_class_init (TribSchemasListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_schemas_list_row_dispose;
  object_class->finalize = trib_schemas_list_row_finalize;
  object_class->get_property = trib_schemas_list_row_get_property;
  object_class->set_property = trib_schemas_list_row_set_property;

  widget_class->root = trib_schemas_list_row_root;
  widget_class->unroot = trib_schemas_list_row_unroot;

  /**
   * TribSchemasListRow:resource: (nullable)
   *
   * The resource the row shows.
   */
  properties[PROP_RESOURCE] =
    g_param_spec_object ("resource", NULL, NULL, TRIB_TYPE_XDM_RESOURCE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TribSchemasListRow:subtitle: (nullable)
   *
   * What the row shows below the resource's title, between middle dots.
   */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_schemas_list_row_init (TribSchemasListRow *self)
{
}

TribXdmResource *
trib_schemas_list_row_get_resource (TribSchemasListRow *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEMAS_LIST_ROW (self), NULL);

  return self->resource;
}

void
trib_schemas_list_row_set_resource (TribSchemasListRow *self,
                                    TribXdmResource    *resource)
{
  g_return_if_fail (TRIB_IS_SCHEMAS_LIST_ROW (self));
  g_return_if_fail (resource == NULL || TRIB_IS_XDM_RESOURCE (resource));

  if (!g_set_object (&self->resource, resource))
    return;

  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    follow_titles (self);
  update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOURCE]);
}

const char *
trib_schemas_list_row_get_subtitle (TribSchemasListRow *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEMAS_LIST_ROW (self), NULL);

  return self->subtitle;
}
