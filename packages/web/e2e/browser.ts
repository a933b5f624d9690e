import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startTestServer } from '../../server/src/test/harness.ts';

import { testPassword } from '../../server/src/test/harness.ts';

export { testPassword };

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/index.html');

export interface Session {
  url: string;
  /** The server's private copy of the demo database, for facts a test needs (an identity number, a user). */
  database: Awaited<ReturnType<typeof startTestServer>>['database'];
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** The server on a private copy of the demo database, and one headless Chromium for the test file. */
export async function startSession(): Promise<Session> {
  if (!existsSync(webDist)) {
    throw new Error(`The web app is not built (${webDist} is missing). Run \`npm run build\` first; \`npm test\` does it for you.`);
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is not installed at ${chromiumPath}. Install it with: apt-get update && apt-get install -y chromium`);
  }
  // Errors only: a job that fails behind a page (a register import's run) then says why in the test's output.
  const server = await startTestServer({ logLevel: 'error' });
  const profile = await mkdtemp(path.join(os.tmpdir(), 'samsyn-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 860 },
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
      acceptDownloads: true,
      // Mantine then skips its transitions, so scans never see a half-faded dialog.
      reducedMotion: 'reduce',
    });
  } catch (error) {
    await server.close();
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  // Two browser files run side by side on two cores (vitest.config.ts): a page that waits on a
  // busy server gets 20 s before a step counts as failed; a passing step never waits that long.
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    url: server.url,
    database: server.database,
    context,
    page,
    close: async () => {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Sets the window's size and waits for the layout to settle. Mantine's AppShell marks itself
 * `data-resizing` for 200 ms after a resize and then re-renders the whole shell; a click in that
 * time was lost under load (the register import's accept sent nothing), so a step after a resize
 * waits for the shell to end its resize, and for two frames drawn after it.
 */
export async function resize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 250)));
  await page.waitForFunction(() => !document.querySelector('[data-resizing]'));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Forgets the session cookie and the remembered language, as a new visitor. */
export async function resetBrowser(session: Session): Promise<void> {
  await session.context.clearCookies();
  // Cleared on a page of the origin that runs no app: the app, still starting in the remembered
  // language (English loads on demand), would write that language back after the clear.
  await session.page.goto(`${session.url}/api/health`);
  await session.page.evaluate(() => localStorage.clear());
  await session.page.goto(`${session.url}/login`);
}

/**
 * Remembers the interface's language for the next page the test opens. Written on a page of the
 * origin that runs no app: an app page still starting would write its own language back.
 */
export async function rememberLanguage(session: Session, language: 'sv' | 'en'): Promise<void> {
  await session.page.goto(`${session.url}/api/health`);
  await session.page.evaluate((chosen) => localStorage.setItem('samsyn.language', chosen), language);
}

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(/^(Användarnamn|Username)/).fill(username);
  await page.getByLabel(/^(Lösenord|Password)/).fill(password);
  await page.getByRole('button', { name: /^(Logga in|Log in)$/ }).click();
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Axe's rules with any of the tags, with label-in-name (2.5.3), which axe counts as experimental and skips unless named. */
const rulesTagged = (tags: string[]) =>
  axe
    .getRules()
    .filter((r) => r.tags.some((tag) => tags.includes(tag)) && (!r.tags.includes('experimental') || r.ruleId === 'label-content-name-mismatch'))
    .map((r) => r.ruleId);
const wcagRules = rulesTagged(wcagTags);
const wcagAndBestPracticeRules = rulesTagged([...wcagTags, 'best-practice']);

export interface ScanOptions {
  /** Axe's best-practice rules as well as WCAG 2.1 A/AA. */
  bestPractice?: boolean;
  /** Only this part of the page (a CSS selector). */
  within?: string;
}

/**
 * Violations of WCAG 2.1 A/AA of every impact level (minor and moderate too) on the page as it is
 * now, formatted; label-in-name (WCAG 2.5.3), an experimental rule in axe, is run as well.
 */
export async function allViolations(page: Page, label: string, options: ScanOptions = {}): Promise<string[]> {
  // Legacy mode runs axe in the page itself. The default opens a blank tab for every scan to merge
  // iframe results and injects axe twice; Samsyn has no iframes, and that tab was a third of a scan.
  let builder = new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'], runOnly: { type: 'rule', values: options.bestPractice ? wcagAndBestPracticeRules : wcagRules } });
  if (options.within) builder = builder.include(options.within);
  const result = await builder.analyze();
  return result.violations
    .map((v) => {
      const nodes = v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`);
      return `[${label}] ${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n${nodes.join('\n')}`;
    });
}

/**
 * Logs in through the API (as the login form does: the CSRF token, then POST /api/auth/login; the
 * browser context keeps the session cookie), then opens the start page, in Swedish unless asked,
 * and waits for it. The login form itself is tested in flow, account, audit-check and
 * accessibility with `login`; typing in it before every other test only cost time.
 */
export async function loginAs(session: Session, username: string, language: 'sv' | 'en' = 'sv'): Promise<Page> {
  const { page, url, context } = session;
  // The language is set either way: an earlier test of the same file may have chosen English,
  // and the browser remembers that choice as a user's would.
  await rememberLanguage(session, language);
  const csrf = await context.request.get(`${url}/api/auth/csrf`);
  if (!csrf.ok()) throw new Error(`GET /api/auth/csrf: ${csrf.status()} ${await csrf.text()}`);
  const { token } = (await csrf.json()) as { token: string };
  const res = await context.request.post(`${url}/api/auth/login`, { data: { username, password: testPassword }, headers: { 'x-csrf-token': token } });
  if (!res.ok()) throw new Error(`login as ${username}: ${res.status()} ${await res.text()}`);
  await page.goto(`${url}/`);
  await page.waitForURL(`${url}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/** Opens a page by its path and waits for its heading and its data. */
export async function visit(session: Session, page: Page, path: string, heading: string | RegExp): Promise<void> {
  await page.goto(`${session.url}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForLoadState('networkidle');
}

export interface SessionOptions {
  /** Before each test, forget the cookie and the language (`resetBrowser`); on unless `false`. */
  resetEach?: boolean;
  /** Before each test, the window at this size (after a step at 390 px, say). */
  viewport?: { width: number; height: number };
}

/**
 * The test file's one browser session: the server and Chromium start once before its tests
 * (`beforeAll`) and stop after them, and each test starts as a new visitor. Returns the session
 * at once; its fields are there from the first hook on. A file's own `beforeAll`, written after
 * this call, runs after the start.
 */
export function useBrowserSession(options: SessionOptions = {}): Session {
  let current: Session | undefined;
  const started = (): Session => {
    if (!current) throw new Error('The browser session starts in beforeAll: use it in a hook or a test.');
    return current;
  };
  beforeAll(async () => {
    current = await startSession();
  });
  afterAll(async () => {
    await current?.close();
  });
  if (options.resetEach !== false || options.viewport) {
    beforeEach(async () => {
      if (options.viewport) await started().page.setViewportSize(options.viewport);
      if (options.resetEach !== false) await resetBrowser(started());
    });
  }
  return {
    get url() {
      return started().url;
    },
    get database() {
      return started().database;
    },
    get context() {
      return started().context;
    },
    get page() {
      return started().page;
    },
    close: () => started().close(),
  };
}

export interface Scanner {
  /** Every finding of `scan` so far, for one `expect(found, …).toEqual([])` when the journey is done. */
  found: string[];
  /** Scans the page and keeps its findings in `found` (the journey goes on). */
  scan(page: Page, label: string, within?: string): Promise<void>;
  /** Scans the page and returns its findings, keeping nothing. */
  violations(page: Page, label: string, within?: string): Promise<string[]>;
}

export interface ScannerOptions {
  /** Axe's best-practice rules as well as WCAG 2.1 A/AA. */
  bestPractice?: boolean;
  /** Expect exactly one h1 before each scan. */
  oneH1?: boolean;
  /** Wait until the network is quiet before each scan (a page still loading its parts). */
  settle?: boolean;
}

/** An axe scanner for one file's pages: every impact level, the same rules and format everywhere. */
export function scanner(options: ScannerOptions = {}): Scanner {
  const found: string[] = [];
  const violations = async (page: Page, label: string, within?: string): Promise<string[]> => {
    if (options.oneH1) expect(await page.locator('h1').count(), `${label}: one h1`).toBe(1);
    if (options.settle) await page.waitForLoadState('networkidle');
    return allViolations(page, label, { bestPractice: options.bestPractice, within });
  };
  return {
    found,
    violations,
    scan: async (page, label, within) => {
      found.push(...(await violations(page, label, within)));
    },
  };
}
