// The `cadence: check` task and the `$cadence` problem matcher, in the real
// VS Code: the task is offered for the folder, runs the bundled CLI, and its
// output fills the Problems panel with exactly the fixture's expected.json —
// the same files, lines, columns, severities and codes as the live
// diagnostics. Runs on examples/broken (every severity, a YAML error, files in
// folders). The task's problems are cleared afterwards so the suites after
// this one see the live diagnostics alone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateCadence, codeOf, diffRows, describeDiff, readExpected, relativePath, waitFor, workspaceFolder, type Row, type Severity } from './helpers';

const SOURCE = 'cadence check';
const SEVERITY: Record<vscode.DiagnosticSeverity, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** The problems the task's matcher put in the Problems panel. */
function taskProblems(): { file: string; d: vscode.Diagnostic }[] {
  const out: { file: string; d: vscode.Diagnostic }[] = [];
  for (const [uri, list] of vscode.languages.getDiagnostics()) {
    const file = relativePath(uri);
    if (file === undefined) continue;
    for (const d of list) if (d.source === SOURCE) out.push({ file, d });
  }
  return out;
}

function rowsOf(problems: { file: string; d: vscode.Diagnostic }[]): Row[] {
  return problems.map(({ file, d }) => ({ file, line: d.range.start.line + 1, severity: SEVERITY[d.severity], code: codeOf(d) }));
}

async function run(task: vscode.Task): Promise<number | undefined> {
  const ended = new Promise<number | undefined>((resolve) => {
    const sub = vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution.task.name === task.name && e.execution.task.definition.type === 'cadence') {
        sub.dispose();
        resolve(e.exitCode);
      }
    });
  });
  await vscode.tasks.executeTask(task);
  return ended;
}

if (process.env.CADENCE_TEST_WORKSPACE_NAME === 'broken') {
  describe('the cadence: check task and the $cadence problem matcher', function () {
    let tasks: vscode.Task[];

    before(async function () {
      await activateCadence();
      tasks = await vscode.tasks.fetchTasks({ type: 'cadence' });
    });

    after(async function () {
      // A run that reports nothing clears the matcher's problems: every rule found here off.
      const folder = workspaceFolder();
      const off = [...new Set(readExpected().diagnostics.map((r) => r.code))].flatMap((c) => ['--rule', `${c}=off`]);
      const check = (await vscode.tasks.fetchTasks({ type: 'cadence' })).find((t) => t.name === 'check');
      assert.ok(check?.execution instanceof vscode.ProcessExecution);
      const exec = check.execution;
      const quiet = new vscode.Task(
        { type: 'cadence', command: 'check', args: off },
        folder,
        'check (quiet)',
        'cadence',
        new vscode.ProcessExecution(exec.process, [...exec.args, ...off], exec.options),
        ['$cadence'],
      );
      await run(quiet);
      await waitFor(() => taskProblems().length === 0, 20_000, () => `the task's problems stayed: ${rowsOf(taskProblems()).length}`);
    });

    it('is offered for the folder as "cadence: check" (and "check --fix"), with the $cadence matcher', function () {
      const folder = workspaceFolder();
      const names = tasks.filter((t) => t.scope && typeof t.scope === 'object' && t.scope.uri.toString() === folder.uri.toString()).map((t) => t.name);
      assert.deepEqual(names.sort(), ['check', 'check --fix']);
      const check = tasks.find((t) => t.name === 'check')!;
      assert.equal(check.source, 'cadence');
      assert.deepEqual(check.problemMatchers, ['$cadence']);
      assert.ok(check.execution instanceof vscode.ProcessExecution, 'runs the bundled CLI as a process');
      const exec = check.execution as vscode.ProcessExecution;
      assert.match(exec.args[0], /dist[\\/]cli\.js$/);
      assert.deepEqual(exec.args.slice(1), ['check', '.']);
      assert.equal(exec.options?.cwd, folder.uri.fsPath);
      const fix = tasks.find((t) => t.name === 'check --fix')!.execution as vscode.ProcessExecution;
      assert.deepEqual(fix.args.slice(1), ['check', '.', '--fix']);
    });

    it('fills the Problems panel with exactly expected.json, at the live diagnostics’ lines and columns', async function () {
      const expected = readExpected();
      const check = tasks.find((t) => t.name === 'check')!;
      const code = await run(check);
      assert.equal(code, 1, 'cadence check exits 1: the folder has errors');
      let last = '';
      await waitFor(
        () => {
          const diff = diffRows(expected.diagnostics, rowsOf(taskProblems()));
          last = describeDiff(diff);
          return diff.missing.length === 0 && diff.unexpected.length === 0;
        },
        30_000,
        () => `the task's problems differ from expected.json:\n${last}`,
      );
      // Same places as the editor's own diagnostics.
      const live = new Map<string, vscode.Diagnostic[]>();
      for (const [uri, list] of vscode.languages.getDiagnostics()) {
        const file = relativePath(uri);
        if (file !== undefined) live.set(file, list.filter((d) => d.source === 'cadence'));
      }
      for (const { file, d } of taskProblems()) {
        const twin = live.get(file)?.find((l) => codeOf(l) === codeOf(d) && l.range.start.line === d.range.start.line);
        assert.ok(twin, `${file}:${d.range.start.line + 1} ${codeOf(d)} has no live twin`);
        assert.equal(d.range.start.character, twin.range.start.character, `${file}:${d.range.start.line + 1} column`);
        assert.equal(d.message, twin.message);
        assert.equal(d.severity, twin.severity);
      }
    });
  });
}
