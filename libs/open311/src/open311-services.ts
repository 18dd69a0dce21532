import { Injectable } from '@nestjs/common';
import { APPLICATION_TYPES, CatalogueService } from '@petitio/catalogue';
import { DirectoryService, localise } from '@petitio/directory';
import { catalogs } from '@petitio/i18n';
import { NotFoundError } from '@petitio/platform';
import { DataSource } from 'typeorm';
import { Open311Attribute, Open311Service, Open311ServiceDefinition } from './open311-views';

/** The attribute codes a POST may carry as `attribute[CODE]`, beside the spec's own fields. */
export const OPEN311_ATTRIBUTES = { type: 'application_type', subject: 'subject', district: 'district', confidential: 'confidential' } as const;

/** Open311's services are the active topics; each one's definition asks what intake needs beyond the spec's fields. */
@Injectable()
export class Open311Services {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly directory: DirectoryService,
    private readonly dataSource: DataSource,
  ) {}

  async list(language: string): Promise<Open311Service[]> {
    const topics = await this.catalogue.activeTopics();
    return topics.map((topic) => {
      const name = localise(topic.names, language);
      return {
        service_code: topic.code,
        service_name: name,
        description: name,
        metadata: true,
        type: 'realtime',
        keywords: topic.keywords.join(','),
        group: '',
      };
    });
  }

  async definition(serviceCode: string, language: string): Promise<Open311ServiceDefinition> {
    const topic = await this.catalogue.topicByCode(serviceCode);
    if (!topic || !topic.active) throw new NotFoundError('SERVICE_NOT_FOUND', { args: { code: serviceCode } });
    const words = catalogs.texts('open311', language).attributes;
    const types: { code: string; names: Record<string, string> }[] = await this.dataSource.query('SELECT code, names FROM application_types');
    const typeNames = new Map(types.map((t) => [t.code, localise(t.names, language)]));
    const regions = await this.directory.regions();
    const provinces = new Map(regions.filter((r) => r.kind === 'province').map((r) => [r.code, localise(r.names, language)]));
    const districts = regions
      .filter((r) => r.kind === 'district')
      .map((r) => ({ key: r.code, name: [localise(r.names, language), r.parentCode ? provinces.get(r.parentCode) : undefined].filter(Boolean).join(', ') }));
    const list = (code: string, order: number, description: string, values: { key: string; name: string }[]): Open311Attribute => ({
      variable: true,
      code,
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: '',
      order,
      description,
      values,
    });
    return {
      service_code: topic.code,
      attributes: [
        list(
          OPEN311_ATTRIBUTES.type,
          1,
          words.type,
          APPLICATION_TYPES.map((code) => ({ key: code, name: typeNames.get(code) ?? code })),
        ),
        {
          variable: true,
          code: OPEN311_ATTRIBUTES.subject,
          datatype: 'string',
          required: false,
          datatype_description: '',
          order: 2,
          description: words.subject,
        },
        list(OPEN311_ATTRIBUTES.district, 3, words.district, districts),
        list(OPEN311_ATTRIBUTES.confidential, 4, words.confidential, [
          { key: 'false', name: words.no },
          { key: 'true', name: words.yes },
        ]),
      ],
    };
  }
}
