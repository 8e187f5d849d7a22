// Feedback and the review packet (SPEC §14, issue 18) inside a real VS Code,
// on examples/review (today 2026-11-30): Prepare Review Packet… writes
// reviews/alex-2026-11-30.md and opens it beside its preview, refuses to
// overwrite a file that is there (a user's own text stays), every evidence
// link opens its note at its line; a feedback entry has a hover and the
// kinds complete in a Feedback section; the dashboard's data counts the
// feedback of the window; screen-share mode masks the packet's preview.
//
// Every expected figure was worked out by hand from the fixture (see
// review.expected.json beside it for the packet's JSON).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { dashboardData } from '../../src/core/dashboard-data';
import type { CadenceApi } from '../../src/extension/feature';
import type { PrepareResult } from '../../src/extension/review-packet';
import { activateCadence, revertAll, waitFor, workspaceFolder } from './helpers';

const name = process.env.CADENCE_TEST_WORKSPACE_NAME;
const PACKET = 'reviews/alex-2026-11-30.md';

function uri(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...rel.split('/'));
}

async function readText(u: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(u));
}

async function remove(rel: string): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri(rel));
  } catch {
    // not there
  }
}

const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);

if (name === 'review') {
  describe('feedback and the review packet (examples/review)', function () {
    this.timeout(120_000);
    let api: CadenceApi;

    before(async () => {
      api = (await activateCadence()) as unknown as CadenceApi;
      await remove(PACKET);
    });

    after(async () => {
      await revertAll();
      await remove(PACKET);
    });

    it('Prepare Review Packet… writes reviews/alex-2026-11-30.md, a private review packet, and opens it beside its preview', async () => {
      const r = await vscode.commands.executeCommand<PrepareResult>('cadence.prepareReviewPacket', { personId: 'alex', from: '2026-06-01', to: '2026-11-30' });
      assert.ok(r, 'the command returned nothing');
      assert.equal(r.created, true);
      assert.equal(r.uri.toString(), uri(PACKET).toString());
      const text = await readText(r.uri);
      assert.match(text, /^---\ntype: review-packet\nperson: alex\nfrom: 2026-06-01\nto: 2026-11-30\nvisibility: private\n---\n/);
      assert.match(text, /- 1:1s: 3 held, 13 expected \(every 14 days\)\n- Happiness: mean 4\.00 \(first 3, last 5\)\n- Ratings: manager mean 3\.50, report mean 4\.00\n- Action items due in the period: 3 done \(1 late\), 1 open and overdue\n- Feedback: 2 praise, 1 redirect, 1 received\n/);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString() === r.uri.toString() || tabs().some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === r.uri.toString()), true, 'the packet is open');
      await waitFor(
        () => tabs().some((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && /alex-2026-11-30/.test(t.label)),
        20_000,
        () => `no preview of the packet among: ${tabs().map((t) => t.label).join(', ')}`,
      );
      // A packet is a file of its own kind: indexed, judged by no rule.
      const folder = api.workspace.activeFolder()!;
      await waitFor(() => folder.dataset.doc(PACKET)?.kind === 'review-packet', 20_000, () => `the packet is indexed as ${folder.dataset.doc(PACKET)?.kind}`);
      assert.deepEqual(vscode.languages.getDiagnostics(uri(PACKET)), []);
    });

    it('every evidence link opens its note at the line it quotes', async () => {
      const doc = await vscode.workspace.openTextDocument(uri(PACKET));
      // The Markdown extension's links, resolved (their targets are filled in on resolve).
      const all = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri, 100);
      // The extension reads `#L10` as line 10, column 1 (`#L10,1`).
      const LINE = /#L(\d+)(?:(?:,|%2C)\d+)?$/;
      const links = all.filter((l) => l.target && LINE.test(l.target.toString()));
      assert.equal(links.length, 13, `links: ${all.map((l) => l.target?.toString()).join(', ')}`);
      for (const link of links) {
        const lineText = doc.lineAt(link.range.start.line).text;
        const quoted = /^- (.*) \[\d{4}-\d{2}-\d{2}\]\(/.exec(lineText)![1].replace(/\\(.)/g, '$1');
        const target = link.target!;
        const line = Number(LINE.exec(target.toString())![1]) - 1;
        // It names the line the packet's own text names.
        assert.ok(lineText.endsWith(`#L${line + 1})`), `${lineText} resolved to ${target.toString()}`);
        await vscode.commands.executeCommand('vscode.open', target);
        const editor = vscode.window.activeTextEditor!;
        await waitFor(() => vscode.window.activeTextEditor?.document.uri.path === target.path, 10_000, () => `opened ${vscode.window.activeTextEditor?.document.uri.path}, not ${target.path}`);
        assert.equal(vscode.window.activeTextEditor!.selection.active.line, line, `${target.toString()} opened at line ${editor.selection.active.line + 1}`);
        const src = vscode.window.activeTextEditor!.document.lineAt(line).text;
        if (/^manager \d, report \d$/.test(quoted)) assert.match(src, /^performance:/);
        else assert.ok(src.includes(quoted), `"${quoted}" not in line ${line + 1} of ${target.path}: "${src}"`);
      }
    });

    it('refuses to overwrite: a packet already there (the user’s own text) is opened as it is', async () => {
      const mine = '---\ntype: review-packet\nperson: alex\nto: 2026-11-30\n---\nMy own draft.\n';
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.writeFile(uri(PACKET), new TextEncoder().encode(mine));
      const r = await vscode.commands.executeCommand<PrepareResult>('cadence.prepareReviewPacket', { personId: 'alex', from: '2026-06-01', to: '2026-11-30' });
      assert.equal(r?.created, false);
      assert.equal(await readText(uri(PACKET)), mine);
      // Opened (its preview beside it may hold the focus).
      assert.ok(tabs().some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri(PACKET).toString()), 'the existing packet is not open');
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri(PACKET).toString());
      assert.equal(open?.getText(), mine);
    });

    it('a feedback entry’s kind word has a hover; the kinds complete at the start of an item in a Feedback section', async () => {
      const note = uri('1on1s/alex/2026-11-20.md');
      const doc = await vscode.workspace.openTextDocument(note);
      await vscode.window.showTextDocument(doc);
      // Line 13: "- Praise: Led the cutover calmly under pressure".
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', note, new vscode.Position(12, 4));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/&nbsp;/g, ' ');
      assert.match(text, /praise/);
      assert.match(text, /reinforcing feedback/);
      assert.match(text, /last 30 days: 1 praise, 0 redirect, 0 received/);
      const editor = vscode.window.activeTextEditor!;
      const before = doc.getText();
      try {
        assert.ok(await editor.edit((b) => b.insert(new vscode.Position(13, 0), '- \n')));
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', note, new vscode.Position(13, 2));
        const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
        for (const k of ['praise:', 'redirect:', 'received:']) assert.ok(labels.includes(k), `${k} not offered: ${labels.slice(0, 20).join(', ')}`);
        // Outside a Feedback section (the Action items line 15 is now 16): not offered.
        assert.ok(await editor.edit((b) => b.insert(new vscode.Position(16, 0), '- \n')));
        const outside = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', note, new vscode.Position(16, 2));
        assert.ok(!outside.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'praise:'), 'praise: offered in Action items');
      } finally {
        await editor.edit((b) => b.replace(new vscode.Range(0, 0, doc.lineCount, 0), before));
      }
    });

    it('the dashboard’s data: per person, the feedback of the last 30 days as the packet counts it', async () => {
      const folder = api.workspace.activeFolder()!;
      const data = dashboardData(folder.dataset);
      assert.equal(data.feedbackWindowDays, 30);
      assert.deepEqual(Object.fromEntries(data.people.map((p) => [p.id, p.feedback])), {
        alex: { praise: 1, redirect: 0, received: 0 },
        sam: { praise: 0, redirect: 0, received: 0 },
      });
    });

    it('screen-share mode masks the packet’s preview, and shows it again after', async () => {
      await remove(PACKET);
      const r = await vscode.commands.executeCommand<PrepareResult>('cadence.prepareReviewPacket', { personId: 'alex', from: '2026-06-01', to: '2026-11-30' });
      assert.equal(r?.created, true);
      const doc = await vscode.workspace.openTextDocument(uri(PACKET));
      const render = () => vscode.commands.executeCommand<string>('markdown.api.render', doc);
      assert.match(await render(), /Led the cutover calmly/);
      await vscode.commands.executeCommand('cadence.toggleScreenShare');
      try {
        const html = await render();
        assert.match(html, /class="cadence-screen-share"/);
        for (const word of ['cutover', 'Alex', 'incident', 'Praise']) assert.ok(!html.includes(word), `"${word}" shows in screen-share mode`);
      } finally {
        await vscode.commands.executeCommand('cadence.toggleScreenShare');
      }
      assert.match(await render(), /Led the cutover calmly/);
    });
  });
}
