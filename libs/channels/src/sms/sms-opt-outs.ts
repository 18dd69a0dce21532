import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Numbers that sent STOP: outbound SMS checks this list before every send, until the number sends START. */
@Injectable()
export class SmsOptOuts {
  constructor(private readonly dataSource: DataSource) {}

  async optOut(phone: string, at: Date): Promise<void> {
    await this.dataSource.query('INSERT INTO sms_opt_outs (phone, opted_out_at) VALUES ($1, $2) ON CONFLICT (phone) DO NOTHING', [phone, at]);
  }

  async optIn(phone: string): Promise<void> {
    await this.dataSource.query('DELETE FROM sms_opt_outs WHERE phone = $1', [phone]);
  }
}
