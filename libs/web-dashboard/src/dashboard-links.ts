import type { AgingBucket, DashboardHeadline, DeadlineShare, TrendDay } from '@petitio/reporting';
import type { Channel } from '@petitio/applications';

/** The dashboard's filters that narrow every figure (the period aside), as the query string carries them. */
export interface DashboardScope {
  agency: string;
  type: string;
  topic: string;
  channel: string;
}

type InboxParams = Record<string, string | number | undefined>;

const HEADLINE: Record<keyof DashboardHeadline, InboxParams> = {
  open: { status: 'open' },
  receivedToday: {},
  dueToday: { due: 'today' },
  atRisk: { due: 'soon' },
  breached: { due: 'overdue' },
};

/** Aging counts whole days since receipt: `days <= 7`, `BETWEEN 8 AND 15`, `BETWEEN 16 AND 30`, `> 30`. */
const AGING: Record<AgingBucket, InboxParams> = {
  '0-7': { ageMax: 7 },
  '8-15': { ageMin: 8, ageMax: 15 },
  '16-30': { ageMin: 16, ageMax: 30 },
  '31+': { ageMin: 31 },
};

/** The inbox address listing the applications behind one figure; the dashboard's own filters come first. */
export function inboxAddress(params: InboxParams): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(name, String(value));
  const text = query.toString();
  return text ? `/staff/inbox?${text}` : '/staff/inbox';
}

/**
 * Where each dashboard figure leads: the inbox with the filters that select exactly the applications it counts
 * (libs/applications dashboard/figure-conditions.ts holds the SQL both sides share). Period figures count the
 * applications received in the period; the headline and aging ignore the period, as the figures do.
 */
export class DashboardLinks {
  constructor(
    private readonly scope: DashboardScope,
    /** The period the figures were read for, local days, both included. */
    private readonly period: { from: string; to: string },
    /** Today's local date, for "received today". */
    private readonly today: string,
  ) {}

  headline(figure: keyof DashboardHeadline): string {
    return inboxAddress({ ...this.narrowing(), ...(figure === 'receivedToday' ? { receivedFrom: this.today } : HEADLINE[figure]) });
  }

  /** A row of the within-deadline tables: answered in the period, or answered within the deadline. */
  withinDeadline(share: Pick<DeadlineShare, 'dimension' | 'key'>, measure: 'answered' | 'within'): string {
    const row: Record<DeadlineShare['dimension'], InboxParams> = {
      agency: share.key === null ? { noAgency: 'true' } : { assignedAgency: share.key },
      type: { type: share.key ?? undefined },
      topic: share.key === null ? { noTopic: 'true' } : { topic: share.key },
      channel: { channel: share.key ?? undefined },
    };
    return inboxAddress({ ...this.inPeriod(), ...row[share.dimension], answered: measure === 'answered' ? 'yes' : 'within' });
  }

  firstResponses(): string {
    return inboxAddress({ ...this.inPeriod(), firstResponded: 'true' });
  }

  answers(): string {
    return inboxAddress({ ...this.inPeriod(), answered: 'yes' });
  }

  aging(bucket: AgingBucket): string {
    return inboxAddress({ ...this.narrowing(), status: 'open', ...AGING[bucket] });
  }

  /** Received in the period (the denominator of transfers per application). */
  received(): string {
    return inboxAddress(this.inPeriod());
  }

  transferred(atLeast: 1 | 2): string {
    return inboxAddress({ ...this.inPeriod(), transfersMin: atLeast });
  }

  channel(channel: Channel): string {
    return inboxAddress({ ...this.inPeriod(), channel });
  }

  rated(): string {
    return inboxAddress({ ...this.inPeriod(), rated: 'true' });
  }

  stars(n: number): string {
    return inboxAddress({ ...this.inPeriod(), rating: n });
  }

  /** A trend point, a local day or a month (its days within the period): received, or answered then. */
  trend(point: Pick<TrendDay, 'day' | 'unit'>, line: 'received' | 'answered'): string {
    const [from, to] = point.unit === 'month' ? [point.day, this.monthEnd(point.day)] : [point.day, point.day];
    const days = line === 'received' ? { receivedFrom: from, receivedTo: to } : { answeredFrom: from, answeredTo: to };
    return inboxAddress({ ...days, ...this.narrowing() });
  }

  private narrowing(): InboxParams {
    return { agency: this.scope.agency, type: this.scope.type, topic: this.scope.topic, channel: this.scope.channel };
  }

  private inPeriod(): InboxParams {
    return { receivedFrom: this.period.from, receivedTo: this.period.to, ...this.narrowing() };
  }

  /** The last day of the month of `day` that is within the period. */
  private monthEnd(day: string): string {
    const [year, month] = day.split('-').map(Number);
    const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    return last < this.period.to ? last : this.period.to;
  }
}
