// The only reader of process.env. Every variable is parsed and validated here, once, at boot,
// and documented beside its definition (see also README "Configuration").
import path from 'node:path';

export type Config = {
  /** HOST: interface the HTTP server binds to. Default 127.0.0.1. */
  host: string;
  /** PORT: HTTP port. Default 3000. */
  port: number;
  /** PUBLIC_URL: the address people reach Backboard at; used in emails and links. Default http://HOST:PORT. */
  publicUrl: string;
  /** DATA_DIR: where the embedded database, mail files and other state live. Default ./data. */
  dataDir: string;
  /** DATABASE_URL: an external PostgreSQL 15+ server; when unset the embedded server in DATA_DIR is used. */
  databaseUrl: string | null;
  /** SMTP_URL: e.g. smtp://user:pass@mail.example.com:587; when unset mail is written to DATA_DIR/mail as .eml files. */
  smtpUrl: string | null;
  /** MAIL_FROM: sender address of outgoing mail. Default "Backboard <no-reply@localhost>". */
  mailFrom: string;
  /** LOG_LEVEL: pino level (fatal|error|warn|info|debug|trace|silent). Default info. */
  logLevel: string;
  /** NODE_ENV=production turns on secure cookies (HTTPS only). */
  isProduction: boolean;
  /** RATE_LIMIT_DISABLED=1 switches rate limits off (benchmarks only; never in production). */
  rateLimitDisabled: boolean;
  /** TRUST_PROXY=1 trusts X-Forwarded-* headers from a reverse proxy. */
  trustProxy: boolean;
  /**
   * WEBHOOKS_ALLOW_LOOPBACK=1 lets webhook endpoints point at loopback addresses (127.0.0.0/8, ::1,
   * localhost) for local development and tests. Private, link-local and metadata addresses stay refused.
   */
  webhooksAllowLoopback: boolean;
  /**
   * WEBHOOK_RETRY_BASE_MS: unit of the webhook retry schedule (5 s, 30 s, 2 min … 24 h at the default
   * 5000); every delay, and the 24 h minimum retry window, scale with it. Lower it only in tests.
   */
  webhookRetryBaseMs: number;
  /** WEBHOOK_TIMEOUT_MS: how long one webhook attempt may take (DNS, connect, response). Default 10000. */
  webhookTimeoutMs: number;
  /**
   * SIMILAR_MAX_STALENESS_MS: how long similar-posts searches may answer from the in-memory index
   * before catching it up with the database again. Writes through the same server, and (through the
   * change feed) through other servers, apply at the next search anyway; this bounds the rest (CLI,
   * jobs). Default 250.
   */
  similarMaxStalenessMs: number;
  /**
   * JOB_RETRY_BASE_MS: first retry delay of background jobs that fail (emails): attempt n waits
   * min(JOB_RETRY_MAX_MS, base·2^(n-1)) ± 50 % jitter (src/jobs/with-retry.ts). Default 30000 (30 s).
   */
  jobRetryBaseMs: number;
  /** JOB_RETRY_MAX_MS: the longest wait between two attempts. Default 21600000 (6 h). */
  jobRetryMaxMs: number;
};

export class ConfigError extends Error {}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${name} must be an integer 0-65535, got "${value}"`);
  return n;
}

function millis(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 86_400_000) throw new ConfigError(`${name} must be a number of milliseconds (1-86400000), got "${value}"`);
  return n;
}

function bool(value: string | undefined): boolean {
  return value === '1' || value === 'true' || value === 'yes';
}

function url(name: string, value: string | undefined, protocols: string[]): string | null {
  if (value === undefined || value === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(`${name} must start with ${protocols.join(' or ')}`);
  return value;
}

export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const host = env.HOST || '127.0.0.1';
  const port = int('PORT', env.PORT, 3000);
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent`);
  }
  const config: Config = {
    host,
    port,
    publicUrl: (url('PUBLIC_URL', env.PUBLIC_URL, ['http:', 'https:']) ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(/\/+$/, ''),
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    databaseUrl: url('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:']),
    smtpUrl: url('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:']),
    mailFrom: env.MAIL_FROM || 'Backboard <no-reply@localhost>',
    logLevel,
    isProduction: env.NODE_ENV === 'production',
    rateLimitDisabled: bool(env.RATE_LIMIT_DISABLED),
    trustProxy: bool(env.TRUST_PROXY),
    webhooksAllowLoopback: bool(env.WEBHOOKS_ALLOW_LOOPBACK),
    webhookRetryBaseMs: millis('WEBHOOK_RETRY_BASE_MS', env.WEBHOOK_RETRY_BASE_MS, 5000),
    webhookTimeoutMs: millis('WEBHOOK_TIMEOUT_MS', env.WEBHOOK_TIMEOUT_MS, 10_000),
    similarMaxStalenessMs: millis('SIMILAR_MAX_STALENESS_MS', env.SIMILAR_MAX_STALENESS_MS, 250),
    jobRetryBaseMs: millis('JOB_RETRY_BASE_MS', env.JOB_RETRY_BASE_MS, 30_000),
    jobRetryMaxMs: millis('JOB_RETRY_MAX_MS', env.JOB_RETRY_MAX_MS, 6 * 3_600_000),
  };
  return { ...config, ...overrides };
}
