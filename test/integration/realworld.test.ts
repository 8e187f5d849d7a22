// Notes as people really write them (SPEC §10), inside a real VS Code, on
// examples/realworld (today 2026-11-30): a report written as a wikilink is
// the person (Reports tree, hover), an in-progress `[/]` item is an open
// action item (Action Items view), quick fixes keep the line's own
// spelling (Dataview fields in parentheses, the 📆 variant of the Tasks due
// date) and its status, and completions offer people as wikilinks in a note
// that names people with them. Every expected value was worked out by hand
// from the example's files; the arithmetic is in the comments.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CadenceApi } from '../../src/extension/feature';
import type { TreeProvider } from '../../src/extension/views/index';
import type { Node } from '../../src/extension/views/nodes';
import { activateCadence, codeOf, hoverText, undoTo, waitFor, workspaceFolder } from './helpers';

const NOTE = '1on1s/alex/2026-11-26.md';

function uri(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...rel.split('/'));
}

async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

interface Row {
  node: Node;
  item: vscode.TreeItem;
  label: string;
  description: string | undefined;
}

function rows(provider: TreeProvider, parent?: Node): Row[] {
  return provider.getChildren(parent).map((node) => {
    const item = provider.getTreeItem(node);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    return { node, item, label, description: typeof item.description === 'string' ? item.description : undefined };
  });
}

function find(list: Row[], label: string): Row {
  const r = list.find((x) => x.label === label);
  assert.ok(r, `no item "${label}" among: ${list.map((x) => x.label).join(' | ')}`);
  return r;
}


function diagnosticsOn(rel: string, code: string, line: number): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri(rel)).filter((d) => d.source === 'cadence' && codeOf(d) === code && d.range.start.line === line);
}

/** The quick fixes for `code` on 0-based `line`, once the diagnostic is there. */
async function quickFixes(rel: string, code: string, line: number): Promise<vscode.CodeAction[]> {
  await waitFor(() => diagnosticsOn(rel, code, line).length > 0, 15_000, () => `${rel}:${line + 1} has no ${code}`);
  const d = diagnosticsOn(rel, code, line)[0];
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri(rel), d.range, vscode.CodeActionKind.QuickFix.value);
  return actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value && (!a.diagnostics || a.diagnostics.some((x) => codeOf(x) === code)));
}

async function apply(action: vscode.CodeAction | undefined, what: string): Promise<void> {
  assert.ok(action, `no quick fix "${what}"`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit failed for "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}


function labels(list: vscode.CompletionList): string[] {
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

if (process.env.CADENCE_TEST_WORKSPACE_NAME === 'realworld') {
  describe('notes as people really write them (examples/realworld)', function () {
    let api: CadenceApi;
    const views = () => {
      assert.ok(api.views, 'activate() publishes api.views');
      return api.views;
    };

    before(async function () {
      assert.equal(process.env.CADENCE_TODAY, '2026-11-30');
      api = (await activateCadence()) as unknown as CadenceApi;
      if (views().grouping() !== 'due') await vscode.commands.executeCommand('cadence.actionItems.groupByDue');
    });

    afterEach(async function () {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('Reports: a report written "[[alex]]" is Alex — his 1:1 counts, his items are his', function () {
      const people = rows(views().reports);
      assert.deepEqual(
        people.map((p) => p.label).sort(),
        ['Alex Example', 'Sam Example'],
      );
      const alex = find(people, 'Alex Example');
      // The note of 2026-11-26 is Alex's (report: "[[alex]]"): 4 days ago, cadence 14, not lapsed.
      // Open: all seven items of the note, the two [/] among them. In the 30-day window
      // (2026-11-01..11-30): due 11-20 [/], 11-20 (parentheses), 11-21 (📆): none done → 0%.
      assert.equal(alex.description, 'last 1:1 4 days ago · 7 open · 0% done');
      const groups = rows(views().reports, alex.node);
      const notes = rows(views().reports, find(groups, '1:1 notes').node);
      assert.deepEqual(
        notes.map((n) => n.label),
        ['2026-11-26'],
      );
      // Sam's only 1:1 is in git conflict: it counts for nothing, and Sam (weekly since 09-01) is lapsed.
      assert.match(find(people, 'Sam Example').description ?? '', /^lapsed/);
    });

    it('hovers the wikilinked report and a wikilinked Dataview owner as the person', async function () {
      const editor = await open(NOTE);
      const text = editor.document.getText().split('\n');
      for (const [line, needle] of [
        [2, '[[alex]]'],
        [8, '[[alex]]'],
      ] as const) {
        const pos = new vscode.Position(line, text[line].indexOf(needle) + 3);
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
        const h = hoverText(hovers);
        assert.match(h, /Alex Example/, `line ${line + 1}: ${h}`);
        assert.match(h, /every 14 days/, `line ${line + 1}: ${h}`);
        assert.match(h, /Last 1:1: 2026-11-26 \(4 days ago\)/, `line ${line + 1}: ${h}`);
      }
    });

    it('Action items: the [/] items are open — one overdue, one later — beside every other spelling', function () {
      const groups = rows(views().actionItems);
      // Overdue (before 11-30): 11-20 [/] @alex, 11-20 (owner:: alex), 11-21 📆 @alex.
      // This week is 11-30..12-06: none (the group stays, empty; so does No due date). Later: 12-20 [/] (no owner), 12-20 [owner:: [[alex]]],
      // 12-21 [Owner:: alex], 12-22 (the comment's @sam and due:2026-01-01 hidden).
      // Sam's note is in conflict: its item is no item.
      assert.deepEqual(
        groups.map((g) => [g.label, g.description]),
        [
          ['Overdue', '3'],
          ['This week', '0'],
          ['Later', '4'],
          ['No due date', '0'],
        ],
      );
      const [overdue, , later] = groups.map((g) => rows(views().actionItems, g.node));
      assert.deepEqual(
        overdue.map((i) => [i.label, i.description]),
        [
          ['In progress and past its date', 'Alex Example · due 2026-11-20 · 1:1 with Alex Example'],
          ['Parenthesised fields', 'Alex Example · due 2026-11-20 · 1:1 with Alex Example'],
          ['Tear-off calendar due date', 'Alex Example · due 2026-11-21 · 1:1 with Alex Example'],
        ],
      );
      assert.deepEqual(
        later.map((i) => [i.label, i.description]),
        [
          ['In progress, nobody owns it', 'no owner · due 2026-12-20 · 1:1 with Alex Example'],
          ['Owner as a link', 'Alex Example · due 2026-12-20 · 1:1 with Alex Example'],
          ['Capitalised keys', 'Alex Example · due 2026-12-21 · 1:1 with Alex Example'],
          ['A comment hides text', 'no owner · due 2026-12-22 · 1:1 with Alex Example'],
        ],
      );
      assert.deepEqual(overdue[0].item.command?.arguments?.[1], 6, 'opens the [/] line (line 7)');
    });

    it('quick fixes keep the line’s spelling: (due:: …) in parentheses, 📆, and the [/] status', async function () {
      const editor = await open(NOTE);
      const before = editor.document.getText();
      // Line 10, overdue, Dataview fields in parentheses. The next 1:1 with Alex: 11-26 + 14 = 12-10.
      let fixes = await quickFixes(NOTE, 'action-overdue', 9);
      assert.deepEqual(
        fixes.map((f) => f.title),
        ['Mark done today (2026-11-30)', 'Move to the next 1:1 (2026-12-10)'],
      );
      await apply(fixes[0], 'Mark done today');
      assert.equal(editor.document.lineAt(9).text, '- [x] Parenthesised fields (owner:: alex) (due:: 2026-11-20) (completion:: 2026-11-30)');
      await undoTo(editor, before);
      await apply((await quickFixes(NOTE, 'action-overdue', 9))[1], 'Move to the next 1:1');
      assert.equal(editor.document.lineAt(9).text, '- [ ] Parenthesised fields (owner:: alex) (due:: 2026-12-10)');
      await undoTo(editor, before);
      // Line 12: the 📆 variant keeps its symbol; a done date is the Tasks ✅.
      fixes = await quickFixes(NOTE, 'action-overdue', 11);
      await apply(fixes[1], 'Move to the next 1:1');
      assert.equal(editor.document.lineAt(11).text, '- [ ] Tear-off calendar due date @alex 📆 2026-12-10');
      await undoTo(editor, before);
      await apply((await quickFixes(NOTE, 'action-overdue', 11))[0], 'Mark done today');
      assert.equal(editor.document.lineAt(11).text, '- [x] Tear-off calendar due date @alex 📆 2026-11-21 ✅ 2026-11-30');
      await undoTo(editor, before);
      // Line 8: an in-progress item without an owner stays in progress when it gets one.
      fixes = await quickFixes(NOTE, 'action-missing-owner', 7);
      // The note's report first (SPEC §4: a report written "[[alex]]" is alex).
      assert.equal(fixes[0]?.title, 'Assign to @alex (the report)', fixes.map((f) => f.title).join(' | '));
      await apply(fixes[0], 'Assign to @alex (the report)');
      assert.equal(editor.document.lineAt(7).text, '- [/] In progress, nobody owns it @alex due:2026-12-20');
      await undoTo(editor, before);
    });

    it('a new (owner:: …) line gets its due date as (due:: …)', async function () {
      const editor = await open(NOTE);
      const before = editor.document.getText();
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      await editor.edit((e) => e.insert(end, '\n- [ ] Book it (owner:: alex)'));
      const line = editor.document.lineCount - 1;
      const fixes = await quickFixes(NOTE, 'action-missing-due', line);
      await apply(
        fixes.find((f) => f.title.startsWith('Due at the next 1:1')),
        'Due at the next 1:1',
      );
      assert.equal(editor.document.lineAt(line).text, '- [ ] Book it (owner:: alex) (due:: 2026-12-10)');
      await undoTo(editor, before);
    });

    it('completes people as wikilinks in a note that names people with them', async function () {
      const editor = await open(NOTE);
      const before = editor.document.getText();
      const people = ['[[me]]', '[[alex]]', '[[sam]]'];
      // A [[ being typed: the completion replaces it (and a ]] the editor closed it with).
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      await editor.edit((e) => e.insert(end, '\n- [ ] Draft the plan [['));
      let at = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      let list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at, '[');
      for (const p of people) assert.ok(labels(list).includes(p), `${p} offered: ${labels(list).join(', ')}`);
      const alex = list.items.find((i) => labels({ items: [i] } as vscode.CompletionList)[0] === '[[alex]]')!;
      assert.equal((alex.range as vscode.Range).start.character, '- [ ] Draft the plan '.length);
      // A Dataview owner field's value: as a link here.
      await editor.edit((e) => e.replace(editor.document.lineAt(editor.document.lineCount - 1).range, '- [ ] Draft the plan (owner:: '));
      at = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at, ' ');
      for (const p of people) assert.ok(labels(list).includes(p), `${p} offered: ${labels(list).join(', ')}`);
      // After @, a mention as ever.
      await editor.edit((e) => e.replace(editor.document.lineAt(editor.document.lineCount - 1).range, '- [ ] Draft the plan @'));
      at = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at, '@');
      for (const p of ['@me', '@alex', '@sam']) assert.ok(labels(list).includes(p), `${p} offered: ${labels(list).join(', ')}`);
      await undoTo(editor, before);
      // The front matter's report: quoted, as YAML needs it.
      const pos = new vscode.Position(2, 'report: '.length);
      list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, pos);
      const got = labels(list);
      assert.ok(got.includes('"[[alex]]"'), `"[[alex]]" offered: ${got.join(', ')}`);
    });
  });
}
