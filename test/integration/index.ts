// Entry point that VS Code's extension host calls (`extensionTestsPath`): runs
// every *.test.js beside this file with mocha, inside the host, with the real
// `vscode` API. Mocha's own output goes to the browser console under
// code-server, so the results are also written as plain text to the file named
// by CADENCE_TEST_REPORT (set through the payload's extensionEnvironment),
// which the launcher prints. The report ends with "N passed, N failed".
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Mocha from 'mocha';
import { plainReporter } from './report';

const PlainReport = plainReporter(Mocha, writeReport);

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
