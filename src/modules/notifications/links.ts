import type { Config } from '../../config.ts';

/** App paths ("/p/…") become links on PUBLIC_URL; absolute URLs (a changelog entry's) pass through. */
export function absoluteUrl(config: Pick<Config, 'publicUrl'>, pathOrUrl: string): string {
  return /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${config.publicUrl}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`;
}

/** `<id@host>` with the host of PUBLIC_URL: stable for a given delivery, unique across deliveries. */
export function messageIdFor(config: Pick<Config, 'publicUrl'>, id: string): string {
  return `<${id}@${new URL(config.publicUrl).hostname || 'localhost'}>`;
}
