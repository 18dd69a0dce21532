import type { ApplicationStatus } from '@petitio/applications';
import type { ApplicationType } from '@petitio/catalogue';

/** Every sentence the citizen portal shows, in one language. */
export interface PortalTexts {
  languageName: string;
  dir: 'ltr' | 'rtl';
  siteName: string;
  skipToContent: string;
  languageSwitcher: string;
  home: { title: string; intro: string; apply: string; status: string };
  apply: {
    title: string;
    intro: string;
    type: string;
    types: Record<ApplicationType, string>;
    topic: string;
    topicUnsure: string;
    subject: string;
    subjectHint: string;
    body: string;
    bodyHint: string;
    place: string;
    province: string;
    district: string;
    notSpecified: string;
    contact: string;
    contactHint: string;
    name: string;
    phone: string;
    email: string;
    confidential: string;
    confidentialHint: string;
    consent: string;
    privacyLink: string;
    submit: string;
    optional: string;
    errorSummary: string;
    resubmitted: string;
    attachments: string;
    /** {files} and {mb} are replaced with the configured limits. */
    attachmentsHint: string;
  };
  receipt: {
    title: string;
    intro: string;
    trackingNumber: string;
    accessCode: string;
    writeDown: string;
    followLink: string;
  };
  status: {
    title: string;
    intro: string;
    trackingNumber: string;
    trackingHint: string;
    accessCode: string;
    submit: string;
    notFound: string;
    heading: string;
    currentStatus: string;
    type: string;
    topic: string;
    agency: string;
    agencyPending: string;
    submittedAt: string;
    deadline: string;
    deadlinePaused: string;
    attachments: string;
    late: string;
    history: string;
    conversation: string;
    fromAgency: string;
    fromYou: string;
    messageKinds: Record<string, string>;
    events: Record<string, string>;
    words: Record<ApplicationStatus, string>;
    /** Which deadline a history line is about. */
    deadlineKinds: Record<'first_response' | 'answer' | 'information', string>;
    reply: { title: string; intro: string; text: string; submit: string; done: string };
    rating: {
      title: string;
      score: string;
      scores: Record<'1' | '2' | '3' | '4' | '5', string>;
      comment: string;
      submit: string;
      done: string;
      reopened: string;
    };
    appeal: { title: string; intro: string; text: string; submit: string; done: string };
    refused: Record<string, string>;
  };
  privacy: { title: string; sections: { heading: string; text: string }[] };
  statistics: {
    title: string;
    /** {from}, {to} */
    intro: string;
    lateNote: string;
    /** A withheld line, {n} the least number of applications a published line has. */
    withheld: string;
    totalCaption: string;
    byTypeCaption: string;
    byAgencyCaption: string;
    type: string;
    agency: string;
    received: string;
    answered: string;
    withinDeadline: string;
    medianDays: string;
    openData: string;
    json: string;
    csv: string;
  };
  errors: {
    badRequestTitle: string;
    badRequest: string;
    notFoundTitle: string;
    notFound: string;
    tooManyTitle: string;
    tooMany: string;
    /** After too many status lookups, where SMS is set up; `{number}` is the SMS number. */
    tooManyBySms: string;
    tooLargeTitle: string;
    tooLarge: string;
    serverTitle: string;
    server: string;
    backHome: string;
  };
  /** Field errors by the API's stable code, or `field.code` where one field needs its own sentence. */
  fieldErrors: Record<string, string>;
}
