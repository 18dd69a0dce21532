import { portalLanguages } from '../i18n';
import { lookupLockedPage } from './error.view';

describe('the too-many-lookups page', () => {
  it.each(portalLanguages())('in %s, points to the SMS status with the SMS number kept left to right', (language) => {
    const page = lookupLockedPage(language, '+905550000001').value;
    expect(page).toContain('<p id="status-by-sms">');
    expect(page).toContain('<bdi dir="ltr">+905550000001</bdi>');
    expect(page).not.toContain('{number}');
  });

  it('says nothing about SMS where SMS is not set up', () => {
    const page = lookupLockedPage('en', undefined).value;
    expect(page).toContain('Too many attempts in a short time.');
    expect(page).not.toContain('status-by-sms');
  });
});
