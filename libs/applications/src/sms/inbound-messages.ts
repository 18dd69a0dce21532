import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type InboundChannel = 'sms' | 'voice';

/** What an earlier delivery of the same webhook left behind. */
export interface EarlierDelivery {
  applicationId: string | null;
  outcome: string;
  /** The answer given then; null while the first delivery is still being handled (or crashed before answering). */
  reply: string | null;
}

/**
 * Every webhook delivery from the SMS/voice provider, by its id. Twilio redelivers when we are
 * slow or fail, so the row is claimed first: a redelivery finds it and gets the first answer again.
 */
@Injectable()
export class InboundMessages {
  constructor(private readonly dataSource: DataSource) {}

  /** Undefined when this delivery is the first; otherwise what the first one left. */
  async claim(providerSid: string, channel: InboundChannel): Promise<EarlierDelivery | undefined> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO inbound_messages (provider_sid, channel, outcome) VALUES ($1, $2, 'processing')
       ON CONFLICT (provider_sid) DO NOTHING RETURNING provider_sid`,
      [providerSid, channel],
    );
    if (inserted.length) return undefined;
    const rows: { application_id: string | null; outcome: string; reply: string | null }[] = await this.dataSource.query(
      'SELECT application_id, outcome, reply FROM inbound_messages WHERE provider_sid = $1',
      [providerSid],
    );
    return { applicationId: rows[0].application_id, outcome: rows[0].outcome, reply: rows[0].reply };
  }

  async settle(providerSid: string, outcome: string, reply: string | null, applicationId: string | null = null): Promise<void> {
    await this.dataSource.query('UPDATE inbound_messages SET outcome = $2, reply = $3, application_id = $4 WHERE provider_sid = $1', [
      providerSid,
      outcome,
      reply,
      applicationId,
    ]);
  }
}
