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
