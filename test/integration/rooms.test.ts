// The two rooms (SPEC §15, §19; issue 19) inside a real VS Code.
//
// On examples/rooms (today 2026-11-30): a leak appears and disappears as a
// private note is edited (unsaved edits, the editor's own buffer); the
// diagnostic names the private file and line in its message and related
// information and quotes none of it; the quick fixes — open the private
// source, keep the passage in a private block (a shared 1:1), remove it —
// each edit one range in one undo step; private blocks of a shared 1:1 are
// dimmed with a label, masked in screen-share mode, and left out of the
// Markdown preview's rendering.
//
// On examples/okr-meeting (today 2026-11-30): review-decision-missing's four
// decisions, each one insertion under the heading in one undo step; the
// pre-read Cadence writes satisfies both of the public room's rules.
//
// Every expected line and range was worked out by hand from the fixtures.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CadenceApi } from '../../src/extension/feature';
import { activateCadence, codeOf, revertAll, undoTo, waitFor, workspaceFolder } from './helpers';

const name = process.env.CADENCE_TEST_WORKSPACE_NAME;

function uri(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...rel.split('/'));
}

async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Cadence's diagnostics with `code` on a file, by 0-based start line. */
function diagnostics(rel: string, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri(rel)).filter((d) => d.source === 'cadence' && codeOf(d) === code);
}

/** The 0-based start lines of `code` on a file, sorted. */
function linesOf(rel: string, code: string): number[] {
  return diagnostics(rel, code)
    .map((d) => d.range.start.line)
    .sort((a, b) => a - b);
}

async function waitForLines(rel: string, code: string, want: number[], what: string): Promise<void> {
  await waitFor(
    () => JSON.stringify(linesOf(rel, code)) === JSON.stringify(want),
    20_000,
    () => `${what}: ${rel} ${code} on 0-based lines ${JSON.stringify(linesOf(rel, code))}, expected ${JSON.stringify(want)}`,
  );
}

async function quickFixes(rel: string, code: string, line: number): Promise<{ diagnostic: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
  await waitFor(() => diagnostics(rel, code).some((d) => d.range.start.line === line), 20_000, () => `no ${code} on ${rel} line ${line + 1}`);
  const diagnostic = diagnostics(rel, code).find((d) => d.range.start.line === line)!;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri(rel), diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  return { diagnostic, actions: actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value) };
}

function titled(actions: vscode.CodeAction[], title: string | RegExp): vscode.CodeAction {
  const a = actions.find((x) => (typeof title === 'string' ? x.title === title : title.test(x.title)));
  assert.ok(a, `no quick fix "${title}" among ${actions.map((x) => `"${x.title}"`).join(', ')}`);
  return a;
}

/** The action's one text edit on `rel`: a fix edits one range of one file. */
function oneEdit(action: vscode.CodeAction, rel: string): vscode.TextEdit {
  assert.ok(action.edit, `"${action.title}" carries no edit`);
  const entries = action.edit.entries();
  assert.equal(entries.length, 1, `"${action.title}" edits ${entries.length} files`);
  assert.equal(entries[0][0].toString(), uri(rel).toString());
  assert.equal(entries[0][1].length, 1, `"${action.title}" makes ${entries[0][1].length} text edits, not one`);
  return entries[0][1][0];
}

/** Applies the action's edit, then one undo: the text must be `before` again. */
async function applyThenUndoOnce(editor: vscode.TextEditor, action: vscode.CodeAction): Promise<void> {
  const before = editor.document.getText();
  assert.ok(await vscode.workspace.applyEdit(action.edit!), `applyEdit refused "${action.title}"`);
  assert.notEqual(editor.document.getText(), before, `"${action.title}" changed nothing`);
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('undo');
  await waitFor(() => editor.document.getText() === before, 5_000, () => `one undo did not take "${action.title}" back`);
}

/** Replaces the text of a range as a user edit would (one undo step). */
async function type(editor: vscode.TextEditor, range: vscode.Range, text: string): Promise<void> {
  assert.ok(await editor.edit((b) => b.replace(range, text)), 'the editor refused the edit');
}



if (name === 'rooms') {
  describe('two rooms: private-leak in the editor (examples/rooms)', function () {
    const REVIEW = 'okr-reviews/2026-Q4-mid.md';
    const PRIVATE = '1on1s/alex/2026-11-20.md';
    const SHARED = '1on1s/alex/2026-11-27.md';
    /** examples/rooms/expected.json: lines 9, 15 and 17 (1-based). */
    const LEAKS = [8, 14, 16];
    let api: CadenceApi;

    before(async function () {
      assert.equal(process.env.CADENCE_TODAY, '2026-11-30');
      api = (await activateCadence()) as unknown as CadenceApi;
      await waitForLines(REVIEW, 'private-leak', LEAKS, 'after the first index');
    });

    afterEach(async function () {
      await revertAll();
      await waitForLines(REVIEW, 'private-leak', LEAKS, 'after the test (files as on disk)');
    });

    it('names the private file and line (message and related information) and quotes none of it', function () {
      // Line 9's passage stands in 1on1s/alex/2026-11-20.md line 10; line 15's
      // in people/alex.md line 7; line 17's in the private block of the shared
      // 1:1, line 11.
      const want = new Map([
        [8, { file: PRIVATE, line: 9, secret: 'interviewing' }],
        [14, { file: 'people/alex.md', line: 6, secret: 'payments' }],
        [16, { file: SHARED, line: 10, secret: 'retention' }],
      ]);
      for (const d of diagnostics(REVIEW, 'private-leak')) {
        const w = want.get(d.range.start.line)!;
        assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
        assert.ok(d.message.includes(`${w.file}, line ${w.line + 1}`), d.message);
        assert.ok(!d.message.toLowerCase().includes(w.secret), `the message quotes the private text: ${d.message}`);
        assert.equal(d.relatedInformation?.length, 1, 'one related location');
        const rel = d.relatedInformation![0].location;
        assert.equal(rel.uri.toString(), uri(w.file).toString());
        assert.equal(rel.range.start.line, w.line);
      }
    });

    it('a leak appears and disappears as the private note is edited (unsaved)', async function () {
      const editor = await open(PRIVATE);
      const original = editor.document.getText();
      // Line 11: "Honestly the database cutover keeps slipping every single week now."
      // The review's line 8 says "... every single sprint.": 7 words in common.
      const line = editor.document.lineAt(10);
      const at = line.text.indexOf('week now');
      assert.ok(at > 0, line.text);
      await type(editor, new vscode.Range(10, at, 10, at + 'week now'.length), 'sprint');
      assert.ok(editor.document.isDirty);
      // Now 8: "the database cutover keeps slipping every single sprint".
      await waitForLines(REVIEW, 'private-leak', [7, ...LEAKS], 'the private note now holds the review line 8');
      await undoTo(editor, original);
      await waitForLines(REVIEW, 'private-leak', LEAKS, 'after undo');

      // Line 10: the private source of the review's line 9. Reworded, the leak goes.
      const l10 = editor.document.lineAt(9);
      const c = l10.text.indexOf('another company');
      assert.ok(c > 0, l10.text);
      await type(editor, new vscode.Range(9, c, 9, c + 'another company'.length), 'a rival firm');
      await waitForLines(REVIEW, 'private-leak', [14, 16], 'the private words reworded');
      await undoTo(editor, original);
      await waitForLines(REVIEW, 'private-leak', LEAKS, 'after undo');
    });

    it('on an OKR review: open the private source, or remove the passage (one range, one undo); no private block offered', async function () {
      const editor = await open(REVIEW);
      const before = editor.document.getText();
      const { diagnostic, actions } = await quickFixes(REVIEW, 'private-leak', 16);
      // VS Code lists the preferred fix first; the set is what matters.
      assert.deepEqual(actions.map((a) => a.title).sort(), ['Open the private source (1on1s/alex/2026-11-27.md, line 11)', 'Remove the passage']);
      // Line 17: "- Budget: the retention bonus ... signs off." — the passage is
      // the words from "the" to "off", so only they go.
      const remove = titled(actions, 'Remove the passage');
      assert.ok(remove.isPreferred, 'removing is the preferred fix on a review');
      const edit = oneEdit(remove, REVIEW);
      assert.ok(edit.range.isEqual(diagnostic.range), `the edit's range ${JSON.stringify(edit.range)} is the passage's`);
      assert.equal(edit.newText, '');
      assert.equal(editor.document.getText(edit.range), 'the retention bonus discussion stays between us until the director signs off');
      assert.ok(await vscode.workspace.applyEdit(remove.edit!));
      assert.equal(editor.document.lineAt(16).text, '- Budget: .');
      await waitForLines(REVIEW, 'private-leak', [8, 14], 'the passage removed');
      await vscode.commands.executeCommand('undo');
      await waitFor(() => editor.document.getText() === before, 5_000, () => 'one undo did not restore the review');
      await waitForLines(REVIEW, 'private-leak', LEAKS, 'after undo');

      // Open the private source: edits nothing, shows the private block's line.
      const openIt = titled(actions, /^Open the private source/);
      assert.equal(openIt.edit, undefined);
      await vscode.commands.executeCommand(openIt.command!.command, ...(openIt.command!.arguments ?? []));
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === uri(SHARED).toString(), 10_000, () => 'the private source did not open');
      assert.equal(vscode.window.activeTextEditor!.selection.active.line, 10);
      assert.equal(editor.document.getText(), before, 'opening edited the review');
    });

    it('a passage over two lines, after other words: removing it takes its words only (one range, one undo)', async function () {
      // Lines 9-10 hold the passage after "- Risk: ": only its words go.
      const { actions } = await quickFixes(REVIEW, 'private-leak', 8);
      const edit = oneEdit(titled(actions, 'Remove the passage'), REVIEW);
      assert.equal(edit.range.start.line, 8);
      assert.equal(edit.range.end.line, 9);
      const editor = await open(REVIEW);
      await applyThenUndoOnce(editor, titled(actions, 'Remove the passage'));
    });

    it('on a shared 1:1: keep it in a private block, or remove its line; each one range, one undo', async function () {
      const editor = await open(SHARED);
      const original = editor.document.getText();
      // A sentence of the private 1:1 of 2026-11-20 pasted into the shared one of 2026-11-27.
      const pasted = '- Alex is interviewing with another company and may leave before the spring.';
      await type(editor, new vscode.Range(8, 0, 8, 0), `${pasted}\n`);
      const typed = editor.document.getText();
      const { actions } = await quickFixes(SHARED, 'private-leak', 8);
      assert.deepEqual(actions.map((a) => a.title).sort(), ['Keep it in a private block', 'Open the private source (1on1s/alex/2026-11-20.md, line 10)', 'Remove the passage (its lines)']);
      const wrap = titled(actions, 'Keep it in a private block');
      assert.ok(wrap.isPreferred, 'keeping it private is the preferred fix in a shared 1:1');
      const w = oneEdit(wrap, SHARED);
      assert.ok(w.range.isEqual(new vscode.Range(8, 0, 8, pasted.length)), JSON.stringify(w.range));
      assert.equal(w.newText, ['<!-- private -->', pasted, '<!-- /private -->'].join('\n'));
      assert.ok(await vscode.workspace.applyEdit(wrap.edit!));
      assert.deepEqual([8, 9, 10].map((l) => editor.document.lineAt(l).text), ['<!-- private -->', pasted, '<!-- /private -->']);
      await waitForLines(SHARED, 'private-leak', [], 'kept in a private block');
      await vscode.commands.executeCommand('undo');
      await waitFor(() => editor.document.getText() === typed, 5_000, () => 'one undo did not take the private block back');
      await waitForLines(SHARED, 'private-leak', [8], 'after undo');

      const { actions: again } = await quickFixes(SHARED, 'private-leak', 8);
      const remove = titled(again, 'Remove the passage (its lines)');
      const r = oneEdit(remove, SHARED);
      assert.ok(r.range.isEqual(new vscode.Range(8, 0, 9, 0)), JSON.stringify(r.range));
      assert.ok(await vscode.workspace.applyEdit(remove.edit!));
      assert.equal(editor.document.getText(), original, 'removing the line leaves the note as it was before the paste');
      await waitForLines(SHARED, 'private-leak', [], 'removed');
      await vscode.commands.executeCommand('undo');
      await waitFor(() => editor.document.getText() === typed, 5_000, () => 'one undo did not bring the line back');
      await undoTo(editor, original);
      await waitForLines(SHARED, 'private-leak', [], 'the paste undone');
    });

    it('a private block of a shared 1:1 is dimmed with a "private" label, masked in screen-share mode; a private note has none', async function () {
      const decorations = api.privateBlocks;
      assert.ok(decorations, 'the private-block decorations are not running');
      const editor = await open(SHARED);
      // Lines 10-12 (1-based): <!-- private --> … <!-- /private -->.
      const shown = () => decorations.decoratedIn(editor);
      await waitFor(() => shown().dimmed.length === 1, 10_000, () => `dimmed: ${JSON.stringify(shown())}`);
      assert.ok(shown().dimmed[0].isEqual(new vscode.Range(9, 0, 11, '<!-- /private -->'.length)), JSON.stringify(shown().dimmed));
      assert.equal(shown().labels.length, 1);
      assert.ok(shown().labels[0].isEqual(new vscode.Range(9, '<!-- private -->'.length, 9, '<!-- private -->'.length)));
      assert.deepEqual(shown().masked, []);
      try {
        await vscode.commands.executeCommand('cadence.toggleScreenShare');
        await waitFor(() => shown().masked.length === 3, 10_000, () => `masked: ${JSON.stringify(shown())}`);
        assert.deepEqual(
          shown().masked.map((r) => [r.start.line, r.start.character, r.end.line, r.end.character]),
          [
            [9, 0, 9, '<!-- private -->'.length],
            [10, 0, 10, editor.document.lineAt(10).text.length],
            [11, 0, 11, '<!-- /private -->'.length],
          ],
        );
        assert.deepEqual(shown().dimmed, [], 'masked, not dimmed');
      } finally {
        if (api.state.screenShare()) await vscode.commands.executeCommand('cadence.toggleScreenShare');
      }
      await waitFor(() => shown().dimmed.length === 1 && shown().masked.length === 0, 10_000, () => `after screen-share off: ${JSON.stringify(shown())}`);

      // A block typed into the shared 1:1 is decorated as it is typed.
      await type(editor, new vscode.Range(13, 0, 13, 0), '<!-- private -->\nA second secret.\n<!-- /private -->\n');
      await waitFor(() => shown().dimmed.length === 2, 10_000, () => `after typing a second block: ${JSON.stringify(shown())}`);
      assert.ok(shown().dimmed[1].isEqual(new vscode.Range(13, 0, 15, '<!-- /private -->'.length)));

      const priv = await open(PRIVATE);
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(decorations.decoratedIn(priv), { dimmed: [], labels: [], masked: [] });
    });

    it("the Markdown preview's engine renders none of a private block (VS Code's markdown.api.render)", async function () {
      const doc = await vscode.workspace.openTextDocument(uri(SHARED));
      for (const input of [doc, doc.getText()]) {
        const html = await vscode.commands.executeCommand<string>('markdown.api.render', input);
        assert.equal(typeof html, 'string');
        assert.ok(!/retention bonus|director/i.test(html), `the private block reached the preview:\n${html}`);
        assert.match(html, /Share the rotation proposal with the team/);
        assert.match(html, /Is there anything the manager needs to do/);
      }
    });
  });
}

if (name === 'okr-meeting') {
  describe('the public room decides (examples/okr-meeting)', function () {
    const MID = 'okr-reviews/2026-Q4-mid.md';
    let api: CadenceApi;

    before(async function () {
      assert.equal(process.env.CADENCE_TODAY, '2026-11-30');
      api = (await activateCadence()) as unknown as CadenceApi;
    });

    afterEach(revertAll);

    it('review-decision-missing offers the four decisions, each one line under the heading, one undo', async function () {
      const editor = await open(MID);
      const original = editor.document.getText();
      // Line 11: "## O2 Calm on-call", with no Decision: line under it.
      const { actions } = await quickFixes(MID, 'review-decision-missing', 10);
      assert.deepEqual(
        actions.map((a) => a.title),
        ['Decision: continue', 'Decision: cut', 'Decision: re-scope', 'Decision: escalate'],
      );
      assert.ok(actions[0].isPreferred);
      for (const action of actions) {
        const edit = oneEdit(action, MID);
        const end = '## O2 Calm on-call'.length;
        assert.ok(edit.range.isEqual(new vscode.Range(10, end, 10, end)), JSON.stringify(edit.range));
        assert.equal(edit.newText, `\n${action.title}`);
        await applyThenUndoOnce(editor, action);
      }
      const cut = titled(actions, 'Decision: cut');
      assert.ok(await vscode.workspace.applyEdit(cut.edit!));
      assert.equal(editor.document.lineAt(11).text, 'Decision: cut');
      await waitForLines(MID, 'review-decision-missing', [], 'the decision recorded');
      await undoTo(editor, original);
      await waitForLines(MID, 'review-decision-missing', [10], 'after undo');
    });

    it('Prepare OKR Review Pre-read… writes a review that neither rule reports, nor private-leak', async function () {
      const out = 'okr-reviews/2026-Q4-2026-12-21-pre-read.md';
      await vscode.commands.executeCommand('cadence.preparePreRead', '2026-Q4', '2026-12-21');
      try {
        await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === uri(out).toString(), 20_000, () => 'the pre-read did not open');
        const text = vscode.window.activeTextEditor!.document.getText();
        assert.match(text, /^pre-read: 2026-12-14$/m);
        // One section per objective of the set, each asking for its decision.
        assert.deepEqual(
          text.split('\n').filter((l) => /^## O\d/.test(l)),
          ['## O1 Finish the database migration', '## O2 Calm on-call', '## O3 Grow the team'],
        );
        // Indexed as a review of 2026-Q4, with nothing to say about it.
        const folder = () => api.workspace.folders.get(workspaceFolder().uri.toString());
        await waitFor(() => folder()?.dataset.doc(out)?.kind === 'okr-review', 20_000, () => 'the pre-read is not indexed');
        assert.deepEqual(folder()!.dataset.diagnostics(out).map((d) => `${d.range.start.line + 1} ${d.code}`), []);
        assert.deepEqual(vscode.languages.getDiagnostics(uri(out)).filter((d) => d.source === 'cadence').map((d) => codeOf(d)), []);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(uri(out));
      }
    });
  });
}
