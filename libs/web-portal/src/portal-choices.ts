import { Injectable } from '@nestjs/common';
import { CatalogueService } from '@petitio/catalogue';
import { DirectoryService, localise } from '@petitio/directory';
import type { PortalLanguage } from './i18n';
import type { ApplyChoices } from './views/apply.view';

/** The lists change with an admin's edit, not per request: each language's is built at most once a minute. */
const CHOICES_CACHE_MS = 60_000;

/** The apply form's pick lists in the page language: active topics, provinces with their districts. */
@Injectable()
export class PortalChoices {
  private readonly cache = new Map<PortalLanguage, { at: number; choices: Promise<ApplyChoices> }>();

  constructor(
    private readonly catalogue: CatalogueService,
    private readonly directory: DirectoryService,
  ) {}

  forLanguage(language: PortalLanguage): Promise<ApplyChoices> {
    const cached = this.cache.get(language);
    if (cached && Date.now() - cached.at < CHOICES_CACHE_MS) return cached.choices;
    const choices = this.build(language);
    this.cache.set(language, { at: Date.now(), choices });
    // A failed build is not kept: the next page tries again.
    choices.catch(() => this.cache.delete(language));
    return choices;
  }

  private async build(language: PortalLanguage): Promise<ApplyChoices> {
    const districtsOf = new Map<string, { code: string; names: Record<string, string> }[]>();
    const [topics, regions] = await Promise.all([this.catalogue.activeTopics(), this.directory.regions()]);
    for (const d of regions) {
      if (d.kind !== 'district' || !d.parentCode) continue;
      if (!districtsOf.has(d.parentCode)) districtsOf.set(d.parentCode, []);
      districtsOf.get(d.parentCode)!.push(d);
    }
    const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, language);
    const named = (r: { code: string; names: Record<string, string> }) => ({ code: r.code, name: localise(r.names, language) });
    return {
      topics: topics.map(named).sort(byName),
      provinces: regions
        .filter((r) => r.kind === 'province')
        .map((p) => ({
          ...named(p),
          districts: (districtsOf.get(p.code) ?? []).map(named).sort(byName),
        }))
        .sort(byName),
    };
  }
}
