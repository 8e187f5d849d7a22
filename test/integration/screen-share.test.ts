// Screen-share mode in the editor, on the sample team: while it is on, every
// visible editor holding a private 1:1 note or a person file has each line's
// text masked (and new lines as they are typed); shared notes and OKR files
// are not; a status-bar item says the mode is on. Off again, nothing is masked.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './helpers';
import { resetTeam, teamApi, uri, writeText, type CadenceApi } from './team';

/** Every non-blank line of the document, as "line:from-to" (its text, trimmed). */
function textLines(doc: vscode.TextDocument): string[] {
  const out: string[] = [];
  for (let l = 0; l < doc.lineCount; l++) {
    const t = doc.lineAt(l);
    if (!t.isEmptyOrWhitespace) out.push(`${l}:${t.firstNonWhitespaceCharacterIndex}-${t.text.trimEnd().length}`);
  }
  return out;
}

const asRows = (ranges: readonly vscode.Range[]) => ranges.map((r) => `${r.start.line}:${r.start.character}-${r.end.character}`);

if (process.env.CADENCE_TEST_WORKSPACE_NAME === 'team') {
  describe('screen-share mode masks private notes and person files in the editor', function () {
    let api: CadenceApi;
    const mask = () => {
      assert.ok(api.screenShareMask, 'activate() publishes the mask');
      return api.screenShareMask;
    };
    const open = async (rel: string, column = vscode.ViewColumn.One) => vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri(rel)), { viewColumn: column, preview: false });

    before(async function () {
      this.timeout(180_000);
      api = await teamApi();
      await resetTeam(api);
    });

    after(async function () {
      this.timeout(120_000);
      if (api.state.screenShare()) await vscode.commands.executeCommand('cadence.toggleScreenShare');
      await resetTeam(api);
    });

    it('off: nothing is masked and no status-bar item shows', async function () {
      const editor = await open('1on1s/alex/2026-11-19.md');
      mask().update();
      assert.deepEqual(mask().maskedIn(editor), []);
      assert.equal(mask().statusText(), undefined);
    });

    it('on: a private note beside a person file are masked line by line; an OKR file and a shared note are not; the status bar says so', async function () {
      this.timeout(60_000);
      const note = await open('1on1s/alex/2026-11-19.md', vscode.ViewColumn.One);
      const person = await open('people/sam.md', vscode.ViewColumn.Two);
      await writeText('1on1s/alex/2026-11-21.md', '---\ntype: 1on1\nreport: alex\ndate: 2026-11-21\nvisibility: shared\n---\n## Action items\n- [ ] Shared agenda item @alex due:2026-11-28\n');
      const shared = await open('1on1s/alex/2026-11-21.md', vscode.ViewColumn.Three);
      await vscode.commands.executeCommand('cadence.toggleScreenShare');
      assert.equal(api.state.screenShare(), true);
      await waitFor(() => mask().maskedIn(note).length > 0 && mask().maskedIn(person).length > 0, 10_000, () => 'nothing masked');
      // Every non-blank line, front matter (ratings) included, from its first to its last character.
      assert.deepEqual(asRows(mask().maskedIn(note)), textLines(note.document));
      assert.deepEqual(asRows(mask().maskedIn(person)), textLines(person.document));
      assert.deepEqual(mask().maskedIn(shared), [], 'a shared note is not private');
      assert.equal(mask().statusText(), '$(eye-closed) Screen-share');
      const okr = await open('okrs/2026-Q4.okr.yaml', vscode.ViewColumn.Three);
      await waitFor(() => vscode.window.visibleTextEditors.includes(okr), 10_000, () => 'the OKR file is not visible');
      mask().update();
      assert.deepEqual(mask().maskedIn(okr), [], 'OKR sets are public');
    });

    it('a line typed into a private note is masked too', async function () {
      this.timeout(60_000);
      const note = await open('1on1s/alex/2026-11-19.md', vscode.ViewColumn.One);
      // The file ends with a newline: its last line is empty, and the new text goes there.
      const end = note.document.lineCount - 1;
      assert.equal(note.document.lineAt(end).text, '');
      await note.edit((e) => e.insert(new vscode.Position(end, 0), '- [ ] Something only Alex should read @alex due:2026-12-01\n'));
      await waitFor(() => mask().maskedIn(note).some((r) => r.start.line === end), 10_000, () => `line ${end} is not masked: ${asRows(mask().maskedIn(note)).join(' ')}`);
      assert.deepEqual(asRows(mask().maskedIn(note)), textLines(note.document));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('off again: every mask and the status-bar item are gone', async function () {
      const note = await open('1on1s/alex/2026-11-19.md', vscode.ViewColumn.One);
      await vscode.commands.executeCommand('cadence.toggleScreenShare');
      assert.equal(api.state.screenShare(), false);
      await waitFor(() => mask().maskedIn(note).length === 0, 10_000, () => 'still masked');
      assert.equal(mask().statusText(), undefined);
    });
  });
}
