import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Result as AxeViolation } from 'axe-core';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';

const ROOT = join(__dirname, '..', '..');

/** Debian's chromium (scripts/lib/services.sh installs it); playwright-core never downloads a browser here. */
export const CHROMIUM_PATH = process.env.PETITIO_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** The WCAG 2.1 A and AA rules the portal promises. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Contexts opened with JavaScript off: axe-core runs as a script, so it cannot look at their pages. */
const scriptless = new WeakSet<BrowserContext>();

/** A phone-sized viewport, the portal's first audience. */
export const MOBILE = { width: 390, height: 844 };

export interface PageOptions {
  /** false: the browser runs no script at all, as on a locked-down or very old phone. Default true. */
  javaScript?: boolean;
  /** Sent as Accept-Language and used as navigator.language. Default 'tr-TR'. */
  locale?: string;
  viewport?: { width: number; height: number };
}

/**
 * One headless Chromium per suite; every page gets a fresh context (own cookies, cache and settings)
 * so tests do not see each other's state. Close pages' contexts when done to keep memory flat.
 */
export class TestBrowser {
  private readonly contexts = new Set<BrowserContext>();

  private constructor(readonly browser: Browser) {}

  static async launch(): Promise<TestBrowser> {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, timeout: 30000 });
    return new TestBrowser(browser);
  }

  /** A page in a context of its own; the context closes with `closePage` or when the browser closes. */
  async newPage(options: PageOptions = {}): Promise<Page> {
    const context = await this.browser.newContext({
      javaScriptEnabled: options.javaScript ?? true,
      locale: options.locale ?? 'tr-TR',
      viewport: options.viewport ?? MOBILE,
    });
    this.contexts.add(context);
    if (options.javaScript === false) scriptless.add(context);
    context.once('close', () => this.contexts.delete(context));
    context.setDefaultTimeout(15000);
    return context.newPage();
  }

  /** Opens a page, hands it to `use`, and closes its context whatever happens. */
  async withPage<T>(options: PageOptions, use: (page: Page) => Promise<T>): Promise<T> {
    const page = await this.newPage(options);
    try {
      return await use(page);
    } finally {
      await closePage(page);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.contexts].map((context) => context.close().catch(() => undefined)));
    await this.browser.close();
  }
}

export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}

/** axe-core's WCAG 2.1 AA rules on the page as it is now; fails listing every violation with the elements concerned. */
export async function expectNoAccessibilityViolations(page: Page, what = page.url()): Promise<void> {
  if (scriptless.has(page.context())) {
    // Playwright's evaluate never returns in a context without JavaScript; say so instead of hanging.
    throw new Error('axe-core needs JavaScript: check pages opened with javaScript: true (the portal renders the same HTML either way)');
  }
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  if (results.violations.length > 0) {
    throw new Error(`axe-core found ${results.violations.length} WCAG 2.1 AA violation(s) on ${what}:\n${describeViolations(results.violations)}`);
  }
  // A page axe could not look at would pass vacuously: make sure it checked something.
  expect(results.passes.length).toBeGreaterThan(0);
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    - ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n\s*/g, ' ') ?? ''}`).join('\n');
      return `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/**
 * A PNG of the page as a phone shows it. Into docs/screenshots/NAME.png (linked from the README) when
 * PETITIO_SCREENSHOTS=1, else into .data/screenshots, so an ordinary test run leaves the tree clean.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const dir = process.env.PETITIO_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots') : join(ROOT, '.data', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled' });
  return path;
}
