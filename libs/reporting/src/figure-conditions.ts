/** SQL for the start of local day `dateParam` (a YYYY-MM-DD parameter) in time zone `zoneParam`, as timestamptz. */
export const localDayStart = (dateParam: string, zoneParam: string) => `((${dateParam})::date::timestamp AT TIME ZONE ${zoneParam})`;

/**
 * The conditions, on the applications row `a`, that say which applications a dashboard figure counts. The inbox's
 * drill-down filters use the same text, so a figure and the list behind it cannot drift apart. Arguments are
 * placeholders (`$3`) or SQL expressions.
 */
export const inAgencySubtree = (code: string, column = 'a.assigned_agency_id') =>
  `${column} IN (SELECT id FROM agency_subtree((SELECT id FROM agencies WHERE code = ${code})))`;

/** Assigned to exactly this agency: a row of the within-deadline table by agency. */
export const atAgency = (code: string) => `a.assigned_agency_id = (SELECT id FROM agencies WHERE code = ${code})`;

export const withTopic = (code: string, column = 'a.topic_id') => `${column} = (SELECT id FROM topics WHERE code = ${code})`;

/** The earliest running deadline (applications.next_deadline_at) has passed at `now`: breached, the inbox's due=overdue. */
export const deadlinePassed = (now: string) => `a.next_deadline_at <= ${now}`;

/** Not passed at `now`, and due by `until` (now + SLA_DUE_SOON_HOURS): at risk, the inbox's due=soon. */
export const deadlineSoon = (now: string, until: string) => `a.next_deadline_at > ${now} AND a.next_deadline_at <= ${until}`;

/** Not passed at `now`, and due before the end of its local day in `zone`: due today, the inbox's due=today. */
export const deadlineToday = (now: string, zone: string) =>
  `a.next_deadline_at > ${now} AND a.next_deadline_at < (SELECT date_trunc('day', ${now}::timestamptz AT TIME ZONE ${zone}) AT TIME ZONE ${zone}) + interval '1 day'`;

/** Received on or after the start of local day `date` (YYYY-MM-DD) in time zone `zone`. */
export const receivedFromDay = (date: string, zone: string) => `a.created_at >= ${localDayStart(date, zone)}`;

/** Received before the end of local day `date`, that day included. */
export const receivedToDay = (date: string, zone: string) => `a.created_at < ${localDayStart(date, zone)} + interval '1 day'`;

/** Answered on or after the start of local day `date` (the trend's answered line counts answers on the day given). */
export const answeredFromDay = (date: string, zone: string) => `a.answered_at >= ${localDayStart(date, zone)}`;

export const answeredToDay = (date: string, zone: string) => `a.answered_at < ${localDayStart(date, zone)} + interval '1 day'`;

export const ANSWERED = 'a.answered_at IS NOT NULL';

/** A first_response clock stopped: the response times count these (the time to the first stop). */
export const FIRST_RESPONSE_GIVEN = `EXISTS (SELECT 1 FROM sla_clocks c WHERE c.application_id = a.id AND c.kind = 'first_response' AND c.stopped_at IS NOT NULL)`;
