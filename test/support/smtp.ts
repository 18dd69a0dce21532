import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './ports';

export interface ReceivedMail {
  /** RCPT TO addresses, lower-cased. */
  to: string[];
  from: string;
  parsed: ParsedMail;
  raw: string;
}

export interface SmtpReply {
  code: number;
  message: string;
}

/**
 * A real SMTP server in the test process (smtp-server on 127.0.0.1, any port), receiving what the
 * worker sends. Replies to RCPT TO can be scripted per address to play a mail server that defers or bounces.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  private readonly attempts = new Map<string, number>();
  private readonly scripted = new Map<string, SmtpReply[]>();
  private readonly refused = new Map<string, SmtpReply>();

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<TestSmtpServer> {
    // The handlers run only once the server listens, by when `self` exists.
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => callback(self.replyTo(address.address)),
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then(async (parsed) => {
            self.received.push({
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              parsed,
              raw: parsed.headerLines.map((h) => h.line).join('\n') + '\n\n' + (parsed.text ?? '') + (parsed.html || ''),
            });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    server.on('error', () => undefined);
    const port = ((server as unknown as { server: { address(): AddressInfo } }).server.address() as AddressInfo).port;
    const self = new TestSmtpServer(server, port);
    return self;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The next RCPT TO for this address get these replies, one each, then it is accepted. */
  deferFirst(address: string, replies: SmtpReply[]): void {
    this.scripted.set(address.toLowerCase(), [...replies]);
  }

  /** Every RCPT TO for this address gets this reply (a bounce). */
  refuseAlways(address: string, reply: SmtpReply): void {
    this.refused.set(address.toLowerCase(), reply);
  }

  /** How many times the worker tried to hand over mail for this address. */
  attemptsFor(address: string): number {
    return this.attempts.get(address.toLowerCase()) ?? 0;
  }

  mailTo(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address.toLowerCase()));
  }

  async waitForMail(address: string, timeoutMs = 20000): Promise<ReceivedMail> {
    return waitFor(async () => this.mailTo(address)[0], timeoutMs, `an email to ${address}`);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private replyTo(address: string): Error | null {
    const key = address.toLowerCase();
    this.attempts.set(key, (this.attempts.get(key) ?? 0) + 1);
    const reply = this.refused.get(key) ?? this.scripted.get(key)?.shift();
    if (!reply) return null;
    return Object.assign(new Error(reply.message), { responseCode: reply.code });
  }
}
