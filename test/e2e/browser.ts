// Real browser for journeys: playwright-core driving Debian's Chromium (no browser downloads here).
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../process.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'e2e');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    const message = `\n${'!'.repeat(72)}\n!! E2E: no Chromium at ${CHROMIUM}. Install it (apt-get install -y chromium; .ci/run does this)\n!! or point CHROMIUM_PATH at a Chromium binary. The browser journeys cannot run without it.\n${'!'.repeat(72)}\n`;
    console.error(message);
    throw new Error(`Chromium not found at ${CHROMIUM}`);
  }
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
