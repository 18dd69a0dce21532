import { Injectable } from '@nestjs/common';
import { InvalidInputError } from '@petitio/platform';
import { DataSource, EntityManager } from 'typeorm';

export const REASON_KINDS = ['rejection', 'transfer'] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

/** The transfer reason the center gives when it designates the agency after too many transfers. */
export const CENTER_DESIGNATION = 'center_designation';

/** A ground for not processing an application, or a reason for transferring it; each deployment keeps its own list. */
export interface ReasonCode {
  kind: ReasonKind;
  code: string;
  names: Record<string, string>;
  legalBasis: string | null;
  active: boolean;
}

export interface ReasonCodeUpkeep {
  names: Record<string, string>;
  legalBasis: string | null;
  active: boolean;
}

const COLUMNS = `kind, code, names, legal_basis AS "legalBasis", active`;

/**
 * The configurable list of reasons. Staff may only give a reason from it: the law lists the
 * grounds on which an application may go unprocessed, and "not our responsibility" is not one.
 */
@Injectable()
export class ReasonCodes {
  constructor(private readonly dataSource: DataSource) {}

  /** Active reasons first, each kind in code order; inactive ones stay listed so old history can be read. */
  list(kind?: ReasonKind): Promise<ReasonCode[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM reason_codes WHERE $1::text IS NULL OR kind = $1 ORDER BY kind, active DESC, code`, [kind ?? null]);
  }

  /** The active reason, or a 400 on `field` saying which codes are allowed. */
  async require(kind: ReasonKind, code: string, field: string, manager: EntityManager = this.dataSource.manager): Promise<ReasonCode> {
    const rows: ReasonCode[] = await manager.query(`SELECT ${COLUMNS} FROM reason_codes WHERE kind = $1 AND active`, [kind]);
    const found = rows.find((r) => r.code === code);
    if (found) return found;
    throw new InvalidInputError([{ field, code: 'unknown_reason', args: { allowed: rows.map((r) => r.code).join(', ') } }]);
  }

  /** Adds or edits one reason; reasons are deactivated rather than deleted, because history refers to them. */
  async save(kind: ReasonKind, code: string, upkeep: ReasonCodeUpkeep, manager: EntityManager = this.dataSource.manager): Promise<ReasonCode> {
    if (kind === 'transfer' && code === CENTER_DESIGNATION && !upkeep.active) {
      throw new InvalidInputError([{ field: 'active', code: 'required_reason' }]);
    }
    const rows: ReasonCode[] = await manager.query(
      `INSERT INTO reason_codes (kind, code, names, legal_basis, active) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (kind, code) DO UPDATE SET names = EXCLUDED.names, legal_basis = EXCLUDED.legal_basis, active = EXCLUDED.active
       RETURNING ${COLUMNS}`,
      [kind, code, JSON.stringify(upkeep.names), upkeep.legalBasis, upkeep.active],
    );
    return rows[0];
  }
}
