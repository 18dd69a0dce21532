import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { CliRun, runCli } from './support/cli';
import { digits, routedAgencyCode, validApplication } from './support/applications';
import { TestStack, startStack } from './support/stack';
import { TestStaff, staffUser } from './support/staff';

/** Points inside the demo pack's district outlines (demo-boundaries.json), and one in the Black Sea. */
const MODA = { latitude: 40.983, longitude: 29.026 };
const USKUDAR = { latitude: 41.03, longitude: 29.04 };
const KECIOREN = { latitude: 40.0, longitude: 32.86 };
const OFFSHORE = { latitude: 41.6, longitude: 29.45 };

/**
 * An application that carries a point is placed in the district whose boundary holds it (PostGIS, SRID 4326) and
 * routed by the district's rules, through every channel that takes a point; boundaries load from GeoJSON or CSV,
 * all or nothing.
 */
describe('locations from a point', () => {
  let stack: TestStack;
  let admin: TestStaff;
  let dir: string;

  beforeAll(async () => {
    stack = await startStack();
    admin = await staffUser(stack.db, stack.apiUrl, 'CENTER', ['center_admin']);
    dir = await mkdtemp(join(tmpdir(), 'petitio-boundaries-'));
  });
  afterAll(async () => {
    await stack?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function submitAt(location: Record<string, unknown>) {
    const res = await request(stack.apiUrl).post('/api/v1/applications').send(validApplication({ location })).expect(201);
    const { rows } = await stack.db.query('SELECT province_code, district_code, latitude, longitude FROM applications WHERE tracking_number = $1', [
      digits(res.body.trackingNumber),
    ]);
    return { trackingNumber: res.body.trackingNumber as string, stored: rows[0] };
  }

  it('places a point in its district and routes it by the district’s rules', async () => {
    const moda = await submitAt(MODA);
    expect(moda.stored).toEqual({ province_code: 'TR-34', district_code: 'TR-34-KDK', ...MODA });
    expect(await routedAgencyCode(stack.db, moda.trackingNumber)).toBe('ISKI-KDK');

    const uskudar = await submitAt(USKUDAR);
    expect(uskudar.stored).toMatchObject({ province_code: 'TR-34', district_code: 'TR-34-USK' });
    expect(await routedAgencyCode(stack.db, uskudar.trackingNumber)).toBe('ISKI');

    const kecioren = await submitAt(KECIOREN);
    expect(kecioren.stored).toMatchObject({ province_code: 'TR-06', district_code: 'TR-06-KCR' });
    expect(await routedAgencyCode(stack.db, kecioren.trackingNumber)).toBe('ASKI');
  });

  it('keeps a point no boundary holds, and the district the citizen chose over the point', async () => {
    const offshore = await submitAt(OFFSHORE);
    expect(offshore.stored).toEqual({ province_code: null, district_code: null, ...OFFSHORE });
    expect(await routedAgencyCode(stack.db, offshore.trackingNumber)).toBe('TRIAGE');

    const chosen = await submitAt({ districtCode: 'TR-34-USK', ...MODA });
    expect(chosen.stored).toMatchObject({ province_code: 'TR-34', district_code: 'TR-34-USK' });
    // A point outside the province the citizen chose gives no district.
    const elsewhere = await submitAt({ provinceCode: 'TR-06', ...MODA });
    expect(elsewhere.stored).toMatchObject({ province_code: 'TR-06', district_code: null });
  });

  it('refuses half a point or one off the globe, field by field, and keeps nothing', async () => {
    const before = (await stack.db.query('SELECT count(*)::int AS n FROM applications')).rows[0].n;
    const half = await request(stack.apiUrl)
      .post('/api/v1/applications')
      .send(validApplication({ location: { latitude: MODA.latitude } }))
      .expect(400);
    expect(half.body.errors).toEqual([expect.objectContaining({ field: 'location.longitude', code: 'required' })]);
    const off = await request(stack.apiUrl)
      .post('/api/v1/applications')
      .send(validApplication({ location: { latitude: 91, longitude: 29 } }))
      .expect(400);
    expect(off.body.errors).toEqual([expect.objectContaining({ field: 'location.latitude' })]);
    expect((await stack.db.query('SELECT count(*)::int AS n FROM applications')).rows[0].n).toBe(before);
  });

  it('routes an Open311 request that gives only lat and long', async () => {
    const issued = await request(stack.apiUrl)
      .post('/api/v1/staff/api-clients')
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ name: 'City app', kind: 'open311' })
      .expect(201);
    const res = await request(stack.apiUrl)
      .post('/open311/v2/requests.json')
      .type('form')
      .set('Accept-Language', 'en')
      .send({ api_key: issued.body.key, service_code: 'water', lat: String(MODA.latitude), long: String(MODA.longitude), description: 'Burst pipe.' })
      .expect(200);
    expect(await routedAgencyCode(stack.db, res.body[0].service_request_id)).toBe('ISKI-KDK');
  });

  const importBoundaries = (...args: string[]): Promise<CliRun> => runCli(stack.env.DATABASE_URL, 'import-boundaries', ...args);
  const snapshot = async () => (await stack.db.query('SELECT region_code, ST_AsText(boundary) AS wkt FROM region_boundaries ORDER BY region_code')).rows;
  const square = (x: number, y: number, size: number) => [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ];

  it('loads boundaries from GeoJSON and CSV all or nothing, and a point then falls in the new outline', async () => {
    const before = await snapshot();
    const bad = join(dir, 'bad.geojson');
    await writeFile(
      bad,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { ilce: 'TR-34-USK' }, geometry: { type: 'Polygon', coordinates: square(29.3, 41.5, 0.2) } },
          { type: 'Feature', properties: { ilce: 'TR-99-XXX' }, geometry: { type: 'Polygon', coordinates: square(29.3, 41.5, 0.2) } },
          { type: 'Feature', properties: { ilce: 'TR-34-KDK' }, geometry: { type: 'Point', coordinates: [29, 41] } },
          { type: 'Feature', properties: { ilce: 'TR-06-CNK' }, geometry: { type: 'Polygon', coordinates: square(3_200_000, 4_800_000, 1000) } },
        ],
      }),
    );
    const refused = await importBoundaries(bad, '--code-property', 'ilce');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('feature 2 (TR-99-XXX) names a region the directory does not have');
    expect(refused.stderr).toContain('feature 3 (TR-34-KDK) is not a polygon or multipolygon');
    expect(refused.stderr).toContain('feature 4 (TR-06-CNK) has coordinates outside WGS 84');
    expect(refused.stdout).toContain('nothing was written');
    expect(await snapshot()).toEqual(before);

    // A submission from the offshore point, placed nowhere yet, whose client will retry it after the import below.
    const retried = () =>
      request(stack.apiUrl)
        .post('/api/v1/applications')
        .set('Idempotency-Key', 'offshore-report-1')
        .send(validApplication({ location: OFFSHORE }));
    const first = await retried().expect(201);

    // Üsküdar redrawn over the offshore point, as a CSV with WKT (a bow-tie ring, repaired on the way in).
    const csv = join(dir, 'uskudar.csv');
    await writeFile(csv, 'code,wkt\r\nTR-34-USK,"POLYGON((29.4 41.5, 29.6 41.7, 29.6 41.5, 29.4 41.7, 29.4 41.5))"\r\n');
    const loaded = await importBoundaries(csv);
    expect(loaded).toMatchObject({ exitCode: 0, stderr: '' });
    expect(loaded.stdout).toContain('1 boundaries written; 6 regions have one');
    const offshore = await submitAt(OFFSHORE);
    expect(offshore.stored).toMatchObject({ province_code: 'TR-34', district_code: 'TR-34-USK' });
    // The old outline no longer holds its point.
    expect((await submitAt(USKUDAR)).stored).toMatchObject({ district_code: null });
    // The retry is the same submission, though its point now lies in a district: the first answer again, not a conflict.
    const again = await retried().expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.trackingNumber).toBe(first.body.trackingNumber);
  });
});
