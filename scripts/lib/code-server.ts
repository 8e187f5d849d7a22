// Shared pieces of the harness that runs Cadence inside a real VS Code:
// code-server (VS Code in the browser, with a real Node extension host on the
// server side) driven by Debian's Chromium through playwright-core. The
// recipe and its pitfalls are in ../shared/REAL-VSCODE.md; the install is
// scripts/vscode-env.sh, which writes the paths this module reads.
//
// Everything here is throw-away: each run gets a fresh temp folder with its
// own user-data and extensions dirs, a server on 127.0.0.1 on a free port, and
// a cleanup that runs on success, failure, Ctrl-C and SIGTERM alike.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { cleanEnv } from './clean-env';

export interface TestEnv {
  /** Node 24 binary that code-server was built with. */
  node: string;
  /** code-server's out/node/entry.js. */
  codeServer: string;
  chromium: string;
  codeServerVersion: string;
}

export function cacheDir(): string {
  return process.env.CADENCE_TEST_CACHE || join(homedir(), '.cache', 'cadence-test');
}

/** Reads the paths that scripts/vscode-env.sh recorded; fails with a hint when it has not run. */
export function readTestEnv(): TestEnv {
  const file = join(cacheDir(), 'env.json');
  if (!existsSync(file)) {
    throw new HarnessError(`no ${file}: run "bash scripts/vscode-env.sh" first to install code-server and Chromium`);
  }
  const env = JSON.parse(readFileSync(file, 'utf8')) as TestEnv;
  for (const key of ['node', 'codeServer', 'chromium'] as const) {
    if (!existsSync(env[key])) {
      throw new HarnessError(`${env[key]} (from ${file}) is missing: run "bash scripts/vscode-env.sh" again`);
    }
  }
  return env;
}

/** An expected failure of the harness itself: printed as one line, no stack. */
export class HarnessError extends Error {}

// ---------------------------------------------------------------------------
// Cleanup that also runs on Ctrl-C / SIGTERM / SIGHUP.

type Cleanup = () => Promise<void> | void;
const cleanups: Cleanup[] = [];
/** Synchronous last resort for process 'exit' (e.g. process.exit from elsewhere): kills by PID. */
const exitKills = new Set<number>();
/** Run folders to delete when interrupted (a failed run keeps its folder for a look; a stopped one does not). */
const interruptRemovals = new Set<string>();
let signalled = false;

function onSignal(signal: NodeJS.Signals, code: number): void {
  if (signalled) return; // a second Ctrl-C while cleaning up: let the first finish
  signalled = true;
  console.error(`\n${signal}: stopping code-server and the browser…`);
  const hardStop = setTimeout(() => process.exit(code), 20_000);
  hardStop.unref();
  void runCleanups().finally(() => {
    for (const dir of interruptRemovals) rmSync(dir, { recursive: true, force: true });
    process.exit(code);
  });
}
process.on('SIGINT', () => onSignal('SIGINT', 130));
process.on('SIGTERM', () => onSignal('SIGTERM', 143));
process.on('SIGHUP', () => onSignal('SIGHUP', 129));
process.on('exit', () => {
  for (const pgid of exitKills) killGroup(pgid, 'SIGKILL');
});

/** Registers fn to run at cleanup; returns a function that runs it now (once) and unregisters it. */
export function addCleanup(fn: Cleanup): () => Promise<void> {
  let done = false;
  const once: Cleanup = async () => {
    if (done) return;
    done = true;
    await fn();
  };
  cleanups.push(once);
  return async () => {
    const i = cleanups.indexOf(once);
    if (i >= 0) cleanups.splice(i, 1);
    await once();
  };
}

/** Runs every registered cleanup, newest first, never throwing. */
export async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch (err) {
      console.error(`cleanup failed: ${(err as Error).message}`);
    }
  }
}

function killGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // already gone
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Small utilities.

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rejects with a HarnessError carrying message when promise takes longer than ms. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HarnessError(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return `(no ${file})`;
  }
}

/** A remote path as the workbench's payload wants it: the remote authority is the literal word "remote". */
export function remoteUri(absPath: string): string {
  return `vscode-remote://remote${absPath}`;
}

// ---------------------------------------------------------------------------
// Run folders.

export interface RunDir {
  root: string;
  userData: string;
  extensions: string;
  xdg: string;
  /** Removes the folder (called on success; kept on failure for a look). */
  remove(): void;
}

// Settings that keep a fresh profile quiet and deterministic: no welcome
// page, no trust prompt, no update or telemetry traffic, no AI side bar.
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.enabled': false,
};

/**
 * User settings for a run in restricted mode (with `workspaceTrust` at start):
 * trust on, no start-up prompt that would wait for a click, so the folder
 * stays untrusted.
 */
export const RESTRICTED_MODE_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  'security.workspace.trust.emptyWindow': false,
};

export function makeRunDir(prefix: string, extraSettings: Record<string, unknown> = {}): RunDir {
  const root = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const userData = join(root, 'data');
  const extensions = join(root, 'exts');
  const xdg = join(root, 'xdg');
  for (const dir of [join(userData, 'User'), extensions, xdg]) mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...extraSettings }, null, 2),
  );
  interruptRemovals.add(root);
  return {
    root,
    userData,
    extensions,
    xdg,
    remove: () => {
      interruptRemovals.delete(root);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------
// code-server.

/** The server's environment: ours without the variables of any VS Code we may be running inside. */
function serverEnv(run: RunDir): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // Run from `npm test`/`npm start`: the server and its extension hosts must
  // not inherit the outer npm's settings (see clean-env.ts).
  for (const [key, value] of Object.entries(cleanEnv())) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') continue;
    env[key] = value;
  }
  // code-server keeps its config and state under XDG dirs; keep them in the run.
  env.XDG_CONFIG_HOME = run.xdg;
  env.XDG_DATA_HOME = run.xdg;
  return env;
}

function baseArgs(env: TestEnv, run: RunDir, workspaceTrust = false): string[] {
  return [
    env.codeServer,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    // The server distro turns workspace trust on by default; most runs want it off.
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', run.userData,
    '--extensions-dir', run.extensions,
  ];
}

/** Installs a .vsix into the run's extensions dir the way a user does (`code-server --install-extension`). */
export function installVsix(env: TestEnv, run: RunDir, vsix: string): void {
  const result = spawnSync(env.node, [...baseArgs(env, run), '--install-extension', vsix], {
    env: serverEnv(run),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  // It can exit 0 after printing a failure, so also require its success line.
  if (result.error || result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new HarnessError(`installing ${vsix} failed (exit ${result.status ?? result.error?.message}):\n${output}`);
  }
}

export interface Server {
  url: string;
  port: number;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Lets the workbench honour a `payload` (extensionTestsPath etc.); without it the payload is silently ignored. */
  testDriver?: boolean;
  /** How long to wait for /healthz. */
  startTimeoutMs?: number;
  /** A fixed port (e.g. CADENCE_PORT for `npm start`) instead of a free one. */
  port?: number;
  /** Extra environment for the server, which its extension hosts inherit (e.g. CADENCE_TODAY). */
  extraEnv?: Record<string, string>;
  /**
   * Leaves workspace trust on (no --disable-workspace-trust). With
   * RESTRICTED_MODE_SETTINGS in the run's user settings, the folder opens in
   * restricted mode: a fresh profile trusts no folder, and nothing asks.
   */
  workspaceTrust?: boolean;
}

/**
 * Starts code-server on 127.0.0.1 on a free port in its own process group (so
 * stopping it also stops its extension host and other children) and waits for
 * /healthz. The returned stop() is also registered as a cleanup.
 */
export async function startServer(env: TestEnv, run: RunDir, options: StartOptions = {}): Promise<Server> {
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const logFile = join(run.root, 'server.log');
  let lastError: Error | undefined;
  // A port found free can be taken before the server binds it: try a few.
  for (let attempt = 1; attempt <= (options.port ? 1 : 3); attempt++) {
    const port = options.port ?? (await freePort());
    const args = [...baseArgs(env, run, options.workspaceTrust), '--bind-addr', `127.0.0.1:${port}`];
    if (options.testDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
    const log = openSync(logFile, 'a');
    const child = spawn(env.node, args, {
      env: { ...serverEnv(run), ...options.extraEnv },
      detached: true,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    const pid = child.pid;
    if (pid === undefined) throw new HarnessError(`could not start ${env.node} ${env.codeServer}`);
    exitKills.add(pid);
    const stop = addCleanup(() => stopGroup(child, pid));
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitHealthy(url, child, startTimeoutMs, logFile);
      return { url, port, pid, logFile, stop };
    } catch (err) {
      await stop();
      lastError = err as Error;
      if (!/EADDRINUSE/.test(tail(logFile, 10))) break;
    }
  }
  throw lastError ?? new HarnessError('code-server did not start');
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `exit ${code ?? signal}`;
  });
  while (Date.now() < deadline) {
    if (exited) throw new HarnessError(`code-server stopped during start-up (${exited}); its log:\n${tail(logFile)}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new HarnessError(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s; its log:\n${tail(logFile)}`);
}

/** SIGTERM to the whole process group, then SIGKILL if it lingers. */
async function stopGroup(child: ChildProcess, pgid: number): Promise<void> {
  if (killGroup(pgid, 'SIGTERM')) {
    const deadline = Date.now() + 5_000;
    while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
    if (groupAlive(pgid)) killGroup(pgid, 'SIGKILL');
    const hard = Date.now() + 2_000;
    while (groupAlive(pgid) && Date.now() < hard) await sleep(50);
  }
  child.unref();
  exitKills.delete(pgid);
}

/**
 * The workbench URL for folder; payload entries are VS Code's [name, value]
 * pairs. A path ending in .code-workspace opens that workspace file (a
 * multi-root workspace) instead of a folder.
 */
export function workbenchUrl(server: Server, folder: string, payload?: [string, string][]): string {
  const params = new URLSearchParams(folder.endsWith('.code-workspace') ? { workspace: folder } : { folder });
  if (payload) params.set('payload', JSON.stringify(payload));
  return `${server.url}/?${params.toString()}`;
}

// ---------------------------------------------------------------------------
// Browser.

/** Headless Debian Chromium; closed by the returned browser's cleanup (also on signals). */
export async function launchBrowser(env: TestEnv, run: RunDir): Promise<Browser> {
  const browser = await withTimeout(
    chromium.launch({
      executablePath: env.chromium,
      headless: true,
      // Our own signal handlers stop the server too; Playwright's would exit first.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      timeout: 60_000,
      env: { ...cleanEnv(), XDG_CONFIG_HOME: join(run.xdg, 'browser') },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }),
    90_000,
    `Chromium (${env.chromium}) did not start within 90 s`,
  );
  addCleanup(() => withTimeout(browser.close(), 10_000, 'browser did not close').catch(() => undefined));
  return browser;
}
