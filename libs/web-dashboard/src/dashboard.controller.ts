import { BeforeApplicationShutdown, Controller, Get, Inject, Logger, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DashboardFilter, DashboardService } from '@petitio/reporting';
import { Clock, ENVIRONMENT, Environment } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { formText, validateAs } from '@petitio/web-kit';
import { FieldErrors } from '@petitio/web-kit';
import { CurrentStaff, Roles } from '@petitio/http-api';
import { ConsoleCsrf } from '@petitio/web-console';
import { ConsoleErrorFilter } from '@petitio/web-console';
import { consoleLanguage } from '@petitio/web-console';
import { consoleHeaders } from '@petitio/web-console';
import { ConsoleSessionGuard } from '@petitio/web-console';
import { ConsoleLanguage, consoleFieldError, consoleTexts } from '@petitio/web-console';
import { dashboardCsv } from './dashboard-csv';
import { DASHBOARD_SCRIPT } from './dashboard-live';
import { localDate, periodOf } from './dashboard-period';
import { DashboardQueryDto } from './dashboard-query.dto';
import { DashboardParams, dashboardPage } from './dashboard.view';

type Params = Partial<Record<keyof DashboardParams, string | string[]>>;

/** The console's CSP with one change: this page may run its own same-origin script (the live figures). */
const DASHBOARD_CSP =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
/** A stream ends after this long and the browser reconnects through the session guard, so a revoked session stops. */
const STREAM_LIFETIME_MS = 10 * 60_000;
const YEAR_SECONDS = 365 * 24 * 3600;

/** The SLA dashboard: the page, its CSV and its live headline stream, over DashboardService within the caller's reach. */
@ApiExcludeController()
@Controller('staff')
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleErrorFilter)
@Roles('supervisor', 'center_admin')
export class ConsoleDashboardController implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ConsoleDashboardController.name);
  private readonly streams = new Set<ServerResponse>();

  constructor(
    private readonly dashboard: DashboardService,
    private readonly csrf: ConsoleCsrf,
    private readonly clock: Clock,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  @Get('dashboard')
  async page(@Query() query: Params, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = consoleLanguage(request);
    const { params, filter, errors } = await this.filterOf(query, language);
    const figures = filter ? await this.dashboard.figures(staff, filter, language) : null;
    const asOf = new Intl.DateTimeFormat(language, { timeStyle: 'medium', timeZone: this.env.CALENDAR_TIME_ZONE }).format(this.clock.now());
    const today = localDate(this.clock.now(), this.env.CALENDAR_TIME_ZONE);
    const period = filter && { from: filter.from, to: filter.to };
    const page = dashboardPage(language, { params, errors, figures, csrf: this.csrf.tokenFor(staff.sessionId), roles: staff.roles, asOf, period, today });
    void consoleHeaders(reply)
      .header('content-security-policy', DASHBOARD_CSP)
      .status(filter ? 200 : 400)
      .headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .send(page.value);
  }

  @Get('dashboard.csv')
  async csv(@Query() query: Params, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = consoleLanguage(request);
    const { params, filter, errors } = await this.filterOf(query, language);
    if (!filter)
      return void consoleHeaders(reply)
        .status(400)
        .headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
        .send({ errors });
    const figures = await this.dashboard.figures(staff, filter, language);
    void consoleHeaders(reply)
      .headers({
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="sla-dashboard-${params.from || filter.from}-${params.to || filter.to}.csv"`,
        'cache-control': 'no-store',
      })
      .send(dashboardCsv(figures));
  }

  /** Server-sent events: the headline figures now, then every DASHBOARD_LIVE_INTERVAL_MS while the page is open. */
  @Get('dashboard/events')
  async events(@Query() query: Params, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { filter, errors } = await this.filterOf(query, consoleLanguage(request));
    if (!filter)
      return void consoleHeaders(reply)
        .status(400)
        .headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
        .send({ errors });
    reply.hijack();
    const stream = reply.raw;
    stream.writeHead(200, {
      ...(consoleHeaders(reply).getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    this.streams.add(stream);
    let busy = false;
    const push = async () => {
      if (busy) return;
      busy = true;
      try {
        const headline = await this.dashboard.headline(staff, filter);
        stream.write(`event: headline\ndata: ${JSON.stringify({ headline, at: this.clock.now().toISOString() })}\n\n`);
      } catch (error) {
        this.logger.warn(`live dashboard figures failed: ${(error as Error).message}`);
      } finally {
        busy = false;
      }
    };
    stream.write(`retry: ${this.env.DASHBOARD_LIVE_INTERVAL_MS}\n\n`);
    const timer = setInterval(() => void push(), this.env.DASHBOARD_LIVE_INTERVAL_MS);
    const lifetime = setTimeout(() => stream.end(), STREAM_LIFETIME_MS);
    stream.on('close', () => {
      clearInterval(timer);
      clearTimeout(lifetime);
      this.streams.delete(stream);
    });
    await push();
  }

  /** Open streams would hold the server's close for ever: end them, browsers reconnect to the next process. */
  beforeApplicationShutdown(): void {
    for (const stream of this.streams) stream.end();
  }

  private async filterOf(query: Params, language: ConsoleLanguage): Promise<{ params: DashboardParams; filter: DashboardFilter | null; errors: FieldErrors }> {
    const one = (name: keyof DashboardParams) => formText(query, name);
    const params: DashboardParams = {
      from: one('from'),
      to: one('to'),
      agency: one('agency'),
      type: one('type'),
      topic: one('topic'),
      channel: one('channel'),
    };
    const given = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== ''));
    const { dto, problems } = await validateAs(DashboardQueryDto, given);
    const errors: FieldErrors = {};
    for (const p of problems) errors[p.field] ??= consoleFieldError(language, p);
    if (problems.length) return { params, filter: null, errors };
    const period = periodOf(dto.from, dto.to, localDate(this.clock.now(), this.env.CALENDAR_TIME_ZONE));
    if (period.problems.length) return { params, filter: null, errors: { to: consoleTexts(language).dashboard.periodInvalid } };
    return { params, filter: { from: period.from, to: period.to, agencyCode: dto.agency, type: dto.type, topicCode: dto.topic, channel: dto.channel }, errors };
  }
}

/** The dashboard's script, outside the session like the stylesheet: it holds no data. */
@ApiExcludeController()
@Controller('staff/assets')
export class ConsoleDashboardAssetsController {
  @Get('dashboard.js')
  script(@Res() reply: FastifyReply): void {
    void consoleHeaders(reply)
      .headers({ 'content-type': 'text/javascript; charset=utf-8', 'cache-control': `public, max-age=${YEAR_SECONDS}, immutable` })
      .send(DASHBOARD_SCRIPT);
  }
}
