// Cadence's diagnostics as VS Code shows them, against the fixture's
// expected.json: the exact set after the first index, their shape (source and
// code link), a live edit that adds a warning and an undo that clears it, and
// a deleted file whose diagnostics go. The workspace is a throw-away copy.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateCadence,
  readExpected,
  relativePath,
  waitFor,
  waitForDiagnostics,
  workspaceDiagnostics,
  workspaceFolder,
  type Expected,
  type Row,
} from './helpers';

const name = process.env.CADENCE_TEST_WORKSPACE_NAME ?? 'workspace';
/** The folder with no Cadence file (welcome.test.ts): nothing here to edit or delete. */
const emptyFolder = name === 'empty-folder';

const OPEN_TASK = /^\s*(?:[-*+]|\d+[.)])\s+\[ \]\s/;
/** A due date in the todo.txt, Tasks or Dataview spelling (SPEC §4, §10); the date is the first group that matched. */
const DUE_TOKEN = /\s(?:due:(\d{4}-\d{2}-\d{2})(?=\s|$)|📅 ?(\d{4}-\d{2}-\d{2})|\[due:: ?(\d{4}-\d{2}-\d{2})\]|\(due:: ?(\d{4}-\d{2}-\d{2})\))/u;
const dueOf = (m: RegExpExecArray): string => m[1] ?? m[2] ?? m[3] ?? m[4];
const OKR_FILE = /(?:\.okr\.ya?ml$|^okrs\/.*\.ya?ml$)/;

describe(`diagnostics: ${name}`, function () {
  let expected: Expected;

  before(async function () {
    expected = readExpected();
    if (expected.today) {
      assert.equal(process.env.CADENCE_TODAY, expected.today, 'CADENCE_TODAY must be the date expected.json was written for');
    }
    await activateCadence();
  });

  it('reports exactly the diagnostics in expected.json', async function () {
    await waitForDiagnostics(expected.diagnostics, 'after the first index');
  });

  it('marks each diagnostic with source "cadence" and a code linking to its rule', function () {
    const all = workspaceDiagnostics();
    assert.ok(all.length > 0 || expected.diagnostics.length === 0, 'no diagnostics at all');
    for (const { file, diagnostic: d } of all) {
      const where = `${file}:${d.range.start.line + 1}`;
      assert.equal(d.source, 'cadence', `${where}: source`);
      assert.ok(typeof d.code === 'object' && d.code !== null, `${where}: code should be { value, target }, got ${JSON.stringify(d.code)}`);
      assert.equal(typeof d.code.value, 'string', `${where}: code.value`);
      assert.ok(d.code.target instanceof vscode.Uri, `${where}: code.target should be a Uri`);
      assert.ok(d.message.trim().length > 0, `${where}: empty message`);
    }
  });

  it('warns action-missing-due while an unsaved edit removes a due date, and clears it on undo', async function () {
    if (emptyFolder) this.skip();
    const target = await findDatedOpenTask(expected);
    assert.ok(target, 'this fixture has no open action item with a future due: date on a line without diagnostics');
    const doc = await vscode.workspace.openTextDocument(target.uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    const original = doc.getText();

    try {
      const line = doc.lineAt(target.line - 1);
      const match = DUE_TOKEN.exec(line.text)!;
      const edit = new vscode.WorkspaceEdit();
      edit.delete(doc.uri, new vscode.Range(target.line - 1, match.index, target.line - 1, match.index + match[0].length));
      assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit refused the edit');
      assert.ok(doc.isDirty, 'the edit should leave the document unsaved');

      const added: Row = { file: target.file, line: target.line, severity: 'warning', code: 'action-missing-due' };
      await waitForDiagnostics([...expected.diagnostics, added], `after removing "${match[0].trim()}" from ${target.file}:${target.line}`);
      // The warning must come from the editor's buffer, not from a save.
      assert.ok(doc.isDirty, 'the document was saved meanwhile (files.autoSave must be off for this test)');

      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('undo');
      await waitFor(() => doc.getText() === original, 5_000, () => 'undo did not restore the document');
      await waitForDiagnostics(expected.diagnostics, 'after undo');
    } finally {
      // Whatever failed above, leave the file as it is on disk so that the
      // next test starts from expected.json and does not fail in turn.
      if (doc.isDirty) {
        await vscode.window.showTextDocument(doc, { preview: false });
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('says on a file that is too large to read that it was skipped (info), and takes it back when the file shrinks', async function () {
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, 'people', 'zz-oversized.md');
    const limitKB = vscode.workspace.getConfiguration('cadence', workspaceFolder()).get<number>('maxFileSizeKB', 2048);
    const big = '---\ntype: person\nname: Oversized\n---\n' + 'A line of notes that goes on and on.\n'.repeat(Math.ceil((limitKB * 1024 + 1) / 36));
    const notices = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'cadence');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(big));
    try {
      await waitFor(() => notices().length === 1, 20_000, () => `no skip notice on the ${Math.round(big.length / 1024)} KB file: ${JSON.stringify(notices())}`);
      const [d] = notices();
      assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
      assert.equal(d.code, 'skipped');
      assert.match(d.message, new RegExp(`skipped this file: \\d+ KB is over cadence\\.maxFileSizeKB \\(${limitKB}\\)`));
      assert.equal(d.range.start.line, 0);
      // Nothing else moved: the file is not read, so nobody gained a person.
      await waitForDiagnostics([...expected.diagnostics, { file: 'people/zz-oversized.md', line: 1, severity: 'info', code: 'skipped' }], 'with the oversized file');
      // Small enough again: read as a person file; the notice goes.
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\ntype: person\nname: Oversized\ncadence: weekly\n---\n# Oversized\n'));
      await waitFor(() => !notices().some((n) => n.code === 'skipped'), 20_000, () => `the skip notice stayed: ${JSON.stringify(notices())}`);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitForDiagnostics(expected.diagnostics, 'after deleting the oversized file');
  });

  it("drops a deleted file's diagnostics", async function () {
    if (emptyFolder) this.skip();
    const files = [...new Set(expected.diagnostics.map((d) => d.file))].sort();
    assert.ok(files.length > 0, 'this fixture expects no diagnostics, so there is none to see go');
    // An OKR set feeds no other file's rules, so everything else must stay
    // exactly as it was; deleting a person or a 1:1 could change other files.
    const okrFile = files.find((f) => OKR_FILE.test(f));
    const file = okrFile ?? files[0];
    const uri = vscode.Uri.joinPath(workspaceFolder().uri, file);

    const bytes = await vscode.workspace.fs.readFile(uri);
    await vscode.workspace.fs.delete(uri);

    if (okrFile) {
      await waitForDiagnostics(expected.diagnostics.filter((d) => d.file !== file), `after deleting ${file}`);
    } else {
      await waitFor(
        () => vscode.languages.getDiagnostics(uri).length === 0,
        20_000,
        () => `${file} was deleted but still has ${vscode.languages.getDiagnostics(uri).length} diagnostic(s)`,
      );
    }
    // Put it back: later suites share this workspace, and a re-created file's diagnostics return.
    await vscode.workspace.fs.writeFile(uri, bytes);
    await waitForDiagnostics(expected.diagnostics, `after re-creating ${file}`);
  });
});

interface TaskLine {
  uri: vscode.Uri;
  file: string;
  /** 1-based */
  line: number;
}

/**
 * The first open task (in path order) with a due: date not before today, on
 * a line where nothing is expected: removing its date must add exactly one
 * action-missing-due and nothing else.
 */
async function findDatedOpenTask(expected: Expected): Promise<TaskLine | undefined> {
  const today = process.env.CADENCE_TODAY ?? new Date().toISOString().slice(0, 10);
  const busy = new Set(expected.diagnostics.map((d) => `${d.file}:${d.line}`));
  const uris = await vscode.workspace.findFiles('**/*.md', '**/node_modules/**');
  const files = uris
    .map((uri) => ({ uri, file: relativePath(uri)! }))
    .filter((f) => f.file !== undefined)
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const { uri, file } of files) {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    let inFence = false;
    const lines = text.split(/\r?\n/);
    // A file in git conflict is judged for its conflict blocks only (SPEC §10): an edit there warns of nothing.
    if (lines.some((l) => l.startsWith('<<<<<<<'))) continue;
    for (let i = 0; i < lines.length; i++) {
      const lineText = lines[i];
      if (/^\s*(```|~~~)/.test(lineText)) inFence = !inFence;
      if (inFence || !OPEN_TASK.test(lineText)) continue;
      const due = DUE_TOKEN.exec(lineText);
      if (due && dueOf(due) >= today && !busy.has(`${file}:${i + 1}`)) return { uri, file, line: i + 1 };
    }
  }
  return undefined;
}
