import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateWebhookSubscriptionDto,
  RotateWebhookSecretDto,
  WebhookDeliveryResponse,
  WebhookSecretResponse,
  WebhookSubscriptionResponse,
} from '@petitio/api-contracts';
import type { StaffPrincipal } from '@petitio/staff';
import { WebhookDeliveries, WebhookDeliveryView, WebhookSubscription, WebhookSubscriptions } from '@petitio/webhooks';
import { JsonBodyGuard } from '../json-body.guard';
import { AgencyApi } from './agency-api-caller';
import { CurrentStaff, Roles, StaffAuthGuard } from './staff-auth.guard';

/** Signed webhooks (Standard Webhooks): who is told what, with which secret, and what each delivery's attempts gave. */
@ApiTags('staff: webhooks')
@ApiBearerAuth()
@Controller('api/v1/staff/webhooks')
@UseGuards(JsonBodyGuard, StaffAuthGuard)
@Roles('center_admin', 'supervisor')
@AgencyApi()
export class WebhooksController {
  constructor(
    private readonly subscriptions: WebhookSubscriptions,
    private readonly deliveries: WebhookDeliveries,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The subscriptions in your reach: every one for center admins, your agency’s for supervisors and agency keys' })
  @ApiOkResponse({ type: [WebhookSubscriptionResponse] })
  list(@CurrentStaff() staff: StaffPrincipal): Promise<WebhookSubscription[]> {
    return this.subscriptions.list(staff);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Subscribe a receiver to events; the answer carries the signing secret, shown this once' })
  @ApiCreatedResponse({ type: WebhookSecretResponse })
  async subscribe(@Body() dto: CreateWebhookSubscriptionDto, @CurrentStaff() staff: StaffPrincipal): Promise<WebhookSecretResponse> {
    const { subscription, secret } = await this.subscriptions.subscribe(staff, dto);
    return { ...subscription, secret };
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new signing secret; the old one keeps signing beside it for the overlap' })
  @ApiOkResponse({ type: WebhookSecretResponse })
  async rotate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RotateWebhookSecretDto,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<WebhookSecretResponse> {
    const { subscription, secret } = await this.subscriptions.rotateSecret(staff, id, dto.overlapHours);
    return { ...subscription, secret };
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Switch a subscription (back) on' })
  @ApiOkResponse({ type: WebhookSubscriptionResponse })
  enable(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff: StaffPrincipal): Promise<WebhookSubscription> {
    return this.subscriptions.setActive(staff, id, true);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Switch a subscription off: nothing more is sent to it' })
  @ApiOkResponse({ type: WebhookSubscriptionResponse })
  disable(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff: StaffPrincipal): Promise<WebhookSubscription> {
    return this.subscriptions.setActive(staff, id, false);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The latest 50 deliveries, each with every attempt' })
  @ApiOkResponse({ type: [WebhookDeliveryResponse] })
  deliveriesOf(@Param('id', ParseUUIDPipe) id: string, @CurrentStaff() staff: StaffPrincipal): Promise<WebhookDeliveryView[]> {
    return this.deliveries.list(staff, id);
  }

  @Post('deliveries/:deliveryId/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a delivery again: a new round of attempts under the same webhook-id' })
  async replay(@Param('deliveryId', ParseUUIDPipe) deliveryId: string, @CurrentStaff() staff: StaffPrincipal): Promise<{ id: string }> {
    const due = await this.deliveries.replay(staff, deliveryId);
    return { id: due.id };
  }
}
