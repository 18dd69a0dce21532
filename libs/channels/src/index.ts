/** @petitio/channels: the SMS conversation and the voice menu (ways in by phone). See docs/architecture.md. */
export * from './channels.module';
export * from './sms/citizen-language';
export * from './sms/inbound-messages';
export * from './sms/phone-applications';
export * from './sms/sms-conversation';
export * from './sms/sms-keywords';
export * from './sms/sms-opt-outs';
export * from './sms/topic-guess';
export * from './voice/voice-menu';
export * from './voice/voice-step';
export * from './voice/voice-wording';
