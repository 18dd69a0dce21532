import { stripQuery } from './logging.module';

describe('request paths in logs', () => {
  it('drop the query string', () => {
    expect(stripQuery('/api/v1/applications/x/status?accessCode=12345678')).toBe('/api/v1/applications/x/status');
  });
  it('mask tracking numbers to their last three digits', () => {
    expect(stripQuery('/api/v1/applications/4827-3915-602/status')).toBe('/api/v1/applications/****-****-602/status');
    expect(stripQuery('/api/v1/applications/48273915602/status')).toBe('/api/v1/applications/****-****-602/status');
    expect(stripQuery('/tr/status/48273915602')).toBe('/tr/status/****-****-602');
  });
  it('hide a caller phone number entirely', () => {
    expect(stripQuery('/api/v1/staff/callers/%2B905321234567/applications')).toBe('/api/v1/staff/callers/***/applications');
    expect(stripQuery('/api/v1/staff/callers/05321234567/applications')).toBe('/api/v1/staff/callers/***/applications');
  });
});
