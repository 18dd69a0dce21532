import type { Environment } from '@petitio/platform';
import type { FastifyRequest } from 'fastify';
import { clearedSessionCookie, fromOwnPage, sessionCookie } from './console-session';

const env = (publicBaseUrl: string) => ({ PUBLIC_BASE_URL: publicBaseUrl, STAFF_SESSION_MAX_SECONDS: 43200 }) as Environment;
const requestWith = (headers: Record<string, string>) => ({ headers: { host: 'console.local:3000', ...headers } }) as unknown as FastifyRequest;

describe('console session cookie', () => {
  it('is HttpOnly, SameSite=Strict and limited to /staff, and Secure only behind an https address', () => {
    expect(sessionCookie(env('https://petitio.example'), 'tok')).toBe('petitio_staff=tok; Path=/staff; HttpOnly; SameSite=Strict; Max-Age=43200; Secure');
    expect(sessionCookie(env('http://localhost:3000'), 'tok')).toBe('petitio_staff=tok; Path=/staff; HttpOnly; SameSite=Strict; Max-Age=43200');
    expect(clearedSessionCookie(env('https://petitio.example'))).toBe('petitio_staff=; Path=/staff; HttpOnly; SameSite=Strict; Max-Age=0; Secure');
  });
});

describe('a console form post', () => {
  const e = env('https://petitio.example');

  it('is ours when Origin names this host or the public address, or when the browser sends neither header', () => {
    expect(fromOwnPage(requestWith({ origin: 'http://console.local:3000' }), e)).toBe(true);
    expect(fromOwnPage(requestWith({ origin: 'https://petitio.example' }), e)).toBe(true);
    expect(fromOwnPage(requestWith({ referer: 'http://console.local:3000/staff/inbox' }), e)).toBe(true);
    expect(fromOwnPage(requestWith({}), e)).toBe(true);
  });

  it('is ours with an opaque "null" origin when the browser says it comes from the same origin (a no-referrer page of ours)', () => {
    expect(fromOwnPage(requestWith({ origin: 'null', 'sec-fetch-site': 'same-origin' }), e)).toBe(true);
  });

  it('is refused from another site, from an opaque "null" origin, or with a Referer of another host', () => {
    expect(fromOwnPage(requestWith({ origin: 'https://evil.example' }), e)).toBe(false);
    expect(fromOwnPage(requestWith({ origin: 'null' }), e)).toBe(false);
    expect(fromOwnPage(requestWith({ origin: 'null', 'sec-fetch-site': 'cross-site' }), e)).toBe(false);
    expect(fromOwnPage(requestWith({ referer: 'https://evil.example/page' }), e)).toBe(false);
  });
});
