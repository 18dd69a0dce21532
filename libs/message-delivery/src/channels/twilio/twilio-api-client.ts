import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

/**
 * The twilio SDK's HTTP client, pointed elsewhere when TWILIO_API_BASE_URL is set (tests run a local
 * stand-in for the REST API): the SDK has no base-URL option, so each request's URI is rewritten here.
 */
export class TwilioApiClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    timeoutMs: number,
  ) {
    super({ timeout: timeoutMs });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    if (!this.baseUrl) return super.request<TData>(opts);
    const uri = new URL(opts.uri);
    return super.request<TData>({ ...opts, uri: `${this.baseUrl.replace(/\/+$/, '')}${uri.pathname}${uri.search}` });
  }
}
