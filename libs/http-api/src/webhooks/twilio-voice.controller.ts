import { Body, Controller, Header, HttpCode, Inject, Post, Query, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { VoiceMenu, VoiceStep, voiceWordingIn } from '@petitio/channels';
import { TwimlVoiceAnswer, voiceTwiml } from '@petitio/message-delivery';
import { ENVIRONMENT, Environment } from '@petitio/platform';
import { TwilioSignatureGuard } from './twilio-signature.guard';

/** Twilio's voice webhook parameters this menu reads. */
interface TwilioVoiceParams {
  CallSid?: string;
  From?: string;
  Digits?: string;
  RecordingSid?: string;
  RecordingDuration?: string;
}

const BASE = '/webhooks/twilio/voice';

/** The phone menu as Twilio Voice webhooks (form-encoded, signed), answered in TwiML. */
@ApiExcludeController()
@Controller(BASE.slice(1))
@UseGuards(TwilioSignatureGuard)
export class TwilioVoiceController {
  /** Where Twilio calls back: absolute from PUBLIC_BASE_URL, so a path prefix behind a proxy (/petitio) is kept. */
  private readonly callbackBase: string;

  constructor(
    private readonly menu: VoiceMenu,
    @Inject(ENVIRONMENT) env: Environment,
  ) {
    this.callbackBase = `${env.PUBLIC_BASE_URL}${BASE}`;
  }

  @Post()
  @HttpCode(200)
  @Header('content-type', 'text/xml; charset=utf-8')
  welcome(@Body() params: TwilioVoiceParams): string {
    return this.render(this.menu.welcome(params?.From ?? ''));
  }

  @Post('menu')
  @HttpCode(200)
  @Header('content-type', 'text/xml; charset=utf-8')
  choose(@Body() params: TwilioVoiceParams, @Query('try') attempt?: string): string {
    return this.render(this.menu.choose(params?.From ?? '', params?.Digits, tryNumber(attempt)));
  }

  @Post('status')
  @HttpCode(200)
  @Header('content-type', 'text/xml; charset=utf-8')
  async status(@Body() params: TwilioVoiceParams, @Query('try') attempt?: string): Promise<string> {
    return this.render(await this.menu.status(params?.From ?? '', params?.Digits, tryNumber(attempt)));
  }

  @Post('recorded')
  @HttpCode(200)
  @Header('content-type', 'text/xml; charset=utf-8')
  async recorded(@Body() params: TwilioVoiceParams): Promise<string> {
    return this.render(
      await this.menu.recorded({
        callSid: params?.CallSid ?? '',
        recordingSid: params?.RecordingSid ?? '',
        from: params?.From ?? '',
        durationSeconds: Number(params?.RecordingDuration ?? 0) || 0,
      }),
    );
  }

  private render(step: VoiceStep): string {
    const answer: TwimlVoiceAnswer = { language: voiceWordingIn(step.language).speechLanguage, say: step.say };
    if (step.kind === 'gather')
      answer.gather = { action: `${this.callbackBase}/${step.stage}?try=${step.attempt}`, numDigits: step.numDigits, finishOnKey: step.finishOnKey };
    if (step.kind === 'dial') answer.dial = step.number;
    if (step.kind === 'record') answer.record = { action: `${this.callbackBase}/recorded`, maxLengthSeconds: step.maxLengthSeconds };
    return voiceTwiml(answer);
  }
}

/** Which wrong answer this is; the count travels in the action URL, which Twilio signs with the rest. */
function tryNumber(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 10 ? n : 1;
}
