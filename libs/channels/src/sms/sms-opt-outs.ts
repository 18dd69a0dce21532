import { Injectable } from '@nestjs/common';
import { PhoneHash } from '@petitio/privacy';
import { DataSource } from 'typeorm';

/** Numbers that sent STOP, kept by keyed hash: outbound SMS checks this list before every send, until the number sends START. */
@Injectable()
export class SmsOptOuts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly phoneHash: PhoneHash,
  ) {}

  async optOut(phone: string, at: Date): Promise<void> {
    await this.dataSource.query('INSERT INTO sms_opt_outs (phone_hash, opted_out_at) VALUES ($1, $2) ON CONFLICT (phone_hash) DO NOTHING', [
      this.phoneHash.of(phone),
      at,
    ]);
  }

  async optIn(phone: string): Promise<void> {
    await this.dataSource.query('DELETE FROM sms_opt_outs WHERE phone_hash = $1', [this.phoneHash.of(phone)]);
  }
}
