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
  callsLink: string;
  usersLink: string;
  directoryLink: string;
  topicsLink: string;
  routingLink: string;
  slaPoliciesLink: string;
  calls: {
    title: string;
    lookupTitle: string;
    phone: string;
    phoneInvalid: string;
    /** The form's key was used before with other content (Back, edit, send again). */
    resubmitted: string;
    phoneHint: string;
    find: string;
    /** {n} */
    found: string;
    noneFound: string;
    caption: string;
    columns: { trackingNumber: string; type: string; topic: string; status: string; agency: string; received: string };
    noTopic: string;
    noAgency: string;
    formTitle: string;
    type: string;
    chooseType: string;
    topic: string;
    topicHint: string;
    subject: string;
    body: string;
    bodyHint: string;
    callerName: string;
    callerPhone: string;
    callerEmail: string;
    language: string;
    provinceCode: string;
    districtCode: string;
    regionHint: string;
    confidential: string;
    optional: string;
    submit: string;
    receiptTitle: string;
    readOut: string;
    trackingNumber: string;
    accessCode: string;
    another: string;
  };
  users: {
    title: string;
    caption: string;
    columns: { name: string; email: string; roles: string; agency: string; status: string; actions: string };
    empty: string;
    statuses: Record<string, string>;
    roles: Record<string, string>;
    /** {name} */
    disable: string;
    disabled: string;
    /** {name} */
    unlock: string;
    unlocked: string;
    /** Next to the status of a user kept out by wrong passwords. */
    lockedOut: string;
    inviteTitle: string;
    email: string;
    displayName: string;
    rolesLegend: string;
    agency: string;
    chooseAgency: string;
    invite: string;
    invited: string;
    readOnly: string;
  };
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
    /** The trend of a period longer than three months, a point per month. */
    trendTitleMonthly: string;
    month: string;
    /** Medians and 90th percentiles are estimated within the rollups' duration buckets. */
    responseTimesNote: string;
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
    /** {minutes}: the account-wide wait after many wrong passwords from everywhere. */
    backoff: string;
    /** {minutes}: this address tried too many wrong passwords, on any accounts. */
    tooManyFromClient: string;
    emailRequired: string;
    passwordRequired: string;
    signedOut: string;
  };
  setPassword: {
    title: string;
    intro: string;
    /** {min}: the shortest password allowed. */
    policy: string;
    password: string;
    submit: string;
    passwordRequired: string;
    /** {min} */
    tooShort: string;
    invalidTitle: string;
    invalid: string;
    toSignIn: string;
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
    dueToday: string;
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
    /** The status choice that stands for every open status. */
    openStatuses: string;
    /** The filters a dashboard figure's link set, said in words; {value}, {range}, {from}, {to}, {day}, {min}, {max}, {n}. */
    drillDown: {
      title: string;
      clear: string;
      agencySubtree: string;
      assignedAgency: string;
      noAgency: string;
      type: string;
      topic: string;
      noTopic: string;
      channel: string;
      received: string;
      answeredOn: string;
      between: string;
      onDay: string;
      fromDay: string;
      toDay: string;
      answered: Record<'yes' | 'no' | 'late' | 'within', string>;
      age: string;
      ageBetween: string;
      ageFrom: string;
      ageTo: string;
      transfersMin: string;
      rated: string;
      notRated: string;
      rating: string;
      firstResponded: string;
      noFirstResponse: string;
    };
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
    /** Under the history line of an application sent to central triage because the routing rules failed on it. */
    routedAfterFailure: string;
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
    badRequestTitle: string;
    badRequest: string;
    conflictTitle: string;
    conflict: string;
    tooManyTitle: string;
    tooMany: string;
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
