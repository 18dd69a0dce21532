import type { ApplicationType } from '@petitio/catalogue';
import type { Actor } from '@petitio/applications';
import type { Channel } from '@petitio/applications';
import type { AttachmentRecord } from './attachments/attachment-record';

/** What a channel hands to intake: already shaped, not yet checked against the catalogue and regions. */
export interface NewApplication {
  type: ApplicationType;
  topicCode?: string | null;
  subject?: string | null;
  body: string;
  channel: Channel;
  language: string;
  citizen?: { name?: string | null; phone?: string | null; email?: string | null };
  location?: { provinceCode?: string | null; districtCode?: string | null; latitude?: number | null; longitude?: number | null };
  confidential?: boolean;
  submittedBy: Actor;
  /** Files already in the attachment store; intake records them with the application (ApplicationAttachments.submit). */
  attachments?: AttachmentRecord[];
}

/** What the citizen is told once the application is safely stored. */
export interface Receipt {
  applicationId: string;
  trackingNumber: string;
  accessCode: string;
  status: string;
  submittedAt: Date;
  /** True when an Idempotency-Key matched an earlier submission and nothing new was stored. */
  replayed: boolean;
}

export const SUBJECT_MAX = 200;
export const CITIZEN_NAME_MAX = 120;
export const BODY_MAX = 10_000;
