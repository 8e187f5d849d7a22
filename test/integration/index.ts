// Entry point that VS Code's extension host calls (`extensionTestsPath`): runs
// every *.test.js beside this file with mocha, inside the host, with the real
// `vscode` API. Mocha's own output goes to the browser console under
// code-server, so the results are also written as plain text to the file named
// by CADENCE_TEST_REPORT (set through the payload's extensionEnvironment),
// which the launcher prints. The report ends with "N passed, N failed".
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Mocha from 'mocha';

const { EVENT_RUN_END, EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING } =
  Mocha.Runner.constants;

/** Collects a spec-like plain-text report and writes it when the run ends. */
class PlainReport extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const lines: string[] = [];
    const failures: string[] = [];
    let depth = 0;
    let passed = 0;
    let failed = 0;
    const indent = () => '  '.repeat(depth);
    runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
      if (suite.title) lines.push(`${indent()}${suite.title}`);
      depth++;
    });
    runner.on(EVENT_SUITE_END, () => {
      depth--;
    });
    runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
      passed++;
      lines.push(`${indent()}✓ ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
      lines.push(`${indent()}- ${test.title} (pending)`);
    });
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, err: Error) => {
      failed++;
      lines.push(`${indent()}✗ ${test.title}`);
      failures.push(`${failures.length + 1}) ${test.fullTitle()}\n${indentBlock(err.stack ?? String(err))}`);
    });
    runner.once(EVENT_RUN_END, () => {
      if (failures.length > 0) lines.push(`\n${failures.join('\n\n')}`);
      lines.push(`\n${passed} passed, ${failed} failed`);
      writeReport(lines.join('\n'));
    });
  }
}

function indentBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => `     ${line}`)
    .join('\n');
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    // Each test polls with its own, shorter timeouts; this only stops a hang.
    timeout: 90_000,
    reporter: PlainReport,
  });
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js beside ${__filename}`));
  for (const f of files) mocha.addFile(join(__dirname, f));

  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (err) {
      // A test file that fails to load never reaches the reporter: report it here.
      writeReport(`could not load the suite: ${(err as Error).stack ?? String(err)}\n\n0 passed, 1 failed`);
      reject(err as Error);
    }
  });
}

function writeReport(text: string): void {
  const file = process.env.CADENCE_TEST_REPORT;
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
}
