import twilio from 'twilio';
import { fitSmsText } from '../../sms-segments';
import { smsLetters } from '../../sms-without-marks';

/** Twilio's list of the locales <Say> reads in. */
type SayLanguage = NonNullable<Parameters<InstanceType<typeof twilio.twiml.VoiceResponse>['say']>[0]['language']>;

/** One answer to a voice webhook: what to say, then at most one of gather, dial, record or hang up. */
export interface TwimlVoiceAnswer {
  /** The locale the prompts are read in (BCP 47 as Twilio's <Say> takes it: tr-TR, pt-BR, ar-XA). */
  language: string;
  say: string[];
  gather?: { action: string; numDigits?: number; finishOnKey?: string };
  dial?: string;
  record?: { action: string; maxLengthSeconds: number };
}

/**
 * TwiML for an SMS webhook: one message, or an empty <Response/> to answer nothing. The reply is an
 * SMS like any other, so it is fitted to as few segments as the REST messages (SMS_TRANSLITERATE).
 */
export function messagingTwiml(text: string, options: { transliterate: boolean; language: string }): string {
  const response = new twilio.twiml.MessagingResponse();
  if (text) response.message(fitSmsText(text, smsLetters(options.transliterate, options.language)).text);
  return response.toString();
}

/** TwiML for a voice webhook. Twilio's builder escapes the text, so nothing said can break the XML. */
export function voiceTwiml(answer: TwimlVoiceAnswer): string {
  const response = new twilio.twiml.VoiceResponse();
  // Twilio's types list the locales of its day; the catalog's tag is passed through as written.
  const language = answer.language as SayLanguage;
  const sayAll = (target: { say(attributes: { language: SayLanguage }, message: string): unknown }) => {
    for (const line of answer.say) target.say({ language }, line);
  };
  if (answer.gather) {
    // The prompt sits inside <Gather> so a caller who knows the menu can type at once; with no
    // input, actionOnEmptyResult still calls us back, which counts as a wrong answer.
    const gather = response.gather({
      action: answer.gather.action,
      method: 'POST',
      numDigits: answer.gather.numDigits,
      finishOnKey: answer.gather.finishOnKey,
      timeout: 8,
      actionOnEmptyResult: true,
    });
    sayAll(gather);
  } else if (answer.dial) {
    sayAll(response);
    response.dial(answer.dial);
  } else if (answer.record) {
    sayAll(response);
    response.record({ action: answer.record.action, method: 'POST', maxLength: answer.record.maxLengthSeconds, finishOnKey: '#', playBeep: true });
  } else {
    sayAll(response);
    response.hangup();
  }
  return response.toString();
}
