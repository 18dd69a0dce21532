import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PublicStatistics, PublicStatisticsLine, PublicStatisticsService } from '@petitio/reporting';
import type { FastifyReply } from 'fastify';
import { csvLine } from '@petitio/web-kit';
import { pageLanguage } from './portal-language';
import { securityHeaders, sendPage } from '@petitio/web-kit';
import { statisticsPage } from './views/statistics.view';

/** Figures are recomputed every PUBLIC_STATISTICS_CACHE_SECONDS (ten minutes by default): caches may keep them five. */
const PUBLIC_CACHE = 'public, max-age=300';

/** The public statistics page of the portal: aggregates only, in the reader's language. */
@Controller(':lang/statistics')
export class PortalStatisticsController {
  constructor(private readonly statistics: PublicStatisticsService) {}

  @Get()
  @ApiExcludeEndpoint()
  async page(@Param('lang') lang: string, @Res() reply: FastifyReply): Promise<void> {
    const language = pageLanguage(lang);
    sendPage(reply, 200, statisticsPage(language, await this.statistics.statistics()));
  }
}

/** The same figures as open data, for anyone to reuse. */
@ApiTags('open data')
@Controller('api/v1')
export class OpenDataStatisticsController {
  constructor(private readonly statistics: PublicStatisticsService) {}

  @Get('statistics.json')
  @ApiOkResponse({
    description:
      'Applications received, answered, answered within the legal deadline and median days to answer, over the last 12 months, in total, per type and per top-level agency',
  })
  async json(@Res() reply: FastifyReply): Promise<void> {
    const s = await this.statistics.statistics();
    void securityHeaders(reply)
      .headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': PUBLIC_CACHE, 'access-control-allow-origin': '*' })
      .send(s);
  }

  @Get('statistics.csv')
  async csv(@Res() reply: FastifyReply): Promise<void> {
    const s = await this.statistics.statistics();
    void securityHeaders(reply)
      .headers({
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="petitio-statistics-${s.from}-${s.to}.csv"`,
        'cache-control': PUBLIC_CACHE,
        'access-control-allow-origin': '*',
      })
      .send(statisticsCsv(s));
  }
}

/** One line per group: total, each type, each top-level agency (by code); a withheld line's figures are empty. */
export function statisticsCsv(s: PublicStatistics): string {
  const row = (group: string, key: string, line: PublicStatisticsLine) =>
    csvLine([group, key, s.from, s.to, line.received, line.answered, line.answeredWithinDeadline, line.medianDaysToAnswer, line.withheld ? 'yes' : 'no']);
  return [
    csvLine(['group', 'key', 'from', 'to', 'received', 'answered', 'answered_within_deadline', 'median_days_to_answer', 'withheld']),
    row('total', '', s.total),
    ...s.byType.map((line) => row('type', line.type, line)),
    ...s.byAgency.map((line) => row('agency', line.code, line)),
  ].join('');
}
