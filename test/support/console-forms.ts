import type { Locator, Response } from 'playwright-core';
import request from 'supertest';
import type { TestStack } from './stack';
import { STAFF_PASSWORD, TestStaff } from './staff';

/** Driving console pages and their forms: with supertest as a browser without JavaScript would, or in Chromium. */

export function hiddenIn(page: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1];
  if (value === undefined) throw new Error(`the page carries no ${name}`);
  return value;
}

/** The field error shown next to a field: the paragraph its control is described by. */
export function errorNextTo(page: string, id: string): string | undefined {
  return new RegExp(`<p class="error" id="${id}-error">([^<]*)</p>`).exec(page)?.[1];
}

/** Signs in through the console's form and returns the session cookie to send. */
export async function consoleCookie(stack: TestStack, staff: TestStaff): Promise<string> {
  const res = await request(stack.apiUrl)
    .post('/staff/sign-in')
    .set('Accept-Language', 'en')
    .type('form')
    .send({ email: staff.email, password: STAFF_PASSWORD })
    .expect(303);
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('petitio_staff='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0];
}

export function consolePage(stack: TestStack, cookie: string, path: string, language = 'en') {
  return request(stack.apiUrl).get(path).set('Accept-Language', language).set('Cookie', cookie).redirects(0);
}

/** A urlencoded form as a browser sends it: a field with several values (checkboxes) repeated. */
export function consoleForm(stack: TestStack, cookie: string, path: string, fields: Record<string, string | string[]>, language = 'en') {
  return request(stack.apiUrl)
    .post(path)
    .set('Accept-Language', language)
    .set('Cookie', cookie)
    .type('form')
    .send(new URLSearchParams(Object.entries(fields).flatMap(([k, v]) => ([] as string[]).concat(v).map((one) => [k, one]))).toString())
    .redirects(0);
}

/**
 * In Chromium: clicks the form's submit button (the first `button` match) and waits for the page the server answered
 * with (after any redirect).
 */
export async function submitForm(form: Locator, button = 'button[type="submit"]'): Promise<Response> {
  const page = form.page();
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    form.locator(button).first().click(),
  ]);
  await page.waitForLoadState('domcontentloaded');
  return response;
}
