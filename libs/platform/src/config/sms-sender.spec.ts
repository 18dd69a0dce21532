import { smsNumberToText, smsSenderKind } from './sms-sender';

describe('SMS senders', () => {
  it('tells a phone number, an alphanumeric sender ID and a Messaging Service apart, and refuses the rest', () => {
    expect(smsSenderKind('+905550000001')).toBe('phone_number');
    expect(smsSenderKind('PETITIO')).toBe('alphanumeric');
    expect(smsSenderKind(`MG${'a'.repeat(32)}`)).toBe('messaging_service');
    expect(smsSenderKind('12345')).toBeUndefined();
    expect(smsSenderKind('')).toBeUndefined();
  });

  it('names the number a citizen can text: the sender when it is a number, else the reply number, else none', () => {
    expect(smsNumberToText({ TWILIO_FROM_NUMBER: '+905550000001', TWILIO_REPLY_NUMBER: '+905550000002' })).toBe('+905550000001');
    expect(smsNumberToText({ TWILIO_FROM_NUMBER: 'PETITIO', TWILIO_REPLY_NUMBER: '+905550000002' })).toBe('+905550000002');
    expect(smsNumberToText({ TWILIO_FROM_NUMBER: `MG${'a'.repeat(32)}`, TWILIO_REPLY_NUMBER: '' })).toBe('');
    expect(smsNumberToText({ TWILIO_FROM_NUMBER: 'PETITIO', TWILIO_REPLY_NUMBER: '' })).toBe('');
  });
});
