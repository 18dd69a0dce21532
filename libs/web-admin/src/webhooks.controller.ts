import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DirectoryService } from '@petitio/directory';
import { CurrentStaff, Roles } from '@petitio/http-api';
import { ENVIRONMENT, Environment, FieldProblem, NotFoundError, isUuid } from '@petitio/platform';
import { StaffPrincipal, hasRole } from '@petitio/staff';
import { WebhookDeliveries, WebhookSubscriptions } from '@petitio/webhooks';
import { FormBody, formText } from '@petitio/web-kit';
import {
  ConsoleCsrf,
  ConsoleErrorFilter,
  ConsoleLanguage,
  ConsoleSessionGuard,
  consoleLanguage,
  formErrors,
  refusedFields,
  seeOther,
  sendConsolePage,
} from '@petitio/web-console';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { integrationsFieldError } from './integrations-texts';
import { WEBHOOKS_PATH, WebhookDone, WebhookFormValues, WebhooksPageModel, secretPage, webhookPage, webhooksPage } from './views/webhooks.view';

const NO_VALUES: WebhookFormValues = { url: '', events: [], agencyId: '', includeIdentity: false };
const DONE: readonly WebhookDone[] = ['enabled', 'disabled', 'replayed'];

/**
 * Webhook subscriptions: center admins for any agency or the center, supervisors for their own agency. Each
 * subscription's page lists its deliveries with every attempt, and switches it off and on, rotates its secret and
 * sends a delivery again. WebhookSubscriptions' and WebhookDeliveries' rules and reach.
 */
@ApiExcludeController()
@Controller('staff/admin/webhooks')
@UseGuards(ConsoleSessionGuard)
@UseFilters(ConsoleErrorFilter)
export class ConsoleWebhooksController {
  constructor(
    private readonly subscriptions: WebhookSubscriptions,
    private readonly deliveries: WebhookDeliveries,
    private readonly directory: DirectoryService,
    private readonly csrf: ConsoleCsrf,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  @Get()
  @Roles('center_admin', 'supervisor')
  async list(@CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.renderList(reply, 200, consoleLanguage(request), staff, {});
  }

  @Post()
  @Roles('center_admin', 'supervisor')
  async subscribe(@Body() body: FormBody, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = consoleLanguage(request);
    const given = body?.events;
    const values: WebhookFormValues = {
      url: formText(body, 'url').trim(),
      events: (Array.isArray(given) ? given : given ? [given] : []).map(String),
      agencyId: formText(body, 'agencyId'),
      includeIdentity: formText(body, 'includeIdentity') === 'true',
    };
    const admin = hasRole(staff, 'center_admin');
    try {
      const { subscription, secret } = await this.subscriptions.subscribe(staff, {
        url: values.url,
        events: values.events,
        // A supervisor subscribes for their own agency; a center admin for the one chosen, or the center.
        agencyId: admin ? values.agencyId || null : staff.agencyId,
        includeIdentity: admin && values.includeIdentity,
      });
      sendConsolePage(reply, 201, secretPage(language, { ...this.signedIn(staff), subscription, secret }));
    } catch (error) {
      await this.refuse(reply, language, staff, values, refusedFields(error));
    }
  }

  @Get(':id')
  @Roles('center_admin', 'supervisor')
  async show(
    @Param('id') id: string,
    @Query('done') done: unknown,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const subscription = await this.subscriptions.find(staff, this.uuid(id));
    const deliveries = await this.deliveries.list(staff, subscription.id);
    sendConsolePage(
      reply,
      200,
      webhookPage(consoleLanguage(request), {
        ...this.signedIn(staff),
        timeZone: this.env.CALENDAR_TIME_ZONE,
        subscription,
        deliveries,
        done: DONE.find((d) => d === done),
      }),
    );
  }

  @Post(':id/enable')
  @Roles('center_admin', 'supervisor')
  async enable(@Param('id') id: string, @CurrentStaff() staff: StaffPrincipal, @Res() reply: FastifyReply): Promise<void> {
    await this.subscriptions.setActive(staff, this.uuid(id), true);
    seeOther(reply, `${WEBHOOKS_PATH}/${id}?done=enabled`);
  }

  @Post(':id/disable')
  @Roles('center_admin', 'supervisor')
  async disable(@Param('id') id: string, @CurrentStaff() staff: StaffPrincipal, @Res() reply: FastifyReply): Promise<void> {
    await this.subscriptions.setActive(staff, this.uuid(id), false);
    seeOther(reply, `${WEBHOOKS_PATH}/${id}?done=disabled`);
  }

  @Post(':id/rotate-secret')
  @Roles('center_admin', 'supervisor')
  async rotate(@Param('id') id: string, @CurrentStaff() staff: StaffPrincipal, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { subscription, secret } = await this.subscriptions.rotateSecret(staff, this.uuid(id));
    const page = secretPage(consoleLanguage(request), { ...this.signedIn(staff), subscription, secret, overlapHours: this.env.WEBHOOK_SECRET_OVERLAP_HOURS });
    sendConsolePage(reply, 200, page);
  }

  @Post('deliveries/:deliveryId/replay')
  @Roles('center_admin', 'supervisor')
  async replay(@Param('deliveryId') deliveryId: string, @CurrentStaff() staff: StaffPrincipal, @Res() reply: FastifyReply): Promise<void> {
    if (!isUuid(deliveryId)) throw new NotFoundError('WEBHOOK_DELIVERY_NOT_FOUND');
    const { subscriptionId } = await this.deliveries.replay(staff, deliveryId);
    seeOther(reply, `${WEBHOOKS_PATH}/${subscriptionId}?done=replayed`);
  }

  private uuid(id: string): string {
    if (!isUuid(id)) throw new NotFoundError('WEBHOOK_SUBSCRIPTION_NOT_FOUND');
    return id;
  }

  private signedIn(staff: StaffPrincipal) {
    return { csrf: this.csrf.tokenFor(staff.sessionId), roles: staff.roles };
  }

  private refuse(reply: FastifyReply, language: ConsoleLanguage, staff: StaffPrincipal, values: WebhookFormValues, problems: FieldProblem[]): Promise<void> {
    const errors = formErrors(problems, ['url', 'events', 'agencyId'], 'url', (p) => integrationsFieldError(language, p));
    return this.renderList(reply, 400, language, staff, { values, errors });
  }

  private async renderList(
    reply: FastifyReply,
    status: number,
    language: ConsoleLanguage,
    staff: StaffPrincipal,
    extra: Partial<WebhooksPageModel>,
  ): Promise<void> {
    const [subscriptions, agencies] = await Promise.all([this.subscriptions.list(staff), this.directory.activeAgencies(language)]);
    const model: WebhooksPageModel = {
      ...this.signedIn(staff),
      subscriptions,
      agencies: hasRole(staff, 'center_admin') ? agencies.map((a) => ({ value: a.id, label: a.name })) : undefined,
      agencyNames: new Map(agencies.map((a) => [a.id, a.name])),
      values: NO_VALUES,
      errors: {},
      ...extra,
    };
    sendConsolePage(reply, status, webhooksPage(language, model));
  }
}
