import request from 'supertest';
import { routedAgencyCode, validApplication } from './support/applications';
import { TestStack, startStack } from './support/stack';

describe('routing to agencies (demo rules)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  const cases: [string, Record<string, unknown>, string][] = [
    ['a water complaint in Kadıköy goes to the district water office', { topic: 'water', location: { districtCode: 'TR-34-KDK' } }, 'ISKI-KDK'],
    ['a water complaint elsewhere in Istanbul goes to the city water administration', { topic: 'water', location: { districtCode: 'TR-34-USK' } }, 'ISKI'],
    ['a water complaint in Ankara goes to the Ankara water administration', { topic: 'water', location: { provinceCode: 'TR-06' } }, 'ASKI'],
    ['a water complaint with no location goes to the topic default (triage)', { topic: 'water', location: undefined }, 'TRIAGE'],
    ['a health request in Izmir falls back to the topic default agency', { topic: 'health', type: 'request', location: { provinceCode: 'TR-35' } }, 'MOH'],
    ['an application without topic goes to the central triage unit', { topic: undefined, location: undefined }, 'TRIAGE'],
    ['a topic without a default agency goes to triage', { topic: 'other', location: { provinceCode: 'TR-35' } }, 'TRIAGE'],
    [
      'any mention of bribery goes to the Ministry of Interior by keyword',
      { topic: 'tax', location: undefined, body: 'The clerk asked me for a bribe to process my file.' },
      'ICISLERI',
    ],
  ];

  it.each(cases)('%s', async (_name, overrides, agencyCode) => {
    const res = await request(stack.apiUrl).post('/api/v1/applications').send(validApplication(overrides)).expect(201);
    expect(await routedAgencyCode(stack.db, res.body.trackingNumber)).toBe(agencyCode);
  });

  it('records in the history why the application went where it did', async () => {
    const res = await request(stack.apiUrl).post('/api/v1/applications').send(validApplication()).expect(201);
    await routedAgencyCode(stack.db, res.body.trackingNumber);
    const { rows } = await stack.db.query(
      `SELECT kind, data FROM application_events e JOIN applications a ON a.id = e.application_id
       WHERE a.tracking_number = $1 AND kind = 'routed'`,
      [res.body.trackingNumber.replace(/-/g, '')],
    );
    expect(rows[0].data).toMatchObject({ reason: 'rule' });
  });

  it('indexes the text for search once the application is routed, outside the applications row', async () => {
    const res = await request(stack.apiUrl)
      .post('/api/v1/applications')
      .send(validApplication({ language: 'tr', subject: 'Su kesintisi', body: 'Üç gündür mahallemizde su kesintisi var.' }))
      .expect(201);
    await routedAgencyCode(stack.db, res.body.trackingNumber);
    const { rows } = await stack.db.query(
      `SELECT s.language, s.document @@ to_tsquery('turkish', 'kesintisi') AS stem, s.document @@ to_tsquery('simple', 'mahallemizde') AS word
       FROM application_search s JOIN applications a ON a.id = s.application_id WHERE a.tracking_number = $1`,
      [res.body.trackingNumber.replace(/-/g, '')],
    );
    expect(rows).toEqual([{ language: 'tr', stem: true, word: true }]);
  });
});
