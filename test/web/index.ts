// Entry point for the web worker extension host (`extensionTestsPath` of the
// runner's --web run): the browser build of Cadence (package.json "browser")
// is loaded there instead of the Node build, and this suite runs beside it.
// The host has no Node: mocha is its browser build, node:assert is
// ./assert.ts, and there is no environment, so the runner writes what the
// Node entry reads from process.env into cadence-web-test.json beside the
// .code-workspace file; it is read through vscode.workspace.fs and offered to
// the suites as `process.env` (scripts/build-tests.mjs defines it so). The
// report is written back through vscode.workspace.fs.
import type MochaNs from 'mocha';
import 'mocha/mocha.js';
import * as vscode from 'vscode';
import { plainReporter } from '../integration/report';

/** cadence-web-test.json, written by scripts/run-integration.ts. */
interface WebTestConfig {
  /** The report file's path on the server's disk. */
  readonly report: string;
  /** What the Node host gets as process.env (CADENCE_TEST_*). */
  readonly environment: Record<string, string>;
}

declare global {
  // The suites' `process.env` in this bundle (scripts/build-tests.mjs: define).
  var __cadenceTestEnv: Record<string, string | undefined>;
}

const CONFIG_NAME = 'cadence-web-test.json';

async function readConfig(): Promise<{ config: WebTestConfig; base: vscode.Uri }> {
  const file = vscode.workspace.workspaceFile;
  if (!file || file.scheme === 'untitled') throw new Error(`the web suite runs in a workspace opened from a .code-workspace file (got ${file?.toString() ?? 'none'})`);
  const uri = vscode.Uri.joinPath(file, '..', CONFIG_NAME);
  const config = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as WebTestConfig;
  return { config, base: file };
}

/** The extension under test's id (package.json publisher.name). */
const EXTENSION_ID = 'cadence-team.cadence';

/**
 * The worker host starts knowing only the browser's own web extensions; an
 * extension on the server (as the one under development here) is added to it
 * a moment later. The suites need it there: wait until it is.
 */
async function extensionArrived(timeoutMs: number): Promise<void> {
  if (vscode.extensions.getExtension(EXTENSION_ID)) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`${EXTENSION_ID} never reached the web worker host within ${timeoutMs / 1000} s; it has: ${vscode.extensions.all.map((e) => e.id).join(', ')}`));
    }, timeoutMs);
    const sub = vscode.extensions.onDidChange(() => {
      if (!vscode.extensions.getExtension(EXTENSION_ID)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

export async function run(): Promise<void> {
  const { config, base } = await readConfig();
  globalThis.__cadenceTestEnv = { ...config.environment };
  // The report lives on the server's disk: the same remote authority as the workspace file.
  const reportUri = base.with({ path: config.report });
  let written: Promise<void> = Promise.resolve();
  const write = (text: string) => {
    written = Promise.resolve(vscode.workspace.fs.writeFile(reportUri, new TextEncoder().encode(text.endsWith('\n') ? text : `${text}\n`)));
  };
  const M = (globalThis as unknown as { Mocha: typeof MochaNs }).Mocha;
  // Each test polls with its own, shorter timeouts; this only stops a hang.
  mocha.setup({ ui: 'bdd', reporter: plainReporter(M, write), timeout: 90_000, color: false });
  try {
    await extensionArrived(120_000);
    // Required, not imported: the suites read process.env when they load, after the config is in.
    require('./web.test');
    require('../integration/virtual.test');
  } catch (err) {
    write(`could not load the suite: ${(err as Error).stack ?? String(err)}\n\n0 passed, 1 failed`);
    await written;
    throw err;
  }
  // Mocha's own run, not the browser build's mocha.run(): that one reads
  // location.search for a grep, and the extension host's worker has no location.
  const failures = await new Promise<number>((resolve) => M.prototype.run.call(mocha, resolve));
  await written;
  if (failures > 0) throw new Error(`${failures} integration test(s) failed in the web worker host`);
}
