import { Injectable, Logger } from '@nestjs/common';
import { Clock, InvalidInputError, NotFoundError } from '@petitio/platform';
import { StaffPrincipal, staffPrincipal } from '@petitio/staff';
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

/** An agency's case system, signed in by its key: the client and the principal its calls act as. */
export interface AgencyCaller {
  client: ApiClient;
  principal: StaffPrincipal;
}

/** One call made with a key, as kept for the audit. */
export interface ApiClientCall {
  method: string;
  route: string;
  applicationId: string | null;
  statusCode: number;
}

const COLUMNS = `c.id, c.name, c.kind, c.agency_id AS "agencyId", c.key_hint AS "keyHint", c.created_at AS "createdAt",
  c.revoked_at AS "revokedAt", c.last_used_at AS "lastUsedAt"`;
/** last_used_at is written at most this often per client: a busy client must not write a row on every call. */
const LAST_USED_RESOLUTION_SECONDS = 60;
/**
 * An agency's system works the agency's whole subtree (supervisor) and the applications it acknowledges
 * (officer); the routes an agency key may call are named at the HTTP edge.
 */
const AGENCY_SYSTEM_ROLES = ['officer', 'supervisor'] as const;

/** Issuing, checking and revoking the keys other systems call Petitio with, and the record of their calls. */
@Injectable()
export class ApiClients {
  private readonly logger = new Logger(ApiClients.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * A new client and its key, which is returned here and never again. An agency key gets its integration
   * account in the same transaction: the staff identity its casework is recorded under.
   */
  async issue(input: { name: string; kind: ApiClientKind; agencyId?: string | null; createdBy?: string | null }): Promise<{ client: ApiClient; key: string }> {
    const key = newApiKey();
    const name = input.name.trim();
    if (input.kind !== 'agency' && input.agencyId) throw new InvalidInputError([{ field: 'agencyId', code: 'unexpected' }]);
    const client = await this.dataSource.transaction(async (manager) => {
      let accountId: string | null = null;
      if (input.kind === 'agency') {
        const agency: unknown[] = input.agencyId ? await manager.query('SELECT 1 FROM agencies WHERE id = $1 AND active', [input.agencyId]) : [];
        if (agency.length === 0) throw new InvalidInputError([{ field: 'agencyId', code: 'unknown' }]);
        const [account]: { id: string }[] = await manager.query(
          `INSERT INTO staff_users (agency_id, email, display_name, roles, status, on_duty)
           VALUES ($1, 'api-client-' || gen_random_uuid() || '@integration.invalid', $2, $3, 'integration', false) RETURNING id`,
          [input.agencyId, name, AGENCY_SYSTEM_ROLES],
        );
        accountId = account.id;
      }
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO api_clients (name, kind, agency_id, key_hash, key_hint, created_by, staff_user_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [name, input.kind, input.kind === 'agency' ? input.agencyId : null, apiKeyHash(key), apiKeyHint(key), input.createdBy ?? null, accountId],
      );
      const [issued]: ApiClient[] = await manager.query(`SELECT ${COLUMNS} FROM api_clients c WHERE c.id = $1`, [row.id]);
      return issued;
    });
    this.logger.log({ msg: 'API key issued', clientId: client.id, kind: client.kind });
    return { client, key };
  }

  /** The client a key belongs to, if the key is one of ours, of `kind`, and not revoked. */
  async authenticate(key: string | undefined, kind: ApiClientKind): Promise<ApiClient | undefined> {
    return (await this.lookUp(key, kind))?.client;
  }

  /** The agency system a key signs in, with the principal its calls act as; undefined for any other key. */
  async authenticateAgency(key: string | undefined): Promise<AgencyCaller | undefined> {
    const found = await this.lookUp(key, 'agency');
    if (!found) return undefined;
    const principal = staffPrincipal(found.accountId!, `api-client:${found.client.id}`, found.client.agencyId!, [...AGENCY_SYSTEM_ROLES], found.agencyKind!);
    return { client: found.client, principal: { ...principal, apiClientId: found.client.id } };
  }

  /** Keeps one call made with a key: which route, which application, what it answered. */
  async recordCall(clientId: string, call: ApiClientCall): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO api_client_calls (client_id, occurred_at, method, route, application_id, status_code) VALUES ($1, $2, $3, $4, $5, $6)',
      [clientId, this.clock.now(), call.method, call.route, call.applicationId, call.statusCode],
    );
  }

  /** A client's latest calls, newest first. */
  async calls(clientId: string, limit = 100): Promise<(ApiClientCall & { occurredAt: Date })[]> {
    return this.dataSource.query(
      `SELECT occurred_at AS "occurredAt", method, route, application_id AS "applicationId", status_code AS "statusCode"
       FROM api_client_calls WHERE client_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT $2`,
      [clientId, limit],
    );
  }

  async list(): Promise<ApiClient[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM api_clients c ORDER BY c.created_at DESC`);
  }

  /** From now on the key is refused; revoking twice changes nothing. */
  async revoke(id: string): Promise<ApiClient> {
    const [rows]: [ApiClient[], number] = await this.dataSource.query(
      `UPDATE api_clients c SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, this.clock.now()],
    );
    if (!rows?.[0]) throw new NotFoundError('API_CLIENT_NOT_FOUND');
    this.logger.log({ msg: 'API key revoked', clientId: id });
    return rows[0];
  }

  private async lookUp(
    key: string | undefined,
    kind: ApiClientKind,
  ): Promise<{ client: ApiClient; accountId: string | null; agencyKind: string | null } | undefined> {
    if (!key || !looksLikeApiKey(key)) return undefined;
    const [row]: (ApiClient & { accountId: string | null; agencyKind: string | null })[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, c.staff_user_id AS "accountId", g.kind AS "agencyKind"
       FROM api_clients c LEFT JOIN agencies g ON g.id = c.agency_id
       WHERE c.key_hash = $1 AND c.kind = $2 AND c.revoked_at IS NULL`,
      [apiKeyHash(key), kind],
    );
    if (!row) return undefined;
    const { accountId, agencyKind, ...client } = row;
    const now = this.clock.now();
    if (!client.lastUsedAt || now.getTime() - client.lastUsedAt.getTime() > LAST_USED_RESOLUTION_SECONDS * 1000) {
      await this.dataSource.query('UPDATE api_clients SET last_used_at = $2 WHERE id = $1', [client.id, now]);
    }
    return { client, accountId, agencyKind };
  }
}
