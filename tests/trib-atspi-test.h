/* trib-atspi-test.h
 *
 * A test harness that looks at Tributary the way a screen reader does:
 * over AT-SPI, from another process.
 *
 * The test process gets its own accessibility bus (at-spi-bus-launcher
 * and the registry, in the test's D-Bus session, their sockets in a
 * private runtime directory), runs the tributary binary of the build tree
 * as a CHILD with GTK's AT-SPI backend on, and reads its tree with
 * libatspi. The child and everything it starts (the demo platform and
 * its PostgreSQL) are killed by trib_atspi_test_stop(), and also when the
 * test process dies on a failed assertion (PR_SET_PDEATHSIG), so nothing
 * is left running.
 *
 * Usage:
 *
 *   trib_atspi_test_init (&argc, &argv);          // instead of g_test_init
 *   ...
 *   g_autoptr(TribAtspiApp) app = trib_atspi_test_start_app (TRIB_ATSPI_DEMO, NULL);
 *   AtspiAccessible *root = trib_atspi_test_app_root (app);
 *   g_autoptr(AtspiAccessible) reload =
 *     trib_atspi_test_wait_for_node (root, ATSPI_ROLE_PUSH_BUTTON, "Reload", 60);
 *   trib_atspi_test_do_action (reload, NULL);
 *   trib_atspi_test_press_key (app, "ctrl+t");
 *   trib_atspi_test_stop (app);                   // or let g_autoptr do it
 *
 * Every call that could block waits at most a bounded time (the
 * machine may be loaded: timeouts are generous) and fails the test with a
 * message naming what it waited for. Names are matched exactly; pass
 * NULL to match any name, ATSPI_ROLE_INVALID to match any role.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <atspi/atspi.h>

G_BEGIN_DECLS

/* Arguments to open the demo platform (tributary-sim, started by the
 * app). Add "TRIBUTARY_SIM_POSTGRES=start" to the environment for the
 * query page to run real SQL.
 */
#define TRIB_ATSPI_DEMO ((const char * const []) { "--demo", NULL })

typedef struct _TribAtspiApp TribAtspiApp;

/* One accessible of a walk, with what a screen reader reads of it,
 * fetched once during the walk.
 */
typedef struct
{
  AtspiAccessible *accessible;   /* owned */
  AtspiRole        role;
  char            *role_name;    /* "push button", "password text", … */
  char            *name;         /* never NULL, may be "" */
  char            *description;  /* never NULL, may be "" */
  AtspiStateSet   *states;       /* owned */
  guint            depth;        /* 0 for the walk's root */
} TribAtspiNode;

typedef enum
{
  TRIB_ATSPI_WALK_ALL     = 0,
  /* Skip the subtree of any node not VISIBLE or with an empty size:
   * roughly what is on screen. GTK 4.8 exports no SHOWING state below
   * the window, and a stack page shown once and hidden again keeps its
   * last size: to walk one page, start from that page's accessible.
   */
  TRIB_ATSPI_WALK_SHOWING = 1 << 0,
} TribAtspiWalkFlags;

/* One event seen by a TribAtspiEvents recorder. */
typedef struct
{
  char            *type;         /* e.g. "object:state-changed:focused" */
  AtspiAccessible *source;       /* owned */
  int              detail1;
  int              detail2;
} TribAtspiEvent;

typedef struct _TribAtspiEvents TribAtspiEvents;

typedef gboolean (*TribAtspiPredicate) (gpointer data);

/* Setup: call instead of g_test_init(). The accessibility bus is
 * started, on the session bus of that moment, by the first
 * trib_atspi_test_start_app(): a test may first start a private session
 * bus of its own (trib_test_bus_start()).
 */
void              trib_atspi_test_init          (int                  *argc,
                                                 char               ***argv);

/* The application under test. @args: arguments after the program name
 * (TRIB_ATSPI_DEMO, or NULL); @env: extra "NAME=VALUE" entries (or NULL)
 * added to the test's environment. XDG directories are a fresh temporary
 * directory, GSettings in memory. Waits until the app is on the bus
 * with a window, and returns it.
 */
TribAtspiApp     *trib_atspi_test_start_app     (const char * const   *args,
                                                 const char * const   *env);
/* The application's accessible (role "application"). Borrowed. */
AtspiAccessible  *trib_atspi_test_app_root      (TribAtspiApp         *app);
GPid              trib_atspi_test_app_pid       (TribAtspiApp         *app);
/* FALSE once the child has exited (crashed); its wait status is then in
 * *status if not NULL.
 */
gboolean          trib_atspi_test_app_running   (TribAtspiApp         *app,
                                                 int                  *status);
/* Fails the test, saying how the child ended, unless it still runs. */
void              trib_atspi_test_assert_alive  (TribAtspiApp         *app);
/* Ends the child and everything it started, waits for them to be gone,
 * removes the temporary directory, and frees @app. NULL is ignored.
 */
void              trib_atspi_test_stop          (TribAtspiApp         *app);

/* Waiting: pumps the main context (AT-SPI events arrive there) until
 * @predicate returns TRUE (returns TRUE) or @timeout_s passed (FALSE).
 */
gboolean          trib_atspi_test_wait_for      (TribAtspiPredicate    predicate,
                                                 gpointer              data,
                                                 guint                 timeout_s);
/* Pumps the main context for a short moment, letting events arrive. */
void              trib_atspi_test_pump          (void);

/* Walking. The walk starts from fresh data (the libatspi cache of
 * @root's subtree is cleared first). Returns an array of TribAtspiNode,
 * parents before children, in tree order; free with g_ptr_array_unref.
 */
GPtrArray        *trib_atspi_test_walk          (AtspiAccessible      *root,
                                                 TribAtspiWalkFlags    flags);
/* First node in tree order with @role (ATSPI_ROLE_INVALID: any) and
 * @name (NULL: any), or NULL. Transfer full.
 */
AtspiAccessible  *trib_atspi_test_find          (AtspiAccessible      *root,
                                                 AtspiRole             role,
                                                 const char           *name,
                                                 TribAtspiWalkFlags    flags);
/* trib_atspi_test_find() until found; fails the test after @timeout_s. */
AtspiAccessible  *trib_atspi_test_wait_for_node (AtspiAccessible      *root,
                                                 AtspiRole             role,
                                                 const char           *name,
                                                 guint                 timeout_s);
/* The deepest node of @root's subtree with the FOCUSED state, or NULL.
 * Transfer full.
 */
AtspiAccessible  *trib_atspi_test_focused       (AtspiAccessible      *root);

/* Reading one node (fresh from the app, not cached). */
gboolean          trib_atspi_test_has_state     (AtspiAccessible      *accessible,
                                                 AtspiStateType        state);
char             *trib_atspi_test_get_name      (AtspiAccessible      *accessible);
/* All the text of the Text interface; NULL if @accessible has none. */
char             *trib_atspi_test_get_text      (AtspiAccessible      *accessible);
/* The targets (AtspiAccessible, owned) of @accessible's relations of
 * @type; an empty array if none.
 */
GPtrArray        *trib_atspi_test_relation_targets (AtspiAccessible   *accessible,
                                                    AtspiRelationType  type);
/* "push button 'Reload'": for messages and logs. */
char             *trib_atspi_test_describe      (AtspiAccessible      *accessible);
/* Same object of the same application. */
gboolean          trib_atspi_test_same          (AtspiAccessible      *a,
                                                 AtspiAccessible      *b);

/* Acting. */
/* Runs the action named @action ("click", "activate", …; NULL: the
 * first one); fails the test if there is none.
 */
void              trib_atspi_test_do_action     (AtspiAccessible      *accessible,
                                                 const char           *action);
/* FALSE if it could not: GTK 4.8 does not implement GrabFocus. Move
 * the focus with keys then (Tab, arrows, mnemonics).
 */
gboolean          trib_atspi_test_grab_focus    (AtspiAccessible      *accessible);
/* Types on the X keyboard (xdotool key names, e.g. "ctrl+Return",
 * "shift+Tab", several separated by spaces) into the app's focused
 * window, as a person would. Returns when the X server has sent them;
 * wait for their effect with trib_atspi_test_wait_for().
 */
void              trib_atspi_test_press_key     (TribAtspiApp         *app,
                                                 const char           *keys);
/* Types @text as characters, likewise. */
void              trib_atspi_test_type_text     (TribAtspiApp         *app,
                                                 const char           *text);

/* Events: records every event of the listed types (e.g.
 * "object:state-changed:focused", "object:text-changed",
 * "object:announcement") from now on.
 */
TribAtspiEvents  *trib_atspi_test_events_new    (const char * const   *types);
/* The TribAtspiEvent seen so far, oldest first. Borrowed. */
GPtrArray        *trib_atspi_test_events_get    (TribAtspiEvents      *events);
void              trib_atspi_test_events_clear  (TribAtspiEvents      *events);
/* Waits until an event whose type starts with @type_prefix arrived from
 * @source (NULL: any source); returns it (borrowed) or NULL at timeout.
 */
TribAtspiEvent   *trib_atspi_test_events_wait   (TribAtspiEvents      *events,
                                                 const char           *type_prefix,
                                                 AtspiAccessible      *source,
                                                 guint                 timeout_s);
void              trib_atspi_test_events_free   (TribAtspiEvents      *events);

void              trib_atspi_node_free          (TribAtspiNode        *node);

/* libatspi 2.46 declares none. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiAccessible, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiStateSet, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiText, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiAction, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiComponent, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiEditableText, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribAtspiApp, trib_atspi_test_stop)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribAtspiEvents, trib_atspi_test_events_free)

G_END_DECLS
