import { Body, Controller, Header, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SmsConversation } from '@petitio/channels';
import { messagingTwiml } from '@petitio/message-delivery';
import { ENVIRONMENT, Environment } from '@petitio/platform';
import { TwilioSignatureGuard } from './twilio-signature.guard';

/** Twilio's standard inbound SMS parameters; Twilio sends many more, all ignored. */
interface TwilioSmsParams {
  MessageSid?: string;
  From?: string;
  To?: string;
  Body?: string;
  NumSegments?: string;
}

/** Texts citizens send to our number, as Twilio forwards them (form-encoded, signed). Answers in TwiML. */
@ApiExcludeController()
@Controller('webhooks/twilio/sms')
@UseGuards(TwilioSignatureGuard)
export class TwilioSmsController {
  constructor(
    private readonly conversation: SmsConversation,
    @Inject(ENVIRONMENT) private readonly env: Environment,
  ) {}

  @Post()
  @HttpCode(200)
  @Header('content-type', 'text/xml; charset=utf-8')
  async receive(@Body() params: TwilioSmsParams): Promise<string> {
    // Twilio always sends both; without them there is nobody to answer and nothing to dedupe on.
    if (!params?.MessageSid || !params.From) return messagingTwiml('', { transliterate: false, language: '' });
    // Multi-part texts arrive already joined (NumSegments > 1): the body is handled whole.
    const reply = await this.conversation.receive({ messageSid: params.MessageSid, from: params.From, body: params.Body ?? '' });
    return messagingTwiml(reply.text, { transliterate: this.env.SMS_TRANSLITERATE, language: reply.language });
  }
}
