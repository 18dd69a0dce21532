import type { PhoneLanguage as VoiceLanguage } from '../sms/citizen-language';

/** Where a keypad answer goes next; the webhook layer turns it into a URL. */
export type VoiceStage = 'menu' | 'status';

/** What the caller hears next, independent of TwiML: the controller renders it. */
export type VoiceStep =
  /** Say the prompt and wait for keys; `attempt` counts wrong answers so far plus one. */
  | { kind: 'gather'; language: VoiceLanguage; say: string[]; stage: VoiceStage; attempt: number; numDigits?: number; finishOnKey?: string }
  | { kind: 'dial'; language: VoiceLanguage; say: string[]; number: string }
  | { kind: 'record'; language: VoiceLanguage; say: string[]; maxLengthSeconds: number }
  | { kind: 'hangup'; language: VoiceLanguage; say: string[] };
