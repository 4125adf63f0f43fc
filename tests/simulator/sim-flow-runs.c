/* sim-flow-runs.c
 *
 * Flows that live: each enabled flow fires on its schedule as the
 * simulator's clock (sim-clock.c) passes its slots, and each run's
 * outcome comes from the world. A run on an account whose credentials
 * the remote end refuses fails (expired credentials), one on an address
 * that leads nowhere fails too (unreachable host), and a flow the world
 * gives a `mismatch` meets rows its mapping refuses every so often
 * (`MAPPER-3700-400`, a partial success). When a run ends, the Catalog
 * gets the batch it wrote on the flow's dataset.
 *
 * Runs are small structs, their JSON made when asked for, so that the
 * paging sandbox's 100,000 stay cheap; a run's id carries its flow's
 * serial and its index, which is how `GET /runs/{id}` finds it.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-flow-runs"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sim-catalog-private.h"
#include "sim-clock.h"
#include "sim-flow-private.h"

#define MINUTE_MS ((gint64) 60 * 1000)

/* A clock moved on by a year does not make a year of runs at once. */
#define MAX_SLOTS_PER_CATCH_UP 2000

static struct
{
  GHashTable *by_serial;    /* serial → FlowLive */
  GPtrArray *all;           /* FlowEntities with live flows, for the clock */
  guint32 next_serial;
} runs;

static guint64
mix (guint64 x)
{
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;

  return x;
}

static void
clock_cb (gint64   now_ms,
          gpointer user_data)
{
  for (guint i = 0; i < runs.all->len; i++)
    flow_live_catch_up_all (g_ptr_array_index (runs.all, i), now_ms);
}

void
flow_runs_init (void)
{
  if (runs.by_serial != NULL)
    return;

  runs.by_serial = g_hash_table_new (NULL, NULL);
  runs.all = g_ptr_array_new ();
  sim_clock_add_listener (clock_cb, NULL);
}

void
flow_live_free (FlowLive *live)
{
  g_hash_table_remove (runs.by_serial, GUINT_TO_POINTER (live->serial));
  json_object_unref (live->flow);
  g_array_unref (live->runs);
  g_free (live->mismatch_column);
  g_ptr_array_unref (live->messages);
  g_free (live);
}

static JsonObject *
schedule_of (FlowLive *live)
{
  return flow_member_object (live->flow, "scheduleParams");
}

/* A dataset export's schedule has no `frequency`: its unit is
 * `timeUnit` (`hour` or `day`), and interval 0 runs once
 * (sim-dataset-export-runs.c reads the same members).
 */
static gboolean
is_export_schedule (JsonObject *schedule)
{
  return sim_json_get_string (schedule, "frequency") == NULL && sim_json_get_string (schedule, "timeUnit") != NULL;
}

static gint64
export_period_ms (JsonObject *schedule)
{
  gint64 interval = 0;

  if (!flow_get_integer (json_object_get_member (schedule, "interval"), TRUE, &interval) || interval < 1)
    return 0;

  return interval * (g_str_equal (sim_json_get_string (schedule, "timeUnit"), "hour") ? 60 : 24 * 60) * MINUTE_MS;
}

gboolean
flow_live_is_once (FlowLive *live)
{
  JsonObject *schedule = schedule_of (live);

  if (is_export_schedule (schedule))
    return export_period_ms (schedule) == 0;

  return g_strcmp0 (sim_json_get_string (schedule, "frequency"), "once") == 0;
}

/* 0 for a `once` flow. Intervals may come as strings (API-NOTES §A8). */
gint64
flow_live_period_ms (FlowLive *live)
{
  JsonObject *schedule = schedule_of (live);
  const char *frequency = sim_json_get_string (schedule, "frequency");
  gint64 interval = 1;
  gint64 unit;

  if (schedule != NULL && is_export_schedule (schedule))
    return export_period_ms (schedule);
  if (frequency == NULL || g_str_equal (frequency, "once"))
    return 0;
  if (!flow_get_integer (json_object_get_member (schedule, "interval"), TRUE, &interval) || interval < 1)
    interval = 1;
  if (g_str_equal (frequency, "minute"))
    unit = MINUTE_MS;
  else if (g_str_equal (frequency, "hour"))
    unit = 60 * MINUTE_MS;
  else if (g_str_equal (frequency, "day"))
    unit = 24 * 60 * MINUTE_MS;
  else
    unit = 7 * 24 * 60 * MINUTE_MS;

  return interval * unit;
}

static gint64
start_time_ms (FlowLive *live)
{
  gint64 start = 0;

  flow_get_integer (json_object_get_member (schedule_of (live), "startTime"), TRUE, &start);

  return start * 1000;
}

/* Exports stop at their `endTime`; other flows run on. */
static gint64
end_time_ms (FlowLive *live)
{
  gint64 end = 0;

  if (!flow_get_integer (json_object_get_member (schedule_of (live), "endTime"), TRUE, &end) || end <= 0 ||
      end > G_MAXINT64 / 1000)
    return G_MAXINT64;

  return end * 1000;
}

/* The first slot at or after @now_ms: missed slots are not made up for,
 * as when a flow is enabled again.
 */
void
flow_live_reschedule (FlowLive *live,
                      gint64    now_ms)
{
  gint64 period = flow_live_period_ms (live);
  gint64 start = start_time_ms (live);

  if (g_strcmp0 (sim_json_get_string (live->flow, "state"), "enabled") != 0)
    live->next_ms = G_MAXINT64;
  else if (period == 0)
    /* A `once` flow runs at its start time, or at once if that is past,
     * unless it already ran.
     */
    live->next_ms = live->runs->len > 0 ? G_MAXINT64 : MAX (start, now_ms);
  else if (start >= now_ms)
    live->next_ms = start;
  else
    live->next_ms = start + ((now_ms - start + period - 1) / period) * period;
}

FlowLive *
flow_live_add (FlowEntities *entities,
               JsonObject   *flow,
               gint64        now_ms)
{
  FlowLive *live = g_new0 (FlowLive, 1);

  flow_runs_init ();
  live->entities = entities;
  live->flow = json_object_ref (flow);
  live->serial = ++runs.next_serial;
  live->runs = g_array_new (FALSE, TRUE, sizeof (FlowRun));
  live->records = 5000;
  live->messages = g_ptr_array_new_with_free_func (g_free);
  flow_live_reschedule (live, now_ms);

  g_hash_table_insert (entities->live, g_strdup (sim_json_get_string (flow, "id")), live);
  g_hash_table_insert (runs.by_serial, GUINT_TO_POINTER (live->serial), live);
  if (!g_ptr_array_find (runs.all, entities, NULL))
    g_ptr_array_add (runs.all, entities);

  return live;
}

FlowLive *
flow_live_get (FlowEntities *entities,
               const char   *flow_id)
{
  return flow_id != NULL ? g_hash_table_lookup (entities->live, flow_id) : NULL;
}

void
flow_live_remove (FlowEntities *entities,
                  const char   *flow_id)
{
  g_hash_table_remove (entities->live, flow_id);
}

const char *
flow_live_dataset_id (FlowLive *live)
{
  JsonArray *targets = flow_member_array (live->flow, "targetConnectionIds");
  JsonObject *target;

  if (targets == NULL || json_array_get_length (targets) == 0)
    return NULL;
  target = g_hash_table_lookup (live->entities->targets, json_array_get_string_element (targets, 0));

  return sim_json_get_string (flow_member_object (target, "params"), "dataSetId");
}

/* What the source's account says now: a failure and its complaint. */
static FlowFailure
evaluate_source (FlowLive    *live,
                 const char **message)
{
  JsonArray *sources = flow_member_array (live->flow, "sourceConnectionIds");
  JsonObject *source = NULL;
  const char *base_id;
  FlowConnection *connection;
  gboolean unreachable = FALSE;

  *message = NULL;
  if (sources != NULL && json_array_get_length (sources) > 0)
    source = g_hash_table_lookup (live->entities->sources, json_array_get_string_element (sources, 0));
  if (!(base_id = sim_json_get_string (source, "baseConnectionId")))
    return FLOW_FAILURE_NONE;
  connection = flow_lookup_connection (live->entities->server, live->entities->client, live->entities->sandbox,
                                       base_id);
  if (connection == NULL)
    {
      *message = "The source account no longer exists.";
      return FLOW_FAILURE_CREDENTIALS;
    }
  if (!(*message = flow_connection_refusal (connection, &unreachable)))
    return FLOW_FAILURE_NONE;

  return unreachable ? FLOW_FAILURE_UNREACHABLE : FLOW_FAILURE_CREDENTIALS;
}

static guint8
intern_message (FlowLive   *live,
                const char *message)
{
  for (guint i = 0; i < live->messages->len; i++)
    if (g_str_equal (g_ptr_array_index (live->messages, i), message))
      return (guint8) (i + 1);
  if (live->messages->len >= 255)
    return 0;
  g_ptr_array_add (live->messages, g_strdup (message));

  return (guint8) live->messages->len;
}

/**
 * flow_live_add_run:
 * @history: a run of the world's past: it fails only from
 *   #FlowLive.healthy_until_ms on
 * @parent: 1 + the index of the run this re-triggers, or 0
 *
 * Returns: the new run's index
 */
guint
flow_live_add_run (FlowLive *live,
                   gint64    started_ms,
                   gint64    created_ms,
                   gboolean  history,
                   guint     parent)
{
  guint index = live->runs->len;
  guint64 hash = mix (((guint64) live->serial << 32) | index);
  FlowRun run = { 0 };
  const char *message = NULL;

  run.started_ms = started_ms;
  run.created_ms = created_ms;
  run.parent = parent;
  run.files = 1 + hash % 4;
  run.records_in = (guint32) MAX (1, live->records / 2 + (gint64) ((hash >> 8) % (guint64) MAX (1, live->records)));
  run.duration_ms = (guint32) (35 * 1000 + run.records_in / 20 + (hash >> 24) % (90 * 1000));

  if (!history || started_ms >= live->healthy_until_ms)
    run.failure = evaluate_source (live, &message);
  if (run.failure != FLOW_FAILURE_NONE)
    {
      run.message = intern_message (live, message);
      run.records_in = 0;
      run.files = 0;
      run.duration_ms = 4000 + (hash >> 40) % 20000;
    }
  else if (live->mismatch_every > 0 && index % live->mismatch_every == live->mismatch_every - 1)
    {
      /* Every Nth run, by its index: any N runs in a row have one. */
      run.records_failed = MAX (1, (guint32) ((guint64) run.records_in * live->mismatch_permille / 1000));
    }

  g_array_append_val (live->runs, run);

  return index;
}

/* Whether a run asked for by hand (run now, re-trigger: queued, so made
 * before it starts) has started and not ended at @now_ms. Scheduled runs
 * do not count: the tests that roll a setup back on the real-time clock
 * would meet one now and then.
 */
gboolean
flow_live_is_running (FlowLive *live,
                      gint64    now_ms)
{
  for (guint i = live->n_finished; i < live->runs->len; i++)
    {
      FlowRun *run = &g_array_index (live->runs, FlowRun, i);

      if (run->created_ms < run->started_ms && run->started_ms <= now_ms &&
          now_ms < run->started_ms + run->duration_ms)
        return TRUE;
    }

  return FALSE;
}

const char *
flow_run_status (FlowLive *live,
                 guint     index,
                 gint64    now_ms)
{
  FlowRun *run = &g_array_index (live->runs, FlowRun, index);

  if (now_ms < run->started_ms)
    return "scheduled";
  if (now_ms < run->started_ms + run->duration_ms)
    return "inProgress";
  if (run->failure != FLOW_FAILURE_NONE || (run->records_failed > 0 && run->records_failed >= run->records_in))
    return "failed";

  return run->records_failed > 0 ? "partialSuccess" : "success";
}

/* The Catalog hears of the batch a run wrote when the run ends. */
static void
finish_run (FlowLive *live,
            guint     index)
{
  FlowRun *run = &g_array_index (live->runs, FlowRun, index);
  const char *dataset_id = flow_live_dataset_id (live);
  char batch_id[27];

  if (run->failure != FLOW_FAILURE_NONE || dataset_id == NULL)
    return;

  flow_run_batch_id (live, index, batch_id);
  catalog_add_flow_batch (live->entities->server, live->entities->client, live->entities->sandbox, dataset_id,
                          batch_id, run->records_failed >= run->records_in ? "failed" : "success",
                          run->started_ms + 2000, run->started_ms + run->duration_ms,
                          run->records_in - MIN (run->records_failed, run->records_in), run->records_failed,
                          run->records_failed > 0 ? "MAPPER-3700-400" : NULL,
                          run->records_failed > 0 ? "Some rows do not match the mapping: see the run's errors."
                                                  : NULL);
}

void
flow_live_catch_up (FlowLive *live,
                    gint64    now_ms)
{
  gint64 period = flow_live_period_ms (live);

  if (live->next_ms <= now_ms && period > 0 && (now_ms - live->next_ms) / period > MAX_SLOTS_PER_CATCH_UP)
    live->next_ms += ((now_ms - live->next_ms) / period - MAX_SLOTS_PER_CATCH_UP) * period;

  while (live->next_ms <= now_ms)
    {
      if (live->next_ms > end_time_ms (live))
        {
          live->next_ms = G_MAXINT64;
          break;
        }
      flow_live_add_run (live, live->next_ms, live->next_ms, FALSE, 0);
      live->next_ms = period > 0 ? live->next_ms + period : G_MAXINT64;
    }

  /* In order: a run still going holds back the batches of later ones. */
  while (live->n_finished < live->runs->len)
    {
      FlowRun *run = &g_array_index (live->runs, FlowRun, live->n_finished);

      if (run->started_ms + run->duration_ms > now_ms)
        break;
      finish_run (live, live->n_finished++);
    }
}

void
flow_live_catch_up_all (FlowEntities *entities,
                        gint64        now_ms)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, entities->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    flow_live_catch_up (value, now_ms);
}

/* UUID-shaped, with the flow's serial and the run's index inside. */
char *
flow_run_id (FlowLive *live,
             guint     index)
{
  guint64 hash = mix (live->serial);

  return g_strdup_printf ("%08x-%04x-4%03x-8%03x-%012x", live->serial, (guint) (hash & 0xffff),
                          (guint) ((hash >> 16) & 0xfff), (guint) ((hash >> 28) & 0xfff), index);
}

FlowLive *
flow_run_lookup (FlowEntities *entities,
                 const char   *run_id,
                 guint        *index)
{
  unsigned int serial = 0;
  unsigned int n = 0;
  FlowLive *live;
  g_autofree char *expected = NULL;

  if (run_id == NULL || strlen (run_id) != 36 || sscanf (run_id, "%8x-%*4x-4%*3x-8%*3x-%12x", &serial, &n) != 2)
    return NULL;
  if (!(live = g_hash_table_lookup (runs.by_serial, GUINT_TO_POINTER (serial))) || live->entities != entities ||
      n >= live->runs->len)
    return NULL;
  expected = flow_run_id (live, n);
  if (!g_str_equal (expected, run_id))
    return NULL;

  *index = n;

  return live;
}

/* ULID-shaped, as the platform's batch ids: the time, then randomness
 * made from the run, so the same world gives the same ids.
 */
void
flow_run_batch_id (FlowLive *live,
                   guint     index,
                   char      out[27])
{
  static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  FlowRun *run = &g_array_index (live->runs, FlowRun, index);
  guint64 time = (guint64) run->started_ms;
  guint64 random = mix (((guint64) live->serial << 32) ^ index ^ 0x5bd1e995ULL);
  guint64 random2 = mix (random);

  for (int i = 9; i >= 0; i--, time >>= 5)
    out[i] = alphabet[time & 31];
  for (int i = 10; i < 26; i++)
    {
      out[i] = alphabet[(i < 18 ? random : random2) & 31];
      if (i < 18)
        random >>= 5;
      else
        random2 >>= 5;
    }
  out[26] = '\0';
}
