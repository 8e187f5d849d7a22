// Running logs, talking points and relationships (SPEC §11-§13, issue 17)
// inside a real VS Code, on examples/logs (today 2026-11-30): CodeLens on
// each meeting heading, folding and the outline on the log's meetings, the
// Reports tree grouped by relationship with pending talking points, Add
// Talking Point… (from the palette with arguments, from a Reports-tree item,
// and from a selection in the editor), and talking-point-open's quick fixes:
// check it off (one range, one undo) and move it to the inbox (one edit over
// the note and the person file). Every expected line was worked out by hand
// from test/fixtures/examples/logs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CadenceApi } from '../../src/extension/feature';
import type { Node } from '../../src/extension/views/nodes';
import { activateCadence, codeOf, readExpected, revertAll, undoTo, waitFor, waitForDiagnostics, workspaceFolder } from './helpers';

const LOG = '1on1s/alex/alex.md';
const ALEX = 'people/alex.md';
const DANA = 'people/dana.md';

function uri(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...rel.split('/'));
}

async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

async function doc(rel: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(uri(rel));
}


/** One undo in `rel`'s editor must give back `before`. */
async function oneUndo(rel: string, before: string): Promise<void> {
  const editor = await open(rel);
  await vscode.commands.executeCommand('undo');
  await waitFor(() => editor.document.getText() === before, 5_000, () => `one undo did not restore ${rel}:\n${editor.document.getText()}`);
}


function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** Calls `get` until `ok` holds of its result, or fails with what it last returned. */
async function poll<T>(get: () => Thenable<T> | T, ok: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(v, (_k, x: unknown) => (x instanceof vscode.Uri ? x.toString() : x))}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function diagnosticsOf(rel: string, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri(rel)).filter((d) => d.source === 'cadence' && codeOf(d) === code);
}

if (process.env.CADENCE_TEST_WORKSPACE_NAME === 'logs') {
  describe('logs and talking points in the editor (examples/logs)', function () {
    let api: CadenceApi;

    before(async function () {
      assert.equal(process.env.CADENCE_TODAY, '2026-11-30');
      api = (await activateCadence()) as unknown as CadenceApi;
      await waitForDiagnostics(readExpected().diagnostics, 'after the first index');
    });

    afterEach(async function () {
      await revertAll();
      await waitForDiagnostics(readExpected().diagnostics, 'the files as on disk again');
    });

    it('CodeLens on each meeting heading: its open action items and open talking points', async function () {
      const editor = await open(LOG);
      const lenses = await poll(
        () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10),
        (l) => l.length === 3,
        'the log\'s lenses',
      );
      // 2026-11-26 (line 7): "Draft the rotation proposal" open, "Promotion timeline" open.
      // 2026-11-19 (line 17): "Share the staffing plan" open, no talking points.
      // 2026-02-30 is not a date: no meeting. 2026-12-03 (line 27): one talking point.
      assert.deepEqual(
        lenses.map((l) => [l.range.start.line, l.command?.title]),
        [
          [6, '1 open · 1 talking point'],
          [16, '1 open · 0 talking points'],
          [26, '0 open · 1 talking point'],
        ],
      );
    });

    it('snippets: "meeting" writes a log meeting Cadence reads as one, "talking-points" a section it reads as talking points', async function () {
      const editor = await open(LOG);
      const before = editor.document.getText();
      const snippet = async (prefix: string, line: number): Promise<vscode.SnippetString> => {
        await editor.edit((b) => b.insert(new vscode.Position(line, 0), `${prefix}\n`));
        const list = await poll(
          () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(line, prefix.length)),
          (l) => l.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === prefix && i.kind === vscode.CompletionItemKind.Snippet),
          `the "${prefix}" snippet offered`,
        );
        const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === prefix && i.kind === vscode.CompletionItemKind.Snippet)!;
        assert.ok(item.insertText instanceof vscode.SnippetString, 'a snippet body');
        return item.insertText;
      };
      // Newest first: a meeting goes before the first one (line 7).
      const meeting = await snippet('meeting', 6);
      assert.ok(await editor.insertSnippet(meeting, new vscode.Range(6, 0, 6, 'meeting'.length)));
      await vscode.commands.executeCommand('leaveSnippet');
      assert.match(editor.document.lineAt(6).text, /^## \d{4}-\d{2}-\d{2}$/);
      const lenses = await poll(
        () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10),
        (l) => l.length === 4 && l[0].range.start.line === 6,
        'a fourth meeting, on the inserted heading',
      );
      // Its one action item is open and its one talking point is too.
      assert.equal(lenses[0].command?.title, '1 open · 1 talking point');
      await undoTo(editor, before);
      // A Talking points section at the end of Alex's person file: the inbox gains a point.
      const person = await open(ALEX);
      const personBefore = person.document.getText();
      const end = person.document.lineCount - 1;
      const section = await (async () => {
        await person.edit((b) => b.insert(new vscode.Position(end, 0), '\ntalking-points\n'));
        const list = await poll(
          () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', person.document.uri, new vscode.Position(end + 1, 'talking-points'.length)),
          (l) => l.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'talking-points' && i.kind === vscode.CompletionItemKind.Snippet),
          'the "talking-points" snippet offered',
        );
        return list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'talking-points' && i.kind === vscode.CompletionItemKind.Snippet)!.insertText as vscode.SnippetString;
      })();
      assert.ok(await person.insertSnippet(section, new vscode.Range(end + 1, 0, end + 1, 'talking-points'.length)));
      await vscode.commands.executeCommand('leaveSnippet');
      assert.deepEqual([person.document.lineAt(end + 1).text, person.document.lineAt(end + 2).text], ['## Talking points', '- [ ] a point to raise']);
      await undoTo(person, personBefore);
    });

    it('folding and the outline follow the meetings', async function () {
      const d = await doc(LOG);
      await open(LOG);
      const folds = await poll(
        () => vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', d.uri),
        (f) => Array.isArray(f) && [6, 16, 26].every((l) => f.some((r) => r.start === l)),
        'folding ranges at the meeting headings',
        30_000,
      );
      // Each meeting folds up to its last line before the next level-2 heading.
      const first = folds.find((r) => r.start === 6)!;
      assert.ok(first.end >= 14 && first.end < 16, `the 2026-11-26 meeting folds to line ${first.end + 1}`);
      const second = folds.find((r) => r.start === 16)!;
      assert.ok(second.end >= 18 && second.end < 20, `the 2026-11-19 meeting folds to line ${second.end + 1}`);
      const symbols = await poll(
        () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', d.uri),
        (s) => Array.isArray(s) && s.length > 0,
        'the outline',
        30_000,
      );
      const name = (s: vscode.DocumentSymbol) => s.name.replace(/^#+\s*/, '');
      assert.deepEqual(symbols.map(name), ['Alex — 1:1s']);
      assert.deepEqual(symbols[0].children.map(name), ['2026-11-26 (weekly)', '2026-11-19', '2026-02-30', 'Parking lot', '2026-12-03']);
      assert.deepEqual(symbols[0].children[0].children.map(name), ['Talking points', 'Action items']);
      assert.equal(symbols[0].children[0].range.start.line, 6);
    });

    it('the Reports tree groups people by relationship and shows pending talking points', function () {
      const views = api.views;
      assert.ok(views, 'activate() publishes api.views');
      const tree = views.reports;
      const roots = tree.getChildren(undefined);
      // alex (report), kit (relationship: contractor → out-of-range, read as report),
      // dana (manager); me last.
      assert.deepEqual(roots.map((n) => label(tree.getTreeItem(n))), ['Reports', 'Manager', 'Robin Example']);
      const reports = tree.getChildren(roots[0]).map((n) => tree.getTreeItem(n));
      assert.deepEqual(reports.map(label), ['Alex Example', 'Kit Example']);
      assert.equal(tree.getTreeItem(roots[0]).description, '2');
      assert.deepEqual(tree.getChildren(roots[1]).map((n) => label(tree.getTreeItem(n))), ['Dana Example']);
      // Pending for Alex: the inbox's open point and the 2026-12-03 meeting's = 2.
      assert.match(String(reports[0].description), /· 2 talking points ·/);
      const groups = tree.getChildren(tree.getChildren(roots[0])[0]).map((n) => tree.getTreeItem(n));
      const pending = groups.find((g) => label(g) === 'Pending talking points');
      assert.ok(pending, groups.map(label).join(' | '));
      assert.equal(pending.description, '2');
    });

    it('Add Talking Point… puts the point last in the next 1:1\'s Talking points (a log meeting ahead); one undo', async function () {
      const before = (await doc(LOG)).getText();
      const path = await vscode.commands.executeCommand<string>('cadence.addTalkingPoint', 'alex', 'Budget for the offsite');
      assert.equal(path, LOG);
      const d = await doc(LOG);
      // The 2026-12-03 meeting's Talking points end at line 29.
      assert.equal(d.lineAt(29).text, '- [ ] Budget for the offsite');
      assert.equal(d.getText(), before.replace('- [ ] Raised by Alex: pairing rotation @alex\n', '- [ ] Raised by Alex: pairing rotation @alex\n- [ ] Budget for the offsite\n'));
      await oneUndo(LOG, before);
    });

    it('…from a Reports-tree item: with no 1:1 ahead, into the person file\'s inbox, created at the end; one undo', async function () {
      const tree = api.views!.reports;
      const manager = tree.getChildren(undefined)[1];
      const dana = tree.getChildren(manager)[0] as Node & { personId?: string };
      assert.equal(dana.personId, 'dana');
      const before = (await doc(DANA)).getText();
      const path = await vscode.commands.executeCommand<string>('cadence.addTalkingPoint', dana, 'Ask about the reorg');
      assert.equal(path, DANA);
      assert.equal((await doc(DANA)).getText(), `${before}\n## Talking points\n- [ ] Ask about the reorg\n`);
      await oneUndo(DANA, before);
    });

    it('…from a selection in the editor: the text starts as the selection', async function () {
      const editor = await open(LOG);
      const before = editor.document.getText();
      // Line 13: "- [ ] Promotion timeline".
      editor.selection = new vscode.Selection(12, 6, 12, 24);
      assert.equal(editor.document.getText(editor.selection), 'Promotion timeline');
      const running = vscode.commands.executeCommand<string>('cadence.addTalkingPoint', 'alex');
      // The input box opens with the selection; accept it as it is.
      await new Promise((r) => setTimeout(r, 1000));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      assert.equal(await running, LOG);
      assert.equal(editor.document.lineAt(29).text, '- [ ] Promotion timeline');
      await oneUndo(LOG, before);
    });

    it('talking-point-open: "Check it off" marks its box (one range, one undo)', async function () {
      const editor = await open(LOG);
      const before = editor.document.getText();
      const d = await poll(() => diagnosticsOf(LOG, 'talking-point-open'), (x) => x.length === 1, 'talking-point-open on line 13');
      assert.equal(d[0].range.start.line, 12);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, d[0].range, vscode.CodeActionKind.QuickFix.value, 10);
      assert.deepEqual(actions.map((a) => a.title).sort(), ['Check it off (discussed)', 'Move it to the inbox (for the next 1:1)']);
      const check = actions.find((a) => a.title === 'Check it off (discussed)')!;
      const entries = check.edit!.entries();
      assert.equal(entries.length, 1);
      assert.equal(entries[0][1].length, 1);
      assert.ok(entries[0][1][0].range.isEqual(new vscode.Range(12, 3, 12, 4)), JSON.stringify(entries[0][1][0].range));
      assert.ok(await vscode.workspace.applyEdit(check.edit!));
      assert.equal(editor.document.lineAt(12).text, '- [x] Promotion timeline');
      await poll(() => diagnosticsOf(LOG, 'talking-point-open'), (x) => x.length === 0, 'talking-point-open gone');
      await oneUndo(LOG, before);
    });

    it('talking-point-open: "Move it to the inbox" is one edit over the note and the person file', async function () {
      const editor = await open(LOG);
      const note = editor.document.getText();
      const inbox = (await doc(ALEX)).getText();
      const d = await poll(() => diagnosticsOf(LOG, 'talking-point-open'), (x) => x.length === 1, 'talking-point-open on line 13');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, d[0].range, vscode.CodeActionKind.QuickFix.value, 10);
      const move = actions.find((a) => a.title === 'Move it to the inbox (for the next 1:1)');
      assert.ok(move?.edit, `resolved with its edit: ${actions.map((a) => a.title).join(' | ')}`);
      const entries = new Map(move.edit.entries().map(([u, e]) => [u.toString(), e]));
      assert.equal(entries.size, 2, 'two files');
      // The note loses line 13; the inbox gains it after its last item (people/alex.md line 9).
      const noteEdits = entries.get(uri(LOG).toString())!;
      assert.equal(noteEdits.length, 1);
      assert.ok(noteEdits[0].range.isEqual(new vscode.Range(12, 0, 13, 0)));
      const inboxEdits = entries.get(uri(ALEX).toString())!;
      assert.equal(inboxEdits.length, 1);
      assert.equal(inboxEdits[0].newText, '\n- [ ] Promotion timeline');
      assert.ok(await vscode.workspace.applyEdit(move.edit));
      assert.equal(editor.document.getText(), note.replace('- [ ] Promotion timeline\n', ''));
      assert.equal((await doc(ALEX)).getText(), inbox.replace('- [x] Already raised last time', '- [x] Already raised last time\n- [ ] Promotion timeline'));
      await poll(() => diagnosticsOf(LOG, 'talking-point-open'), (x) => x.length === 0, 'talking-point-open gone');
      // One undo in the note takes back both files.
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      await waitFor(() => editor.document.getText() === note, 5_000, () => 'one undo did not restore the note');
      assert.equal((await doc(ALEX)).getText(), inbox, 'the same undo restored the person file');
    });
  });
}
