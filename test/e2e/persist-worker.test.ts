// The persistent index read in a browser's web worker under a
// Content-Security-Policy without 'unsafe-eval', as the browser build will
// run it: the core's own reader (bundled for the browser) decodes every
// document and every file's saved diagnostics of the sample team, plus an
// OKR set with the values the compact form tags (-0, NaN, ±Infinity, a lone
// surrogate), exactly as written, and the policy reports no violation: the
// reader never asks for eval or new Function. The worker's control proves the
// policy is in force there (new Function throws) and that its violations are
// heard, so a reader that compiled code would fail this test. (msgpackr was
// measured as a replacement for the compact form and not adopted: README,
// "A persistent index".)
//
// Needs Chromium (scripts/vscode-env.sh); serves on 127.0.0.1 only.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { walk } from '../../src/cli/walk';
import { Dataset } from '../../src/core/dataset';
import { entryOf, IndexWriter, type WrittenIndex } from '../../src/core/persist';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { decodeFile } from '../../src/core/text';
import { canon } from './persist-worker/canon';
import type { WorkerResult } from './persist-worker/worker';
import { localSite, type LocalSite } from './local-page';

const repo = resolve(__dirname, '..', '..');
const TODAY = '2026-11-22';
const CSP = "default-src 'none'; script-src 'self'; worker-src 'self'; connect-src 'self'";

/** An OKR set with the values JSON cannot spell and UTF-8 cannot carry. */
const ODD = [
  'type: okr',
  'period: 2026-Q4',
  'team: .nan',
  'objectives:',
  '  - { id: O1, title: Half \uD800 alone, owner: me, key_results: [{ id: KR1, title: From minus zero, owner: me, start: -0, target: .inf, current: -.inf, due: 2026-12-31 }] }',
  '',
].join('\n');

interface Expected {
  readonly index: WrittenIndex;
  readonly docs: Record<string, string>;
  readonly diagnostics: Record<string, string>;
}

/** The sample team and the odd set, parsed cold and saved as the extension saves them. */
function expected(): Expected {
  const dir = join(repo, 'samples', 'team');
  const ds = new Dataset({ today: TODAY, settings: DEFAULT_SETTINGS });
  const stamps = new Map<string, { size: number; mtime: number }>();
  for (const [i, f] of walk(dir, [], []).entries()) {
    const decoded = decodeFile(readFileSync(join(dir, f)), DEFAULT_SETTINGS.maxFileSizeKB);
    if ('text' in decoded) ds.setFile(f, decoded.text);
    stamps.set(f, { size: i, mtime: i });
  }
  ds.setFile('okrs/odd.okr.yaml', ODD);
  stamps.set('okrs/odd.okr.yaml', { size: 1, mtime: 1 });
  const index = new IndexWriter().write(
    [...stamps].map(([p, s]) => ({ ...entryOf(p, s, ds.doc(p)), diagnostics: ds.has(p) ? ds.diagnostics(p) : undefined })),
    DEFAULT_SETTINGS,
    TODAY,
  );
  const docs: Record<string, string> = {};
  const diagnostics: Record<string, string> = {};
  for (const p of ds.paths()) {
    diagnostics[p] = canon(ds.diagnostics(p));
    docs[p] = canon(ds.doc(p));
  }
  return { index, docs, diagnostics };
}

/** The worker, bundled for the browser. */
async function bundleWorker(): Promise<string> {
  const out = await build({
    entryPoints: [join(__dirname, 'persist-worker', 'worker.ts')],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    // A worker has no DOM: packages with a DOM build (decode-named-character-reference) offer a worker one.
    conditions: ['worker'],
    logLevel: 'silent',
  });
  return out.outputFiles![0].text;
}

describe('the persistent index in a web worker, under a CSP without unsafe-eval', function () {
  this.timeout(120_000);
  let site: LocalSite | undefined;
  let browser: Browser;
  let origin: string;
  let want: Expected;

  before(async () => {
    want = expected();
    const files: Record<string, { type: string; body: string | Uint8Array }> = {
      '/index.html': { type: 'text/html', body: '<!doctype html><meta charset="utf-8"><script src="/main.js"></script>' },
      '/main.js': {
        type: 'text/javascript',
        body: `const w = new Worker('/' + new URLSearchParams(location.search).get('worker'));
w.onmessage = (e) => (window.cadenceResult = e.data);
w.onerror = (e) => (window.cadenceResult = { error: 'worker error: ' + e.message });`,
      },
      '/worker.js': { type: 'text/javascript', body: await bundleWorker() },
      '/config.json': { type: 'application/json', body: JSON.stringify({ settings: DEFAULT_SETTINGS, today: TODAY }) },
      '/index.bin': { type: 'application/octet-stream', body: want.index.index },
      '/docs.bin': { type: 'application/octet-stream', body: want.index.payload },
    };
    site = await localSite((req, res) => {
      const f = files[new URL(req.url ?? '/', 'http://x').pathname];
      if (!f) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': f.type, 'content-security-policy': CSP, 'cache-control': 'no-store' }).end(f.body);
    });
    ({ origin, browser } = site);
  });

  after(async () => {
    await site?.close();
  });

  async function runWorker(worker: string): Promise<WorkerResult> {
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/index.html?worker=${worker}`);
      await page.waitForFunction(() => (window as unknown as { cadenceResult?: unknown }).cadenceResult !== undefined, undefined, { timeout: 60_000 });
      return (await page.evaluate(() => (window as unknown as { cadenceResult: unknown }).cadenceResult)) as WorkerResult;
    } finally {
      await page.close();
    }
  }

  it('decodes every document and diagnostics list as written, and the policy reports no violation', async () => {
    const r = await runWorker('worker.js');
    assert.equal(r.error, undefined);
    assert.ok(Object.keys(want.docs).length > 40, 'the sample team and the odd set');
    assert.deepEqual(r.docs, want.docs);
    assert.deepEqual(r.diagnostics, want.diagnostics);
    assert.match(r.docs['okrs/odd.okr.yaml'], /"start":-0/, 'the -0 came through');
    assert.match(r.docs['okrs/odd.okr.yaml'], /\\ud800 alone/, 'the lone surrogate came through');
    assert.deepEqual(r.corrupt, []);
    assert.deepEqual(r.violations, [], 'no eval, no new Function');
    assert.equal(r.evalBlocked, true, 'control: the policy is in force in the worker');
    assert.ok(r.controlViolations >= 1, 'control: its violations are heard');
  });
});
