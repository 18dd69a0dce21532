import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type InboundChannel = 'sms' | 'voice';

/** What an earlier delivery of the same webhook left behind. */
export interface EarlierDelivery {
  applicationId: string | null;
  /** 'processing' while the first delivery is still being handled, or when it crashed before answering. */
  outcome: string;
  /** The answer given then; null when it carried an access code (rebuilt, never stored) or is not settled yet. */
  reply: string | null;
  /** Seconds between the first delivery and this one. */
  ageSeconds: number;
}

/**
 * Every webhook delivery from the SMS/voice provider, by its id. Twilio redelivers when we are
 * slow or fail, so the row is claimed first: a redelivery finds it and gets the first answer again.
 */
@Injectable()
export class InboundMessages {
  constructor(private readonly dataSource: DataSource) {}

  /** Undefined when this delivery is the first; otherwise what the first one left. */
  async claim(providerSid: string, channel: InboundChannel, now: Date): Promise<EarlierDelivery | undefined> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO inbound_messages (provider_sid, channel, outcome, received_at) VALUES ($1, $2, 'processing', $3)
       ON CONFLICT (provider_sid) DO NOTHING RETURNING provider_sid`,
      [providerSid, channel, now],
    );
    if (inserted.length) return undefined;
    const rows: { application_id: string | null; outcome: string; reply: string | null; age_seconds: number }[] = await this.dataSource.query(
      `SELECT application_id, outcome, reply, EXTRACT(EPOCH FROM ($2::timestamptz - received_at))::float8 AS age_seconds
         FROM inbound_messages WHERE provider_sid = $1`,
      [providerSid, now],
    );
    const row = rows[0];
    return { applicationId: row.application_id, outcome: row.outcome, reply: row.reply, ageSeconds: row.age_seconds };
  }

  /** The first answer is final: a later delivery never rewrites it, whatever it would be judged now. */

  async settle(providerSid: string, outcome: string, reply: string | null, applicationId: string | null = null): Promise<void> {
    await this.dataSource.query(
      `UPDATE inbound_messages SET outcome = $2, reply = $3, application_id = $4 WHERE provider_sid = $1 AND outcome = 'processing'`,
      [providerSid, outcome, reply, applicationId],
    );
  }
}
