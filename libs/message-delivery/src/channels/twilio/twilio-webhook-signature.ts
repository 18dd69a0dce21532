import { Inject, Injectable } from '@nestjs/common';
import { ENVIRONMENT, Environment } from '@petitio/platform';
import twilio from 'twilio';

/**
 * Checks X-Twilio-Signature with twilio's own code, against the configured public URL rather
 * than the Host the request arrived with: behind a proxy the two differ, and Twilio signed the public one.
 */
@Injectable()
export class TwilioWebhookSignature {
  constructor(@Inject(ENVIRONMENT) private readonly env: Environment) {}

  isValid(signature: string | undefined, pathAndQuery: string, params: Record<string, string>): boolean {
    if (!signature || !this.env.TWILIO_AUTH_TOKEN) return false;
    const url = `${this.env.PUBLIC_BASE_URL}${pathAndQuery}`;
    return twilio.validateRequest(this.env.TWILIO_AUTH_TOKEN, signature, url, params);
  }
}
