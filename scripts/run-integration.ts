// Runs the integration suite (out/test/integration, built by
// scripts/build-tests.mjs) inside the extension host of a throw-away
// code-server, once per fixture workspace: each example folder is its own
// workspace root, as the extension treats the workspace folder as the dataset.
//
//   node --import tsx scripts/run-integration.ts [options] [WORKSPACE...]
//     WORKSPACE          example folders holding expected.json
//                        (default: every test/fixtures/examples/*/ that has one,
//                        the sample team, an empty folder, and basic once more
//                        in restricted mode)
//     --extension DIR    extension to load (default: this repo)
//     --tests FILE       compiled test entry (default: out/test/integration/index.js)
//     --timeout SECONDS  per workspace, from server start to the result (default 600:
//                        the sample team's suite alone takes ~4 min on a busy 2-core machine)
//     --multi-root       open each WORKSPACE through a .code-workspace file
//     --restricted       open each WORKSPACE in restricted mode (workspace trust on, not trusted)
//     --web              run Cadence's browser build in the web worker extension host
//                        (tests default to out/test/web/index.js)
//
// Modes (also in the default list):
//   multi-root  the folder is opened through a .code-workspace file holding
//               just it. The suite sees CADENCE_TEST_MULTI_ROOT=1 and runs the
//               virtual-workspace suite, which adds a second, in-memory folder:
//               VS Code refuses that in tests in a single-folder window
//               ("Entering a new workspace is not possible in tests").
//   restricted  workspace trust is left on and nothing is trusted; the suite
//               sees CADENCE_TEST_RESTRICTED=1 and runs the restricted-mode suite.
//   web         Cadence's browser build (package.json "browser") in the web
//               worker extension host, as on vscode.dev: the user setting
//               remote.extensionKind makes Cadence a "web"-only extension,
//               which the browser workbench runs in its web worker host rather
//               than in the server's Node host. The suite is test/web (a browser
//               bundle: the worker has no Node, no environment), opened
//               multi-root like above; its settings come from
//               cadence-web-test.json beside the .code-workspace file, and
//               its expected diagnostics from `cadence check --format json`
//               on the same folder just before, with the real today (the
//               browser has no CADENCE_TODAY).
//
// Prints each run's mocha report and a closing "integration: N passed, N failed"
// line; exits non-zero on any failure, timeout or harness error. Always stops
// the server and the browser, also on Ctrl-C and SIGTERM.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  HarnessError,
  launchBrowser,
  makeRunDir,
  readTestEnv,
  remoteUri,
  RESTRICTED_MODE_SETTINGS,
  runCleanups,
  startServer,
  tail,
  withTimeout,
  workbenchUrl,
  type RunDir,
  type TestEnv,
} from './lib/code-server';

const repo = resolve(__dirname, '..');

interface Counts {
  passed: number;
  failed: number;
}

interface Outcome extends Counts {
  name: string;
  ok: boolean;
  seconds: number;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      extension: { type: 'string', default: repo },
      tests: { type: 'string' },
      timeout: { type: 'string', default: '600' },
      'multi-root': { type: 'boolean', default: false },
      restricted: { type: 'boolean', default: false },
      web: { type: 'boolean', default: false },
    },
  });
  const extensionDir = resolve(values.extension!);
  const testsEntry = resolve(values.tests ?? (values.web ? WEB_TESTS : NODE_TESTS));
  const timeoutMs = Number(values.timeout) * 1000;
  if (!(timeoutMs > 0)) throw new HarnessError(`--timeout must be a number of seconds, not "${values.timeout}"`);
  if (!existsSync(testsEntry)) throw new HarnessError(`no ${testsEntry}: run "node scripts/build-tests.mjs" first`);
  const manifest = join(extensionDir, 'package.json');
  if (!existsSync(manifest)) throw new HarnessError(`no extension at ${extensionDir} (no package.json)`);
  const entries = JSON.parse(readFileSync(manifest, 'utf8')) as { main?: string; browser?: string };
  for (const key of ['main', 'browser'] as const) {
    const entry = entries[key];
    if (entry && !existsSync(join(extensionDir, entry))) {
      throw new HarnessError(`the extension's ${key} ${join(extensionDir, entry)} does not exist: run "npm run build" first`);
    }
  }
  if (values.web && !entries.browser) throw new HarnessError(`--web: the extension at ${extensionDir} has no "browser" entry`);
  const nodeTestsEntry = values.tests ? testsEntry : resolve(NODE_TESTS);
  const webTestsEntry = values.tests ? testsEntry : resolve(WEB_TESTS);

  const workspaces: Workspace[] =
    positionals.length > 0
      ? positionals
          .map((p) => resolve(p))
          .map((dir) => ({
            source: dir,
            expectedFile: teamExpected(dir) ?? join(dir, 'expected.json'),
            multiRoot: values['multi-root'] || values.web,
            restricted: values.restricted,
            web: values.web,
          }))
      : defaultWorkspaces();
  if (workspaces.length === 0) throw new HarnessError('no fixture workspaces found (test/fixtures/examples/*/expected.json)');
  const env = readTestEnv();

  const outcomes: Outcome[] = [];
  for (const workspace of workspaces) {
    if (workspace.web && !existsSync(webTestsEntry)) throw new HarnessError(`no ${webTestsEntry}: run "node scripts/build-tests.mjs" first`);
    outcomes.push(await runWorkspace(env, extensionDir, workspace.web ? webTestsEntry : nodeTestsEntry, workspace, timeoutMs));
  }

  console.log('');
  for (const o of outcomes) {
    console.log(`  ${o.ok ? 'ok  ' : 'FAIL'} ${o.name}: ${o.passed} passed, ${o.failed} failed (${o.seconds.toFixed(1)} s)`);
  }
  const passed = outcomes.reduce((n, o) => n + o.passed, 0);
  const failed = outcomes.reduce((n, o) => n + o.failed, 0);
  const ok = outcomes.every((o) => o.ok);
  console.log(`integration: ${passed} passed, ${failed} failed`);
  return ok ? 0 : 1;
}

/** A workspace to run the suite in, and the expected.json it is judged by. */
interface Workspace {
  readonly source: string;
  readonly expectedFile: string;
  /** Open it through a .code-workspace file (a multi-root workspace of this one folder). */
  readonly multiRoot?: boolean;
  /** Restricted mode: workspace trust on, the folder not trusted. */
  readonly restricted?: boolean;
  /** Cadence's browser build in the web worker extension host (implies multiRoot). */
  readonly web?: boolean;
}

const NODE_TESTS = join(repo, 'out', 'test', 'integration', 'index.js');
const WEB_TESTS = join(repo, 'out', 'test', 'web', 'index.js');
/** Where test/web/index.ts reads its settings: beside the .code-workspace file. */
const WEB_CONFIG = 'cadence-web-test.json';

/** samples/team keeps its expected diagnostics outside the sample. */
function teamExpected(dir: string): string | undefined {
  return resolve(dir) === join(repo, 'samples', 'team') ? join(repo, 'test', 'fixtures', 'sample-team.expected.json') : undefined;
}

function defaultWorkspaces(): Workspace[] {
  const root = join(repo, 'test', 'fixtures', 'examples');
  const examples = existsSync(root)
    ? readdirSync(root)
        .sort()
        .map((name) => join(root, name))
        .filter((dir) => statSync(dir).isDirectory() && existsSync(join(dir, 'expected.json')))
        // basic is opened as a multi-root workspace: the virtual-workspace suite runs there.
        .map((dir) => ({ source: dir, expectedFile: join(dir, 'expected.json'), multiRoot: basename(dir) === 'basic' }))
    : [];
  // The bundled sample team, judged by its hand-computed diagnostics; the
  // editor, tree, dashboard, pre-read and safety suites run on it (workspace
  // name "team").
  const team = { source: join(repo, 'samples', 'team'), expectedFile: join(repo, 'test', 'fixtures', 'sample-team.expected.json') };
  // Restricted mode (package.json: untrustedWorkspaces supported) on the
  // smallest fixture: its diagnostics, trees and commands must all work.
  const basic = examples.find((w) => basename(w.source) === 'basic');
  const restricted = basic ? [{ source: basic.source, expectedFile: basic.expectedFile, restricted: true }] : [];
  // The browser build in the web worker host, on the smallest fixture (and an in-memory folder the suite adds).
  const web = basic ? [{ source: basic.source, expectedFile: basic.expectedFile, multiRoot: true, web: true }] : [];
  // A folder with no Cadence file in it (only its expected.json): what a
  // manager sees first — the views' welcome text, from the real settings.
  const emptyDir = join(repo, 'test', 'fixtures', 'empty-folder');
  const empty = existsSync(join(emptyDir, 'expected.json')) ? [{ source: emptyDir, expectedFile: join(emptyDir, 'expected.json') }] : [];
  return [...examples, ...(existsSync(team.expectedFile) ? [team] : []), ...empty, ...restricted, ...web];
}

async function runWorkspace(
  env: TestEnv,
  extensionDir: string,
  testsEntry: string,
  { source, expectedFile, multiRoot = false, restricted = false, web = false }: Workspace,
  timeoutMs: number,
): Promise<Outcome> {
  const name = basename(source);
  const modes = [multiRoot ? 'multi-root' : '', restricted ? 'restricted' : '', web ? 'web' : ''].filter(Boolean);
  const label = modes.length ? `${name} (${modes.join(', ')})` : name;
  const started = Date.now();
  if (!existsSync(expectedFile)) throw new HarnessError(`${source} has no expected.json (looked for ${expectedFile})`);
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as { today?: string };

  console.log(`\n--- integration: ${label} (today ${web ? 'the real one: the browser has no CADENCE_TODAY' : (expected.today ?? 'not set')}) ---`);
  // VS Code in the browser saves after a delay by default (the desktop does
  // not); the suite checks diagnostics of unsaved edits, so no auto-save.
  const run = makeRunDir(`cadence-it-${name}${modes.map((m) => `-${m}`).join('')}`, {
    'files.autoSave': 'off',
    ...(restricted ? RESTRICTED_MODE_SETTINGS : {}),
    // Only "web": the browser workbench then runs Cadence in its web worker
    // host. (With "ui" it would still pick the server's Node host for an
    // extension under development there: it prefers where the extension lives.)
    ...(web ? { 'remote.extensionKind': { [extensionId(extensionDir)]: ['web'] } } : {}),
  });
  // The suite edits and deletes files: it works on a copy, never the fixture.
  const folder = join(run.root, 'workspace', name);
  cpSync(source, folder, { recursive: true });
  // A multi-root workspace: a .code-workspace file beside the folder, listing it.
  const workspace = multiRoot ? join(run.root, 'workspace', `${name}.code-workspace`) : folder;
  if (multiRoot) writeFileSync(workspace, `${JSON.stringify({ folders: [{ path: name }], settings: {} }, null, 2)}\n`);
  // An extension under development is never disabled by workspace trust:
  // loaded through extensionDevelopmentPath, Cadence ran in restricted mode
  // even with untrustedWorkspaces.supported false. So the restricted run
  // installs Cadence the way a user has it (in the extensions folder), where
  // VS Code applies its declaration, and develops only an empty stub that
  // carries the test runner.
  const installed = restricted ? installForRestrictedRun(extensionDir, run) : undefined;
  const developmentPath = installed?.stub ?? extensionDir;
  const reportFile = join(run.root, 'report.txt');
  const consoleLog: string[] = [];

  let code: number | undefined;
  let harnessFailure: string | undefined;
  try {
    await withTimeout(
      (async () => {
        const server = await startServer(env, run, { testDriver: true, workspaceTrust: restricted });
        const browser = await launchBrowser(env, run);
        const page = await browser.newPage();
        page.on('console', (msg) => consoleLog.push(`[${msg.type()}] ${msg.text()}`));
        page.on('pageerror', (err) => consoleLog.push(`[pageerror] ${err.message}`));
        // The workbench calls this when the test run ends: 0 pass, else fail.
        let resolveExit: (code: number) => void = () => undefined;
        const exit = new Promise<number>((resolve) => {
          resolveExit = resolve;
        });
        await page.exposeFunction('codeAutomationExit', (c: number) => resolveExit(Number(c)));
        const environment: Record<string, string> = {
          CADENCE_TEST_REPORT: reportFile,
          CADENCE_TEST_EXPECTED: expectedFile,
          CADENCE_TEST_WORKSPACE_NAME: name,
        };
        if (multiRoot) environment.CADENCE_TEST_MULTI_ROOT = '1';
        if (installed) {
          environment.CADENCE_TEST_RESTRICTED = '1';
          environment.CADENCE_TEST_INSTALLED_AT = installed.extension;
        }
        if (expected.today && !web) environment.CADENCE_TODAY = expected.today;
        if (web) {
          environment.CADENCE_TEST_WEB = '1';
          environment.CADENCE_TEST_EXPECTED = checkWithCli(extensionDir, folder, join(run.root, 'expected-web.json'));
          // The web worker has no environment: test/web/index.ts reads this instead.
          writeFileSync(join(run.root, 'workspace', WEB_CONFIG), `${JSON.stringify({ report: reportFile, environment }, null, 2)}\n`);
        }
        const url = workbenchUrl(server, workspace, [
          ['extensionDevelopmentPath', remoteUri(developmentPath)],
          // VS Code runs the tests in the host of the extension whose folder
          // holds them, matching the URI with its authority: in the web run
          // that must be the server's real one (host:port, as the browser names
          // the extension's folder), or the tests go to the server's Node host
          // while Cadence runs in the web worker.
          ['extensionTestsPath', web ? `vscode-remote://${new URL(server.url).host}${testsEntry}` : remoteUri(testsEntry)],
          ['extensionEnvironment', JSON.stringify(environment)],
        ]);
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
        code = await exit;
      })(),
      timeoutMs,
      `no result from the extension host within ${timeoutMs / 1000} s ` +
        '(the suite hung, or the workbench ignored the test payload)',
    );
  } catch (err) {
    harnessFailure = err instanceof HarnessError ? err.message : String((err as Error).stack ?? err);
  } finally {
    await runCleanups();
  }

  const report = existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : '';
  if (report) process.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
  const counts = parseCounts(report);
  const ok = harnessFailure === undefined && code === 0 && counts !== undefined && counts.failed === 0 && counts.passed > 0;
  if (harnessFailure) console.error(`integration ${label}: ${harnessFailure}`);
  else if (!report) console.error(`integration ${label}: the suite wrote no report (${reportFile})`);
  else if (counts && counts.passed === 0 && counts.failed === 0) console.error(`integration ${label}: no test ran`);
  else if (code !== 0 && counts?.failed === 0) console.error(`integration ${label}: the workbench reported exit ${code}`);
  if (!ok) {
    console.error(`--- browser console (last 40 lines) ---\n${consoleLog.slice(-Number(process.env.CADENCE_TEST_CONSOLE_LINES ?? 40)).join('\n') || '(empty)'}`);
    console.error(`--- server log (last 20 lines) ---\n${tail(join(run.root, 'server.log'), 20)}`);
    console.error(`run folder kept for a look: ${run.root}`);
  } else {
    run.remove();
  }
  return {
    name: label,
    ok,
    passed: counts?.passed ?? 0,
    // A run that failed outside mocha (timeout, no report) still counts as a failure.
    failed: Math.max(counts?.failed ?? 0, ok ? 0 : 1),
    seconds: (Date.now() - started) / 1000,
  };
}

/**
 * Copies the extension into the run's extensions folder as an installed
 * extension (what the .vsix holds; building one takes ~30 s, a copy well under
 * one) and writes an empty extension to develop instead.
 */
function installForRestrictedRun(extensionDir: string, run: RunDir): { extension: string; stub: string } {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string; engines: unknown };
  const installed = join(run.extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  for (const entry of ['package.json', 'dist', 'media', 'syntaxes', 'snippets', 'docs', 'samples', 'README.md', 'LICENSE']) {
    if (existsSync(join(extensionDir, entry))) cpSync(join(extensionDir, entry), join(installed, entry), { recursive: true });
  }
  const stub = join(run.root, 'test-host');
  mkdirSync(stub, { recursive: true });
  writeFileSync(
    join(stub, 'package.json'),
    `${JSON.stringify({ name: 'cadence-test-host', publisher: 'cadence-team', version: '0.0.0', engines: manifest.engines, capabilities: { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true } }, null, 2)}\n`,
  );
  return { extension: installed, stub };
}

/** publisher.name, as VS Code identifies the extension. */
function extensionId(extensionDir: string): string {
  const m = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8')) as { publisher: string; name: string };
  return `${m.publisher}.${m.name}`;
}

/**
 * `cadence check --format json` on the folder with the real today (no
 * CADENCE_TODAY, no --today), written as an expected.json to `out`: what the
 * web run's editor must show, since the browser cannot be given a day. Also
 * lists the folder's Markdown and YAML files (`files`).
 */
function checkWithCli(extensionDir: string, folder: string, out: string): string {
  const env = { ...process.env };
  delete env.CADENCE_TODAY;
  const cli = join(extensionDir, 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'check', folder, '--format', 'json'], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // 0: no problem, 1: problems; anything else is the CLI failing.
  if (r.status !== 0 && r.status !== 1) throw new HarnessError(`cadence check on ${folder} failed (exit ${r.status}): ${r.stderr || r.error?.message}`);
  const findings = JSON.parse(r.stdout) as Array<{ file: string; line: number; severity: string; code: string }>;
  const diagnostics = findings.map(({ file, line, severity, code }) => ({ file, line, severity, code }));
  // And every Markdown and YAML file of the folder (in a fixture, each one is a Cadence file): what the index must hold.
  const files = (readdirSync(folder, { recursive: true }) as string[])
    .map((f) => f.split('\\').join('/'))
    .filter((f) => /\.(md|ya?ml)$/.test(f) && statSync(join(folder, f)).isFile())
    .sort();
  writeFileSync(out, `${JSON.stringify({ diagnostics, files }, null, 2)}\n`);
  return out;
}

/** The suite's report ends with a "N passed, N failed" line. */
function parseCounts(report: string): Counts | undefined {
  const m = /^(\d+) passed, (\d+) failed/m.exec(report);
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : undefined;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  async (err: unknown) => {
    await runCleanups();
    console.error(err instanceof HarnessError ? `integration: ${err.message}` : err);
    process.exitCode = 1;
  },
);
