/* fuzz-replay.c
 *
 * The main() of a fuzz target in the regular builds: instead of
 * fuzzing, it feeds the target every file of the corpus and regression
 * folders given on the command line, once each, as a TAP test. So the
 * inputs kept in the tree run in every build, the sanitizer one too.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "fuzz-common.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* A folder that does not exist is an empty one: a target that never
 * crashed has no regressions folder, git keeping no empty ones.
 */
static void
add_inputs (GPtrArray  *paths,
            const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_ptr_array_add (paths, g_strdup (path));
      return;
    }

  if (!(dir = g_dir_open (path, 0, NULL)))
    return;

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (name[0] != '.' && g_file_test (child, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (paths, g_steal_pointer (&child));
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    if (!g_str_equal (argv[i], "--tap"))
      add_inputs (paths, argv[i]);

  g_ptr_array_sort (paths, compare_paths);

  if (paths->len == 0)
    {
      printf ("Bail out! No input in the corpus\n");
      return 1;
    }

  printf ("1..%u\n", paths->len);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *folder = g_path_get_basename (dir);
      g_autofree guint8 *exact = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          printf ("not ok %u - %s/%s: %s\n", i + 1, folder, base, error->message);
          continue;
        }

      /* Without the NUL g_file_get_contents() adds, as libFuzzer gives
       * it, so that reading one byte too far is caught here too.
       */
      exact = g_malloc (MAX (length, 1));
      memcpy (exact, contents, length);

      /* Announced first, so a crash names its input in the log. */
      fprintf (stderr, "%s\n", path);
      LLVMFuzzerTestOneInput (exact, length);
      printf ("ok %u - %s/%s\n", i + 1, folder, base);
      fflush (stdout);
    }

  return 0;
}
