// Cadence in VS Code's own Markdown preview: the HTML the built-in Markdown
// extension renders for a sample note (through `markdown.api.render`, the
// engine the preview uses, with every markdown-it plugin loaded), and the
// preview itself opened beside the note. On the sample team.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateCadence, waitFor } from './helpers';
import { uri } from './team';

/** A list item's opening tag with Cadence's classes, whatever VS Code's own attributes around them. */
function li(classes: string): string {
  return `<li[^>]*class="(?:[^"]* )?${classes}(?: [^"]*)?"[^>]*>`;
}

async function render(doc: vscode.TextDocument): Promise<string> {
  return vscode.commands.executeCommand<string>('markdown.api.render', doc);
}

if (process.env.CADENCE_TEST_WORKSPACE_NAME === 'team') {
  describe('the Markdown preview', function () {
    const NOTE = '1on1s/jordan/2026-11-06.md';
    let doc: vscode.TextDocument;

    before(async function () {
      await activateCadence();
      doc = await vscode.workspace.openTextDocument(uri(NOTE));
    });

    after(async function () {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('renders owners as chips with the person’s name, due dates as badges (the overdue one marked), statuses', async function () {
      const html = await render(doc);
      // Jordan's item due 2026-11-13 is overdue on 2026-11-22; @me is the manager's person file.
      assert.match(html, new RegExp(`${li('cadence-item cadence-item-open')}<span class="cadence-status cadence-status-open"[^>]*>☐</span> Pair with Alex on the deploy pipeline runbook <span class="cadence-owner" title="owner: Jordan Lee \\(@jordan\\)"[^>]*>Jordan Lee</span> <span class="cadence-due cadence-overdue" title="overdue: was due 2026-11-13"[^>]*>due 2026-11-13</span></li>`), html);
      assert.match(html, new RegExp(`${li('cadence-item cadence-item-done')}<span class="cadence-status cadence-status-done"[^>]*>☑</span> Ask Sam`));
      assert.match(html, /<span class="cadence-done" title="done 2026-11-09"[^>]*>done 2026-11-09<\/span>/);
      assert.match(html, /60-day review: written feedback from Alex and Sam <span class="cadence-owner"[^>]*>[^<]+<\/span> <span class="cadence-due" title="due 2026-11-27"/);
    });

    it('renders [/], [>] and [-], marks talking points, and leaves private blocks and %% text out (unsaved text)', async function () {
      const editor = await vscode.window.showTextDocument(doc);
      const original = doc.getText();
      const added = [
        '',
        '## Talking points',
        '- [/] The on-call load @jordan',
        '',
        '## More',
        '- [>] Carried over @sam due:2026-11-20',
        '- [-] Dropped @alex due:2026-11-01',
        '',
        '<!-- private -->',
        'PRIVATE-ONE: how the reorg lands',
        '<!-- /private -->',
        '',
        'Shown %%PRIVATE-TWO%% text.',
        '',
      ].join('\n');
      try {
        await editor.edit((e) => e.insert(new vscode.Position(doc.lineCount, 0), added));
        const html = await render(doc);
        assert.match(html, new RegExp(`${li('cadence-item cadence-item-in-progress cadence-talking-point')}<span class="cadence-status cadence-status-in-progress" title="talking point, in progress"`), html);
        assert.match(html, new RegExp(`${li('cadence-item cadence-item-forwarded')}<span class="cadence-status cadence-status-forwarded"[^>]*>➜</span> Carried over <span class="cadence-owner"[^>]*>Sam Ortiz</span> <span class="cadence-due" `));
        assert.match(html, new RegExp(li('cadence-item cadence-item-cancelled')));
        assert.doesNotMatch(html, /PRIVATE-/);
        assert.match(html, /class="cadence-private"/);
        assert.match(html, /Shown\s+text\./);
      } finally {
        await editor.edit((e) => e.replace(new vscode.Range(0, 0, doc.lineCount, 0), original));
        assert.equal(doc.getText(), original);
      }
    });

    it('masks every word in screen-share mode, and shows them again after', async function () {
      await vscode.commands.executeCommand('cadence.toggleScreenShare');
      try {
        const html = await render(doc);
        assert.match(html, /class="cadence-screen-share"/);
        for (const word of ['Jordan', 'Alex', 'runbook', 'Happiness', '2026']) assert.ok(!html.includes(word), `"${word}" shows in screen-share mode`);
      } finally {
        await vscode.commands.executeCommand('cadence.toggleScreenShare');
      }
      assert.match(await render(doc), /Jordan Lee/);
    });

    it('leaves a Markdown file that is not a Cadence note as VS Code renders it', async function () {
      const readme = await vscode.workspace.openTextDocument(uri('README.md'));
      assert.doesNotMatch(await render(readme), /class="[^"]*cadence-/);
    });

    it('opens the preview beside the note', async function () {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('markdown.showPreviewToSide', doc.uri);
      const previewTab = () =>
        vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType));
      await waitFor(() => !!previewTab(), 20_000, () => `no Markdown preview tab: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`);
      assert.match(previewTab()!.label, /2026-11-06/);
    });
  });
}
