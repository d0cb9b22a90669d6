// One POST to a URL someone else controls (webhook receivers), hardened: the SSRF policy is applied
// at connect time (guardedLookup; IP literals checked before connecting), redirects are never
// followed (a 3xx is just the answer), one deadline covers DNS + connect + response, and only the
// first bytes of the response body are kept.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { AddressRefusedError, bareHostname, guardedLookup, refusedRange, type AddressPolicy } from './outbound-address.ts';

export type OutboundPostInput = {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Response bytes kept; the rest is not read (the connection is dropped). */
  maxResponseBytes: number;
  policy: AddressPolicy;
};

export type OutboundPostResult = {
  /** null when no HTTP answer came (refused address, DNS failure, connection error, timeout). */
  status: number | null;
  body: string | null;
  isBodyTruncated: boolean;
  /** The Location of a 3xx, which is reported and never followed. */
  location: string | null;
  durationMs: number;
  error: string | null;
  errorCode: 'address_refused' | 'timeout' | 'network' | null;
};

export async function postOutbound(input: OutboundPostInput): Promise<OutboundPostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(input.url);
  const failure = (errorCode: OutboundPostResult['errorCode'], error: string): OutboundPostResult => ({
    status: null, body: null, isBodyTruncated: false, location: null, durationMs: elapsed(), error, errorCode,
  });
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return failure('network', `unsupported protocol ${url.protocol}`);
  // net.connect skips `lookup` for IP literals, so those are judged here, before any packet.
  const host = bareHostname(url.hostname);
  if (net.isIP(host)) {
    const range = refusedRange(host, input.policy);
    if (range) return failure('address_refused', new AddressRefusedError(host, host, range).message);
  }

  return new Promise<OutboundPostResult>((resolve) => {
    let isSettled = false;
    const settle = (result: OutboundPostResult) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      headers: { ...input.headers, 'content-length': String(Buffer.byteLength(input.body)) },
      lookup: guardedLookup(input.policy),
      agent: false, // a fresh connection per attempt: every attempt goes through the guarded lookup
    });
    const deadline = setTimeout(() => {
      settle(failure('timeout', `no complete answer within ${input.timeoutMs} ms`));
      request.destroy();
    }, input.timeoutMs);
    request.on('error', (error: Error & { code?: string }) => {
      if (error instanceof AddressRefusedError) settle(failure('address_refused', error.message));
      else settle(failure('network', error.code ? `${error.code}: ${error.message}` : error.message));
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      let isTruncated = false;
      const finish = () => settle({
        status: response.statusCode ?? null,
        body: new TextDecoder().decode(Buffer.concat(chunks)),
        isBodyTruncated: isTruncated,
        location: typeof response.headers.location === 'string' ? response.headers.location : null,
        durationMs: elapsed(),
        error: null,
        errorCode: null,
      });
      response.on('data', (chunk: Buffer) => {
        if (isSettled) return;
        const room = input.maxResponseBytes - kept;
        if (chunk.length > room) {
          chunks.push(chunk.subarray(0, room));
          kept += room;
          isTruncated = true;
          finish();
          response.destroy(); // a receiver streaming megabytes does not get to keep us busy
          return;
        }
        chunks.push(chunk);
        kept += chunk.length;
      });
      response.on('end', finish);
      // A connection dropped mid-body still gave us a status: report what arrived.
      response.on('error', finish);
      response.on('aborted', finish);
    });
    request.end(input.body);
  });
}
