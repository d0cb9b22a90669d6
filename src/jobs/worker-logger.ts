import { Logger, type LogLevel } from 'graphile-worker';

type Sink = { info(obj: unknown, msg?: string): void; warn(obj: unknown, msg?: string): void; error(obj: unknown, msg?: string): void; debug?(obj: unknown, msg?: string): void };

/** graphile-worker's logger routed into our pino logger. */
export function workerLogger(sink: Sink): Logger {
  return new Logger(() => (level: LogLevel, message: string, meta?: unknown) => {
    const obj = { component: 'worker', ...(meta && typeof meta === 'object' ? meta : {}) };
    if (level === 'error') sink.error(obj, message);
    else if (level === 'warning') sink.warn(obj, message);
    else if (level === 'info') sink.info(obj, message);
    else sink.debug?.(obj, message);
  });
}

export const silentLogger = new Logger(() => () => {});
