import { Injectable } from '@nestjs/common';
import { localise } from '@petitio/directory';
import { PhoneHash } from '@petitio/privacy';
import { DataSource } from 'typeorm';
import type { ApplicationStatus } from '@petitio/applications';

export interface PhoneApplicationStatus {
  trackingNumber: string;
  status: ApplicationStatus;
  agency: string | null;
}

/**
 * Applications found by the citizen's phone number: on SMS and voice the sender's number is the
 * proof, so a tracking number that belongs to someone else reads exactly like an unknown one. Found by the number's
 * keyed hash: the number itself is only in the identity vault.
 */
@Injectable()
export class PhoneApplications {
  constructor(
    private readonly dataSource: DataSource,
    private readonly phoneHash: PhoneHash,
  ) {}

  async statusOf(trackingNumber: string, phone: string, language: string): Promise<PhoneApplicationStatus | undefined> {
    const rows = await this.query(`a.tracking_number = $1 AND a.citizen_phone_hash = $2`, [trackingNumber, this.phoneHash.of(phone)], 1);
    return rows.map((r) => this.toStatus(r, language))[0];
  }

  /** The sender's latest applications, newest first. */
  async recent(phone: string, language: string, limit: number): Promise<PhoneApplicationStatus[]> {
    const rows = await this.query('a.citizen_phone_hash = $1', [this.phoneHash.of(phone)], limit);
    return rows.map((r) => this.toStatus(r, language));
  }

  /** The sender's newest application that waits for information from them, if any. */
  async newestAwaitingReply(phone: string): Promise<{ id: string; trackingNumber: string } | undefined> {
    const rows: { id: string; tracking_number: string }[] = await this.dataSource.query(
      `SELECT id, tracking_number FROM applications WHERE citizen_phone_hash = $1 AND status = 'awaiting_citizen'
       ORDER BY updated_at DESC LIMIT 1`,
      [this.phoneHash.of(phone)],
    );
    return rows[0] ? { id: rows[0].id, trackingNumber: rows[0].tracking_number } : undefined;
  }

  /** The tracking number of an application made from a phone, to repeat a receipt to a redelivered webhook. */
  async trackingNumberOf(applicationId: string): Promise<string> {
    const rows: { tracking_number: string }[] = await this.dataSource.query('SELECT tracking_number FROM applications WHERE id = $1', [applicationId]);
    return rows[0].tracking_number;
  }

  private query(
    where: string,
    params: unknown[],
    limit: number,
  ): Promise<{ tracking_number: string; status: ApplicationStatus; names: Record<string, string> | null }[]> {
    return this.dataSource.query(
      `SELECT a.tracking_number, a.status, g.names FROM applications a LEFT JOIN agencies g ON g.id = a.assigned_agency_id
       WHERE ${where} ORDER BY a.created_at DESC LIMIT ${Number(limit)}`,
      params,
    );
  }

  private toStatus(r: { tracking_number: string; status: ApplicationStatus; names: Record<string, string> | null }, language: string): PhoneApplicationStatus {
    return { trackingNumber: r.tracking_number, status: r.status, agency: r.names ? localise(r.names, language) : null };
  }
}
