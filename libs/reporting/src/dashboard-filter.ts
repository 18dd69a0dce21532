import type { StaffPrincipal } from '@petitio/staff';
import type { ApplicationAccess } from '@petitio/applications';
import type { Channel } from '@petitio/applications';
import { inAgencySubtree, withTopic } from './figure-conditions';

export { localDayStart } from './figure-conditions';

/** What the dashboard is asked about. Every filter narrows; none widens beyond the principal's reach. */
export interface DashboardFilter {
  /** First local calendar day of the period (YYYY-MM-DD, deployment time zone), inclusive. */
  from: string;
  /** Last local calendar day of the period, inclusive. */
  to: string;
  /** An agency (by code) and everything under it. */
  agencyCode?: string;
  type?: string;
  topicCode?: string;
  channel?: Channel;
}

/**
 * The WHERE clause every dashboard query shares: the agencies of the principal's reach
 * (ApplicationAccess.agencyCondition) and the filters other than the period, on a row `alias` that has the
 * applications' agency, type, topic and channel columns: an application (`a`, assigned_agency_id) or a rollup row
 * (`r`, agency_id). Parameters are appended to `params`.
 */
export function scopeCondition(access: ApplicationAccess, principal: StaffPrincipal, filter: DashboardFilter, params: unknown[], alias = 'a'): string {
  const agency = alias === 'a' ? 'a.assigned_agency_id' : `${alias}.agency_id`;
  const where = [access.agencyCondition(principal, params, agency)];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filter.agencyCode) add((p) => inAgencySubtree(p, agency), filter.agencyCode);
  if (filter.type) add((p) => `${alias}.type_code = ${p}`, filter.type);
  if (filter.topicCode) add((p) => withTopic(p, `${alias}.topic_id`), filter.topicCode);
  if (filter.channel) add((p) => `${alias}.channel = ${p}`, filter.channel);
  return where.join(' AND ');
}
