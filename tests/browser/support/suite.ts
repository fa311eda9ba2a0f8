import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { startStaticServer, type StaticServer } from './staticServer';

export interface BrowserSuiteOptions {
  /** The web root to serve: `dist` by default; a function when the root is made in an earlier beforeAll. */
  root?: string | (() => string);
  /** Extra response headers per request path (CSP, CORS). */
  headers?: (path: string) => Record<string, string>;
}

/** The browser and static server of one test file; read them inside tests (they exist once beforeAll ran). */
export interface BrowserSuite {
  readonly browser: Browser;
  readonly server: StaticServer;
  /** The server's origin, e.g. http://127.0.0.1:1234. */
  readonly origin: string;
}

/**
 * One browser and one static server per test file: started in beforeAll, closed in afterAll. Call it at the top
 * level of a test file, after any beforeAll that the root depends on.
 */
export function browserSuite(options: BrowserSuiteOptions = {}): BrowserSuite {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    const root = typeof options.root === 'function' ? options.root() : (options.root ?? 'dist');
    server = await startStaticServer(root, options.headers);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the suite's ${name} is not started yet (use it inside a test)`);
    return value;
  };
  return {
    get browser() {
      return started(browser, 'browser');
    },
    get server() {
      return started(server, 'server');
    },
    get origin() {
      return started(server, 'server').origin;
    },
  };
}
