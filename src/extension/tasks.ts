// The `cadence: check` task: the command line Cadence ships (dist/cli.js, the
// same core as the editor) run over a workspace folder, its text output read
// into the Problems panel by the `$cadence` problem matcher (package.json).
// A CI-style run, for people who want the whole folder's problems at once or
// a task in their build, without waiting for the live index.

import * as vscode from 'vscode';
import { today } from './config';
import type { Feature } from './feature';

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
export function checkTask(extensionUri: vscode.Uri, folder: vscode.WorkspaceFolder, definition: CadenceTaskDefinition): vscode.Task {
  const cli = vscode.Uri.joinPath(extensionUri, 'dist', 'cli.js').fsPath;
  const args = [cli, 'check', '.', ...(definition.fix ? ['--fix'] : []), ...(definition.args ?? [])];
  const execution = new vscode.ProcessExecution(process.execPath, args, {
    cwd: folder.uri.fsPath,
    env: { ELECTRON_RUN_AS_NODE: '1', CADENCE_TODAY: today() },
  });
  const name = definition.fix ? 'check --fix' : 'check';
  const task = new vscode.Task(definition, folder, name, TASK_TYPE, execution, ['$cadence']);
  task.detail = definition.fix
    ? 'Apply the fixes that need no choice, then list what is left in the Problems panel'
    : 'List every problem of the folder in the Problems panel (cadence check)';
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}

/** Folders a process can run in: on disk (a virtual folder has no path to run in). */
function diskFolders(): readonly vscode.WorkspaceFolder[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
}

export const tasksFeature: Feature = {
  activate(context) {
    context.subscriptions.push(
      vscode.tasks.registerTaskProvider(TASK_TYPE, {
        provideTasks: () =>
          diskFolders().flatMap((f) => [
            checkTask(context.extensionUri, f, { type: TASK_TYPE, command: 'check' }),
            checkTask(context.extensionUri, f, { type: TASK_TYPE, command: 'check', fix: true }),
          ]),
        resolveTask(task) {
          const def = task.definition;
          const folder = typeof task.scope === 'object' ? task.scope : undefined;
          if (!isDefinition(def) || !folder || folder.uri.scheme !== 'file') return undefined;
          const resolved = checkTask(context.extensionUri, folder, def);
          // VS Code requires the definition the task came with, unchanged.
          return new vscode.Task(def, folder, task.name, TASK_TYPE, resolved.execution, task.problemMatchers.length ? task.problemMatchers : ['$cadence']);
        },
      }),
    );
  },
};
