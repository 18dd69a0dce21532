import type { ApplicationStatus } from '@petitio/applications';
import type { ClockKind, SlaState } from '@petitio/sla';

/** Every sentence the staff console shows, in one language. */
export interface ConsoleTexts {
  languageName: string;
  siteName: string;
  skipToContent: string;
  signOut: string;
  mainNavigation: string;
  inboxLink: string;
  dashboardLink: string;
  dashboard: {
    title: string;
    filters: string;
    from: string;
    to: string;
    agency: string;
    agencyHint: string;
    type: string;
    topic: string;
    channel: string;
    any: string;
    apply: string;
    clear: string;
    exportCsv: string;
    periodInvalid: string;
    now: string;
    figure: string;
    count: string;
    headline: { open: string; receivedToday: string; dueToday: string; atRisk: string; breached: string };
    /** Appended to a figure's link, for screen readers: where it leads. */
    showInInbox: string;
    /** {time} */
    updatedAt: string;
    withinDeadlineTitle: string;
    dimensions: { agency: string; type: string; topic: string; channel: string };
    none: string;
    answered: string;
    withinDeadline: string;
    share: string;
    responseTimesTitle: string;
    measure: string;
    firstResponse: string;
    answer: string;
    measured: string;
    median: string;
    p90: string;
    /** {n} hours */
    hours: string;
    agingTitle: string;
    ageDays: string;
    /** {range} days */
    agingBucket: string;
    agingOver: string;
    transfersTitle: string;
    applications: string;
    transfers: string;
    perApplication: string;
    pingPong: string;
    channelsTitle: string;
    satisfactionTitle: string;
    ratings: string;
    average: string;
    /** {n} stars */
    stars: string;
    trendTitle: string;
    /** {from}, {to} */
    trendChart: string;
    day: string;
    received: string;
    answeredOnDay: string;
    empty: string;
  };
  /** The header's language links; each names its language in that language. */
  languageSwitcher: string;
  signIn: {
    title: string;
    intro: string;
    email: string;
    password: string;
    submit: string;
    invalidCredentials: string;
    /** {minutes}: how long until the lock ends, rounded up. */
    locked: string;
    emailRequired: string;
    passwordRequired: string;
    signedOut: string;
  };
  inbox: {
    title: string;
    filters: string;
    status: string;
    anyStatus: string;
    due: string;
    anyDue: string;
    dueOverdue: string;
    dueSoon: string;
    escalated: string;
    mine: string;
    search: string;
    searchHint: string;
    apply: string;
    clear: string;
    caption: string;
    empty: string;
    columns: { trackingNumber: string; subject: string; status: string; agency: string; received: string; deadline: string };
    noAgency: string;
    nextPage: string;
    firstPage: string;
    paging: string;
  };
  sla: {
    states: Record<SlaState, string>;
    paused: string;
    noDeadline: string;
    /** {n} working hours / minutes / days, left or over. */
    workingHoursLeft: string;
    workingHoursOver: string;
    workingMinutesLeft: string;
    workingMinutesOver: string;
    daysLeft: string;
    daysOver: string;
    hoursLeft: string;
    hoursOver: string;
    escalatedToCenter: string;
  };
  detail: {
    heading: string;
    backToInbox: string;
    facts: string;
    status: string;
    type: string;
    topic: string;
    channel: string;
    agency: string;
    officer: string;
    unassigned: string;
    received: string;
    language: string;
    location: string;
    confidential: string;
    yes: string;
    no: string;
    citizen: string;
    identityHidden: string;
    name: string;
    phone: string;
    email: string;
    notGiven: string;
    application: string;
    subject: string;
    deadlines: string;
    deadlinesCaption: string;
    deadlineColumns: { kind: string; due: string; state: string };
    clockKinds: Record<ClockKind, string>;
    stopped: string;
    extended: string;
    messages: string;
    noMessages: string;
    toCitizen: string;
    fromCitizen: string;
    history: string;
    by: string;
    system: string;
    citizenActor: string;
    actions: string;
    claim: { title: string; intro: string; submit: string; done: string };
    note: { title: string; text: string; hint: string; submit: string; done: string };
    ask: { title: string; text: string; hint: string; submit: string; done: string };
    answer: { title: string; text: string; hint: string; submit: string; done: string };
    start: { title: string; intro: string; submit: string; done: string };
    assign: { title: string; officer: string; hint: string; noOfficer: string; choose: string; submit: string; done: string };
    transfer: { title: string; agency: string; reason: string; note: string; noteHint: string; choose: string; submit: string; done: string };
    reject: { title: string; reason: string; text: string; hint: string; choose: string; submit: string; done: string };
    duplicate: { title: string; original: string; hint: string; submit: string; done: string };
    close: { title: string; intro: string; submit: string; done: string };
    interim: { title: string; text: string; hint: string; submit: string; done: string };
    /** {deadline}: the clock's name (First response, Answer…). */
    extend: { title: string; reason: string; hint: string; submit: string; done: string };
    canned: { title: string; response: string; hint: string; submit: string; drafted: string; none: string };
    noActions: string;
  };
  statuses: Record<ApplicationStatus, string>;
  types: Record<string, string>;
  channels: Record<string, string>;
  messageKinds: Record<string, string>;
  historyKinds: Record<string, string>;
  refused: Record<string, string>;
  errorSummary: string;
  errors: {
    notFoundTitle: string;
    notFound: string;
    forbiddenTitle: string;
    forbidden: string;
    formExpired: string;
    serverTitle: string;
    server: string;
    backToInbox: string;
  };
  /** Field errors by the API's stable code. */
  fieldErrors: Record<string, string>;
}
