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
  /** SESSION_SECRET: secret for signing cookies; generated and kept in DATA_DIR when unset. */
  sessionSecret: string | null;
  /** LOG_LEVEL: pino level (fatal|error|warn|info|debug|trace|silent). Default info. */
  logLevel: string;
  /** NODE_ENV=production turns on secure cookies (HTTPS only). */
  isProduction: boolean;
  /** RATE_LIMIT_DISABLED=1 switches rate limits off (benchmarks only; never in production). */
  rateLimitDisabled: boolean;
  /** TRUST_PROXY=1 trusts X-Forwarded-* headers from a reverse proxy. */
  trustProxy: boolean;
};

export class ConfigError extends Error {}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${name} must be an integer 0-65535, got "${value}"`);
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
    sessionSecret: env.SESSION_SECRET || null,
    logLevel,
    isProduction: env.NODE_ENV === 'production',
    rateLimitDisabled: bool(env.RATE_LIMIT_DISABLED),
    trustProxy: bool(env.TRUST_PROXY),
  };
  return { ...config, ...overrides };
}
