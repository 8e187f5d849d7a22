// The `cadence: check` task: the command line Cadence ships (dist/cli.js, the
// same core as the editor) run over a workspace folder, its text output read
// into the Problems panel by the `$cadence` problem matcher (package.json).
// A CI-style run, for people who want the whole folder's problems at once or
// a task in their build, without waiting for the live index.

import * as vscode from 'vscode';
import { today } from './config';
import type { Feature } from './feature';
import { host } from './host';

export const TASK_TYPE = 'cadence';

/** The task's definition in tasks.json: `{ "type": "cadence", "command": "check" }`. */
export interface CadenceTaskDefinition extends vscode.TaskDefinition {
  readonly type: typeof TASK_TYPE;
  readonly command: 'check';
  /** Apply the fixes that need no choice first (`--fix`). */
  readonly fix?: boolean;
  /** More arguments for `cadence check`, e.g. `["--rule", "action-overdue=off"]`. */
  readonly args?: readonly string[];
}

function isDefinition(d: vscode.TaskDefinition): d is CadenceTaskDefinition {
  return d.type === TASK_TYPE && d.command === 'check';
}

/**
 * The task for one folder. It runs the bundled CLI with the editor's own
 * runtime (`process.execPath`; ELECTRON_RUN_AS_NODE makes the desktop's
 * Electron act as Node, plain Node ignores it) in the folder, so it needs
 * nothing installed; "today" is the editor's, so both judge the same day.
 */
export function checkTask(extensionUri: vscode.Uri, folder: vscode.WorkspaceFolder, definition: CadenceTaskDefinition, runtime: string): vscode.Task {
  const cli = vscode.Uri.joinPath(extensionUri, 'dist', 'cli.js').fsPath;
  const args = [cli, 'check', '.', ...(definition.fix ? ['--fix'] : []), ...(definition.args ?? [])];
  const execution = new vscode.ProcessExecution(runtime, args, {
    cwd: folder.uri.fsPath,
    env: { ELECTRON_RUN_AS_NODE: '1', CADENCE_TODAY: today() },
  });
  const name = definition.fix ? 'check --fix' : 'check';
  const task = new vscode.Task(definition, folder, name, TASK_TYPE, execution, ['$cadence']);
  task.detail = definition.fix
    ? vscode.l10n.t('Apply the fixes that need no choice, then list what is left in the Problems panel')
    : vscode.l10n.t('List every problem of the folder in the Problems panel (cadence check)');
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}

/** Folders a process can run in: on disk (a virtual folder has no path to run in). */
function diskFolders(): readonly vscode.WorkspaceFolder[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
}

/** What the task says where it cannot run: in the browser (vscode.dev, github.dev) there is no process to start. */
export const NO_PROCESS_MESSAGE =
  'cadence check cannot run here: this editor runs in the browser (vscode.dev, github.dev), where an extension cannot start a process. ' +
  'The Problems panel already lists what Cadence finds in the files you open and in the whole folder. ' +
  'To run the check itself, open the folder in a desktop VS Code or a Codespace.';

/**
 * The browser build's stand-in for a tasks.json `cadence` task: it prints
 * why it cannot run and ends with exit code 1, instead of VS Code's bare
 * "no task provider" error.
 */
function unavailableTask(definition: vscode.TaskDefinition, scope: vscode.WorkspaceFolder | vscode.TaskScope, name: string, matchers: string[]): vscode.Task {
  const execution = new vscode.CustomExecution(async () => {
    const write = new vscode.EventEmitter<string>();
    const close = new vscode.EventEmitter<number>();
    return {
      onDidWrite: write.event,
      onDidClose: close.event,
      open: () => {
        write.fire(`${NO_PROCESS_MESSAGE}\r\n`);
        close.fire(1);
      },
      close: () => undefined,
    };
  });
  return new vscode.Task(definition, scope, name, TASK_TYPE, execution, matchers);
}

export const tasksFeature: Feature = {
  activate(context) {
    const runtime = host.nodeRuntime;
    if (runtime === undefined) {
      // The browser: no tasks are offered; one written in tasks.json says why it cannot run.
      context.subscriptions.push(
        vscode.tasks.registerTaskProvider(TASK_TYPE, {
          provideTasks: () => [],
          resolveTask: (task) => unavailableTask(task.definition, task.scope ?? vscode.TaskScope.Workspace, task.name, task.problemMatchers),
        }),
      );
      return;
    }
    context.subscriptions.push(
      vscode.tasks.registerTaskProvider(TASK_TYPE, {
        provideTasks: () =>
          diskFolders().flatMap((f) => [
            checkTask(context.extensionUri, f, { type: TASK_TYPE, command: 'check' }, runtime),
            checkTask(context.extensionUri, f, { type: TASK_TYPE, command: 'check', fix: true }, runtime),
          ]),
        resolveTask(task) {
          const def = task.definition;
          const folder = typeof task.scope === 'object' ? task.scope : undefined;
          if (!isDefinition(def) || !folder || folder.uri.scheme !== 'file') return undefined;
          const resolved = checkTask(context.extensionUri, folder, def, runtime);
          // VS Code requires the definition the task came with, unchanged.
          return new vscode.Task(def, folder, task.name, TASK_TYPE, resolved.execution, task.problemMatchers.length ? task.problemMatchers : ['$cadence']);
        },
      }),
    );
  },
};
