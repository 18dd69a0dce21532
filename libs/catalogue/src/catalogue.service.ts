import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Topic } from './topic.entity';

const CACHE_MS = 10_000;

export interface TopicRecord {
  code: string;
  names: Record<string, string>;
  keywords: string[];
  defaultAgencyCode: string | null;
}

/**
 * Topics change rarely and are read on every submission, so they are cached
 * for a few seconds per process.
 */
@Injectable()
export class CatalogueService {
  private cache?: { at: number; byCode: Map<string, Topic>; byId: Map<string, Topic> };

  constructor(@InjectRepository(Topic) private readonly topics: Repository<Topic>) {}

  async topicByCode(code: string): Promise<Topic | undefined> {
    return (await this.load()).byCode.get(code);
  }

  async topicById(id: string): Promise<Topic | undefined> {
    return (await this.load()).byId.get(id);
  }

  /** Every topic by id, read once so a caller inside a transaction needs no second connection. */
  async topicsById(): Promise<ReadonlyMap<string, Topic>> {
    return (await this.load()).byId;
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

  private async load() {
    const now = Date.now();
    if (!this.cache || now - this.cache.at > CACHE_MS) {
      const all = await this.topics.find();
      this.cache = { at: now, byCode: new Map(all.map((t) => [t.code, t])), byId: new Map(all.map((t) => [t.id, t])) };
    }
    return this.cache;
  }
}
