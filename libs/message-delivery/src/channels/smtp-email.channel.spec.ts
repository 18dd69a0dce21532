import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { loadEnvironment } from '@petitio/platform';
import { simpleParser } from 'mailparser';
import { PermanentDeliveryError, TransientDeliveryError } from '../delivery-errors';
import { RenderedMessage } from './notification-channel';
import { SmtpEmailChannel } from './smtp-email.channel';

const message: RenderedMessage = {
  id: '2d7e0a52-4c1b-4f7a-8a55-6d0e3b9f1c20',
  channel: 'email',
  recipient: 'officer@agency.example',
  language: 'tr',
  subject: 'Petitio personel hesabınız',
  text: 'Şifrenizi belirleyin',
  html: '<p>Şifrenizi belirleyin</p>',
};

/** A port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('email channel', () => {
  let dir: string;
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'petitio-mail-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('without SMTP_URL in development writes each email as an .eml file with text and HTML parts', async () => {
    const channel = new SmtpEmailChannel(loadEnvironment({ NODE_ENV: 'development', MAIL_DIR: dir }));
    await channel.send(message);
    await channel.send(message); // a retried message replaces its file rather than adding one
    expect(await readdir(dir)).toEqual([`${message.id}.eml`]);
    const parsed = await simpleParser(await readFile(join(dir, `${message.id}.eml`)));
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text?.trim()).toBe(message.text);
    expect(parsed.html).toBe(message.html);
    expect(parsed.messageId).toBe(`<${message.id}@petitio.localhost>`);
  });

  it('without SMTP_URL in production refuses every email for good, saying why', async () => {
    const channel = new SmtpEmailChannel(
      loadEnvironment({
        NODE_ENV: 'production',
        ACCESS_CODE_SECRET: 'x'.repeat(40),
        PHONE_HASH_SECRET: 'y'.repeat(40),
        VAULT_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
        MAIL_DIR: dir,
      }),
    );
    await expect(channel.send(message)).rejects.toThrow(new PermanentDeliveryError('no SMTP server configured (SMTP_URL)'));
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses an address that is not one, for good', async () => {
    const channel = new SmtpEmailChannel(loadEnvironment({ MAIL_DIR: dir }));
    await expect(channel.send({ ...message, recipient: 'not an address' })).rejects.toBeInstanceOf(PermanentDeliveryError);
    await expect(channel.send({ ...message, recipient: 'a@b.example\r\nBcc: x@y.example' })).rejects.toBeInstanceOf(PermanentDeliveryError);
  });

  it('treats a mail server that cannot be reached as temporary', async () => {
    const channel = new SmtpEmailChannel(loadEnvironment({ SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` }));
    const sending = channel.send(message);
    await expect(sending).rejects.toBeInstanceOf(TransientDeliveryError);
    await expect(sending).rejects.toThrow(/could not reach the mail server \(ECONNREFUSED\)/);
    channel.onApplicationShutdown();
  });
});
