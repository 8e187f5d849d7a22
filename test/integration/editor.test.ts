// The editor features inside a real VS Code, on the bundled sample team
// (today 2026-11-22): quick fixes with their exact resulting text, fix-all,
// completions, hovers, CodeLens, and the commands' resulting files. Every
// expected value here was worked out by hand from samples/team.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CadenceApi } from '../../src/extension/feature';
import { meetingDateNote, readMeetingDate } from '../../src/extension/carry-over';
import { activateCadence, answerPrompt, codeOf, hoverText, undoTo, waitFor, workspaceFolder } from './helpers';

/** The full API activate() returns (the helpers type only whenIndexed). */
async function cadenceApi(): Promise<CadenceApi> {
  return (await activateCadence()) as unknown as CadenceApi;
}

const onTeam = process.env.CADENCE_TEST_WORKSPACE_NAME === 'team';

function uri(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...rel.split('/'));
}

async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

function cadenceDiagnostics(rel: string, code: string, line: number): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri(rel)).filter((d) => d.source === 'cadence' && codeOf(d) === code && d.range.start.line === line - 1);
}

async function waitForDiagnostic(rel: string, code: string, line: number, present: boolean): Promise<void> {
  await waitFor(
    () => (cadenceDiagnostics(rel, code, line).length > 0) === present,
    15_000,
    () => `${rel}:${line} ${code} should be ${present ? 'present' : 'gone'}`,
  );
}

async function quickFixes(rel: string, code: string, line: number): Promise<vscode.CodeAction[]> {
  await waitForDiagnostic(rel, code, line, true);
  const d = cadenceDiagnostics(rel, code, line)[0];
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri(rel), d.range, vscode.CodeActionKind.QuickFix.value);
  // Actions come back through the command API without their `diagnostics`;
  // on these lines there is only the one diagnostic, so every quick fix is its.
  return actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value && (!a.diagnostics || a.diagnostics.some((x) => codeOf(x) === code)));
}

async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit failed for "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}



/** Adds `text` as the note's last line; returns its 1-based line. */
async function appendLine(editor: vscode.TextEditor, text: string): Promise<number> {
  const doc = editor.document;
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  await editor.edit((e) => e.insert(end, `${doc.getText().endsWith('\n') || doc.getText() === '' ? '' : '\n'}${text}`));
  return doc.lineCount;
}

function lineText(editor: vscode.TextEditor, line: number): string {
  return editor.document.lineAt(line - 1).text;
}

if (onTeam) {
  describe('editor features on the sample team', function () {
    before(async function () {
      assert.equal(process.env.CADENCE_TODAY, '2026-11-22');
      await activateCadence();
    });

    afterEach(async function () {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('offers owner fixes for an item without an owner; "Assign to @alex" edits only its token, undoably', async function () {
      const rel = '1on1s/alex/2026-11-19.md';
      const editor = await open(rel);
      const before = editor.document.getText();
      const fixes = await quickFixes(rel, 'action-missing-owner', 30);
      const titles = fixes.map((f) => f.title);
      assert.equal(titles[0], 'Assign to @alex (the report)');
      assert.ok(titles.includes('Assign to @me'));
      assert.ok(titles.includes('Assign to…'));
      const others = titles.filter((t) => /^Assign to @(jordan|priya|sam) /.test(t));
      assert.equal(others.length, 3, `three other people: ${titles.join(' | ')}`);
      assert.ok(fixes[0].isPreferred);
      await applyAction(fixes[0]);
      assert.equal(lineText(editor, 30), '- [ ] Ask the DBA guild to review the replica-lag alert thresholds @alex due:2026-11-26');
      await waitForDiagnostic(rel, 'action-missing-owner', 30, false);
      assert.equal(editor.document.getText().replace(' @alex due:2026-11-26', ' due:2026-11-26'), before, 'nothing but the token changed');
      await undoTo(editor, before);
      await waitForDiagnostic(rel, 'action-missing-owner', 30, true);
    });

    it('"Assign to…" takes a person and writes them (scripted answer)', async function () {
      const rel = '1on1s/alex/2026-11-19.md';
      const editor = await open(rel);
      const before = editor.document.getText();
      const pick = (await quickFixes(rel, 'action-missing-owner', 30)).find((f) => f.title === 'Assign to…');
      assert.ok(pick?.command, 'Assign to… runs a command that asks');
      await vscode.commands.executeCommand(pick.command.command, ...(pick.command.arguments ?? []), 'priya');
      assert.equal(lineText(editor, 30), '- [ ] Ask the DBA guild to review the replica-lag alert thresholds @priya due:2026-11-26');
      await undoTo(editor, before);
    });

    it('due-date fixes: the next 1:1 with the report, a week, the quarter; "Due on…" refuses a bad date', async function () {
      const rel = '1on1s/sam/2026-11-18.md';
      const editor = await open(rel);
      const before = editor.document.getText();
      const fixes = await quickFixes(rel, 'action-missing-due', 28);
      assert.deepEqual(
        fixes.map((f) => f.title),
        ['Due at the next 1:1 with @sam (2026-12-02)', 'Due in a week (2026-11-29)', 'Due at the end of the quarter (2026-12-31)', 'Due on…'],
      );
      await applyAction(fixes[0]);
      assert.equal(lineText(editor, 28), '- [ ] Book the incident-command training @sam due:2026-12-02');
      await waitForDiagnostic(rel, 'action-missing-due', 28, false);
      await undoTo(editor, before);
      const dueOn = (await quickFixes(rel, 'action-missing-due', 28)).find((f) => f.title === 'Due on…')!;
      await vscode.commands.executeCommand(dueOn.command!.command, ...(dueOn.command!.arguments ?? []), '2026-02-30');
      assert.equal(editor.document.getText(), before, 'a date that does not exist is refused; nothing is edited');
      await vscode.commands.executeCommand(dueOn.command!.command, ...(dueOn.command!.arguments ?? []), '2026-12-24');
      assert.equal(lineText(editor, 28), '- [ ] Book the incident-command training @sam due:2026-12-24');
      await undoTo(editor, before);
    });

    it('keeps a Dataview line in its own spelling', async function () {
      const rel = '1on1s/sam/2026-11-18.md';
      const editor = await open(rel);
      const before = editor.document.getText();
      const line = editor.document.lineAt(28).text;
      assert.match(line, /\[owner:: sam\] \[due:: 2026-11-25\]$/);
      await vscode.commands.executeCommand('cadence.toggleActionItem', uri(rel), 28);
      assert.equal(editor.document.lineAt(28).text, '- [x] Update the O2 KR1 numbers after the re-scope [owner:: sam] [due:: 2026-11-25] [completion:: 2026-11-22]');
      await vscode.commands.executeCommand('cadence.toggleActionItem', uri(rel), 28);
      assert.equal(editor.document.getText(), before, 'reopening removes the done date again');
    });

    it('overdue: "Mark done today" checks the box and adds the date; "Move to the next 1:1" moves the due date', async function () {
      const rel = '1on1s/jordan/2026-11-06.md';
      const editor = await open(rel);
      const before = editor.document.getText();
      const fixes = await quickFixes(rel, 'action-overdue', 26);
      assert.deepEqual(fixes.map((f) => f.title), ['Mark done today (2026-11-22)', 'Move to the next 1:1 (2026-11-27)']);
      await applyAction(fixes[0]);
      assert.equal(lineText(editor, 26), '- [x] Pair with Alex on the deploy pipeline runbook @jordan due:2026-11-13 done:2026-11-22');
      await waitForDiagnostic(rel, 'action-overdue', 26, false);
      await undoTo(editor, before);
      await applyAction((await quickFixes(rel, 'action-overdue', 26))[1]);
      assert.equal(lineText(editor, 26), '- [ ] Pair with Alex on the deploy pipeline runbook @jordan due:2026-11-27');
      await undoTo(editor, before);
    });

    it('an item that says "by Friday" gets "Due Friday, 2026-11-27" first and preferred; it adds the date and keeps the words, undoably', async function () {
      const rel = '1on1s/alex/2026-11-19.md';
      const editor = await open(rel);
      const before = editor.document.getText();
      const line = await appendLine(editor, '- [ ] Send the offsite agenda @alex by Friday');
      const fixes = await quickFixes(rel, 'action-missing-due', line);
      assert.equal(fixes[0].title, 'Due Friday, 2026-11-27');
      assert.deepEqual(fixes.map((f) => !!f.isPreferred), fixes.map((_, i) => i === 0), 'the one preferred fix');
      const typed = editor.document.getText();
      await applyAction(fixes[0]);
      assert.equal(lineText(editor, line), '- [ ] Send the offsite agenda @alex by Friday due:2026-11-27');
      await waitForDiagnostic(rel, 'action-missing-due', line, false);
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), typed, 'one undo takes the date back');
      await undoTo(editor, before);
    });

    it('"Due on…" takes a date in words ("in two weeks") as YYYY-MM-DD, and refuses one in the past without an edit', async function () {
      const rel = '1on1s/alex/2026-11-19.md';
      const editor = await open(rel);
      const before = editor.document.getText();
      const line = await appendLine(editor, '- [ ] Write the launch note @alex');
      const dueOn = (await quickFixes(rel, 'action-missing-due', line)).find((f) => f.title === 'Due on…');
      assert.equal(dueOn?.command?.command, 'cadence.applyFixWithInput');
      const [u, version, fix] = dueOn!.command!.arguments!;
      const typed = editor.document.getText();
      await vscode.commands.executeCommand('cadence.applyFixWithInput', u, version, fix, 'last friday');
      assert.equal(editor.document.getText(), typed, 'a past day is refused: nothing edited');
      await vscode.commands.executeCommand('cadence.applyFixWithInput', u, version, fix, 'in two weeks');
      assert.equal(lineText(editor, line), '- [ ] Write the launch note @alex due:2026-12-06');
      await undoTo(editor, before);
    });

    it('a key result without a due date gets one in its own block style and indentation', async function () {
      const rel = 'okrs/2026-Q4.okr.yaml';
      const editor = await open(rel);
      const before = editor.document.getText();
      const fixes = await quickFixes(rel, 'kr-missing-due', 78);
      assert.equal(fixes[0].title, 'Due at the end of 2026-Q4 (2026-12-31)');
      await applyAction(fixes[0]);
      assert.deepEqual(
        [78, 79, 80, 81, 82].map((l) => lineText(editor, l)),
        ['      - id: KR3', '        title: Every engineer shadows an on-call week before going primary', '        owner: sam', '        due: 2026-12-31', '        start: 0'],
      );
      await waitForDiagnostic(rel, 'kr-missing-due', 78, false);
      await undoTo(editor, before);
    });

    it('source.fixAll.cadence applies the fixes that need no choice, and only those', async function () {
      const rel = '1on1s/alex/2026-11-19.md';
      const editor = await open(rel);
      const before = editor.document.getText();
      const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('happiness:'));
      const item = '- [ ] Ask the DBA guild to review the replica-lag alert thresholds';
      assert.equal(lineText(editor, 30), `${item} due:2026-11-26`);
      await editor.edit((e) => {
        e.replace(editor.document.lineAt(line).range, 'happiness: 9');
        e.replace(editor.document.lineAt(29).range, `${item} due:2026-11-31`);
      });
      await waitForDiagnostic(rel, 'out-of-range', line + 1, true);
      await waitForDiagnostic(rel, 'invalid-date', 30, true);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(0, 0, editor.document.lineCount - 1, 0), 'source.fixAll.cadence');
      const fixAll = actions.filter((a) => a.kind?.value === 'source.fixAll.cadence');
      assert.equal(fixAll.length, 1);
      await applyAction(fixAll[0]);
      assert.equal(lineText(editor, 30), `${item} due:2026-11-30`, 'an impossible date to the nearest real one; an owner is a choice: left alone');
      assert.equal(editor.document.lineAt(line).text, 'happiness: 9', 'a value out of range is a guess (a scale of 10?): offered, left alone');
      await undoTo(editor, before);
    });

    it('completes people after "@" and dates after "due:"', async function () {
      const rel = '1on1s/alex/2026-11-19.md';
      const editor = await open(rel);
      const before = editor.document.getText();
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      await editor.edit((e) => e.insert(end, '\n- [ ] Draft the talk @'));
      const at = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      const people = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at, '@');
      const labels = people.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      for (const p of ['@me', '@alex', '@jordan', '@priya', '@sam']) assert.ok(labels.includes(p), `${p} offered: ${labels.join(', ')}`);
      await editor.edit((e) => e.insert(at, 'alex due:'));
      const at2 = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      const dates = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at2, ':');
      const dl = dates.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      for (const d of ['2026-11-22', '2026-11-23', '2026-11-26', '2026-11-23', '2026-11-30', '2026-12-31']) assert.ok(dl.includes(d), `${d} offered: ${dl.join(', ')}`);
      await undoTo(editor, before);
    });

    it('completes statuses in an OKR file and owners from the people', async function () {
      const editor = await open('okrs/2026-Q4.okr.yaml');
      const line = editor.document.getText().split('\n').findIndex((l) => l.includes('status: on-track'));
      const pos = new vscode.Position(line, editor.document.lineAt(line).text.indexOf('status: ') + 'status: '.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, pos);
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      for (const s of ['on-track', 'at-risk', 'off-track', 'done', 'cut']) assert.ok(labels.includes(s), `${s}: ${labels.join(', ')}`);
    });

    it('hovers a person and a key result', async function () {
      const editor = await open('1on1s/alex/2026-11-19.md');
      const pos = new vscode.Position(26, editor.document.lineAt(26).text.indexOf('@alex') + 2);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
      const text = hoverText(hovers);
      assert.match(text, /Alex Kim/);
      assert.match(text, /Senior Engineer/);
      assert.match(text, /every 7 days/);
      assert.match(text, /Last 1:1: 2026-11-19 \(3 days ago\)/);
      const okr = await open('okrs/2026-Q4.okr.yaml');
      const krPos = new vscode.Position(77, 12);
      const krHover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', okr.document.uri, krPos);
      const kt = hoverText(krHover);
      assert.match(kt, /O2\/KR3/);
      assert.match(kt, /Score 0\.60/);
    });

    it('shows CodeLens on key results and on the action items heading', async function () {
      const okr = await open('okrs/2026-Q4.okr.yaml');
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', okr.document.uri, 100);
      const titles = lenses.map((l) => l.command?.title ?? '');
      assert.ok(titles.includes('Check in…'));
      assert.ok(titles.some((t) => /^score 0\.60 · confidence 0\.70 · on-track$/.test(t)), titles.join(' | '));
      const note = await open('1on1s/alex/2026-11-19.md');
      const noteLenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', note.document.uri, 100);
      assert.deepEqual(noteLenses.map((l) => l.command?.title), ['3 open']);
    });

    it('Check in key result updates current and confidence and appends a dated check-in', async function () {
      const editor = await open('okrs/2026-Q4.okr.yaml');
      const before = editor.document.getText();
      // O2 is the second objective, KR3 its third key result.
      await vscode.commands.executeCommand('cadence.checkInKeyResult', editor.document.uri, 1, 2, { current: 75, confidence: 0.8, note: 'two more shadow weeks' });
      const lines = editor.document.getText().split('\n');
      const i = lines.indexOf('      - id: KR3', 70);
      assert.deepEqual(lines.slice(i, i + 11), [
        '      - id: KR3',
        '        title: Every engineer shadows an on-call week before going primary',
        '        owner: sam',
        '        start: 0',
        '        target: 100',
        '        current: 75',
        '        unit: percent',
        '        confidence: 0.8',
        '        status: on-track',
        '        checkins:',
        '          - { date: 2026-11-22, current: 75, confidence: 0.8, note: "two more shadow weeks" }',
      ]);
      await undoTo(editor, before);
    });

    it('an expired growth theme is extended by two months', async function () {
      const rel = 'people/priya.md';
      const editor = await open(rel);
      const before = editor.document.getText();
      const fixes = await quickFixes(rel, 'theme-expired', 11);
      assert.equal(fixes[0].title, 'Extend two months (until 2026-12-31)');
      await applyAction(fixes[0]);
      assert.equal(lineText(editor, 11), '    until: 2026-12-31');
      await waitForDiagnostic(rel, 'theme-expired', 11, false);
      await undoTo(editor, before);
    });

    it('applies cadence.rules severities live', async function () {
      const cfg = vscode.workspace.getConfiguration('cadence');
      const overdue = () => cadenceDiagnostics('1on1s/jordan/2026-11-06.md', 'action-overdue', 26);
      await waitForDiagnostic('1on1s/jordan/2026-11-06.md', 'action-overdue', 26, true);
      assert.equal(overdue()[0].severity, vscode.DiagnosticSeverity.Warning);
      try {
        await cfg.update('rules', { 'action-overdue': 'error' }, vscode.ConfigurationTarget.Workspace);
        await waitFor(() => overdue()[0]?.severity === vscode.DiagnosticSeverity.Error, 15_000, () => 'action-overdue did not become an error');
        await cfg.update('rules', { 'action-overdue': 'off' }, vscode.ConfigurationTarget.Workspace);
        await waitForDiagnostic('1on1s/jordan/2026-11-06.md', 'action-overdue', 26, false);
      } finally {
        await cfg.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await waitForDiagnostic('1on1s/jordan/2026-11-06.md', 'action-overdue', 26, true);
    });

    it('inserts the PODS 1:1 snippet, and the result reads as a 1:1 with one action item', async function () {
      const target = uri('1on1s/sam/2026-11-25.md');
      await vscode.workspace.fs.writeFile(target, new Uint8Array());
      const editor = await vscode.window.showTextDocument(target);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'PODS 1:1 note' });
      await waitFor(() => editor.document.getText().includes('## Action items'), 10_000, () => `snippet not inserted:\n${editor.document.getText()}`);
      const text = editor.document.getText();
      for (const h of ['## OKRs', '## Development plan', '## Happiness retrospective', '## Performance', '## Action items']) assert.ok(text.includes(h), `${h} in the snippet`);
      assert.match(text, /^---\ntype: 1on1\n/);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.workspace.fs.delete(target);
    });

    it('Copy In the Sample Team never replaces a file that exists', async function () {
      const target = uri('people/alex.md');
      const original = await vscode.workspace.fs.readFile(target);
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('---\ntype: person\nname: Alex (edited)\n---\n'));
      try {
        await vscode.commands.executeCommand('cadence.copySampleTeam');
        assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), '---\ntype: person\nname: Alex (edited)\n---\n');
      } finally {
        await vscode.workspace.fs.writeFile(target, original);
      }
    });

    it('the status bar counts overdue items and lapsed 1:1s', async function () {
      const api = await activateCadence();
      const text = () => (api as unknown as { statusBarText?: () => string }).statusBarText?.() ?? '';
      // Jordan's item due 2026-11-13 and Inês's [/] outline 📅 2026-11-20 are the overdue items; Jordan the one lapsed report.
      await waitFor(() => text() === '$(checklist) 2 overdue · 1 lapsed', 15_000, () => `status bar says "${text()}"`);
    });

    it('follows folders: a note written into a new folder is read, and deleting the folder drops it', async function () {
      const folder = uri('1on1s/zed');
      const rel = '1on1s/zed/2026-11-21.md';
      await vscode.workspace.fs.createDirectory(folder);
      await vscode.workspace.fs.writeFile(uri(rel), new TextEncoder().encode('---\ntype: 1on1\nreport: sam\ndate: 2026-11-21\n---\n- [ ] Folder test item due:2026-11-30\n'));
      await waitForDiagnostic(rel, 'action-missing-owner', 6, true);
      await vscode.workspace.fs.delete(folder, { recursive: true });
      await waitFor(() => vscode.languages.getDiagnostics(uri(rel)).length === 0, 15_000, () => `${rel} still has diagnostics after its folder was deleted`);
    });

    it('New 1:1 creates the PODS note, carries open items over (markers, nesting, source) and marks them forwarded; never overwrites', async function () {
      const api = await cadenceApi();
      const prevBefore = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri('1on1s/alex/2026-11-19.md')));
      // The date box opens with today; Enter takes it.
      const created = await answerPrompt(vscode.commands.executeCommand<vscode.Uri>('cadence.newOneOnOne', 'alex'), 'accept');
      assert.equal(created?.path, uri('1on1s/alex/2026-11-22.md').path);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
      const lines = text.split('\n');
      assert.deepEqual(lines.slice(0, 4), ['---', 'type: 1on1', 'report: alex', 'date: 2026-11-22']);
      const headings = lines.filter((l) => l.startsWith('## '));
      // The note `cadence new` writes (SPEC §16: the same core code): talking points first; issue 18: a Feedback section (its placeholders count as no feedback).
      assert.deepEqual(headings, ['## Talking points', '## OKRs', '## Development plan', '## Happiness retrospective', '## Performance', '## Feedback', '## Action items']);
      // SPEC §18: every slipping key result of theirs, and why (Q4 O1 KR2 is at-risk).
      assert.deepEqual(
        lines.filter((l) => l.startsWith('- 2026-Q4 ')),
        ['- 2026-Q4 O1/KR2 Keep p99 write latency under 15 ms during cutovers — score 0.86; slipping: status at-risk'],
      );
      const at = lines.indexOf('## Action items');
      // The nested open item stays under its open parent; each carried group says where it came from.
      assert.deepEqual(lines.slice(at + 1, at + 5), [
        '- [ ] Billing cluster cutover plan @alex due:2026-11-30 (from [2026-11-19](2026-11-19.md))',
        '  - [ ] Book the maintenance window with support @me due:2026-11-25',
        '- [ ] Ask the DBA guild to review the replica-lag alert thresholds due:2026-11-26 (from [2026-11-19](2026-11-19.md))',
        '- [ ] ',
      ]);
      // The cursor is on the new, empty action line, ready to type.
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), created.toString());
      assert.deepEqual([editor!.selection.active.line, editor!.selection.active.character], [at + 4, 6]);
      // Said in a notification with an Undo.
      assert.equal(
        api.lastCarryOver?.()?.message,
        'Cadence: carried 3 open action items from the 2026-11-19 1:1 into 1on1s/alex/2026-11-22.md, and marked them [>] (forwarded) there.',
      );
      const prev = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri('1on1s/alex/2026-11-19.md'))).split('\n');
      assert.equal(prev[26], '- [>] Billing cluster cutover plan @alex due:2026-11-30');
      assert.equal(prev[27], '  - [x] Dry run on staging @alex done:2026-11-18');
      assert.equal(prev[28], '  - [>] Book the maintenance window with support @me due:2026-11-25');
      assert.equal(prev[29], '- [>] Ask the DBA guild to review the replica-lag alert thresholds due:2026-11-26');
      // Undo takes it all back: the new note is gone, the previous note is as it was, byte for byte.
      assert.equal(await vscode.commands.executeCommand('cadence.undoCarryOver'), true);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(created)), 'the new note is deleted');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri('1on1s/alex/2026-11-19.md'))), prevBefore);
      assert.equal(api.lastCarryOver?.(), undefined);
      // Again, for real; a second run opens the existing note and writes nothing.
      const again = await answerPrompt(vscode.commands.executeCommand<vscode.Uri>('cadence.newOneOnOne', 'alex'), 'accept');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(again)), text);
      await vscode.workspace.fs.writeFile(again, new TextEncoder().encode(text + 'my own words\n'));
      await vscode.commands.executeCommand('cadence.newOneOnOne', 'alex', '2026-11-22');
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(again)), /my own words\n$/);
      // Put back: the tests below start from Alex's notes as the sample has them.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(again);
      await vscode.workspace.fs.writeFile(uri('1on1s/alex/2026-11-19.md'), new TextEncoder().encode(prevBefore));
    });

    it('New 1:1 keeps `*` and `1.` markers and a plain bullet the items sit under; undo asks before deleting a note typed into', async function () {
      const api = await cadenceApi();
      const folderOf = () => [...api.workspace.folders.values()][0];
      const prevRel = '1on1s/sam/2026-11-18.md';
      const original = await vscode.workspace.fs.readFile(uri(prevRel));
      const body = new TextDecoder().decode(original).replace(/\n## Action items\n[\s\S]*$/, '\n## Action items\n* [ ] Star item @sam due:2026-11-30\n- Hiring\n  1. [ ] Ordered child @me due:2026-12-01\n  2. [x] Done child @me\n');
      await vscode.workspace.fs.writeFile(uri(prevRel), new TextEncoder().encode(body));
      try {
        await waitFor(() => {
          const d = folderOf().dataset.doc(prevRel);
          return d?.kind === '1on1' && d.items.some((i) => i.text === 'Star item');
        }, 15_000, () => 'the edited note is not indexed');
        // Written behind the editor's back: a document of it still open from an earlier test must
        // have taken the disk's text too, as it would long before a person runs the next command
        // (else New 1:1's edit of it meets "the file has changed in the meantime" and is refused).
        const stale = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri(prevRel).toString() && d.getText() !== body);
        await waitFor(() => !stale(), 15_000, () => 'the open document of the edited note still shows the old text');
        const created = await vscode.commands.executeCommand<vscode.Uri>('cadence.newOneOnOne', 'sam', '2026-11-22');
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
        const lines = text.split('\n');
        const at = lines.indexOf('## Action items');
        assert.deepEqual(lines.slice(at + 1, at + 5), [
          '* [ ] Star item @sam due:2026-11-30 (from [2026-11-18](2026-11-18.md))',
          '- Hiring (from [2026-11-18](2026-11-18.md))',
          '  1. [ ] Ordered child @me due:2026-12-01',
          '- [ ] ',
        ]);
        // Typed into and typed back (unsaved, the same text): Undo needs no question,
        // reverts the editor, closes it and deletes the note. (Changed text asks in a
        // modal first, which a headless run cannot answer.)
        const editor = vscode.window.activeTextEditor!;
        await editor.edit((e) => e.insert(editor.selection.active, 'typed'));
        await editor.edit((e) => e.delete(new vscode.Range(editor.selection.active.translate(0, -5), editor.selection.active)));
        assert.equal(editor.document.getText(), text);
        assert.equal(await vscode.commands.executeCommand('cadence.undoCarryOver'), true);
        assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(prevRel))), body);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(uri('1on1s/sam/2026-11-22.md')).then(undefined, () => undefined);
        await vscode.workspace.fs.writeFile(uri(prevRel), original);
      }
    });

    it('New 1:1 carries over an item typed into the last note a moment ago, before the typing delay is up', async function () {
      const prevRel = '1on1s/sam/2026-11-18.md';
      const original = await vscode.workspace.fs.readFile(uri(prevRel));
      const editor = await open(prevRel);
      try {
        const end = editor.document.lineCount;
        await editor.edit((e) => e.insert(new vscode.Position(end, 0), '- [ ] Typed a moment ago @sam due:2026-12-02\n'));
        // At once (the date given, no box to answer): the dataset has not seen the keystrokes yet (they wait out the typing delay).
        const created = await vscode.commands.executeCommand<vscode.Uri>('cadence.newOneOnOne', 'sam', 'today');
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
        assert.ok(text.includes('- [ ] Typed a moment ago @sam due:2026-12-02'), `the typed item is carried over:\n${text}`);
        await vscode.workspace.fs.delete(created);
      } finally {
        await vscode.window.showTextDocument(editor.document);
        if (editor.document.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.writeFile(uri(prevRel), original);
      }
    });

    it('New 1:1 on a later date prepares that 1:1 ahead: the note is dated so, carries from the last 1:1 and leaves today free', async function () {
      const prevRel = '1on1s/alex/2026-11-19.md';
      const prevBefore = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(prevRel)));
      const rel = '1on1s/alex/2026-11-26.md';
      try {
        // "Thursday" said on Sunday 2026-11-22 is 2026-11-26, as the date box reads it.
        const created = await vscode.commands.executeCommand<vscode.Uri>('cadence.newOneOnOne', 'alex', 'Thursday');
        assert.equal(created?.path, uri(rel).path);
        const lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(created)).split('\n');
        assert.deepEqual(lines.slice(0, 4), ['---', 'type: 1on1', 'report: alex', 'date: 2026-11-26']);
        assert.equal(lines[lines.findIndex((l) => l.startsWith('# '))], '# 1:1 with Alex Kim — 2026-11-26');
        assert.ok(lines.includes('- [ ] Billing cluster cutover plan @alex due:2026-11-30 (from [2026-11-19](2026-11-19.md))'), lines.join('\n'));
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), created.toString());
        // Prepared ahead, it is no 1:1 held: Alex's last 1:1 is still 2026-11-19, and today's box says the 26th is ready.
        const api = await cadenceApi();
        const folder = [...api.workspace.folders.values()][0];
        await waitFor(() => !!folder.dataset.doc(rel), 15_000, () => `${rel} is not indexed`);
        assert.equal(meetingDateNote(folder, 'alex', '2026-11-22'), 'one is prepared for 2026-11-26 (type that date to open it)');
        assert.equal(meetingDateNote(folder, 'alex', '2026-11-26'), 'the 1:1 of 2026-11-26 exists: Enter opens it');
        assert.equal(meetingDateNote(folder, 'alex', '2026-12-03'), undefined);
        // That date again opens it and writes nothing.
        const again = await vscode.commands.executeCommand<vscode.Uri>('cadence.newOneOnOne', 'alex', '2026-11-26');
        assert.equal(again?.toString(), created.toString());
        assert.equal(await vscode.commands.executeCommand('cadence.undoCarryOver'), true);
        await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(created)), 'the prepared note is deleted by Undo');
        assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(prevRel))), prevBefore);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(uri(rel)).then(undefined, () => undefined);
        await vscode.workspace.fs.writeFile(uri(prevRel), new TextEncoder().encode(prevBefore));
      }
    });

    it('New 1:1 on a later date for a running log: a new dated meeting at the top of the log, carrying the prepared one\'s points; one Undo', async function () {
      const rel = '1on1s/morgan/morgan.md';
      const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(rel)));
      try {
        // The 2026-11-30 meeting is prepared already: that date opens it, at its heading, and writes nothing.
        const existing = await vscode.commands.executeCommand<vscode.Uri>('cadence.newOneOnOne', 'morgan', '2026-11-30');
        assert.equal(existing?.path, uri(rel).path);
        assert.equal(vscode.window.activeTextEditor?.selection.active.line, 6);
        assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(rel))), before);
        const created = await vscode.commands.executeCommand<vscode.Uri>('cadence.newOneOnOne', 'morgan', '2026-12-14');
        assert.equal(created?.path, uri(rel).path);
        const lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(rel))).split('\n');
        // Newest on top, at the meetings' level; a manager's meeting has no ratings; the 11-30 points are carried and forwarded.
        assert.deepEqual(lines.slice(6, 14), [
          '## 2026-12-14',
          'happiness:: ',
          '### Talking points',
          "- [ ] Alex's staff promotion packet: timeline for the December committee",
          '- [ ] Preview environments: the budget for Q1',
          '### Action items',
          '- [ ] ',
          '',
        ]);
        assert.equal(lines[14], '## 2026-11-30');
        assert.deepEqual(lines.slice(16, 18), ["- [>] Alex's staff promotion packet: timeline for the December committee", '- [>] Preview environments: the budget for Q1']);
        assert.equal(vscode.window.activeTextEditor?.selection.active.line, 12);
        assert.equal(await vscode.commands.executeCommand('cadence.undoCarryOver'), true);
        assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(rel))), before);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.writeFile(uri(rel), new TextEncoder().encode(before));
      }
    });

    it('New 1:1 with today\'s date for a log with a meeting prepared ahead: the new meeting stands below it, the log stays newest first', async function () {
      const rel = '1on1s/morgan/morgan.md';
      const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(rel)));
      try {
        // The box holds today (2026-11-22) and says the 2026-11-30 meeting is prepared; Enter takes today.
        const created = await answerPrompt(vscode.commands.executeCommand<vscode.Uri>('cadence.newOneOnOne', 'morgan'), 'accept');
        assert.equal(created?.path, uri(rel).path);
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(rel)));
        assert.deepEqual(text.split('\n').filter((l) => l.startsWith('## ')), ['## 2026-11-30', '## 2026-11-22', '## 2026-11-16', '## 2026-11-02']);
        assert.equal(vscode.window.activeTextEditor?.document.lineAt(vscode.window.activeTextEditor.selection.active.line).text, '- [ ] ');
        // The prepared meeting is after it: nothing is carried from it, and it is left as it was.
        assert.ok(text.includes("## 2026-11-30\n### Talking points\n- [ ] Alex's staff promotion packet"), text);
        assert.equal(await vscode.commands.executeCommand('cadence.undoCarryOver'), false, 'nothing was carried: there is no carry-over to undo');
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.writeFile(uri(rel), new TextEncoder().encode(before));
      }
    });

    it('New 1:1 refuses a date that is not a real day, is before today or is no date, with a sentence, and writes nothing', async function () {
      const today = '2026-11-22';
      assert.deepEqual(readMeetingDate('2026-02-30', today), { problem: '2026-02-30 is not a real date (check the month and the day).' });
      assert.deepEqual(readMeetingDate('2026-11-21', today), { problem: '2026-11-21 is before today (2026-11-22): a new 1:1 is dated today, or later to prepare it ahead.' });
      assert.deepEqual(readMeetingDate('yesterday', today), { problem: '“yesterday” is in the past: a new 1:1 is today or later.' });
      assert.match((readMeetingDate('someday soon', today) as { problem: string }).problem, /is not a date Cadence reads/);
      assert.deepEqual(readMeetingDate(' 2026-11-22 ', today), { date: '2026-11-22' });
      assert.deepEqual(readMeetingDate('next friday', today), { date: '2026-11-27', phrase: 'next friday' });
      const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri('1on1s/alex/2026-11-19.md')));
      for (const bad of ['2026-02-30', '2026-11-21', 'someday soon']) {
        assert.equal(await vscode.commands.executeCommand('cadence.newOneOnOne', 'alex', bad), undefined, bad);
      }
      const written = (await vscode.workspace.fs.readDirectory(uri('1on1s/alex'))).map(([n]) => n).filter((n) => n > '2026-11-19.md');
      assert.deepEqual(written, [], 'no note was created');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri('1on1s/alex/2026-11-19.md'))), before);
    });

    it('New 1:1: Escape in the date box cancels, and nothing is written', async function () {
      const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri('1on1s/alex/2026-11-19.md')));
      const morgan = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri('1on1s/morgan/morgan.md')));
      assert.equal(await answerPrompt(vscode.commands.executeCommand('cadence.newOneOnOne', 'alex'), 'escape'), undefined);
      assert.equal(await answerPrompt(vscode.commands.executeCommand('cadence.newOneOnOne', 'morgan'), 'escape'), undefined);
      const written = (await vscode.workspace.fs.readDirectory(uri('1on1s/alex'))).map(([n]) => n).filter((n) => n > '2026-11-19.md');
      assert.deepEqual(written, [], 'no note was created');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri('1on1s/alex/2026-11-19.md'))), before);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri('1on1s/morgan/morgan.md'))), morgan);
      assert.equal(vscode.window.activeTextEditor, undefined, 'no editor opened');
    });

    it('New OKR set and Add person create files and refuse to overwrite', async function () {
      const set = await vscode.commands.executeCommand<vscode.Uri>('cadence.newOkrSet', '2027-Q1');
      const setText = new TextDecoder().decode(await vscode.workspace.fs.readFile(set));
      assert.match(setText, /^type: okr\nperiod: 2027-Q1\n/);
      const person = await vscode.commands.executeCommand<vscode.Uri>('cadence.addPerson', { name: 'Mina Cho', id: 'mina', cadence: 'weekly' });
      const personText = new TextDecoder().decode(await vscode.workspace.fs.readFile(person));
      assert.match(personText, /^---\ntype: person\nname: Mina Cho\n/);
      assert.match(personText, /\ncadence: weekly\n/);
      await vscode.workspace.fs.writeFile(person, new TextEncoder().encode('keep me'));
      await vscode.commands.executeCommand('cadence.addPerson', { name: 'Mina Cho', id: 'mina', cadence: 'weekly' });
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(person)), 'keep me');
    });
  });
}
