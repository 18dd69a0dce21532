import { Injectable, Logger } from '@nestjs/common';
import { Clock, NotFoundError } from '@petitio/platform';
import { DataSource } from 'typeorm';
import { apiKeyHash, apiKeyHint, looksLikeApiKey, newApiKey } from './api-key';

export type ApiClientKind = 'open311' | 'agency';

export interface ApiClient {
  id: string;
  name: string;
  kind: ApiClientKind;
  agencyId: string | null;
  keyHint: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

const COLUMNS = `id, name, kind, agency_id AS "agencyId", key_hint AS "keyHint", created_at AS "createdAt",
  revoked_at AS "revokedAt", last_used_at AS "lastUsedAt"`;
/** last_used_at is written at most this often per client: a busy client must not write a row on every call. */
const LAST_USED_RESOLUTION_SECONDS = 60;

/** Issuing, checking and revoking the keys other systems call Petitio with. */
@Injectable()
export class ApiClients {
  private readonly logger = new Logger(ApiClients.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** A new client and its key, which is returned here and never again. */
  async issue(input: { name: string; kind: ApiClientKind; agencyId?: string | null; createdBy?: string | null }): Promise<{ client: ApiClient; key: string }> {
    const key = newApiKey();
    const [client]: ApiClient[] = await this.dataSource.query(
      `INSERT INTO api_clients (name, kind, agency_id, key_hash, key_hint, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [input.name.trim(), input.kind, input.agencyId ?? null, apiKeyHash(key), apiKeyHint(key), input.createdBy ?? null],
    );
    this.logger.log({ msg: 'API key issued', clientId: client.id, kind: client.kind });
    return { client, key };
  }

  /** The client a key belongs to, if the key is one of ours, of `kind`, and not revoked. */
  async authenticate(key: string | undefined, kind: ApiClientKind): Promise<ApiClient | undefined> {
    if (!key || !looksLikeApiKey(key)) return undefined;
    const [client]: ApiClient[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM api_clients WHERE key_hash = $1 AND kind = $2 AND revoked_at IS NULL`, [
      apiKeyHash(key),
      kind,
    ]);
    if (!client) return undefined;
    const now = this.clock.now();
    if (!client.lastUsedAt || now.getTime() - client.lastUsedAt.getTime() > LAST_USED_RESOLUTION_SECONDS * 1000) {
      await this.dataSource.query('UPDATE api_clients SET last_used_at = $2 WHERE id = $1', [client.id, now]);
    }
    return client;
  }

  async list(): Promise<ApiClient[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM api_clients ORDER BY created_at DESC`);
  }

  /** From now on the key is refused; revoking twice changes nothing. */
  async revoke(id: string): Promise<ApiClient> {
    const [rows]: [ApiClient[], number] = await this.dataSource.query(
      `UPDATE api_clients SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, this.clock.now()],
    );
    if (!rows?.[0]) throw new NotFoundError('API_CLIENT_NOT_FOUND');
    this.logger.log({ msg: 'API key revoked', clientId: id });
    return rows[0];
  }
}
