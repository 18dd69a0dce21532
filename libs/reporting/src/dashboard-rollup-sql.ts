import { DURATION_BUCKETS } from './dashboard-durations';

/** An answer clock `c` that passed its deadline (fired, or stopped after it). */
const LATE_CLOCK = `(c.kind = 'answer' AND (c.breached_at IS NOT NULL OR c.stopped_at > c.deadline_at))`;
/** What makes a clock's lateness public: the public statistics count only that. */
const PUBLIC_LATENESS = `(c.terms->>'publicLateFlag')::boolean IS DISTINCT FROM false`;

/** The application `a` was answered late: one of its answer clocks passed its deadline. */
export const LATE_ANSWER_CLOCK = `EXISTS (SELECT 1 FROM sla_clocks c WHERE c.application_id = a.id AND ${LATE_CLOCK})`;

/** The rollup cube's dimensions, as bits of `dims`: a row is split by those set and summed over the others. */
export const DIMENSION_BITS = { agency: 1, type: 2, topic: 4, channel: 8 } as const;

const KEY = 'agency_id, type_code, topic_id, channel';
const COUNTERS = ['received', 'answered', 'answered_within', 'answered_within_public', 'transfers', 'transferred_twice', 'answered_in_period'];
const ARRAYS: [string, number][] = [
  ['answer_histogram', DURATION_BUCKETS],
  ['first_response_histogram', DURATION_BUCKETS],
  ['ratings', 5],
];
const COLUMNS = `dims, ${KEY}, ${COUNTERS.join(', ')}, ${ARRAYS.map(([c]) => c).join(', ')}`;

/** Element-wise sum of an integer[] column, as one array (PostgreSQL has no such aggregate). `sign` -1 subtracts. */
export const sumArray = (column: string, length: number, sign = 1) =>
  `ARRAY[${Array.from({ length }, (_, i) => `COALESCE(sum(${column}[${i + 1}]), 0)${sign < 0 ? ' * -1' : ''}`).join(', ')}]::int[]`;

/** The 1-based histogram bucket of a duration in seconds ($3 the bounds), null without one; negative counts as 0. */
const bucketOf = (seconds: string) =>
  `(SELECT CASE WHEN s IS NULL THEN NULL ELSE width_bucket(GREATEST(s, 0), $3::float8[]) END FROM (SELECT ${seconds} AS s) x)`;
const buckets = (column: string) => Array.from({ length: DURATION_BUCKETS }, (_, i) => `count(*) FILTER (WHERE ${column} = ${i + 1})`).join(', ');
const dimsOf = () =>
  Object.entries({ agency_id: DIMENSION_BITS.agency, type_code: DIMENSION_BITS.type, topic_id: DIMENSION_BITS.topic, channel: DIMENSION_BITS.channel })
    .map(([column, bit]) => `(CASE WHEN GROUPING(${column}) = 0 THEN ${bit} ELSE 0 END)`)
    .join(' | ');

/**
 * The cube's day rows from the live tables, for the given local days: the cohort received on each day (its answers,
 * lateness, response times, transfers and ratings as they stand) and the answers given on each day. Reads each
 * day's applications by created_at and by answered_at, and their clocks per application: a day is small.
 * $1 days, $2 time zone, $3 bucket bounds, $4 an empty histogram.
 */
export const RECOMPUTE_DAYS = `
  WITH days AS (SELECT unnest($1::date[]) AS day),
  -- Materialised: each application's buckets and clock lookups are computed once, not once per FILTER below.
  cohort AS MATERIALIZED (
    SELECT d.day, a.assigned_agency_id AS agency_id, a.type_code, a.topic_id, a.channel,
      a.answered_at IS NOT NULL AS answered, a.answered_at IS NOT NULL AND k.late AS late, a.answered_at IS NOT NULL AND k.late_public AS late_public,
      ${bucketOf('extract(epoch FROM a.answered_at - a.created_at)')} AS answer_bucket,
      ${bucketOf('extract(epoch FROM k.first_response - a.created_at)')} AS first_bucket,
      a.transfer_count, a.rating
    FROM days d JOIN applications a ON a.created_at >= (d.day::timestamp AT TIME ZONE $2) AND a.created_at < ((d.day + 1)::timestamp AT TIME ZONE $2)
    -- One read of each application's clocks for all three facts.
    CROSS JOIN LATERAL (
      SELECT COALESCE(bool_or(${LATE_CLOCK}), false) AS late, COALESCE(bool_or(${LATE_CLOCK} AND ${PUBLIC_LATENESS}), false) AS late_public,
        min(c.stopped_at) FILTER (WHERE c.kind = 'first_response') AS first_response
      FROM sla_clocks c WHERE c.application_id = a.id) k),
  answer_rows AS (
    SELECT d.day, a.assigned_agency_id AS agency_id, a.type_code, a.topic_id, a.channel, count(*) AS answered_in_period
    FROM days d JOIN applications a ON a.answered_at >= (d.day::timestamp AT TIME ZONE $2) AND a.answered_at < ((d.day + 1)::timestamp AT TIME ZONE $2)
    GROUP BY 1, 2, 3, 4, 5),
  cohort_rows AS (
    SELECT day, ${KEY}, count(*) AS received, count(*) FILTER (WHERE answered) AS answered,
      count(*) FILTER (WHERE answered AND NOT late) AS answered_within, count(*) FILTER (WHERE answered AND NOT late_public) AS answered_within_public,
      ARRAY[${buckets('answer_bucket')}]::int[] AS answer_histogram, ARRAY[${buckets('first_bucket')}]::int[] AS first_response_histogram,
      COALESCE(sum(transfer_count), 0) AS transfers, count(*) FILTER (WHERE transfer_count >= 2) AS transferred_twice,
      ARRAY[${[1, 2, 3, 4, 5].map((s) => `count(*) FILTER (WHERE rating = ${s})`).join(', ')}]::int[] AS ratings
    FROM cohort GROUP BY day, ${KEY}),
  finest AS MATERIALIZED (
    SELECT COALESCE(c.day, w.day) AS day, COALESCE(c.agency_id, w.agency_id) AS agency_id, COALESCE(c.type_code, w.type_code) AS type_code,
      COALESCE(c.topic_id, w.topic_id) AS topic_id, COALESCE(c.channel, w.channel) AS channel,
      COALESCE(c.received, 0) AS received, COALESCE(c.answered, 0) AS answered, COALESCE(c.answered_within, 0) AS answered_within,
      COALESCE(c.answered_within_public, 0) AS answered_within_public, COALESCE(c.transfers, 0) AS transfers,
      COALESCE(c.transferred_twice, 0) AS transferred_twice, COALESCE(w.answered_in_period, 0) AS answered_in_period,
      COALESCE(c.answer_histogram, $4::int[]) AS answer_histogram, COALESCE(c.first_response_histogram, $4::int[]) AS first_response_histogram,
      COALESCE(c.ratings, '{0,0,0,0,0}') AS ratings
    FROM cohort_rows c FULL JOIN answer_rows w
      ON w.day = c.day AND w.agency_id IS NOT DISTINCT FROM c.agency_id AND w.type_code = c.type_code
     AND w.topic_id IS NOT DISTINCT FROM c.topic_id AND w.channel = c.channel)
  INSERT INTO dashboard_daily (day, ${COLUMNS})
  SELECT day, ${dimsOf()}, ${KEY}, ${COUNTERS.map((c) => `sum(${c})`).join(', ')}, ${ARRAYS.map(([c, n]) => sumArray(c, n)).join(', ')}
  FROM finest GROUP BY day, CUBE (${KEY})`;

/**
 * Adds the day rows of $1 (the local days) to their months, `sign` -1 takes them away: a refresh takes a day's old
 * rows out of its month before recomputing the day, and adds the new ones after. Months never re-read their days.
 */
export const addDaysToMonths = (sign: 1 | -1) => `
  INSERT INTO dashboard_monthly AS m (month, ${COLUMNS})
  SELECT date_trunc('month', d.day)::date, d.dims, ${KEY.split(', ')
    .map((c) => `d.${c}`)
    .join(', ')},
    ${COUNTERS.map((c) => `sum(d.${c})${sign < 0 ? ' * -1' : ''}`).join(', ')}, ${ARRAYS.map(([c, n]) => sumArray(`d.${c}`, n, sign)).join(', ')}
  FROM dashboard_daily d WHERE d.day = ANY($1::date[])
  GROUP BY 1, d.dims, ${KEY.split(', ')
    .map((c) => `d.${c}`)
    .join(', ')}
  ON CONFLICT (dims, month, ${KEY}) DO UPDATE SET
    ${COUNTERS.map((c) => `${c} = m.${c} + EXCLUDED.${c}`).join(', ')},
    ${ARRAYS.map(([c]) => `${c} = int_array_add(m.${c}, EXCLUDED.${c})`).join(', ')}`;

/** Month rows left with nothing in them. $1 the months' first days. */
export const DROP_EMPTY_MONTHS = `DELETE FROM dashboard_monthly WHERE month = ANY($1::date[]) AND received = 0 AND answered_in_period = 0`;
