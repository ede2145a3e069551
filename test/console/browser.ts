/**
 * Debian's chromium for the console's browser tests, driven by playwright-core (which downloads no browser
 * of its own). Missing chromium skips the suites, except in CI or with CHARTROOM_REQUIRE_PEERS=1, where it
 * fails them, as a missing helm does for the interop tests.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where Debian's package puts the browser. */
export const CHROMIUM_PATH = process.env.CHARTROOM_CHROMIUM ?? '/usr/bin/chromium';

/** True when the browser tests must run (and so fail without chromium). */
export const BROWSER_REQUIRED = process.env.CI === 'true' || process.env.CHARTROOM_REQUIRE_PEERS === '1';

/** True when chromium is installed. */
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);

// Without the background-networking flags chromium keeps trying Google's hosts, which this closed
// network refuses (env notes); a fresh profile keeps runs independent.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A running headless chromium with one fresh profile; `close()` ends it and deletes the profile. */
export interface TestBrowser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/**
 * Launches chromium headless with a persistent context in a new --user-data-dir. Throws when it is not
 * installed (callers reach this only when the suite runs).
 */
export async function launchBrowser(options: { viewport?: { width: number; height: number }; httpCredentials?: { username: string; password: string } } = {}): Promise<TestBrowser> {
  if (!HAS_CHROMIUM) throw new Error(`chromium is not installed at ${CHROMIUM_PATH}: apt-get install chromium`);
  const profile = await mkdtemp(join(tmpdir(), 'chartroom-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    httpCredentials: options.httpCredentials,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
