import { SystemClock } from '@petitio/platform';
import type { Environment } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import type { DataSource } from 'typeorm';
import type { ApplicationAccess } from '@petitio/applications';
import { DashboardService } from './dashboard.service';

/** A service over a database stand-in that counts the statements it is sent and answers each count with `open`. */
function dashboardOver(liveIntervalMs: number) {
  const statements: string[] = [];
  const dataSource = {
    query: async (sql: string) => {
      statements.push(sql);
      return [{ open: 7, receivedToday: 2, dueToday: 1, atRisk: 1, breached: 0, '0-7': 7, '8-15': 0, '16-30': 0, '31+': 0 }];
    },
  } as unknown as DataSource;
  // A supervisor's reach: the agencies under theirs, as a parameter.
  const access = {
    agencyCondition: (principal: StaffPrincipal, params: unknown[], column: string) => {
      params.push(principal.agencyId);
      return `${column} = $${params.length}`;
    },
  } as unknown as ApplicationAccess;
  const env = { CALENDAR_TIME_ZONE: 'Europe/Istanbul', SLA_DUE_SOON_HOURS: 24, DASHBOARD_LIVE_INTERVAL_MS: liveIntervalMs } as Environment;
  return { service: new DashboardService(dataSource, access, new SystemClock(), env), statements };
}

const supervisor = (agencyId: string) => ({ userId: `user-${agencyId}`, agencyId, roles: ['supervisor'] }) as unknown as StaffPrincipal;
const period = { from: '2026-11-01', to: '2026-11-27' };

describe('DashboardService: figures about now', () => {
  it('counts once for every tab with the same reach and filters asking at the same moment, in one statement', async () => {
    const { service, statements } = dashboardOver(5000);
    const answers = await Promise.all([1, 2, 3].map(() => service.headline(supervisor('kadikoy'), period)));
    expect(answers.map((a) => a.open)).toEqual([7, 7, 7]);
    expect(answers[0].receivedToday).toBe(2);
    expect(statements).toHaveLength(1);
  });

  it('counts apart for another reach or another filter', async () => {
    const { service, statements } = dashboardOver(5000);
    await service.headline(supervisor('kadikoy'), period);
    await service.headline(supervisor('uskudar'), period);
    await service.headline(supervisor('kadikoy'), { ...period, type: 'complaint' });
    expect(statements).toHaveLength(3);
  });

  it('counts again once half a live interval has passed', async () => {
    const { service, statements } = dashboardOver(40);
    await service.headline(supervisor('kadikoy'), period);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await service.headline(supervisor('kadikoy'), period);
    expect(statements).toHaveLength(2);
  });
});
