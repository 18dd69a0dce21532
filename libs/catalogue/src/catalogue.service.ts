import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Topic } from './topic.entity';

const CACHE_MS = 10_000;
/** A code no topic has is looked up again at most this often: intake codes come from anyone. */
const MISS_RELOAD_MS = 1_000;

export interface TopicRecord {
  code: string;
  names: Record<string, string>;
  keywords: string[];
  defaultAgencyCode: string | null;
}

/**
 * Topics change rarely and are read on every submission, so they are cached
 * for a few seconds per process. An admin's edit empties this process's cache at once and
 * reaches the others within CACHE_MS; a topic created since the cache was filled is read
 * again on a miss, so a new topic is never routed as if it did not exist.
 */
@Injectable()
export class CatalogueService {
  private cache?: { at: number; byCode: Map<string, Topic>; byId: Map<string, Topic> };

  constructor(@InjectRepository(Topic) private readonly topics: Repository<Topic>) {}

  async topicByCode(code: string): Promise<Topic | undefined> {
    const cached = await this.load();
    if (cached.byCode.has(code) || Date.now() - cached.at < MISS_RELOAD_MS) return cached.byCode.get(code);
    return (await this.load(true)).byCode.get(code);
  }

  async topicById(id: string): Promise<Topic | undefined> {
    return (await this.topicsById(id)).get(id);
  }

  /**
   * Every topic by id, read once so a caller inside a transaction needs no second connection. Naming the id the
   * caller needs reloads a cache that lacks it: ids come from stored applications, so a miss means a new topic.
   */
  async topicsById(needed?: string | null): Promise<ReadonlyMap<string, Topic>> {
    const cached = await this.load();
    if (!needed || cached.byId.has(needed)) return cached.byId;
    return (await this.load(true)).byId;
  }

  /** Drops this process's cache after an admin's change. */
  forget(): void {
    this.cache = undefined;
  }

  async activeTopics(): Promise<Topic[]> {
    return [...(await this.load()).byCode.values()].filter((t) => t.active);
  }

  async upsertTopics(records: TopicRecord[], manager: EntityManager = this.topics.manager): Promise<void> {
    for (const t of records) {
      await manager.query(
        `INSERT INTO topics (code, names, keywords, default_agency_id)
         VALUES ($1, $2, $3, (SELECT id FROM agencies WHERE code = $4))
         ON CONFLICT (code) DO UPDATE SET names = EXCLUDED.names, keywords = EXCLUDED.keywords,
           default_agency_id = EXCLUDED.default_agency_id`,
        [t.code, JSON.stringify(t.names), t.keywords, t.defaultAgencyCode],
      );
    }
    this.cache = undefined;
  }

  private async load(fresh = false) {
    const now = Date.now();
    if (fresh || !this.cache || now - this.cache.at > CACHE_MS) {
      const all = await this.topics.find();
      this.cache = { at: now, byCode: new Map(all.map((t) => [t.code, t])), byId: new Map(all.map((t) => [t.id, t])) };
    }
    return this.cache;
  }
}
