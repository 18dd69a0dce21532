import { Inject, Injectable } from '@nestjs/common';
import { LocalisedNames, localise } from '@petitio/directory';
import { ENVIRONMENT, Environment, InvalidInputError } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import { PhoneHash } from '@petitio/privacy';
import { DataSource } from 'typeorm';
import type { ApplicationStatus } from '@petitio/applications';
import { toE164 } from '@petitio/applications';
import { PersonalDataReads } from './personal-data-reads';

/** What the call center may tell a caller about their own applications: no text, no staff, no contact. */
export interface CallerApplication {
  id: string;
  trackingNumber: string;
  type: string;
  topic: string | null;
  status: ApplicationStatus;
  createdAt: Date;
  agency: string | null;
}

interface CallerApplicationRow extends Omit<CallerApplication, 'agency'> {
  agencyNames: LocalisedNames | null;
}

export const CALLER_APPLICATIONS_LIMIT = 20;

/**
 * A caller's applications found by their phone number, for the call center. The lookup
 * spans every agency on purpose (a caller does not know where their application went),
 * so it shows only a summary, and each application shown is recorded as a personal data read.
 */
@Injectable()
export class CallerApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: PersonalDataReads,
    private readonly phoneHash: PhoneHash,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  async byPhone(principal: StaffPrincipal, phoneInput: string, language: string): Promise<CallerApplication[]> {
    const phone = toE164(phoneInput, this.env.DEFAULT_COUNTRY);
    if (!phone) throw new InvalidInputError([{ field: 'phone', code: 'invalid' }]);
    // Linking a confidential application to its citizen's number is for the center only.
    const rows: CallerApplicationRow[] = await this.dataSource.query(
      `SELECT a.id, a.tracking_number AS "trackingNumber", a.type_code AS type, t.code AS topic, a.status,
         a.created_at AS "createdAt", g.names AS "agencyNames"
       FROM applications a
       LEFT JOIN topics t ON t.id = a.topic_id
       LEFT JOIN agencies g ON g.id = a.assigned_agency_id
       WHERE a.citizen_phone_hash = $1 AND ($2::boolean OR NOT a.confidential)
       ORDER BY a.created_at DESC, a.id DESC
       LIMIT $3`,
      [this.phoneHash.of(phone), principal.center, CALLER_APPLICATIONS_LIMIT],
    );
    await this.reads.record(
      principal.userId,
      rows.map((r) => r.id),
      ['phone_lookup'],
    );
    return rows.map(({ agencyNames, ...row }) => ({ ...row, agency: agencyNames ? localise(agencyNames, language) : null }));
  }
}
