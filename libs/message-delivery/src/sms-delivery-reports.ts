import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@petitio/platform';
import { DataSource } from 'typeorm';

/** What an SMS provider reports after accepting a message, in the order it can happen. */
export const SMS_DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed'] as const;
export type SmsDeliveryStatus = (typeof SMS_DELIVERY_STATUSES)[number];

export interface SmsDeliveryReport {
  providerMessageId: string;
  status: string;
  /** The provider's error code when it could not deliver, e.g. Twilio 30003 (unreachable). */
  errorCode?: string;
}

/**
 * Records what the SMS provider says became of a sent message (delivered, undelivered, failed) on the
 * message it sent. Reports arrive late, repeated and out of order: a later stage is never overwritten
 * by an earlier one, and a report about a message we did not send changes nothing.
 */
@Injectable()
export class SmsDeliveryReports {
  private readonly logger = new Logger(SmsDeliveryReports.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** True when the report was about one of our messages. */
  async record(report: SmsDeliveryReport): Promise<boolean> {
    const rank = SMS_DELIVERY_STATUSES.indexOf(report.status as SmsDeliveryStatus);
    if (rank < 0 || !report.providerMessageId) {
      this.logger.warn({ msg: 'SMS delivery report ignored: unknown status', status: String(report.status).slice(0, 40) });
      return false;
    }
    const errorCode = report.errorCode && /^\d{1,6}$/.test(report.errorCode) ? report.errorCode : null;
    const [, updated]: [unknown, number] = await this.dataSource.query(
      `UPDATE outgoing_messages
       SET delivery_status = $2, delivery_updated_at = $3,
           last_error = CASE WHEN $4::text IS NOT NULL THEN 'provider could not deliver: error ' || $4::text ELSE last_error END
       WHERE provider_message_id = $1 AND channel = 'sms'
         AND coalesce(array_position($5::text[], delivery_status), 0) <= array_position($5::text[], $2::text)`,
      [report.providerMessageId, report.status, this.clock.now(), errorCode, SMS_DELIVERY_STATUSES],
    );
    const known =
      updated > 0 ||
      (await this.dataSource.query('SELECT 1 FROM outgoing_messages WHERE provider_message_id = $1 AND channel = $2', [report.providerMessageId, 'sms']))
        .length > 0;
    this.logger.log({
      msg: known ? 'SMS delivery report recorded' : 'SMS delivery report for an unknown message ignored',
      status: report.status,
      errorCode,
      stale: known && updated === 0,
    });
    return known;
  }
}
