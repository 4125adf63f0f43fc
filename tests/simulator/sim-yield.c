/* sim-yield.c
 *
 * The simulator, and the PostgreSQL it starts, stand in for Adobe's
 * servers, which take none of the user's CPU. On the same machine they
 * would take it from the app: streaming a result, the server's backend
 * and the front's TLS relay kept both of two cores busy, and the app's
 * window, waking for a frame, waited its turn behind them.
 *
 * Niceness alone is not enough where the kernel groups the processes of
 * each session (autogroups, on in Debian's kernel): it orders processes
 * within a session, while sessions weigh the same whatever their
 * processes' niceness. Each of PostgreSQL's backends starts a session of
 * its own: its group gets the simulator's niceness too. The simulator
 * itself stays in the session of the app that started it: in a group
 * of its own, lowered, it was measured to hold a core longer once its
 * turn came, and the window waited more, not less.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-yield"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "sim-yield.h"

/**
 * sim_yield_cpu:
 *
 * Lowers the simulator ten steps of niceness below whoever started it.
 * Called before any thread starts, so every thread and child inherits it.
 */
void
sim_yield_cpu (void)
{
  int niceness;

  errno = 0;
  niceness = getpriority (PRIO_PROCESS, 0);
  if (errno == 0 && setpriority (PRIO_PROCESS, 0, MIN (niceness + 10, 19)) != 0)
    g_debug ("Could not lower the simulator's priority: %s", g_strerror (errno));
}

/**
 * sim_yield_session_group:
 * @pid: a process leading a session of its own
 *
 * Gives the group of @pid's session the simulator's niceness, where the
 * kernel groups sessions. The kernel may refuse (another user's process,
 * or, for the unprivileged, more than one change a tenth of a second);
 * everything goes on all the same.
 */
void
sim_yield_session_group (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/autogroup", (int) pid);
  g_autofree char *niceness = NULL;
  int fd;

  errno = 0;
  niceness = g_strdup_printf ("%d", getpriority (PRIO_PROCESS, 0));
  if (errno != 0 || (fd = open (path, O_WRONLY | O_CLOEXEC)) < 0)
    return;
  if (write (fd, niceness, strlen (niceness)) < 0)
    g_debug ("Could not lower the group of session %d: %s", (int) pid, g_strerror (errno));
  close (fd);
}
