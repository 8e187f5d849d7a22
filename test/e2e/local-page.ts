// A page served on 127.0.0.1 and the test Chromium (scripts/vscode-env.sh),
// for the checks that run browser code without code-server (the persistent
// index's web worker, the dashboard in a second language).
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { readTestEnv } from '../../scripts/lib/code-server';

export interface LocalSite {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly browser: Browser;
  /** Closes the browser and stops the server. */
  close(): Promise<void>;
}

/** Serves `handler` on a free port of 127.0.0.1 and starts a headless Chromium. */
export async function localSite(handler: RequestListener): Promise<LocalSite> {
  const server = createServer(handler);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: readTestEnv().chromium, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  } catch (e) {
    server.close();
    throw e;
  }
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}
