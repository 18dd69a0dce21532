import { DashboardLinks, inboxAddress } from './dashboard-links';

const NONE = { agency: '', type: '', topic: '', channel: '' };
const PERIOD = { from: '2026-01-15', to: '2026-03-10' };

describe("the dashboard figures' links to the inbox", () => {
  it('links the headline to the deadline and open filters alone while nothing narrows the dashboard', () => {
    const links = new DashboardLinks(NONE, PERIOD, '2026-03-10');
    expect(links.headline('breached')).toBe('/staff/inbox?due=overdue');
    expect(links.headline('atRisk')).toBe('/staff/inbox?due=soon');
    expect(links.headline('dueToday')).toBe('/staff/inbox?due=today');
    expect(links.headline('open')).toBe('/staff/inbox?status=open');
    expect(links.headline('receivedToday')).toBe('/staff/inbox?receivedFrom=2026-03-10');
  });

  it("carries the agency subtree, type, topic and channel to every figure, and the period to the period's figures only", () => {
    const links = new DashboardLinks({ agency: 'ISKI', type: 'complaint', topic: '', channel: 'sms' }, PERIOD, '2026-03-10');
    expect(links.headline('open')).toBe('/staff/inbox?agency=ISKI&type=complaint&channel=sms&status=open');
    expect(links.aging('8-15')).toBe('/staff/inbox?agency=ISKI&type=complaint&channel=sms&status=open&ageMin=8&ageMax=15');
    expect(links.transferred(2)).toBe('/staff/inbox?receivedFrom=2026-01-15&receivedTo=2026-03-10&agency=ISKI&type=complaint&channel=sms&transfersMin=2');
  });

  it('links a within-deadline row to its exact agency, or to no agency and no topic for the rows without one', () => {
    const links = new DashboardLinks({ ...NONE, agency: 'ISKI' }, PERIOD, '2026-03-10');
    const inPeriod = 'receivedFrom=2026-01-15&receivedTo=2026-03-10';
    expect(links.withinDeadline({ dimension: 'agency', key: 'ISKI-KDK' }, 'within')).toBe(
      `/staff/inbox?${inPeriod}&agency=ISKI&assignedAgency=ISKI-KDK&answered=within`,
    );
    expect(links.withinDeadline({ dimension: 'agency', key: null }, 'answered')).toBe(`/staff/inbox?${inPeriod}&agency=ISKI&noAgency=true&answered=yes`);
    expect(links.withinDeadline({ dimension: 'topic', key: null }, 'answered')).toBe(`/staff/inbox?${inPeriod}&agency=ISKI&noTopic=true&answered=yes`);
  });

  it('opens the aging buckets at both ends as the dashboard counts them: up to 7 days, and over 30', () => {
    const links = new DashboardLinks(NONE, PERIOD, '2026-03-10');
    expect(links.aging('0-7')).toBe('/staff/inbox?status=open&ageMax=7');
    expect(links.aging('31+')).toBe('/staff/inbox?status=open&ageMin=31');
  });

  it('links a trend day to that day, and a month point to its days within the period', () => {
    const links = new DashboardLinks(NONE, PERIOD, '2026-03-10');
    expect(links.trend({ day: '2026-02-03', unit: 'day' }, 'answered')).toBe('/staff/inbox?answeredFrom=2026-02-03&answeredTo=2026-02-03');
    expect(links.trend({ day: '2026-01-15', unit: 'month' }, 'received')).toBe('/staff/inbox?receivedFrom=2026-01-15&receivedTo=2026-01-31');
    expect(links.trend({ day: '2026-02-01', unit: 'month' }, 'received')).toBe('/staff/inbox?receivedFrom=2026-02-01&receivedTo=2026-02-28');
    expect(links.trend({ day: '2026-03-01', unit: 'month' }, 'answered')).toBe('/staff/inbox?answeredFrom=2026-03-01&answeredTo=2026-03-10');
  });

  it('leaves out empty parameters and escapes the others', () => {
    expect(inboxAddress({ agency: '', topic: 'su & kanal', rating: 3, due: undefined })).toBe('/staff/inbox?topic=su+%26+kanal&rating=3');
    expect(inboxAddress({})).toBe('/staff/inbox');
  });
});
