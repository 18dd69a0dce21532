import { Injectable } from '@nestjs/common';
import { NotificationsService } from '@petitio/notifications';
import { NotFoundError } from '@petitio/platform';
import { DataSource } from 'typeorm';
import { formatTrackingNumber } from '@petitio/applications';
import { citizenChannel } from './citizen-notices';

export type AcknowledgementOutcome = 'sent' | 'already_sent' | 'answered_on_channel' | 'no_contact';

/**
 * Confirms receipt to a citizen who gave a phone or an email, with the tracking number (never the
 * access code), so a citizen who lost the confirmation page can still follow their application.
 * SMS and voice callers already got their receipt in the conversation itself.
 */
@Injectable()
export class Acknowledgements {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Safe to run again (a redelivered job): at most one acknowledgement per application. It only
   * reads the application, without locking it, so it never waits on (or delays) routing.
   */
  acknowledge(applicationId: string): Promise<AcknowledgementOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { trackingNumber: string; channel: string; language: string; citizenPhone: string | null; citizenEmail: string | null }[] =
        await manager.query(
          `SELECT tracking_number AS "trackingNumber", channel, language, citizen_phone AS "citizenPhone", citizen_email AS "citizenEmail"
           FROM applications WHERE id = $1`,
          [applicationId],
        );
      const app = rows[0];
      if (!app) throw new NotFoundError('APPLICATION_NOT_FOUND');
      if (app.channel === 'sms' || app.channel === 'voice') return 'answered_on_channel';
      const { channel, recipient } = citizenChannel(app);
      if (channel === 'web') return 'no_contact';
      const earlier: unknown[] = await manager.query(`SELECT 1 FROM outgoing_messages WHERE application_id = $1 AND template = 'application_received'`, [
        applicationId,
      ]);
      if (earlier.length) return 'already_sent';
      await this.notifications.request(manager, [
        {
          channel,
          recipient,
          template: 'application_received',
          language: app.language,
          applicationId,
          params: { trackingNumber: formatTrackingNumber(app.trackingNumber) },
        },
      ]);
      return 'sent';
    });
  }
}
