import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { TwilioWebhookSignature } from '@petitio/message-delivery';
import { ForbiddenError } from '@petitio/platform';
import type { FastifyRequest } from 'fastify';

/** Refuses any webhook call whose Twilio signature does not check out: 403, logged, nothing stored. */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  private readonly logger = new Logger('TwilioWebhook');

  constructor(private readonly signature: TwilioWebhookSignature) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers['x-twilio-signature'];
    const params = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, string>;
    if (this.signature.isValid(typeof header === 'string' ? header : undefined, request.url, params)) return true;
    this.logger.warn({ msg: 'webhook refused: bad or missing Twilio signature', reqId: request.id, path: request.url.split('?')[0] });
    throw new ForbiddenError('FORBIDDEN:signature');
  }
}
