import { Inject, Injectable } from '@nestjs/common';
import { ReasonCodes } from '@petitio/casework';
import { CountryPack, countryPack, packProblems } from '@petitio/country-packs';
import { ENVIRONMENT, Environment } from '@petitio/platform';
import { DataSource, EntityManager } from 'typeorm';

export type PackInstallOutcome = { installed: true; code: string; types: number; reasons: number; policies: number } | { installed: false; code: string };

export class CountryPackMismatchError extends Error {}

/**
 * Writes the configured pack's law into the database once: the application types' names and legal bases, the
 * grounds for rejection and transfer, the SLA policies, replacing what the migrations seeded. Afterwards they are
 * the admins' to edit, so a later start changes nothing; a different COUNTRY_PACK on the same database is refused,
 * since two countries' law cannot be mixed under open cases.
 */
@Injectable()
export class CountryPackInstaller {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reasons: ReasonCodes,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async install(): Promise<PackInstallOutcome> {
    const pack = countryPack(this.env.COUNTRY_PACK);
    const problems = packProblems(pack);
    if (problems.length) throw new Error(`country pack ${pack.code} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('petitio.country-pack'))`);
      const [recorded]: { code: string }[] = await manager.query('SELECT code FROM country_pack');
      if (recorded?.code === pack.code) return { installed: false, code: pack.code };
      if (recorded) {
        throw new CountryPackMismatchError(`this database was set up with country pack ${recorded.code}; COUNTRY_PACK=${pack.code} cannot change it`);
      }
      const [{ any }]: { any: boolean }[] = await manager.query('SELECT EXISTS (SELECT 1 FROM applications) AS any');
      if (any)
        throw new CountryPackMismatchError('this database holds applications but records no country pack; set COUNTRY_PACK to the one it was set up with');
      await this.writeLaw(manager, pack);
      await manager.query('INSERT INTO country_pack (code) VALUES ($1)', [pack.code]);
      return {
        installed: true,
        code: pack.code,
        types: pack.law.applicationTypes.length,
        reasons: pack.law.reasonCodes.length,
        policies: pack.law.slaPolicies.length,
      };
    });
  }

  private async writeLaw(manager: EntityManager, { law }: CountryPack): Promise<void> {
    for (const type of law.applicationTypes) {
      await manager.query('UPDATE application_types SET names = $2, legal_basis = $3 WHERE code = $1', [
        type.code,
        JSON.stringify(type.names),
        type.legalBasis,
      ]);
    }
    await manager.query(`DELETE FROM reason_codes WHERE NOT (kind || '/' || code = ANY($1))`, [law.reasonCodes.map((r) => `${r.kind}/${r.code}`)]);
    for (const reason of law.reasonCodes) {
      await this.reasons.save(reason.kind, reason.code, { names: reason.names, legalBasis: reason.legalBasis, active: true }, manager);
    }
    await manager.query('DELETE FROM sla_policies WHERE NOT (code = ANY($1))', [law.slaPolicies.map((p) => p.code)]);
    for (const p of law.slaPolicies) {
      await manager.query(
        `INSERT INTO sla_policies (code, application_type, kind, amount, unit, on_awaiting_citizen, on_transfer,
           extension_amount, extension_unit, requires_notice_before_deadline, legal_basis)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (code) DO UPDATE SET application_type = EXCLUDED.application_type, topic_id = NULL, agency_id = NULL,
           kind = EXCLUDED.kind, amount = EXCLUDED.amount, unit = EXCLUDED.unit, on_awaiting_citizen = EXCLUDED.on_awaiting_citizen,
           on_transfer = EXCLUDED.on_transfer, extension_amount = EXCLUDED.extension_amount, extension_unit = EXCLUDED.extension_unit,
           requires_notice_before_deadline = EXCLUDED.requires_notice_before_deadline, legal_basis = EXCLUDED.legal_basis, active = true`,
        [
          p.code,
          p.applicationType,
          p.kind,
          p.amount,
          p.unit,
          p.onAwaitingCitizen,
          p.onTransfer ?? 'keep',
          p.extension?.amount ?? null,
          p.extension?.unit ?? null,
          p.requiresNoticeBeforeDeadline ?? false,
          p.legalBasis,
        ],
      );
    }
  }
}
