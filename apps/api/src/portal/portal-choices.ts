import { Injectable } from '@nestjs/common';
import { CatalogueService } from '@petitio/catalogue';
import { DirectoryService, localise } from '@petitio/directory';
import type { PortalLanguage } from './i18n';
import type { ApplyChoices } from './views/apply.view';

/** The apply form's pick lists in the page language: active topics, provinces with their districts. */
@Injectable()
export class PortalChoices {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly directory: DirectoryService,
  ) {}

  async forLanguage(language: PortalLanguage): Promise<ApplyChoices> {
    const [topics, regions] = await Promise.all([this.catalogue.activeTopics(), this.directory.regions()]);
    const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, language);
    const named = (r: { code: string; names: Record<string, string> }) => ({ code: r.code, name: localise(r.names, language) });
    return {
      topics: topics.map(named).sort(byName),
      provinces: regions
        .filter((r) => r.kind === 'province')
        .map((p) => ({
          ...named(p),
          districts: regions.filter((d) => d.kind === 'district' && d.parentCode === p.code).map(named).sort(byName),
        }))
        .sort(byName),
    };
  }
}
