import type { Repository } from 'typeorm';
import { CatalogueService } from './catalogue.service';
import type { Topic } from './topic.entity';

function topic(code: string): Topic {
  return { id: `id-${code}`, code, names: { en: code }, keywords: [], defaultAgencyId: null, active: true };
}

/** A catalogue over a table the test adds rows to, counting reads. */
function catalogueOver(rows: Topic[]) {
  const reads = { n: 0 };
  const repository = { find: async () => (reads.n++, [...rows]) } as unknown as Repository<Topic>;
  return { catalogue: new CatalogueService(repository), reads };
}

describe('the topic catalogue cache', () => {
  afterEach(() => jest.useRealTimers());

  it('reads the table again when asked for a topic id it lacks, as after an admin created one elsewhere', async () => {
    const rows = [topic('water')];
    const { catalogue, reads } = catalogueOver(rows);
    expect([...(await catalogue.topicsById()).keys()]).toEqual(['id-water']);
    rows.push(topic('parks'));
    expect((await catalogue.topicsById('id-parks')).get('id-parks')?.code).toBe('parks');
    expect(reads.n).toBe(2);
    await catalogue.topicsById('id-water');
    expect(reads.n).toBe(2);
  });

  it('reads the table again for an unknown code at most once a second, as intake codes come from anyone', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-26T10:00:00Z') });
    const rows = [topic('water')];
    const { catalogue, reads } = catalogueOver(rows);
    expect(await catalogue.topicByCode('nope')).toBeUndefined();
    expect(await catalogue.topicByCode('nope-again')).toBeUndefined();
    expect(reads.n).toBe(1);
    rows.push(topic('parks'));
    jest.setSystemTime(new Date('2026-11-26T10:00:01.500Z'));
    expect((await catalogue.topicByCode('parks'))?.id).toBe('id-parks');
    expect(reads.n).toBe(2);
  });

  it('forgets what it read when an admin changes a topic in this process', async () => {
    const rows = [topic('water')];
    const { catalogue, reads } = catalogueOver(rows);
    await catalogue.activeTopics();
    catalogue.forget();
    await catalogue.activeTopics();
    expect(reads.n).toBe(2);
  });
});
