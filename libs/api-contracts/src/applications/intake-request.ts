import { Actor, Channel, formatTrackingNumber } from '@petitio/applications';
import { NewApplication, Receipt } from '@petitio/intake';
import { InvalidInputError } from '@petitio/platform';
import { CreateApplicationDto } from './create-application.dto';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The Idempotency-Key header, checked: every intake route (web, call center) reads it the same way. */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header !== undefined && !IDEMPOTENCY_KEY.test(header)) {
    throw new InvalidInputError([{ field: 'Idempotency-Key', code: 'format', sentence: 'visible_ascii' }]);
  }
  return header;
}

export function toNewApplication(dto: CreateApplicationDto, channel: Channel, submittedBy: Actor, language: string): NewApplication {
  return {
    type: dto.type,
    topicCode: dto.topic,
    subject: dto.subject,
    body: dto.body,
    channel,
    language: dto.language ?? language,
    citizen: dto.citizen,
    location: dto.location,
    confidential: dto.confidential,
    submittedBy,
  };
}

export function toReceiptResponse(receipt: Receipt) {
  const trackingNumber = formatTrackingNumber(receipt.trackingNumber);
  return {
    trackingNumber,
    accessCode: receipt.accessCode,
    status: receipt.status,
    submittedAt: receipt.submittedAt.toISOString(),
    statusUrl: `/api/v1/applications/${trackingNumber}/status`,
  };
}
