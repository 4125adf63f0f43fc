/* trib-spec-field-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-spec-field.h"

G_BEGIN_DECLS

/* Bounds on what a connector's spec can make the form hold: a spec is
 * outside input, and a person chooses among choices, not thousands.
 */
#define TRIB_SPEC_FIELD_MAX_CHOICES 500
#define TRIB_SPEC_FIELD_MAX_PATTERN 1024
/* A pasted private key is a few kilobytes. */
#define TRIB_SPEC_FIELD_MAX_ANSWER (64 * 1024)

struct _TribSpecField
{
  GObject parent_instance;

  char *key;                    /* the path joined with dots */
  char **path;
  char *label;
  char *help;
  char *default_text;
  char *pattern;
  char *pattern_hint;
  char *problem;
  GRegex *regex;
  char **choices;               /* the text of each choice */
  GPtrArray *choice_nodes;      /* JsonNode, the value sent for each */
  double minimum;
  double maximum;
  int min_length;               /* -1: none */
  int max_length;
  TribSpecFieldType type;
  TribSpecFieldType item_type;
  guint has_minimum : 1;
  guint has_maximum : 1;
  guint secret : 1;
  guint multiline : 1;
  guint required : 1;
};

TribSpecField *_trib_spec_field_new         (const char         *connection_spec_id,
                                             const char * const *path,
                                             const char         *parent_label,
                                             JsonNode           *schema,
                                             gboolean            required);
void           _trib_spec_field_set_problem (TribSpecField      *self,
                                             const char         *problem);
gboolean       _trib_spec_field_is_blank    (const char         *text);

G_END_DECLS
