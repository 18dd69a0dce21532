import { AddressInfo } from 'node:net';
import { IncomingHttpHeaders, Server, createServer } from 'node:http';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the receiver answers one request on a path: a status, after a delay (longer than the sender's timeout: a timeout). */
export type Answer = { status: number; delayMs?: number };

/**
 * A real HTTP receiver on loopback: it keeps every request and answers each path as told (by default 204),
 * so tests see exactly what a receiver sees, headers and bytes included.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly plans = new Map<string, Answer[]>();
  private readonly fallback = new Map<string, Answer>();
  private server?: Server;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        this.received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        const answer = this.plans.get(path)?.shift() ?? this.fallback.get(path) ?? { status: 204 };
        setTimeout(() => {
          if (!response.destroyed) response.writeHead(answer.status).end();
        }, answer.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}${path}`;
  }

  /** The next answers on `path`, in order; then `otherwise` (204 when not given). */
  plan(path: string, answers: Answer[], otherwise?: Answer): void {
    this.plans.set(path, [...answers]);
    if (otherwise) this.fallback.set(path, otherwise);
    else this.fallback.delete(path);
  }

  on(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
