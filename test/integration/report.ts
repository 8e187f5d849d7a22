// The suite's plain-text report, spec-like, ending with "N passed, N failed"
// (the runner parses that line). Shared by the Node host's entry (index.ts,
// which writes it with node:fs) and the web worker host's (test/web/index.ts,
// which writes it through vscode.workspace.fs): no node:* import here.
import type MochaNs from 'mocha';

/** A mocha reporter class that hands the whole report to `write` when the run ends. */
export function plainReporter(M: typeof MochaNs, write: (text: string) => void): typeof MochaNs.reporters.Base {
  const { EVENT_RUN_END, EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING } = M.Runner.constants;
  return class PlainReport extends M.reporters.Base {
    constructor(runner: MochaNs.Runner, options?: MochaNs.MochaOptions) {
      super(runner, options);
      const lines: string[] = [];
      const failures: string[] = [];
      let depth = 0;
      let passed = 0;
      let failed = 0;
      const indent = () => '  '.repeat(depth);
      runner.on(EVENT_SUITE_BEGIN, (suite: MochaNs.Suite) => {
        if (suite.title) lines.push(`${indent()}${suite.title}`);
        depth++;
      });
      runner.on(EVENT_SUITE_END, () => {
        depth--;
      });
      runner.on(EVENT_TEST_PASS, (test: MochaNs.Test) => {
        passed++;
        lines.push(`${indent()}✓ ${test.title} (${test.duration ?? 0} ms)`);
      });
      runner.on(EVENT_TEST_PENDING, (test: MochaNs.Test) => {
        lines.push(`${indent()}- ${test.title} (pending)`);
      });
      runner.on(EVENT_TEST_FAIL, (test: MochaNs.Test, err: Error) => {
        failed++;
        lines.push(`${indent()}✗ ${test.title}`);
        failures.push(`${failures.length + 1}) ${test.fullTitle()}\n${indentBlock(err.stack ?? String(err))}`);
      });
      runner.once(EVENT_RUN_END, () => {
        if (failures.length > 0) lines.push(`\n${failures.join('\n\n')}`);
        lines.push(`\n${passed} passed, ${failed} failed`);
        write(lines.join('\n'));
      });
    }
  };
}

function indentBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => `     ${line}`)
    .join('\n');
}
