import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SmsDeliveryReports } from '@petitio/message-delivery';
import { TwilioSignatureGuard } from './twilio-signature.guard';

/** Twilio's status callback parameters we read; it sends more (To, From, AccountSid…), all ignored. */
interface TwilioStatusParams {
  MessageSid?: string;
  MessageStatus?: string;
  ErrorCode?: string;
}

/** Twilio telling us what became of an SMS we sent (the StatusCallback given at sending). Always 204: Twilio reads nothing back. */
@ApiExcludeController()
@Controller('webhooks/twilio/sms-status')
@UseGuards(TwilioSignatureGuard)
export class TwilioStatusController {
  constructor(private readonly reports: SmsDeliveryReports) {}

  @Post()
  @HttpCode(204)
  async report(@Body() params: TwilioStatusParams): Promise<void> {
    if (!params?.MessageSid || !params.MessageStatus) return;
    await this.reports.record({ providerMessageId: params.MessageSid, status: params.MessageStatus, errorCode: params.ErrorCode });
  }
}
