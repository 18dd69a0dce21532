import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WEBHOOK_EVENT_TYPES } from '@petitio/webhooks';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class CreateWebhookSubscriptionDto {
  @ApiProperty({ example: 'https://cases.iski.example/petitio/webhooks', description: 'The receiver: https (http only where WEBHOOK_ALLOW_HTTP)' })
  @MaxLength(2000)
  @IsString()
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true, example: ['application.routed', 'citizen.replied'] })
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayMinSize(1)
  @IsArray()
  events: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: "The agency whose subtree's events it receives; none: the center's, every agency (center admins)",
  })
  @IsOptional()
  @IsUUID('all')
  agencyId?: string | null;

  @ApiPropertyOptional({ default: false, description: "Send the citizen's name and contact (never on confidential applications); center admins only" })
  @IsOptional()
  @IsBoolean()
  includeIdentity?: boolean;
}

export class RotateWebhookSecretDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 720,
    description: 'Hours the old secret keeps signing beside the new one (WEBHOOK_SECRET_OVERLAP_HOURS by default)',
  })
  @IsOptional()
  @Max(720)
  @Min(0)
  @IsNumber()
  overlapHours?: number;
}

export class WebhookSubscriptionResponse {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true }) agencyId: string | null;
  @ApiProperty() url: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) events: string[];
  @ApiProperty() includeIdentity: boolean;
  @ApiProperty({ enum: ['active', 'disabled'] }) status: string;
  @ApiProperty({ enum: ['by_staff', 'failing'], nullable: true }) disabledReason: string | null;
  @ApiProperty({ nullable: true }) disabledAt: Date | null;
  @ApiProperty({ nullable: true, description: 'Until when the rotated-out secret still signs' }) previousSecretExpiresAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export class WebhookSecretResponse extends WebhookSubscriptionResponse {
  @ApiProperty({ example: 'whsec_…', description: 'The signing secret: shown in this answer only; verify deliveries with it' }) secret: string;
}

export class WebhookAttemptResponse {
  @ApiProperty() at: Date;
  @ApiProperty({ nullable: true }) statusCode: number | null;
  @ApiProperty({ nullable: true, example: 'timeout' }) error: string | null;
  @ApiProperty() durationMs: number;
}

export class WebhookDeliveryResponse {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'msg_…', description: 'The webhook-id header of every attempt' }) webhookId: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) eventType: string;
  @ApiProperty() applicationId: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status: string;
  @ApiProperty({ type: [WebhookAttemptResponse] }) attempts: WebhookAttemptResponse[];
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true }) deliveredAt: Date | null;
  @ApiProperty({ nullable: true }) nextAttemptAt: Date | null;
}
