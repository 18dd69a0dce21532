import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ENVIRONMENT, Environment } from '@petitio/platform';
import { createTransport, type NodemailerError, type Transporter } from 'nodemailer';
import { PermanentDeliveryError, TransientDeliveryError } from '../delivery-errors';
import { NotificationChannel, RenderedMessage } from './notification-channel';

/** Addresses the mail server would refuse anyway, or that could smuggle headers in. */
const EMAIL_ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;

type Mode = { kind: 'smtp'; transport: Transporter } | { kind: 'files'; transport: Transporter; dir: string } | { kind: 'none' };

/**
 * Email over SMTP (SMTP_URL), the only file that imports nodemailer. Without SMTP_URL in development and
 * test, each email is written as MAIL_DIR/<message id>.eml instead, so the demo shows mail with no server
 * (open the file in any mail client); in production it refuses, visibly, rather than drop mail.
 */
@Injectable()
export class SmtpEmailChannel implements NotificationChannel, OnApplicationShutdown {
  readonly name = 'email' as const;
  private readonly logger = new Logger(SmtpEmailChannel.name);
  private readonly mode: Mode;

  constructor(@Inject(ENVIRONMENT) private readonly env: Environment) {
    if (env.SMTP_URL) {
      // One connection per message: nothing to keep healthy between sends, and a failure touches one message.
      const transport = createTransport({ url: env.SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 });
      this.mode = { kind: 'smtp', transport };
      this.logger.log({ msg: 'email goes through SMTP', host: new URL(env.SMTP_URL).host });
    } else if (env.NODE_ENV !== 'production') {
      const dir = resolve(env.MAIL_DIR);
      this.mode = { kind: 'files', transport: createTransport({ streamTransport: true, buffer: true, newline: 'unix' }), dir };
      this.logger.log({ msg: 'SMTP_URL is not set: email is written as .eml files', dir });
    } else {
      this.mode = { kind: 'none' };
      this.logger.warn({ msg: 'SMTP_URL is not set: every email will fail until it is' });
    }
  }

  async send(message: RenderedMessage): Promise<{ providerMessageId?: string }> {
    if (this.mode.kind === 'none') throw new PermanentDeliveryError('no SMTP server configured (SMTP_URL)');
    if (!message.recipient || !EMAIL_ADDRESS.test(message.recipient)) throw new PermanentDeliveryError('invalid email address');
    const mail = {
      from: this.env.MAIL_FROM,
      to: message.recipient,
      subject: message.subject,
      text: message.text,
      html: message.html,
      // The same Message-ID on every attempt: a mail client shows a repeat sent after a crash only once.
      messageId: `<${message.id}@${senderDomain(this.env.MAIL_FROM)}>`,
      headers: { 'Content-Language': message.language, 'Auto-Submitted': 'auto-generated' },
    };
    let info: { messageId?: string; message?: unknown };
    try {
      info = await this.mode.transport.sendMail(mail);
    } catch (error) {
      throw classify(error as NodemailerError);
    }
    if (this.mode.kind === 'files') {
      await mkdir(this.mode.dir, { recursive: true });
      await writeFile(join(this.mode.dir, `${message.id}.eml`), info.message as Buffer);
    }
    return { providerMessageId: info.messageId };
  }

  onApplicationShutdown(): void {
    if (this.mode.kind !== 'none') this.mode.transport.close();
  }
}

/** SMTP's own verdict when there is one (5xx permanent, 4xx not); no reply at all means the server was not reached. */
function classify(error: NodemailerError): Error {
  const reply = error.responseCode ? `SMTP ${error.responseCode}: ${withoutAddresses(error.response ?? error.message)}` : undefined;
  if (error.responseCode) {
    const permanent = error.permanent ?? (error.responseCode >= 500 && error.responseCode !== 503);
    // A refused login is our configuration, not the message: keep it retrying while an operator fixes it.
    if (permanent && error.code !== 'EAUTH') return new PermanentDeliveryError(`the mail server refused the message (${reply})`);
    return new TransientDeliveryError(`the mail server deferred the message (${reply})`);
  }
  const cause = error.originalCode ?? error.code ?? 'unknown error';
  if (error.code === 'EENVELOPE') return new PermanentDeliveryError(`invalid envelope: ${withoutAddresses(error.message)}`);
  return new TransientDeliveryError(`could not reach the mail server (${cause})`);
}

/** Servers echo the address in their replies; last_error and logs must not carry it. */
function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>"']+@[^\s<>"']+/g, '<address>').slice(0, 300);
}

function senderDomain(from: string): string {
  return /@([^\s>]+)/.exec(from)?.[1] ?? 'petitio.localhost';
}
