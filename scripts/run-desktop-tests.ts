// Runs the same integration suite as scripts/run-integration.ts, but in the
// desktop VS Code that @vscode/test-electron downloads (into .vscode-test/).
// For a developer laptop that can reach Microsoft's update server; it cannot
// run on the offline test machines or in CI, which use code-server instead.
//
//   npm run test:desktop                 # every test/fixtures/examples/*/
//   npm run test:desktop -- WORKSPACE…   # chosen example folders
//   VSCODE_VERSION=1.95.0 npm run test:desktop
//
// Needs `npm run build` (dist/extension.js) and scripts/build-tests.mjs
// (out/test/integration); the npm script runs both first. On a headless Linux
// box run it under xvfb-run.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const repo = resolve(__dirname, '..');

function defaultWorkspaces(): string[] {
  const root = join(repo, 'test', 'fixtures', 'examples');
  return readdirSync(root)
    .sort()
    .map((name) => join(root, name))
    .filter((dir) => statSync(dir).isDirectory() && existsSync(join(dir, 'expected.json')));
}

async function runWorkspace(vscodeExecutablePath: string, source: string): Promise<{ name: string; ok: boolean; report: string }> {
  const name = basename(source);
  const run = mkdtempSync(join(tmpdir(), `cadence-desktop-${name}-`));
  // The suite edits and deletes files: it works on a copy, never the fixture.
  const workspace = join(run, 'workspace', name);
  cpSync(source, workspace, { recursive: true });
  const reportFile = join(run, 'report.txt');
  const expected = JSON.parse(readFileSync(join(source, 'expected.json'), 'utf8')) as { today?: string };
  console.log(`\n--- desktop integration: ${name} ---`);
  let ok = false;
  try {
    const code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repo,
      extensionTestsPath: join(repo, 'out', 'test', 'integration', 'index.js'),
      extensionTestsEnv: {
        CADENCE_TEST_REPORT: reportFile,
        CADENCE_TEST_EXPECTED: join(workspace, 'expected.json'),
        CADENCE_TEST_WORKSPACE_NAME: name,
        ...(expected.today ? { CADENCE_TODAY: expected.today } : {}),
      },
      // A fresh profile, no other extensions, no trust prompt: the same
      // conditions as the code-server run.
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        join(run, 'data'),
      ],
    });
    ok = code === 0;
  } catch (err) {
    console.error(`desktop integration ${name}: ${(err as Error).message}`);
  }
  const report = existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : '';
  if (ok) rmSync(run, { recursive: true, force: true });
  else console.error(`run folder kept for a look: ${run}`);
  return { name, ok, report };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const workspaces = args.length > 0 ? args.map((a) => resolve(a)) : defaultWorkspaces();
  // Once, up front: without Microsoft's update server there is nothing to run.
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode(process.env.VSCODE_VERSION ?? 'stable');
  } catch (err) {
    console.error(`desktop integration: cannot get VS Code (${(err as Error).message}); use "npm run test:integration" (code-server) here`);
    return 1;
  }
  let passed = 0;
  let failed = 0;
  let ok = true;
  for (const workspace of workspaces) {
    const result = await runWorkspace(vscodeExecutablePath, workspace);
    process.stdout.write(result.report);
    const m = /^(\d+) passed, (\d+) failed/m.exec(result.report);
    passed += m ? Number(m[1]) : 0;
    failed += m ? Number(m[2]) : result.ok ? 0 : 1;
    ok &&= result.ok;
  }
  console.log(`desktop integration: ${passed} passed, ${failed} failed`);
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
