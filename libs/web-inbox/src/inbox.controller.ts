import { Controller, Get, Inject, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InboxService } from '@petitio/inbox';
import { ENVIRONMENT, Environment, FieldProblem, InvalidInputError } from '@petitio/platform';
import type { StaffPrincipal } from '@petitio/staff';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formText, validateAs } from '@petitio/web-kit';
import { FieldErrors } from '@petitio/web-kit';
import { InboxQueryDto, inboxQueryOf } from '@petitio/api-contracts';
import { CurrentStaff, Roles } from '@petitio/http-api';
import { ConsoleCsrf } from '@petitio/web-console';
import { ConsoleErrorFilter } from '@petitio/web-console';
import { consoleLanguage } from '@petitio/web-console';
import { sendConsolePage } from '@petitio/web-console';
import { ConsoleSessionGuard } from '@petitio/web-console';
import { ConsoleLanguage, consoleFieldError, consoleTexts } from '@petitio/web-console';
import { DrillDownParam, drillDownOf } from './views/inbox-drill-down';
import { InboxFilters, inboxPage } from './views/inbox.view';

type InboxParams = Partial<Record<keyof InboxFilters | DrillDownParam | 'cursor' | 'done', string | string[]>>;

/** The inbox page: the JSON inbox's query and validation, shown as a table with SLA badges; the dashboard's figures link here. */
@ApiExcludeController()
@Controller('staff/inbox')
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleErrorFilter)
@Roles('officer', 'supervisor', 'center_admin', 'agent', 'data_protection')
export class ConsoleInboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly csrf: ConsoleCsrf,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  @Get()
  async list(@Query() params: InboxParams, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = consoleLanguage(request);
    const one = (name: keyof InboxParams) => formText(params, name);
    const filters: InboxFilters = { status: one('status'), due: one('due'), escalated: one('escalated'), q: one('q'), mine: one('mine'), limit: one('limit') };
    const drillDown = drillDownOf(one);
    const cursor = one('cursor');
    const given = Object.fromEntries(
      Object.entries({
        ...drillDown,
        status: filters.status,
        due: filters.due,
        escalated: filters.escalated,
        q: filters.q,
        assignedToMe: filters.mine,
        limit: filters.limit,
        cursor,
      }).filter(([, v]) => v !== ''),
    );
    const { dto, problems } = await validateAs(InboxQueryDto, given);
    const confirmation = one('done') === 'transfer' ? consoleTexts(language).detail.transfer.done : undefined;
    const model = {
      filters,
      drillDown,
      csrf: this.csrf.tokenFor(staff.sessionId),
      timeZone: this.env.CALENDAR_TIME_ZONE,
      page: request.url,
      confirmation,
      roles: staff.roles,
    };
    if (problems.length) {
      return sendConsolePage(reply, 400, inboxPage(language, { ...model, errors: fieldErrors(language, problems), items: [], nextCursor: null, paged: false }));
    }
    let page;
    try {
      page = await this.inbox.list(staff, inboxQueryOf(dto), language);
    } catch (error) {
      // A cursor from another query or tampered with: say so on the page, like a refused filter.
      if (!(error instanceof InvalidInputError)) throw error;
      return sendConsolePage(
        reply,
        400,
        inboxPage(language, { ...model, errors: fieldErrors(language, error.problems), items: [], nextCursor: null, paged: true }),
      );
    }
    sendConsolePage(reply, 200, inboxPage(language, { ...model, errors: {}, items: page.items, nextCursor: page.nextCursor, paged: cursor !== '' }));
  }
}

/** The query's field names as the filter form's ids. */
function fieldErrors(language: ConsoleLanguage, problems: FieldProblem[]): FieldErrors {
  const ids: Record<string, string> = { assignedToMe: 'mine' };
  const errors: FieldErrors = {};
  for (const p of problems) errors[ids[p.field] ?? p.field] ??= consoleFieldError(language, p);
  return errors;
}
