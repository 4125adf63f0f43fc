/* trib-background.c
 *
 * One thread, at a lower priority than the window's, for work nobody
 * waits for while the user types: pages of a list read whole in the
 * background, and what is built from them. The window's frames are
 * drawn in software on the same few cores; a thread of GTask's pool at
 * the same priority takes its share of them, and a keystroke waits. Its
 * own thread, too, so that the work does not queue behind others' in
 * that pool, and the pool's threads keep their priority.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-background"

#include "config.h"

#include <errno.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "trib-background.h"

/* The niceness of the thread: enough that the main thread, wanting a
 * core, gets about nine tenths of one.
 */
#define BACKGROUND_NICENESS 10

typedef struct
{
  GTask *task;
  GTaskThreadFunc task_func;
} Job;

static void
run_job (gpointer data,
         gpointer user_data)
{
  static gboolean lowered;
  Job *job = data;

  /* Only this thread ever runs jobs, and it lives as long as the process. */
  if (!lowered)
    {
#ifdef __linux__
      if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), BACKGROUND_NICENESS) != 0)
        g_debug ("The background thread keeps its priority: %s", g_strerror (errno));
#endif
      lowered = TRUE;
    }

  job->task_func (job->task, g_task_get_source_object (job->task), g_task_get_task_data (job->task),
                  g_task_get_cancellable (job->task));
  g_object_unref (job->task);
  g_free (job);
}

static GThreadPool *
get_pool (void)
{
  static gsize pool;

  if (g_once_init_enter (&pool))
    {
      g_autoptr(GError) error = NULL;
      GThreadPool *created = g_thread_pool_new (run_job, NULL, 1, TRUE, &error);

      /* Only a process out of threads fails here, and cannot go on. */
      if (created == NULL)
        g_error ("Cannot start the background thread: %s", error->message);
      g_once_init_leave (&pool, (gsize) created);
    }

  return (GThreadPool *) pool;
}

/**
 * trib_background_run_task:
 * @task: a #GTask
 * @task_func: what to run, as g_task_run_in_thread() would
 *
 * Runs @task_func on the background thread, after what was asked of it
 * before. @task_func returns @task's result as in a GTask thread; the
 * callback comes in @task's main context.
 */
void
trib_background_run_task (GTask           *task,
                          GTaskThreadFunc  task_func)
{
  Job *job;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (task_func != NULL);

  job = g_new0 (Job, 1);
  job->task = g_object_ref (task);
  job->task_func = task_func;
  g_thread_pool_push (get_pool (), job, NULL);
}
