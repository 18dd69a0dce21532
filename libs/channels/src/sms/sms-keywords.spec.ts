import { parseSmsCommand } from './sms-keywords';

describe('SMS keywords', () => {
  it('reads each language’s keywords from its catalog and answers in that language', () => {
    expect(parseSmsCommand('DURUM 4827-3915-602')).toEqual({ kind: 'status', trackingNumber: '4827-3915-602', language: 'tr' });
    expect(parseSmsCommand('status 4827-3915-602')).toEqual({ kind: 'status', trackingNumber: '4827-3915-602', language: 'en' });
    expect(parseSmsCommand('حالة 4827-3915-602')).toEqual({ kind: 'status', trackingNumber: '4827-3915-602', language: 'ar' });
    expect(parseSmsCommand('Yardım')).toEqual({ kind: 'help', language: 'tr' });
    expect(parseSmsCommand('مساعدة')).toEqual({ kind: 'help', language: 'ar' });
  });

  it('keeps Twilio’s own opt-out words in no language, and a sentence starting with one a complaint', () => {
    expect(parseSmsCommand('STOP')).toEqual({ kind: 'stop', language: undefined });
    expect(parseSmsCommand('iptal')).toEqual({ kind: 'stop', language: 'tr' });
    expect(parseSmsCommand('Stop the noise at night')).toEqual({ kind: 'text', text: 'Stop the noise at night', language: undefined });
  });

  it('switches language by a first word, and answers a text in Arabic script in Arabic', () => {
    expect(parseSmsCommand('EN')).toEqual({ kind: 'help', language: 'en' });
    expect(parseSmsCommand('AR')).toEqual({ kind: 'help', language: 'ar' });
    expect(parseSmsCommand('TR Sokak lambası yanmıyor')).toEqual({ kind: 'text', text: 'Sokak lambası yanmıyor', language: 'tr' });
    expect(parseSmsCommand('الشارع مظلم منذ أسبوع في حي 5')).toEqual({ kind: 'text', text: 'الشارع مظلم منذ أسبوع في حي 5', language: 'ar' });
    expect(parseSmsCommand('Water cut since Monday')).toEqual({ kind: 'text', text: 'Water cut since Monday', language: undefined });
  });
});

describe('the status keyword', () => {
  it('asks for a status alone or before a number, and is an ordinary word before anything else', () => {
    expect(parseSmsCommand('حاله')).toEqual({ kind: 'status', trackingNumber: '', language: 'ar' });
    expect(parseSmsCommand('حالة الطريق سيئة جدا')).toEqual({ kind: 'text', text: 'حالة الطريق سيئة جدا', language: 'ar' });
    expect(parseSmsCommand('Status of the road is bad')).toEqual({ kind: 'text', text: 'Status of the road is bad', language: undefined });
  });
});
