import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CitizenFeedback } from '@petitio/casework';
import { AccessCodeNotInUrlGuard } from '@petitio/web-kit';
import { StatusLookupRateLimitGuard } from '@petitio/web-kit';
import { JsonBodyGuard } from '../json-body.guard';
import { LookupClient } from '@petitio/web-kit';
import { AppealDto, FeedbackResponse, RatingDto } from '@petitio/api-contracts';

/** The citizen's say on how their application was handled; proved by tracking number and access code. */
@ApiTags('applications')
@Controller('api/v1/applications/:trackingNumber')
@UseGuards(JsonBodyGuard, new AccessCodeNotInUrlGuard('body'), StatusLookupRateLimitGuard)
export class CitizenFeedbackController {
  constructor(private readonly feedback: CitizenFeedback) {}

  @Post('rating')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rate the answer, once', description: 'A poor rating reopens the application for the agency to look at again.' })
  @ApiOkResponse({ type: FeedbackResponse })
  rate(@Param('trackingNumber') trackingNumber: string, @Body() dto: RatingDto, @LookupClient() client: string): Promise<FeedbackResponse> {
    return this.feedback.rate(trackingNumber, dto.accessCode, client, { score: dto.score, comment: dto.comment });
  }

  @Post('appeal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Appeal against the answer or the rejection', description: 'Within APPEAL_WINDOW_DAYS of the decision.' })
  @ApiOkResponse({ type: FeedbackResponse })
  appeal(@Param('trackingNumber') trackingNumber: string, @Body() dto: AppealDto, @LookupClient() client: string): Promise<FeedbackResponse> {
    return this.feedback.appeal(trackingNumber, dto.accessCode, client, dto.text);
  }
}
