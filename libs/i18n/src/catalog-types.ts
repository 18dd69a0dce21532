// Generated from the source catalogs (libs/i18n/catalogs/en) by `npm run catalogs:types`; do not edit.
// A message without arguments is a string; one with arguments is a function of their values.

export interface ApiCatalog {
  readonly problems: {
    readonly ACCOUNT_BACKOFF: string;
    readonly ACCOUNT_LOCKED: string;
    readonly AGENCY_API_KEY_INVALID: string;
    readonly AGENCY_CODE_TAKEN: (values: { readonly code: string | number }) => string;
    readonly AGENCY_HAS_ACTIVE_CHILDREN: (values: { readonly agency: string | number; readonly codes: string | number }) => string;
    readonly AGENCY_IS_ROUTING_TARGET: (values: { readonly codes: string | number }) => string;
    readonly AGENCY_IS_TOPIC_DEFAULT: (values: { readonly codes: string | number }) => string;
    readonly AGENCY_IS_TRIAGE: string;
    readonly AGENCY_NOT_FOUND: string;
    readonly AGENCY_PARENT_INACTIVE: (values: { readonly parent: string | number }) => string;
    readonly ALREADY_ASSIGNED: string;
    readonly 'ALREADY_ASSIGNED:to_colleague': string;
    readonly 'ALREADY_ASSIGNED:to_this_officer': string;
    readonly 'ALREADY_ASSIGNED:to_you': string;
    readonly ALREADY_DUPLICATE: string;
    readonly ALREADY_RATED: string;
    readonly API_CLIENT_NOT_FOUND: string;
    readonly API_KEY_INVALID: string;
    readonly APPEAL_WINDOW_CLOSED: (values: { readonly days: number }) => string;
    readonly APPLICATION_NOT_FOUND: string;
    readonly ATTACHMENT_NOT_FOUND: string;
    readonly BAD_REQUEST: string;
    readonly CALENDAR_CLOSURE_NOT_FOUND: string;
    readonly CANNED_RESPONSE_EXISTS: string;
    readonly CANNED_RESPONSE_NOT_FOUND: string;
    readonly CONCURRENT_CHANGE: string;
    readonly EMAIL_TAKEN: string;
    readonly EMPTY_BODY: string;
    readonly FORBIDDEN: string;
    readonly 'FORBIDDEN:agency_api_route': string;
    readonly 'FORBIDDEN:assignment_mode_choosers': string;
    readonly 'FORBIDDEN:center_admin_allows_identity': string;
    readonly 'FORBIDDEN:center_admin_designates': string;
    readonly 'FORBIDDEN:center_admins_keep_calendar': string;
    readonly 'FORBIDDEN:center_admins_keep_policies': string;
    readonly 'FORBIDDEN:confidential_reveal': string;
    readonly 'FORBIDDEN:form_not_from_session': string;
    readonly 'FORBIDDEN:holding_agency_takes': string;
    readonly 'FORBIDDEN:own_agency_colleagues': string;
    readonly 'FORBIDDEN:own_agency_settings': string;
    readonly 'FORBIDDEN:own_agency_webhooks': string;
    readonly 'FORBIDDEN:own_canned_responses': string;
    readonly 'FORBIDDEN:reveal_not_permitted': string;
    readonly 'FORBIDDEN:signature': string;
    readonly HTTP_ERROR: string;
    readonly IDEMPOTENCY_KEY_REUSED: string;
    readonly ILLEGAL_TRANSITION: (values: { readonly from: string | number; readonly to: string | number }) => string;
    readonly INTERIM_ANSWER_NOT_ALLOWED: (values: { readonly status: string | number }) => string;
    readonly INTERNAL_ERROR: string;
    readonly INVALID_CREDENTIALS: string;
    readonly INVALID_LINK: string;
    readonly MALFORMED_JSON: string;
    readonly METHOD_NOT_ALLOWED: string;
    readonly NOT_ANSWERED_YET: string;
    readonly NOT_ASSIGNED: string;
    readonly NOT_FOUND: string;
    readonly OPEN311_NOT_FOUND: string;
    readonly PAGE_NOT_FOUND: string;
    readonly PAYLOAD_TOO_LARGE: string;
    readonly ROUTING_RULE_CODE_TAKEN: (values: { readonly code: string | number }) => string;
    readonly ROUTING_RULE_NOT_FOUND: string;
    readonly SERVICE_NOT_FOUND: (values: { readonly code: string | number }) => string;
    readonly SERVICE_REQUEST_NOT_FOUND: string;
    readonly SERVICE_UNAVAILABLE: string;
    readonly SESSION_EXPIRED: string;
    readonly SLA_CLOCK_NOT_ALLOWED: (values: { readonly status: string | number }) => string;
    readonly SLA_CLOCK_NOT_FOUND: string;
    readonly 'SLA_CLOCK_NOT_FOUND:kind': (values: { readonly kind: string | number }) => string;
    readonly SLA_CLOCK_NOT_PAUSED: string;
    readonly SLA_CLOCK_PAUSED: string;
    readonly SLA_CLOCK_RUNNING: string;
    readonly SLA_CLOCK_STOPPED: string;
    readonly SLA_EXTENSION_NOT_ALLOWED: string;
    readonly SLA_EXTENSION_TOO_LATE: string;
    readonly SLA_EXTENSION_USED: string;
    readonly SLA_POLICY_CODE_TAKEN: (values: { readonly code: string | number }) => string;
    readonly SLA_POLICY_NOT_FOUND: string;
    readonly SLA_POLICY_SCOPE_TAKEN: string;
    readonly 'SLA_POLICY_SCOPE_TAKEN:by': (values: { readonly other: string | number }) => string;
    readonly STAFF_USER_NOT_FOUND: string;
    readonly STALE_VERSION: string;
    readonly TOKEN_NOT_FOUND: string;
    readonly TOO_MANY_REQUESTS: string;
    readonly TOO_MANY_SIGN_IN_FAILURES: string;
    readonly TOPIC_CODE_TAKEN: (values: { readonly code: string | number }) => string;
    readonly TOPIC_NOT_FOUND: string;
    readonly UNAUTHENTICATED: string;
    readonly UNSUPPORTED_MEDIA_TYPE: string;
    readonly VALIDATION_FAILED: string;
    readonly WEBHOOK_DELIVERY_NOT_FOUND: string;
    readonly WEBHOOK_SUBSCRIPTION_NOT_FOUND: string;
    readonly [key: string]:
      | string
      | ((values: { readonly code: string | number }) => string)
      | ((values: { readonly agency: string | number; readonly codes: string | number }) => string)
      | ((values: { readonly codes: string | number }) => string)
      | ((values: { readonly parent: string | number }) => string)
      | ((values: { readonly days: number }) => string)
      | ((values: { readonly from: string | number; readonly to: string | number }) => string)
      | ((values: { readonly status: string | number }) => string)
      | ((values: { readonly kind: string | number }) => string)
      | ((values: { readonly other: string | number }) => string)
      | undefined;
  };
  readonly fields: {
    readonly access_code_header: (values: { readonly field: string | number }) => string;
    readonly after: (values: { readonly field: string | number; readonly other: string | number }) => string;
    readonly after_starts_at: (values: { readonly field: string | number }) => string;
    readonly again: (values: { readonly field: string | number }) => string;
    readonly arrayMaxSize: (values: { readonly field: string | number; readonly max: number }) => string;
    readonly arrayMinSize: (values: { readonly field: string | number; readonly min: number }) => string;
    readonly arrayUnique: (values: { readonly field: string | number }) => string;
    readonly ascending: (values: { readonly field: string | number }) => string;
    readonly at_most_days: (values: { readonly field: string | number; readonly max: number }) => string;
    readonly at_most_working_hours: (values: { readonly field: string | number; readonly max: string | number }) => string;
    readonly blank: (values: { readonly field: string | number }) => string;
    readonly boolean: (values: { readonly field: string | number }) => string;
    readonly canned_response_code: (values: { readonly field: string | number }) => string;
    readonly check_digit: (values: { readonly field: string | number }) => string;
    readonly control_character: (values: { readonly field: string | number }) => string;
    readonly date_or_date_time: (values: { readonly date: string | number; readonly dateTime: string | number; readonly field: string | number }) => string;
    readonly date_time_offset: (values: { readonly example: string | number; readonly field: string | number }) => string;
    readonly duplicate_keyword: (values: { readonly field: string | number }) => string;
    readonly duplicate_target: (values: { readonly field: string | number }) => string;
    readonly empty: (values: { readonly field: string | number }) => string;
    readonly empty_rung: (values: { readonly field: string | number }) => string;
    readonly exclusive: (values: { readonly field: string | number }) => string;
    readonly file_empty: (values: { readonly field: string | number; readonly name: string | number }) => string;
    readonly file_too_large: (values: { readonly field: string | number; readonly max: string | number; readonly name: string | number }) => string;
    readonly file_type: (values: { readonly field: string | number; readonly name: string | number }) => string;
    readonly format: (values: { readonly field: string | number }) => string;
    readonly inactive_agency: (values: { readonly field: string | number }) => string;
    readonly inactive_parent: (values: { readonly field: string | number }) => string;
    readonly invalid: (values: { readonly field: string | number }) => string;
    readonly invalid_code: (values: { readonly field: string | number }) => string;
    readonly invalid_keyword: (values: { readonly field: string | number }) => string;
    readonly invalid_target: (values: { readonly field: string | number }) => string;
    readonly invalid_topic_code: (values: { readonly field: string | number }) => string;
    readonly isArray: (values: { readonly field: string | number }) => string;
    readonly isBoolean: (values: { readonly field: string | number }) => string;
    readonly isDefined: (values: { readonly field: string | number }) => string;
    readonly isEmail: (values: { readonly field: string | number }) => string;
    readonly isIn: (values: { readonly allowed: string | number; readonly field: string | number }) => string;
    readonly isInt: (values: { readonly field: string | number }) => string;
    readonly isIso8601: (values: { readonly field: string | number }) => string;
    readonly isLatitude: (values: { readonly field: string | number }) => string;
    readonly isLocalDay: (values: { readonly field: string | number }) => string;
    readonly isLongitude: (values: { readonly field: string | number }) => string;
    readonly isNotEmpty: (values: { readonly field: string | number }) => string;
    readonly isNumber: (values: { readonly field: string | number }) => string;
    readonly isObject: (values: { readonly field: string | number }) => string;
    readonly isString: (values: { readonly field: string | number }) => string;
    readonly isUrl: (values: { readonly field: string | number }) => string;
    readonly isUuid: (values: { readonly field: string | number }) => string;
    readonly is_duplicate: (values: { readonly field: string | number; readonly id: string | number }) => string;
    readonly keyword_format: (values: { readonly field: string | number }) => string;
    readonly language_code: (values: { readonly field: string | number }) => string;
    readonly localisedNames: (values: { readonly field: string | number }) => string;
    readonly matches: (values: { readonly field: string | number }) => string;
    readonly max: (values: { readonly field: string | number; readonly max: string | number }) => string;
    readonly maxLength: (values: { readonly field: string | number; readonly max: string | number }) => string;
    readonly min: (values: { readonly field: string | number; readonly min: string | number }) => string;
    readonly minLength: (values: { readonly field: string | number; readonly min: string | number }) => string;
    readonly mismatch: (values: { readonly field: string | number }) => string;
    readonly name_required: (values: { readonly field: string | number }) => string;
    readonly nestedValidation: (values: { readonly field: string | number }) => string;
    readonly no_criteria: (values: { readonly field: string | number }) => string;
    readonly notBefore: (values: { readonly field: string | number; readonly start: string | number }) => string;
    readonly not_assignable: (values: { readonly field: string | number }) => string;
    readonly not_at_center: (values: { readonly field: string | number; readonly reason: string | number }) => string;
    readonly not_found: (values: { readonly field: string | number }) => string;
    readonly not_in_province: (values: { readonly field: string | number }) => string;
    readonly not_in_url: (values: { readonly field: string | number; readonly place: string }) => string;
    readonly not_open: (values: { readonly field: string | number }) => string;
    readonly own_parent: (values: { readonly field: string | number }) => string;
    readonly parent_cycle: (values: { readonly field: string | number }) => string;
    readonly period: (values: { readonly field: string | number }) => string;
    readonly placeholder_format: (values: { readonly field: string | number; readonly placeholders: string | number }) => string;
    readonly position_range: (values: { readonly field: string | number; readonly max: string | number }) => string;
    readonly positive: (values: { readonly field: string | number }) => string;
    readonly range: (values: { readonly field: string | number }) => string;
    readonly reason_code_format: (values: { readonly field: string | number }) => string;
    readonly region_code: (values: { readonly example: string | number; readonly field: string | number }) => string;
    readonly required: (values: { readonly field: string | number }) => string;
    readonly required_one_of: (values: { readonly allowed: string | number; readonly field: string | number }) => string;
    readonly required_reason: (values: { readonly field: string | number }) => string;
    readonly reserved: (values: { readonly field: string | number; readonly placeholder: string | number }) => string;
    readonly rule_code_format: (values: { readonly field: string | number }) => string;
    readonly rungs: (values: { readonly field: string | number; readonly max: string | number }) => string;
    readonly same_agency: (values: { readonly field: string | number }) => string;
    readonly same_application: (values: { readonly field: string | number }) => string;
    readonly search_words: (values: { readonly field: string | number }) => string;
    readonly short_region_code: (values: { readonly field: string | number }) => string;
    readonly too_large: (values: { readonly field: string | number }) => string;
    readonly too_long: (values: { readonly field: string | number; readonly max: string | number }) => string;
    readonly too_many: (values: { readonly field: string | number; readonly max: number }) => string;
    readonly too_many_files: (values: { readonly field: string | number; readonly max: number }) => string;
    readonly too_many_keywords: (values: { readonly field: string | number; readonly max: number }) => string;
    readonly too_short: (values: { readonly field: string | number; readonly min: string | number }) => string;
    readonly tracking_number_format: (values: { readonly field: string | number }) => string;
    readonly triage_taken: (values: { readonly field: string | number }) => string;
    readonly type: (values: { readonly field: string | number }) => string;
    readonly unexpected: (values: { readonly field: string | number }) => string;
    readonly unknown: (values: { readonly field: string | number }) => string;
    readonly unknown_agency: (values: { readonly field: string | number }) => string;
    readonly unknown_district: (values: { readonly field: string | number }) => string;
    readonly unknown_field: (values: { readonly field: string | number }) => string;
    readonly unknown_language: (values: { readonly allowed: string | number; readonly field: string | number }) => string;
    readonly unknown_placeholder: (values: {
      readonly builtIns: string | number;
      readonly field: string | number;
      readonly placeholder: string | number;
    }) => string;
    readonly unknown_province: (values: { readonly field: string | number }) => string;
    readonly unknown_reason: (values: { readonly allowed: string | number; readonly field: string | number }) => string;
    readonly unknown_topic: (values: { readonly field: string | number }) => string;
    readonly unknown_type: (values: { readonly field: string | number }) => string;
    readonly unsupported: (values: { readonly allowed: string | number; readonly field: string | number }) => string;
    readonly visible_ascii: (values: { readonly field: string | number }) => string;
    readonly webhook_url: (values: { readonly field: string | number }) => string;
    readonly whole_days_between: (values: { readonly field: string | number; readonly max: string | number; readonly min: string | number }) => string;
    readonly whole_number: (values: { readonly field: string | number }) => string;
    readonly whole_number_between: (values: { readonly field: string | number; readonly max: string | number; readonly min: string | number }) => string;
    readonly whole_seconds: (values: { readonly field: string | number }) => string;
    readonly [key: string]:
      | ((values: { readonly field: string | number }) => string)
      | ((values: { readonly field: string | number; readonly other: string | number }) => string)
      | ((values: { readonly field: string | number; readonly max: number }) => string)
      | ((values: { readonly field: string | number; readonly min: number }) => string)
      | ((values: { readonly field: string | number; readonly max: string | number }) => string)
      | ((values: { readonly date: string | number; readonly dateTime: string | number; readonly field: string | number }) => string)
      | ((values: { readonly example: string | number; readonly field: string | number }) => string)
      | ((values: { readonly field: string | number; readonly name: string | number }) => string)
      | ((values: { readonly field: string | number; readonly max: string | number; readonly name: string | number }) => string)
      | ((values: { readonly allowed: string | number; readonly field: string | number }) => string)
      | ((values: { readonly field: string | number; readonly id: string | number }) => string)
      | ((values: { readonly field: string | number; readonly min: string | number }) => string)
      | ((values: { readonly field: string | number; readonly start: string | number }) => string)
      | ((values: { readonly field: string | number; readonly reason: string | number }) => string)
      | ((values: { readonly field: string | number; readonly place: string }) => string)
      | ((values: { readonly field: string | number; readonly placeholders: string | number }) => string)
      | ((values: { readonly field: string | number; readonly placeholder: string | number }) => string)
      | ((values: { readonly builtIns: string | number; readonly field: string | number; readonly placeholder: string | number }) => string)
      | ((values: { readonly field: string | number; readonly max: string | number; readonly min: string | number }) => string)
      | undefined;
  };
}

export interface ConsoleCatalog {
  readonly siteName: string;
  readonly skipToContent: string;
  readonly signOut: string;
  readonly mainNavigation: string;
  readonly inboxLink: string;
  readonly dashboardLink: string;
  readonly callsLink: string;
  readonly usersLink: string;
  readonly directoryLink: string;
  readonly topicsLink: string;
  readonly routingLink: string;
  readonly slaPoliciesLink: string;
  readonly calls: {
    readonly title: string;
    readonly lookupTitle: string;
    readonly phone: string;
    readonly phoneInvalid: string;
    readonly resubmitted: string;
    readonly phoneHint: string;
    readonly find: string;
    readonly found: (values: { readonly n: number }) => string;
    readonly noneFound: string;
    readonly caption: string;
    readonly columns: {
      readonly trackingNumber: string;
      readonly type: string;
      readonly topic: string;
      readonly status: string;
      readonly agency: string;
      readonly received: string;
    };
    readonly noTopic: string;
    readonly noAgency: string;
    readonly formTitle: string;
    readonly type: string;
    readonly chooseType: string;
    readonly topic: string;
    readonly topicHint: string;
    readonly subject: string;
    readonly body: string;
    readonly bodyHint: string;
    readonly callerName: string;
    readonly callerPhone: string;
    readonly callerEmail: string;
    readonly language: string;
    readonly provinceCode: string;
    readonly districtCode: string;
    readonly regionHint: string;
    readonly confidential: string;
    readonly optional: string;
    readonly submit: string;
    readonly receiptTitle: string;
    readonly readOut: string;
    readonly trackingNumber: string;
    readonly accessCode: string;
    readonly another: string;
  };
  readonly users: {
    readonly title: string;
    readonly caption: string;
    readonly columns: {
      readonly name: string;
      readonly email: string;
      readonly roles: string;
      readonly agency: string;
      readonly status: string;
      readonly actions: string;
    };
    readonly empty: string;
    readonly statuses: {
      readonly invited: string;
      readonly active: string;
      readonly disabled: string;
      readonly [key: string]: string | undefined;
    };
    readonly roles: {
      readonly agent: string;
      readonly officer: string;
      readonly supervisor: string;
      readonly center_admin: string;
      readonly data_protection: string;
      readonly [key: string]: string | undefined;
    };
    readonly disable: (values: { readonly name: string | number }) => string;
    readonly disabled: string;
    readonly unlock: (values: { readonly name: string | number }) => string;
    readonly unlocked: string;
    readonly lockedOut: string;
    readonly inviteTitle: string;
    readonly email: string;
    readonly displayName: string;
    readonly rolesLegend: string;
    readonly agency: string;
    readonly chooseAgency: string;
    readonly invite: string;
    readonly invited: string;
    readonly readOnly: string;
  };
  readonly dashboard: {
    readonly title: string;
    readonly filters: string;
    readonly from: string;
    readonly to: string;
    readonly agency: string;
    readonly agencyHint: string;
    readonly type: string;
    readonly topic: string;
    readonly channel: string;
    readonly any: string;
    readonly apply: string;
    readonly clear: string;
    readonly exportCsv: string;
    readonly periodInvalid: string;
    readonly now: string;
    readonly figure: string;
    readonly count: string;
    readonly headline: {
      readonly open: string;
      readonly receivedToday: string;
      readonly dueToday: string;
      readonly atRisk: string;
      readonly breached: string;
    };
    readonly showInInbox: string;
    readonly updatedAt: (values: { readonly time: string | number }) => string;
    readonly withinDeadlineTitle: string;
    readonly dimensions: {
      readonly agency: string;
      readonly type: string;
      readonly topic: string;
      readonly channel: string;
    };
    readonly none: string;
    readonly answered: string;
    readonly withinDeadline: string;
    readonly share: string;
    readonly responseTimesTitle: string;
    readonly measure: string;
    readonly firstResponse: string;
    readonly answer: string;
    readonly measured: string;
    readonly median: string;
    readonly p90: string;
    readonly hours: (values: { readonly n: string | number }) => string;
    readonly agingTitle: string;
    readonly ageDays: string;
    readonly agingBucket: (values: { readonly range: string | number }) => string;
    readonly agingOver: string;
    readonly transfersTitle: string;
    readonly applications: string;
    readonly transfers: string;
    readonly perApplication: string;
    readonly pingPong: string;
    readonly channelsTitle: string;
    readonly satisfactionTitle: string;
    readonly ratings: string;
    readonly average: string;
    readonly stars: (values: { readonly n: number }) => string;
    readonly trendTitle: string;
    readonly trendTitleMonthly: string;
    readonly month: string;
    readonly responseTimesNote: string;
    readonly trendChart: (values: { readonly from: string | number; readonly to: string | number }) => string;
    readonly day: string;
    readonly received: string;
    readonly answeredOnDay: string;
    readonly empty: string;
  };
  readonly languageSwitcher: string;
  readonly signIn: {
    readonly title: string;
    readonly intro: string;
    readonly email: string;
    readonly password: string;
    readonly submit: string;
    readonly invalidCredentials: string;
    readonly locked: (values: { readonly minutes: number }) => string;
    readonly backoff: (values: { readonly minutes: number }) => string;
    readonly tooManyFromClient: (values: { readonly minutes: number }) => string;
    readonly emailRequired: string;
    readonly passwordRequired: string;
    readonly signedOut: string;
  };
  readonly setPassword: {
    readonly title: string;
    readonly intro: string;
    readonly policy: (values: { readonly min: number }) => string;
    readonly password: string;
    readonly submit: string;
    readonly passwordRequired: string;
    readonly tooShort: (values: { readonly min: number }) => string;
    readonly invalidTitle: string;
    readonly invalid: string;
    readonly toSignIn: string;
  };
  readonly inbox: {
    readonly title: string;
    readonly filters: string;
    readonly status: string;
    readonly anyStatus: string;
    readonly due: string;
    readonly anyDue: string;
    readonly dueOverdue: string;
    readonly dueSoon: string;
    readonly dueToday: string;
    readonly escalated: string;
    readonly mine: string;
    readonly search: string;
    readonly searchHint: string;
    readonly apply: string;
    readonly clear: string;
    readonly caption: string;
    readonly empty: string;
    readonly columns: {
      readonly trackingNumber: string;
      readonly subject: string;
      readonly status: string;
      readonly agency: string;
      readonly received: string;
      readonly deadline: string;
    };
    readonly noAgency: string;
    readonly nextPage: string;
    readonly firstPage: string;
    readonly paging: string;
    readonly openStatuses: string;
    readonly drillDown: {
      readonly title: string;
      readonly clear: string;
      readonly agencySubtree: (values: { readonly value: string | number }) => string;
      readonly assignedAgency: (values: { readonly value: string | number }) => string;
      readonly noAgency: string;
      readonly type: (values: { readonly value: string | number }) => string;
      readonly topic: (values: { readonly value: string | number }) => string;
      readonly noTopic: string;
      readonly channel: (values: { readonly value: string | number }) => string;
      readonly received: (values: { readonly range: string | number }) => string;
      readonly answeredOn: (values: { readonly range: string | number }) => string;
      readonly between: (values: { readonly from: string | number; readonly to: string | number }) => string;
      readonly onDay: (values: { readonly day: string | number }) => string;
      readonly fromDay: (values: { readonly day: string | number }) => string;
      readonly toDay: (values: { readonly day: string | number }) => string;
      readonly answered: {
        readonly yes: string;
        readonly no: string;
        readonly late: string;
        readonly within: string;
      };
      readonly age: (values: { readonly range: string | number }) => string;
      readonly ageBetween: (values: { readonly max: string | number; readonly min: string | number }) => string;
      readonly ageFrom: (values: { readonly min: string | number }) => string;
      readonly ageTo: (values: { readonly max: string | number }) => string;
      readonly transfersMin: (values: { readonly n: number }) => string;
      readonly rated: string;
      readonly notRated: string;
      readonly rating: (values: { readonly n: string | number }) => string;
      readonly firstResponded: string;
      readonly noFirstResponse: string;
    };
  };
  readonly sla: {
    readonly states: {
      readonly on_track: string;
      readonly at_risk: string;
      readonly breached: string;
    };
    readonly paused: string;
    readonly noDeadline: string;
    readonly workingHoursLeft: (values: { readonly n: number }) => string;
    readonly workingHoursOver: (values: { readonly n: number }) => string;
    readonly workingMinutesLeft: (values: { readonly n: number }) => string;
    readonly workingMinutesOver: (values: { readonly n: number }) => string;
    readonly daysLeft: (values: { readonly n: number }) => string;
    readonly daysOver: (values: { readonly n: number }) => string;
    readonly hoursLeft: (values: { readonly n: number }) => string;
    readonly hoursOver: (values: { readonly n: number }) => string;
    readonly escalatedToCenter: string;
  };
  readonly detail: {
    readonly heading: (values: { readonly number: string | number }) => string;
    readonly backToInbox: string;
    readonly facts: string;
    readonly status: string;
    readonly type: string;
    readonly topic: string;
    readonly channel: string;
    readonly agency: string;
    readonly officer: string;
    readonly unassigned: string;
    readonly received: string;
    readonly language: string;
    readonly location: string;
    readonly confidential: string;
    readonly yes: string;
    readonly no: string;
    readonly citizen: string;
    readonly identityHidden: string;
    readonly pseudonym: (values: { readonly code: string | number }) => string;
    readonly pseudonymised: string;
    readonly textRedacted: string;
    readonly reveal: string;
    readonly revealReason: string;
    readonly revealReasonHint: string;
    readonly revealButton: string;
    readonly revealed: string;
    readonly reveals: string;
    readonly revealsCaption: string;
    readonly revealColumns: {
      readonly at: string;
      readonly staff: string;
      readonly fields: string;
      readonly reason: string;
    };
    readonly noReveals: string;
    readonly name: string;
    readonly phone: string;
    readonly email: string;
    readonly notGiven: string;
    readonly application: string;
    readonly subject: string;
    readonly deadlines: string;
    readonly deadlinesCaption: string;
    readonly deadlineColumns: {
      readonly kind: string;
      readonly due: string;
      readonly state: string;
    };
    readonly clockKinds: {
      readonly first_response: string;
      readonly answer: string;
      readonly information: string;
    };
    readonly stopped: string;
    readonly extended: string;
    readonly messages: string;
    readonly noMessages: string;
    readonly toCitizen: string;
    readonly fromCitizen: string;
    readonly history: string;
    readonly by: string;
    readonly system: string;
    readonly citizenActor: string;
    readonly routedAfterFailure: string;
    readonly actions: string;
    readonly claim: {
      readonly title: string;
      readonly intro: string;
      readonly submit: string;
      readonly done: string;
    };
    readonly note: {
      readonly title: string;
      readonly text: string;
      readonly hint: string;
      readonly submit: string;
      readonly done: string;
    };
    readonly ask: {
      readonly title: string;
      readonly text: string;
      readonly hint: string;
      readonly submit: string;
      readonly done: string;
    };
    readonly answer: {
      readonly title: string;
      readonly text: string;
      readonly hint: string;
      readonly submit: string;
      readonly done: string;
    };
    readonly start: {
      readonly title: string;
      readonly intro: string;
      readonly submit: string;
      readonly done: string;
    };
    readonly assign: {
      readonly title: string;
      readonly officer: string;
      readonly hint: string;
      readonly noOfficer: string;
      readonly choose: string;
      readonly submit: string;
      readonly done: string;
    };
    readonly transfer: {
      readonly title: string;
      readonly agency: string;
      readonly reason: string;
      readonly note: string;
      readonly noteHint: string;
      readonly choose: string;
      readonly submit: string;
      readonly done: string;
    };
    readonly reject: {
      readonly title: string;
      readonly reason: string;
      readonly text: string;
      readonly hint: string;
      readonly choose: string;
      readonly submit: string;
      readonly done: string;
    };
    readonly duplicate: {
      readonly title: string;
      readonly original: string;
      readonly hint: string;
      readonly submit: string;
      readonly done: string;
    };
    readonly close: {
      readonly title: string;
      readonly intro: string;
      readonly submit: string;
      readonly done: string;
    };
    readonly interim: {
      readonly title: string;
      readonly text: string;
      readonly hint: string;
      readonly submit: string;
      readonly done: string;
    };
    readonly extend: {
      readonly title: (values: { readonly deadline: string | number }) => string;
      readonly reason: string;
      readonly hint: string;
      readonly submit: string;
      readonly done: string;
    };
    readonly canned: {
      readonly title: string;
      readonly response: string;
      readonly hint: string;
      readonly submit: string;
      readonly drafted: string;
      readonly none: string;
    };
    readonly noActions: string;
  };
  readonly statuses: {
    readonly received: string;
    readonly routed: string;
    readonly assigned: string;
    readonly in_progress: string;
    readonly awaiting_citizen: string;
    readonly answered: string;
    readonly closed: string;
    readonly reopened: string;
    readonly rejected: string;
  };
  readonly types: {
    readonly petition: string;
    readonly complaint: string;
    readonly request: string;
    readonly information_request: string;
    readonly suggestion: string;
    readonly [key: string]: string | undefined;
  };
  readonly channels: {
    readonly web: string;
    readonly sms: string;
    readonly voice: string;
    readonly agent: string;
    readonly email: string;
    readonly [key: string]: string | undefined;
  };
  readonly messageKinds: {
    readonly information_request: string;
    readonly answer: string;
    readonly interim_answer: string;
    readonly citizen_reply: string;
    readonly appeal: string;
    readonly [key: string]: string | undefined;
  };
  readonly historyKinds: {
    readonly received: string;
    readonly routed: string;
    readonly assigned: string;
    readonly status_changed: string;
    readonly internal_note: string;
    readonly information_requested: string;
    readonly citizen_replied: string;
    readonly answered: string;
    readonly transferred: string;
    readonly rejected: string;
    readonly closed: string;
    readonly appeal_opened: string;
    readonly rated: string;
    readonly deadline_set: string;
    readonly clock_paused: string;
    readonly clock_resumed: string;
    readonly clock_restarted: string;
    readonly clock_stopped: string;
    readonly deadline_extended: string;
    readonly deadline_changed: string;
    readonly [key: string]: string | undefined;
  };
  readonly refused: {
    readonly ALREADY_ASSIGNED: string;
    readonly STALE_VERSION: string;
    readonly ILLEGAL_TRANSITION: string;
    readonly NOT_ASSIGNED: string;
    readonly ALREADY_DUPLICATE: string;
    readonly INTERIM_ANSWER_NOT_ALLOWED: string;
    readonly SLA_EXTENSION_NOT_ALLOWED: string;
    readonly SLA_EXTENSION_USED: string;
    readonly SLA_CLOCK_PAUSED: string;
    readonly SLA_EXTENSION_TOO_LATE: string;
    readonly SLA_CLOCK_NOT_FOUND: string;
    readonly default: string;
    readonly [key: string]: string | undefined;
  };
  readonly errorSummary: string;
  readonly errors: {
    readonly badRequestTitle: string;
    readonly badRequest: string;
    readonly conflictTitle: string;
    readonly conflict: string;
    readonly tooManyTitle: string;
    readonly tooMany: string;
    readonly notFoundTitle: string;
    readonly notFound: string;
    readonly forbiddenTitle: string;
    readonly forbidden: string;
    readonly formExpired: string;
    readonly serverTitle: string;
    readonly server: string;
    readonly backToInbox: string;
  };
  readonly fieldErrors: {
    readonly arrayMaxSize: string;
    readonly arrayUnique: string;
    readonly isArray: string;
    readonly isBoolean: string;
    readonly isInt: string;
    readonly isIso8601: string;
    readonly isLocalDay: string;
    readonly notBefore: string;
    readonly invalid: string;
    readonly mismatch: string;
    readonly isObject: string;
    readonly isString: string;
    readonly max: string;
    readonly min: string;
    readonly minLength: string;
    readonly isNotEmpty: string;
    readonly arrayMinSize: string;
    readonly EMAIL_TAKEN: string;
    readonly required: string;
    readonly isDefined: string;
    readonly matches: string;
    readonly control_character: string;
    readonly maxLength: string;
    readonly isIn: string;
    readonly isEmail: string;
    readonly isUuid: string;
    readonly not_assignable: string;
    readonly unknown_reason: string;
    readonly unknown_agency: string;
    readonly same_agency: string;
    readonly same_application: string;
    readonly not_found: string;
    readonly is_duplicate: string;
    readonly not_open: string;
    readonly unknown: string;
    readonly [key: string]: string | undefined;
  };
  readonly apiClientsLink: string;
  readonly webhooksLink: string;
}

export interface DirectoryAdminCatalog {
  readonly names: {
    readonly legend: string;
    readonly nameIn: (values: { readonly language: string | number }) => string;
    readonly hint: string;
  };
  readonly kinds: {
    readonly center: string;
    readonly triage: string;
    readonly ministry: string;
    readonly directorate: string;
    readonly district_office: string;
    readonly municipality: string;
    readonly other: string;
    readonly [key: string]: string | undefined;
  };
  readonly optional: string;
  readonly inactive: string;
  readonly save: string;
  readonly backToList: string;
  readonly agencies: {
    readonly title: string;
    readonly editTitle: (values: { readonly code: string | number }) => string;
    readonly readOnly: string;
    readonly empty: string;
    readonly treeLabel: string;
    readonly edit: (values: { readonly name: string | number }) => string;
    readonly createTitle: string;
    readonly code: string;
    readonly codeHint: string;
    readonly kind: string;
    readonly chooseKind: string;
    readonly contactEmail: string;
    readonly parentCode: string;
    readonly noParent: string;
    readonly parentCodeHint: string;
    readonly agencyCodeHint: string;
    readonly pathLabel: string;
    readonly topLevel: string;
    readonly unitsUnder: (values: { readonly n: string | number }) => string;
    readonly levelLabel: string;
    readonly searchLabel: string;
    readonly search: string;
    readonly resultsTitle: (values: { readonly q: string | number }) => string;
    readonly noResults: string;
    readonly listLimited: (values: { readonly n: string | number }) => string;
    readonly create: string;
    readonly statusTitle: string;
    readonly activeNow: string;
    readonly inactiveNow: string;
    readonly deactivate: string;
    readonly reactivate: string;
    readonly done: {
      readonly created: string;
      readonly updated: string;
      readonly deactivated: string;
      readonly reactivated: string;
    };
  };
  readonly topics: {
    readonly title: string;
    readonly editTitle: (values: { readonly code: string | number }) => string;
    readonly readOnly: string;
    readonly empty: string;
    readonly caption: string;
    readonly columns: {
      readonly code: string;
      readonly name: string;
      readonly defaultAgency: string;
      readonly keywords: string;
      readonly status: string;
      readonly actions: string;
    };
    readonly active: string;
    readonly toTriage: string;
    readonly edit: (values: { readonly name: string | number }) => string;
    readonly createTitle: string;
    readonly code: string;
    readonly codeHint: string;
    readonly defaultAgencyCode: string;
    readonly defaultAgencyHint: string;
    readonly keywords: string;
    readonly keywordsHint: string;
    readonly create: string;
    readonly statusTitle: string;
    readonly activeNow: string;
    readonly inactiveNow: string;
    readonly deactivate: string;
    readonly reactivate: string;
    readonly done: {
      readonly created: string;
      readonly updated: string;
      readonly deactivated: string;
      readonly reactivated: string;
    };
  };
  readonly refusals: {
    readonly AGENCY_IS_TRIAGE: string;
    readonly AGENCY_HAS_ACTIVE_CHILDREN: (values: { readonly codes: string | number }) => string;
    readonly AGENCY_IS_TOPIC_DEFAULT: (values: { readonly codes: string | number }) => string;
    readonly AGENCY_IS_ROUTING_TARGET: (values: { readonly codes: string | number }) => string;
    readonly AGENCY_PARENT_INACTIVE: string;
    readonly [key: string]: string | ((values: { readonly codes: string | number }) => string) | undefined;
  };
  readonly fieldErrors: {
    readonly invalid_code: string;
    readonly invalid_topic_code: string;
    readonly 'code:isDefined': string;
    readonly AGENCY_CODE_TAKEN: string;
    readonly TOPIC_CODE_TAKEN: string;
    readonly name_required: string;
    readonly 'names:control_character': string;
    readonly unknown_language: string;
    readonly 'kind:isIn': string;
    readonly 'kind:isDefined': string;
    readonly triage_taken: string;
    readonly isEmail: string;
    readonly unknown_agency: string;
    readonly own_parent: string;
    readonly parent_cycle: string;
    readonly inactive_parent: string;
    readonly inactive_agency: string;
    readonly invalid_keyword: string;
    readonly 'keywords:arrayMaxSize': string;
    readonly 'keywords:maxLength': string;
    readonly maxLength: string;
    readonly [key: string]: string | undefined;
  };
}

export interface EmailCatalog {
  readonly automaticNotice: string;
  readonly applicationReceived: {
    readonly subject: (values: { readonly tracking: string | number }) => string;
    readonly body: (values: { readonly tracking: string | number }) => string;
    readonly link: string;
  };
  readonly informationRequested: {
    readonly subject: (values: { readonly tracking: string | number }) => string;
    readonly body: (values: { readonly number: string | number; readonly replyBy: string; readonly tracking: string | number }) => string;
    readonly heading: string;
    readonly link: string;
  };
  readonly applicationAnswered: {
    readonly subject: (values: { readonly tracking: string | number }) => string;
    readonly body: (values: { readonly tracking: string | number }) => string;
    readonly heading: string;
    readonly link: string;
  };
  readonly applicationTransferred: {
    readonly subject: (values: { readonly tracking: string | number }) => string;
    readonly body: (values: { readonly tracking: string | number }) => string;
    readonly link: string;
  };
  readonly applicationRejected: {
    readonly subject: (values: { readonly tracking: string | number }) => string;
    readonly body: (values: { readonly tracking: string | number }) => string;
    readonly link: string;
  };
  readonly deadlineExtended: {
    readonly subject: (values: { readonly tracking: string | number }) => string;
    readonly body: (values: { readonly deadline: string | number; readonly tracking: string | number }) => string;
    readonly heading: string;
    readonly link: string;
  };
  readonly deadlineBreached: {
    readonly subject: (values: { readonly tracking: string | number }) => string;
    readonly body: (values: { readonly deadline: string | number; readonly tracking: string | number }) => string;
    readonly link: string;
  };
  readonly interimAnswer: {
    readonly subject: (values: { readonly tracking: string | number }) => string;
    readonly body: (values: { readonly tracking: string | number }) => string;
    readonly heading: string;
    readonly link: string;
  };
  readonly deadlineEscalation: {
    readonly subject: (values: { readonly level: string | number; readonly stepKind: string; readonly tracking: string | number }) => string;
    readonly body: (values: {
      readonly clockKind: string;
      readonly deadline: string | number;
      readonly level: string | number;
      readonly overdue: string;
      readonly share: string;
      readonly stepKind: string;
      readonly tracking: string | number;
    }) => string;
    readonly link: string;
  };
  readonly staffInvitation: {
    readonly subject: string;
    readonly body: (values: { readonly hours: number }) => string;
    readonly afterLink: string;
    readonly link: string;
  };
  readonly staffSignInLocked: {
    readonly subject: string;
    readonly body: (values: { readonly at: string | number; readonly failures: number; readonly from: string | number }) => string;
    readonly link: string;
  };
  readonly staffWebhookDisabled: {
    readonly subject: string;
    readonly body: (values: { readonly attempts: number; readonly host: string | number }) => string;
    readonly link: string;
  };
}

export interface IntegrationsCatalog {
  readonly apiClients: {
    readonly title: string;
    readonly intro: string;
    readonly caption: string;
    readonly empty: string;
    readonly columns: {
      readonly name: string;
      readonly kind: string;
      readonly agency: string;
      readonly hint: string;
      readonly created: string;
      readonly lastUsed: string;
      readonly status: string;
      readonly actions: string;
    };
    readonly kinds: {
      readonly open311: string;
      readonly agency: string;
      readonly [key: string]: string | undefined;
    };
    readonly active: string;
    readonly revoked: string;
    readonly never: string;
    readonly revoke: (values: { readonly name: string | number }) => string;
    readonly issueTitle: string;
    readonly name: string;
    readonly nameHint: string;
    readonly kind: string;
    readonly agency: string;
    readonly chooseAgency: string;
    readonly issue: string;
    readonly issuedTitle: (values: { readonly name: string | number }) => string;
    readonly issuedHint: string;
    readonly keyLabel: string;
    readonly backToList: string;
    readonly revokedNotice: string;
  };
  readonly webhooks: {
    readonly title: string;
    readonly intro: string;
    readonly caption: string;
    readonly empty: string;
    readonly columns: {
      readonly url: string;
      readonly agency: string;
      readonly events: string;
      readonly status: string;
    };
    readonly center: string;
    readonly active: string;
    readonly disabledBy: {
      readonly by_staff: string;
      readonly failing: string;
      readonly [key: string]: string | undefined;
    };
    readonly subscribeTitle: string;
    readonly url: string;
    readonly urlHint: string;
    readonly eventsLegend: string;
    readonly agency: string;
    readonly everyAgency: string;
    readonly includeIdentity: string;
    readonly subscribe: string;
    readonly secretTitle: (values: { readonly url: string | number }) => string;
    readonly secretHint: string;
    readonly rotatedHint: (values: { readonly hours: string | number }) => string;
    readonly secretLabel: string;
    readonly detailTitle: (values: { readonly url: string | number }) => string;
    readonly backToList: string;
    readonly deliveriesCaption: string;
    readonly noDeliveries: string;
    readonly deliveryColumns: {
      readonly event: string;
      readonly application: string;
      readonly status: string;
      readonly attempts: string;
      readonly actions: string;
    };
    readonly deliveryStatus: {
      readonly pending: string;
      readonly delivered: string;
      readonly failed: string;
      readonly [key: string]: string | undefined;
    };
    readonly attemptAnswered: (values: { readonly at: string | number; readonly ms: string | number; readonly status: string | number }) => string;
    readonly attemptFailed: (values: { readonly at: string | number; readonly error: string | number; readonly ms: string | number }) => string;
    readonly noAttempts: string;
    readonly replay: string;
    readonly enable: string;
    readonly disable: string;
    readonly rotate: string;
    readonly done: {
      readonly enabled: string;
      readonly disabled: string;
      readonly replayed: string;
    };
  };
  readonly fieldErrors: {
    readonly webhook_url: string;
    readonly 'events.isIn': string;
    readonly 'agencyId.unknown': string;
    readonly 'agencyId.unexpected': string;
    readonly 'name.maxLength': string;
    readonly 'name.minLength': string;
    readonly 'agencyId.isUuid': string;
    readonly 'kind.isIn': string;
    readonly [key: string]: string | undefined;
  };
}

export interface Open311Catalog {
  readonly attributes: {
    readonly type: string;
    readonly subject: string;
    readonly district: string;
    readonly confidential: string;
    readonly yes: string;
    readonly no: string;
  };
  readonly placeLine: (values: { readonly place: string | number }) => string;
  readonly photoLine: (values: { readonly url: string | number }) => string;
  readonly discovery: {
    readonly contact: (values: { readonly url: string | number }) => string;
    readonly keyService: string;
  };
}

export interface PortalCatalog {
  readonly siteName: string;
  readonly skipToContent: string;
  readonly languageSwitcher: string;
  readonly home: {
    readonly title: string;
    readonly intro: string;
    readonly apply: string;
    readonly status: string;
  };
  readonly apply: {
    readonly title: string;
    readonly intro: string;
    readonly type: string;
    readonly types: {
      readonly petition: string;
      readonly complaint: string;
      readonly request: string;
      readonly information_request: string;
      readonly suggestion: string;
    };
    readonly topic: string;
    readonly topicUnsure: string;
    readonly subject: string;
    readonly subjectHint: string;
    readonly body: string;
    readonly bodyHint: string;
    readonly place: string;
    readonly province: string;
    readonly district: string;
    readonly notSpecified: string;
    readonly contact: string;
    readonly contactHint: string;
    readonly name: string;
    readonly phone: string;
    readonly email: string;
    readonly confidential: string;
    readonly confidentialHint: string;
    readonly consent: string;
    readonly privacyLink: string;
    readonly submit: string;
    readonly optional: string;
    readonly errorSummary: string;
    readonly resubmitted: string;
    readonly attachments: string;
    readonly attachmentsHint: (values: { readonly files: number; readonly mb: string | number }) => string;
    readonly address: string;
    readonly addressHint: string;
    readonly addressLine: (values: { readonly place: string | number }) => string;
  };
  readonly receipt: {
    readonly title: string;
    readonly intro: string;
    readonly trackingNumber: string;
    readonly accessCode: string;
    readonly writeDown: string;
    readonly followLink: string;
  };
  readonly status: {
    readonly title: string;
    readonly intro: string;
    readonly trackingNumber: string;
    readonly trackingHint: string;
    readonly accessCode: string;
    readonly submit: string;
    readonly notFound: string;
    readonly heading: (values: { readonly number: string | number }) => string;
    readonly currentStatus: string;
    readonly type: string;
    readonly topic: string;
    readonly agency: string;
    readonly agencyPending: string;
    readonly submittedAt: string;
    readonly deadline: string;
    readonly deadlinePaused: string;
    readonly attachments: string;
    readonly late: string;
    readonly history: string;
    readonly conversation: string;
    readonly fromAgency: string;
    readonly fromYou: string;
    readonly messageKinds: {
      readonly information_request: string;
      readonly answer: string;
      readonly interim_answer: string;
      readonly citizen_reply: string;
      readonly appeal: string;
      readonly deadline_notice: string;
      readonly [key: string]: string | undefined;
    };
    readonly events: {
      readonly received: string;
      readonly routed: string;
      readonly assigned: string;
      readonly status_changed: string;
      readonly transferred: string;
      readonly answered: string;
      readonly closed: string;
      readonly reopened: string;
      readonly rejected: string;
      readonly information_requested: string;
      readonly citizen_replied: string;
      readonly appeal_opened: string;
      readonly merged_as_duplicate: string;
      readonly interim_answer: string;
      readonly deadline_set: string;
      readonly clock_paused: string;
      readonly clock_resumed: string;
      readonly clock_restarted: string;
      readonly clock_stopped: string;
      readonly deadline_extended: string;
      readonly deadline_changed: string;
      readonly deadline_breached: string;
      readonly [key: string]: string | undefined;
    };
    readonly words: {
      readonly received: string;
      readonly routed: string;
      readonly assigned: string;
      readonly in_progress: string;
      readonly awaiting_citizen: string;
      readonly answered: string;
      readonly closed: string;
      readonly reopened: string;
      readonly rejected: string;
    };
    readonly deadlineKinds: {
      readonly first_response: string;
      readonly answer: string;
      readonly information: string;
    };
    readonly reply: {
      readonly title: string;
      readonly intro: string;
      readonly text: string;
      readonly submit: string;
      readonly done: string;
    };
    readonly rating: {
      readonly title: string;
      readonly score: string;
      readonly scores: {
        readonly '1': string;
        readonly '2': string;
        readonly '3': string;
        readonly '4': string;
        readonly '5': string;
      };
      readonly comment: string;
      readonly submit: string;
      readonly done: string;
      readonly reopened: string;
    };
    readonly appeal: {
      readonly title: string;
      readonly intro: string;
      readonly text: string;
      readonly submit: string;
      readonly done: string;
    };
    readonly refused: {
      readonly ALREADY_RATED: string;
      readonly NOT_ANSWERED_YET: string;
      readonly APPEAL_WINDOW_CLOSED: string;
      readonly ILLEGAL_TRANSITION: string;
      readonly default: string;
      readonly [key: string]: string | undefined;
    };
  };
  readonly statistics: {
    readonly title: string;
    readonly intro: (values: { readonly from: string | number; readonly to: string | number }) => string;
    readonly lateNote: string;
    readonly withheld: (values: { readonly n: number }) => string;
    readonly totalCaption: string;
    readonly byTypeCaption: string;
    readonly byAgencyCaption: string;
    readonly type: string;
    readonly agency: string;
    readonly received: string;
    readonly answered: string;
    readonly withinDeadline: string;
    readonly medianDays: string;
    readonly openData: string;
    readonly json: string;
    readonly csv: string;
  };
  readonly privacy: {
    readonly title: string;
    readonly sections: readonly {
      readonly heading: string;
      readonly text: string;
    }[];
  };
  readonly errors: {
    readonly badRequestTitle: string;
    readonly badRequest: string;
    readonly notFoundTitle: string;
    readonly notFound: string;
    readonly tooManyTitle: string;
    readonly tooMany: string;
    readonly tooManyBySms: (values: { readonly number: string | number }) => string;
    readonly tooLargeTitle: string;
    readonly tooLarge: string;
    readonly serverTitle: string;
    readonly server: string;
    readonly backHome: string;
  };
  readonly fieldErrors: {
    readonly required: string;
    readonly isDefined: string;
    readonly isNotEmpty: string;
    readonly isString: string;
    readonly isIn: string;
    readonly maxLength: string;
    readonly too_long: string;
    readonly matches: string;
    readonly unknown: string;
    readonly invalid: string;
    readonly control_character: string;
    readonly isEmail: string;
    readonly isBoolean: string;
    readonly isInt: string;
    readonly min: string;
    readonly max: string;
    readonly format: string;
    readonly check_digit: string;
    readonly mismatch: string;
    readonly unsupported: string;
    readonly 'type.isIn': string;
    readonly 'body.required': string;
    readonly 'body.isNotEmpty': string;
    readonly 'body.isDefined': string;
    readonly 'body.maxLength': string;
    readonly 'subject.maxLength': string;
    readonly 'phone.invalid': string;
    readonly 'phone.maxLength': string;
    readonly 'consent.required': string;
    readonly 'attachments.too_many': (values: { readonly files: number }) => string;
    readonly 'attachments.too_large': (values: { readonly mb: string | number }) => string;
    readonly 'attachments.type': string;
    readonly 'attachments.empty': string;
    readonly 'attachments.again': string;
    readonly 'text.required': string;
    readonly 'text.matches': string;
    readonly 'text.isDefined': string;
    readonly 'score.isDefined': string;
    readonly 'score.isInt': string;
    readonly 'accessCode.isDefined': string;
    readonly 'accessCode.required': string;
    readonly 'trackingNumber.required': string;
    readonly 'submissionKey.format': string;
    readonly 'address.maxLength': string;
    readonly [key: string]: string | ((values: { readonly files: number }) => string) | ((values: { readonly mb: string | number }) => string) | undefined;
  };
}

export interface RoutingAdminCatalog {
  readonly optional: string;
  readonly any: string;
  readonly anywhere: string;
  readonly yes: string;
  readonly no: string;
  readonly save: string;
  readonly cancel: string;
  readonly backToList: string;
  readonly active: string;
  readonly inactive: string;
  readonly routing: {
    readonly title: string;
    readonly intro: string;
    readonly caption: string;
    readonly empty: string;
    readonly columns: {
      readonly order: string;
      readonly code: string;
      readonly criteria: string;
      readonly agency: string;
      readonly position: string;
      readonly status: string;
      readonly actions: string;
    };
    readonly criteria: {
      readonly type: string;
      readonly topic: string;
      readonly province: string;
      readonly district: string;
      readonly keywords: string;
    };
    readonly edit: (values: { readonly code: string | number }) => string;
    readonly editTitle: (values: { readonly code: string | number }) => string;
    readonly placeInOrder: (values: { readonly order: string | number }) => string;
    readonly notTried: string;
    readonly delete: string;
    readonly deleteTitle: (values: { readonly code: string | number }) => string;
    readonly deleteWarning: string;
    readonly deleteConfirm: string;
    readonly createTitle: string;
    readonly code: string;
    readonly codeHint: string;
    readonly description: string;
    readonly type: string;
    readonly topic: string;
    readonly province: string;
    readonly district: string;
    readonly districtHint: string;
    readonly keywords: string;
    readonly keywordsHint: string;
    readonly agency: string;
    readonly chooseAgency: string;
    readonly position: string;
    readonly positionHint: string;
    readonly activeLabel: string;
    readonly criteriaHint: string;
    readonly create: string;
    readonly done: {
      readonly created: string;
      readonly updated: string;
      readonly deleted: string;
    };
    readonly previewTitle: string;
    readonly previewIntro: string;
    readonly subject: string;
    readonly body: string;
    readonly language: string;
    readonly previewSubmit: string;
    readonly previewResultTitle: string;
    readonly wouldGoTo: (values: { readonly agency: string | number }) => string;
    readonly byRule: (values: { readonly code: string | number; readonly order: string | number }) => string;
    readonly byTopicDefault: string;
    readonly byTriage: string;
  };
  readonly sla: {
    readonly title: string;
    readonly intro: string;
    readonly caption: string;
    readonly columns: {
      readonly code: string;
      readonly type: string;
      readonly kind: string;
      readonly period: string;
      readonly paused: string;
      readonly transfer: string;
      readonly ladder: string;
      readonly status: string;
      readonly actions: string;
    };
    readonly anyType: string;
    readonly topicScope: string;
    readonly agencyScope: string;
    readonly edit: (values: { readonly code: string | number }) => string;
    readonly editTitle: (values: { readonly code: string | number }) => string;
    readonly units: {
      readonly calendar_days: string;
      readonly working_days: string;
      readonly working_hours: string;
    };
    readonly onAwaitingCitizen: {
      readonly pause: string;
      readonly restart: string;
      readonly continue: string;
    };
    readonly onTransfer: {
      readonly keep: string;
      readonly restart: string;
    };
    readonly targets: {
      readonly assigned_officer: string;
      readonly agency_supervisors: string;
      readonly parent_agency: string;
      readonly center_queue: string;
    };
    readonly ladderWarnings: (values: { readonly targets: string | number }) => string;
    readonly ladderBreach: (values: { readonly targets: string | number }) => string;
    readonly ladderReEscalation: (values: { readonly period: string | number; readonly targets: string | number }) => string;
    readonly ladderReEscalationNoPeriod: (values: { readonly targets: string | number }) => string;
    readonly and: string;
    readonly scopeTitle: string;
    readonly applicationType: string;
    readonly topic: string;
    readonly agency: string;
    readonly deadlineTitle: string;
    readonly amount: string;
    readonly unit: string;
    readonly periodLegend: string;
    readonly onAwaitingCitizenLegend: string;
    readonly onTransferLegend: string;
    readonly extensionLegend: string;
    readonly extensionHint: string;
    readonly requiresNoticeBeforeDeadline: string;
    readonly warningShares: string;
    readonly warningSharesHint: string;
    readonly escalationTitle: string;
    readonly ladderHint: string;
    readonly rung: (values: { readonly n: string | number }) => string;
    readonly rungRoles: {
      readonly warnings: string;
      readonly breach: string;
      readonly reEscalation: string;
    };
    readonly reEscalationLegend: string;
    readonly reEscalationHint: string;
    readonly publicLateFlag: string;
    readonly notifyCitizenOnBreach: string;
    readonly notifyCitizenOnExtension: string;
    readonly legalBasis: string;
    readonly activeLabel: string;
    readonly applyLegend: string;
    readonly applyKeep: string;
    readonly applyKeepHint: string;
    readonly applyMove: string;
    readonly applyMoveHint: string;
    readonly none: string;
    readonly done: {
      readonly updated: string;
      readonly moving: (values: { readonly n: number }) => string;
      readonly noneToMove: string;
    };
  };
  readonly fieldErrors: {
    readonly rule_code_format: string;
    readonly ROUTING_RULE_CODE_TAKEN: string;
    readonly position_range: string;
    readonly too_many_keywords: string;
    readonly keyword_format: string;
    readonly duplicate_keyword: string;
    readonly no_criteria: string;
    readonly unknown_type: string;
    readonly unknown_topic: string;
    readonly unknown_province: string;
    readonly unknown_district: string;
    readonly not_in_province: string;
    readonly unknown_agency: string;
    readonly isInt: string;
    readonly isNumber: string;
    readonly arrayMaxSize: string;
    readonly format: string;
    readonly not_found: string;
    readonly positive: string;
    readonly whole_number: string;
    readonly whole_seconds: string;
    readonly too_large: string;
    readonly invalid: string;
    readonly too_many: string;
    readonly range: string;
    readonly ascending: string;
    readonly rungs: string;
    readonly empty_rung: string;
    readonly invalid_target: string;
    readonly duplicate_target: string;
    readonly too_long: string;
    readonly SLA_POLICY_SCOPE_TAKEN: string;
    readonly [key: string]: string | undefined;
  };
}

export interface SmsCatalog {
  readonly keywords: {
    readonly language: string;
    readonly help: string;
    readonly status: string;
    readonly stop: string;
    readonly start: string;
  };
  readonly help: string;
  readonly empty: string;
  readonly received: (values: { readonly code: string | number; readonly tracking: string | number }) => string;
  readonly receivedBefore: (values: { readonly tracking: string | number }) => string;
  readonly replyAttached: (values: { readonly tracking: string | number }) => string;
  readonly status: (values: { readonly status: string | number; readonly tracking: string | number }) => string;
  readonly statusAtAgency: (values: { readonly agency: string | number; readonly status: string | number; readonly tracking: string | number }) => string;
  readonly statuses: {
    readonly received: string;
    readonly routed: string;
    readonly assigned: string;
    readonly in_progress: string;
    readonly awaiting_citizen: string;
    readonly answered: string;
    readonly closed: string;
    readonly reopened: string;
    readonly rejected: string;
  };
  readonly noApplications: string;
  readonly notFound: string;
  readonly checkDigits: string;
  readonly trackingFormat: string;
  readonly tooLong: (values: { readonly max: number }) => string;
  readonly optedOut: string;
  readonly optedIn: string;
  readonly tooManyMessages: string;
  readonly withoutMarks: string;
}

export interface VoiceCatalog {
  readonly speechLanguage: string;
  readonly menu: string;
  readonly notAnOption: string;
  readonly enterTrackingNumber: string;
  readonly invalidNumber: string;
  readonly notFound: string;
  readonly status: (values: { readonly status: string | number; readonly tracking: string | number }) => string;
  readonly statuses: {
    readonly received: string;
    readonly routed: string;
    readonly assigned: string;
    readonly in_progress: string;
    readonly awaiting_citizen: string;
    readonly answered: string;
    readonly closed: string;
    readonly reopened: string;
    readonly rejected: string;
  };
  readonly connecting: string;
  readonly noAgent: string;
  readonly recordPrompt: string;
  readonly nothingRecorded: string;
  readonly recordedBefore: (values: { readonly tracking: string | number }) => string;
  readonly recorded: (values: { readonly code: string | number; readonly tracking: string | number }) => string;
  readonly goodbye: string;
  readonly voiceMessageBody: (values: { readonly recording: string | number }) => string;
}

/** Every catalog namespace by name. */
export interface CatalogNamespaces {
  readonly api: ApiCatalog;
  readonly console: ConsoleCatalog;
  readonly 'directory-admin': DirectoryAdminCatalog;
  readonly email: EmailCatalog;
  readonly integrations: IntegrationsCatalog;
  readonly open311: Open311Catalog;
  readonly portal: PortalCatalog;
  readonly 'routing-admin': RoutingAdminCatalog;
  readonly sms: SmsCatalog;
  readonly voice: VoiceCatalog;
}
