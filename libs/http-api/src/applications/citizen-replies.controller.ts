import { Body, Controller, Headers, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CitizenReplies } from '@petitio/casework';
import { formatTrackingNumber } from '@petitio/applications';
import { AccessCodeNotInUrlGuard } from '@petitio/web-kit';
import { StatusLookupRateLimitGuard } from '@petitio/web-kit';
import { JsonBodyGuard } from '../json-body.guard';
import { LookupClient } from '@petitio/web-kit';
import { CitizenReplyDto, CitizenReplyResponse } from '@petitio/api-contracts';
import { idempotencyKeyOf } from '@petitio/api-contracts';

/** The citizen writing to the agency about their application, proved by tracking number and access code. */
@ApiTags('applications')
@Controller('api/v1/applications/:trackingNumber/replies')
@UseGuards(JsonBodyGuard, new AccessCodeNotInUrlGuard('body'), StatusLookupRateLimitGuard)
export class CitizenRepliesController {
  constructor(private readonly replies: CitizenReplies) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Reply to the agency',
    description: 'Answers a question the agency asked (the application goes back to it), or adds a message to the application.',
  })
  @ApiCreatedResponse({ type: CitizenReplyResponse })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried reply with the same key is attached once' })
  async reply(
    @Param('trackingNumber') trackingNumber: string,
    @Body() dto: CitizenReplyDto,
    @LookupClient() client: string,
    @Headers('idempotency-key') key?: string,
  ): Promise<CitizenReplyResponse> {
    const received = await this.replies.fromWeb(trackingNumber, dto.accessCode, client, dto.text, idempotencyKeyOf(key));
    return {
      trackingNumber: formatTrackingNumber(received.trackingNumber),
      status: received.status,
      receivedAt: received.receivedAt.toISOString(),
    };
  }
}
