import { randomBytes } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';

/** One HTTP request the fake received, as Twilio would see it. */
export interface FakeTwilioRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  form: Record<string, string>;
  /** The Basic auth user name (the account SID). */
  user: string | null;
}

/** A message the fake accepted. */
export interface FakeTwilioMessage {
  sid: string;
  to: string;
  /** '' when sent through a Messaging Service, which picks the sender itself. */
  from: string;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
  createdAt: Date;
}

interface Failure {
  status: number;
  code?: number;
  /** Only a create whose Body contains this text fails (other messages to the same number pass). */
  bodyIncludes?: string;
}

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/(AC[0-9a-fA-F]{32})\/Messages\.json$/;

/**
 * A stand-in for Twilio's Messages API on 127.0.0.1 (create and list), for the real twilio SDK pointed
 * at it with TWILIO_API_BASE_URL. Records every request; can be told to answer the next creates with an
 * error, or to accept a message and hold its answer back, like a provider whose reply never arrives.
 */
export class FakeTwilio {
  readonly requests: FakeTwilioRequest[] = [];
  readonly messages: FakeTwilioMessage[] = [];
  private readonly failures: Failure[] = [];
  private holding: { bodyIncludes: string } | undefined;
  private readonly held: ServerResponse[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeTwilio> {
    // The handler runs only once the server listens, by when `fake` exists.
    const server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const fake = new FakeTwilio(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  /** The next `times` creates (whose Body contains `bodyIncludes`) are refused with this HTTP status and Twilio error code; nothing is stored. */
  failCreates(times: number, status: number, options: { code?: number; bodyIncludes?: string } = {}): void {
    for (let i = 0; i < times; i++) this.failures.push({ status, ...options });
  }

  /** From now on each create whose Body contains the text is stored at once but answered only on release(): the sender never hears back. */
  holdAnswers(bodyIncludes = ''): void {
    this.holding = { bodyIncludes };
  }

  release(): void {
    this.holding = undefined;
    for (const res of this.held.splice(0)) if (!res.destroyed) res.destroy();
  }

  /** Create requests to this number, optionally only those whose Body contains `bodyIncludes`. */
  createsTo(to: string, bodyIncludes = ''): FakeTwilioRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.form.To === to && (r.form.Body ?? '').includes(bodyIncludes));
  }

  /** Messages accepted for this number, optionally only those whose body contains `bodyIncludes`. */
  messagesTo(to: string, bodyIncludes = ''): FakeTwilioMessage[] {
    return this.messages.filter((m) => m.to === to && m.body.includes(bodyIncludes));
  }

  async stop(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const raw = await readBody(req);
    const form = req.method === 'POST' ? Object.fromEntries(new URLSearchParams(raw)) : {};
    const user = basicUser(req.headers.authorization);
    this.requests.push({ method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), form, user });

    const account = MESSAGES_PATH.exec(url.pathname)?.[1];
    if (!account) return json(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    if (user !== account) return json(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
    if (req.method === 'GET') return this.list(res, url.searchParams);
    if (req.method !== 'POST') return json(res, 405, { code: 20004, message: 'Method not allowed', status: 405 });

    const at = this.failures.findIndex((f) => (form.Body ?? '').includes(f.bodyIncludes ?? ''));
    const failure = at >= 0 ? this.failures.splice(at, 1)[0] : undefined;
    if (failure) return json(res, failure.status, { code: failure.code ?? null, message: `failure ${failure.status}`, status: failure.status });
    if (!form.To || !(form.From || form.MessagingServiceSid) || !form.Body)
      return json(res, 400, { code: 21604, message: 'A required parameter is missing', status: 400 });
    const message: FakeTwilioMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to: form.To,
      from: form.From ?? '',
      messagingServiceSid: form.MessagingServiceSid ?? null,
      body: form.Body,
      statusCallback: form.StatusCallback ?? null,
      createdAt: new Date(),
    };
    this.messages.push(message);
    if (this.holding && message.body.includes(this.holding.bodyIncludes)) {
      this.held.push(res);
      return;
    }
    json(res, 201, resource(account, message));
  }

  /** GET Messages.json?To=…&From=…&DateSent>=… (the SDK writes dateSentAfter as the key `DateSent>`), newest first. */
  private list(res: ServerResponse, query: URLSearchParams): void {
    const after = query.get('DateSent>') ?? query.get('DateSent>=');
    const since = after ? new Date(after) : undefined;
    const found = this.messages
      .filter((m) => (!query.get('To') || m.to === query.get('To')) && (!query.get('From') || m.from === query.get('From')))
      .filter((m) => !since || m.createdAt.getTime() >= since.getTime())
      .reverse();
    const account = MESSAGES_PATH.exec(new URL(res.req.url ?? '/', this.url).pathname)![1];
    json(res, 200, {
      messages: found.map((m) => resource(account, m)),
      next_page_uri: null,
      previous_page_uri: null,
      page: 0,
      page_size: 50,
      start: 0,
      end: found.length,
      uri: `/2010-04-01/Accounts/${account}/Messages.json`,
      first_page_uri: `/2010-04-01/Accounts/${account}/Messages.json?PageSize=50&Page=0`,
    });
  }
}

function resource(account: string, m: FakeTwilioMessage) {
  return {
    sid: m.sid,
    account_sid: account,
    to: m.to,
    from: m.from || null,
    messaging_service_sid: m.messagingServiceSid,
    body: m.body,
    status: 'queued',
    num_segments: '1',
    direction: 'outbound-api',
    date_created: m.createdAt.toUTCString(),
    date_updated: m.createdAt.toUTCString(),
    date_sent: m.createdAt.toUTCString(),
    error_code: null,
    error_message: null,
    uri: `/2010-04-01/Accounts/${account}/Messages/${m.sid}.json`,
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function basicUser(header: string | undefined): string | null {
  if (!header?.startsWith('Basic ')) return null;
  return Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')[0];
}
