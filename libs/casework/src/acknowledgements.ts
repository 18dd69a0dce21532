import { Injectable } from '@nestjs/common';
import { NotificationsService } from '@petitio/notifications';
import { NotFoundError } from '@petitio/platform';
import { IDENTITY_COLUMNS, IDENTITY_JOIN, IdentityVault, SealedIdentityColumns } from '@petitio/privacy';
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
    private readonly vault: IdentityVault,
  ) {}

  /**
   * Safe to run again (a redelivered job): at most one acknowledgement per application. It only
   * reads the application, without locking it, so it never waits on (or delays) routing.
   */
  acknowledge(applicationId: string): Promise<AcknowledgementOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const rows: ({ trackingNumber: string; channel: string; language: string } & SealedIdentityColumns)[] = await manager.query(
        `SELECT a.tracking_number AS "trackingNumber", a.channel, a.language, ${IDENTITY_COLUMNS} FROM applications a ${IDENTITY_JOIN} WHERE a.id = $1`,
        [applicationId],
      );
      const app = rows[0];
      if (!app) throw new NotFoundError('APPLICATION_NOT_FOUND');
      if (app.channel === 'sms' || app.channel === 'voice') return 'answered_on_channel';
      const citizen = await this.vault.openRow(app);
      const channel = citizenChannel({ channel: app.channel, citizenPhone: citizen.phone, citizenEmail: citizen.email });
      if (channel === 'web') return 'no_contact';
      const earlier: unknown[] = await manager.query(`SELECT 1 FROM outgoing_messages WHERE application_id = $1 AND template = 'application_received'`, [
        applicationId,
      ]);
      if (earlier.length) return 'already_sent';
      await this.notifications.request(manager, [
        {
          channel,
          toCitizen: true,
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
