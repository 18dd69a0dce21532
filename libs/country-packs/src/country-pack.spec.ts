import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogs } from '@petitio/i18n';
import { loadEnvironment } from '@petitio/platform';
import { CountryPackError, PACKS_DIR, countryPack, countryPacksOnDisk } from './country-pack';
import { packProblems } from './pack-problems';

describe('country packs', () => {
  it('has Turkey and Brazil on disk', () => {
    expect(countryPacksOnDisk()).toEqual(expect.arrayContaining(['br', 'tr']));
  });

  describe.each(countryPacksOnDisk())('pack %s', (code) => {
    const pack = countryPack(code);

    it('is complete: every reference resolves, every type has a deadline, everything is named in its default language', () => {
      expect(packProblems(pack)).toEqual([]);
    });

    it('offers only languages that have catalogs, and settings the configuration accepts', () => {
      const languages = pack.settings.SUPPORTED_LANGUAGES.split(',');
      for (const language of languages) expect(catalogs.languages()).toContain(language);
      const env = loadEnvironment({ COUNTRY_PACK: code });
      for (const [name, value] of Object.entries(pack.settings)) expect(String(env[name as keyof typeof env])).toBe(value);
    });
  });

  it("gives Brazil's deployment its own defaults, and lets a setting the deployment makes win over the pack's", () => {
    expect(loadEnvironment({ COUNTRY_PACK: 'br' })).toMatchObject({
      SUPPORTED_LANGUAGES: 'pt,en',
      DEFAULT_COUNTRY: 'BR',
      CALENDAR_TIME_ZONE: 'America/Sao_Paulo',
      CALENDAR_COUNTRY: 'BR',
      CALENDAR_REGION: 'DF',
    });
    expect(loadEnvironment({ COUNTRY_PACK: 'br', CALENDAR_REGION: 'SP' }).CALENDAR_REGION).toBe('SP');
    expect(loadEnvironment({}).COUNTRY_PACK).toBe('tr');
    expect(() => loadEnvironment({ COUNTRY_PACK: 'xx' })).toThrow(/COUNTRY_PACK must be one of: br, tr/);
  });

  it('names what a broken pack gets wrong, file by file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'packs-'));
    cpSync(join(PACKS_DIR, 'br'), join(dir, 'zz'), { recursive: true });
    const demoFile = join(dir, 'zz', 'demo.json');
    const demo = JSON.parse(readFileSync(demoFile, 'utf8'));
    demo.routingRules[0].agencyCode = 'NOWHERE';
    demo.agencies = demo.agencies.filter((a: { kind: string }) => a.kind !== 'triage');
    writeFileSync(demoFile, JSON.stringify(demo));
    const lawFile = join(dir, 'zz', 'law.json');
    const law = JSON.parse(readFileSync(lawFile, 'utf8'));
    law.slaPolicies = law.slaPolicies.filter((p: { applicationType: string | null }) => p.applicationType !== 'complaint');
    writeFileSync(lawFile, JSON.stringify(law));
    const problems = packProblems(countryPack('zz', dir));
    expect(problems).toEqual(
      expect.arrayContaining([
        'routing rule water-df: unknown agency NOWHERE',
        'the demo needs exactly one triage agency, which receives what no rule claims',
        'no answer deadline applies to complaint',
      ]),
    );

    writeFileSync(lawFile, JSON.stringify({ ...law, slaPolicies: [{ code: 'X', kind: 'answer', amount: 0 }] }));
    expect(() => countryPack('zz2', dir)).toThrow(CountryPackError);
    cpSync(join(dir, 'zz'), join(dir, 'zz2'), { recursive: true });
    expect(() => countryPack('zz2', dir)).toThrow(/law.slaPolicies\[0\]/);
  });
});
