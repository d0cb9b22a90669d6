import { AddressRefusedError, assertHostAllowed, type AddressPolicy } from '../../lib/outbound-address.ts';
import { invalidWebhookUrl } from './webhooks.errors.ts';

/**
 * The configuration-time half of the SSRF policy (the connect-time half is in src/lib/outbound-post.ts):
 * an http(s) URL without credentials whose host resolves only to allowed addresses. Returns the URL in
 * its normalised form (e.g. http://0x7f.1/ → http://127.0.0.1/), which is what gets stored.
 */
export async function validateWebhookUrl(raw: string, policy: AddressPolicy): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalidWebhookUrl('is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidWebhookUrl('must start with http:// or https://');
  if (url.username || url.password) throw invalidWebhookUrl('must not contain a user name or password: verify the signature instead');
  try {
    await assertHostAllowed(url.hostname, policy);
  } catch (error) {
    if (error instanceof AddressRefusedError) {
      const hint = !policy.allowLoopback && /loopback/.test(error.message) ? ' (WEBHOOKS_ALLOW_LOOPBACK=1 allows it for local development)' : '';
      throw invalidWebhookUrl(`is not allowed: ${error.message}${hint}`);
    }
    throw invalidWebhookUrl(`host ${url.hostname} could not be resolved`);
  }
  url.hash = '';
  return url.toString();
}
