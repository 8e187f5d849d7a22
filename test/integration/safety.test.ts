// Issue #8, "commands never overwrite; every edit is one undo step", in one
// place, on the bundled sample team (today 2026-11-22).
//
// The commands come from package.json's contributes.commands, read here at
// load time: each is either read-only (listed below with the reason), or it
// creates files, or it edits a note, and then it has a case below. A command
// added to package.json without either fails the suite.
//
//   creates  the target is written first with sentinel bytes; the command
//            runs with its scripted arguments; the target's bytes, and every
//            other file's, are unchanged, and the target is the active editor.
//   edits    the command runs on an open note; the text changed as expected;
//            exactly one `undo` gives the text back byte for byte.
//
// The edits that are not commands are here too: a quick fix's edit, the
// source.fixAll.cadence action and the dashboard board's status move.
// The workspace is put back with resetTeam after each test.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Dashboard } from '../../src/extension/dashboard';
import { codeOf, EXTENSION_ID, waitFor, withTimeout, workspaceFolder } from './helpers';
import { folderOf, resetTeam, teamApi, uri, type CadenceApi } from './team';

/** Commands that write no file and edit no note, and why. */
const READ_ONLY: Record<string, string> = {
  'cadence.showAttention': 'a quick pick of overdue items and lapsed 1:1s; opens the one picked',
  'cadence.reindex': 're-reads the notes; writes nothing',
  'cadence.openLocation': 'opens a file at a line',
  'cadence.toggleScreenShare': 'UI state only (workspaceState)',
  'cadence.actionItems.groupByOwner': 'tree grouping (workspaceState)',
  'cadence.actionItems.groupByDue': 'tree grouping (workspaceState)',
  'cadence.openDashboard': 'opens the webview; its one edit, the board move, is covered below',
  'cadence.fixApplied': 'the signal a quick fix sends when applied (a walkthrough step waits for it); does nothing',
  'cadence.openWalkthrough': 'opens the getting-started walkthrough',
};

interface CreateCase {
  /** The file the command writes (folder-relative). */
  target: string;
  run(): Thenable<unknown>;
}

/** File-creating commands: their scripted arguments and the file they would write. */
const CREATES: Record<string, CreateCase> = {
  'cadence.newOneOnOne': { target: '1on1s/alex/2026-11-22.md', run: () => vscode.commands.executeCommand('cadence.newOneOnOne', 'alex', '2026-11-22') },
  'cadence.newOkrSet': { target: 'okrs/2027-Q1.okr.yaml', run: () => vscode.commands.executeCommand('cadence.newOkrSet', '2027-Q1') },
  'cadence.addPerson': {
    target: 'people/mina.md',
    run: () => vscode.commands.executeCommand('cadence.addPerson', { name: 'Mina Cho', id: 'mina', cadence: 'weekly' }),
  },
  'cadence.preparePreRead': {
    target: 'okr-reviews/2026-Q4-2026-11-29-pre-read.md',
    run: () => vscode.commands.executeCommand('cadence.preparePreRead', '2026-Q4', '2026-11-29'),
  },
  'cadence.prepareReviewPacket': {
    target: 'reviews/alex-2026-11-22.md',
    run: () => vscode.commands.executeCommand('cadence.prepareReviewPacket', { personId: 'alex', to: '2026-11-22' }),
  },
  // Adding to a config that exists is one undoable edit (conventions.test.ts).
  'cadence.addPreCommitHook': { target: '.pre-commit-config.yaml', run: () => vscode.commands.executeCommand('cadence.addPreCommitHook') },
};

/**
 * Copies many files and opens none: checked on its own (sentinels on files it
 * would copy stay; a missing one is copied; nothing else changes).
 */
const COPIES_MANY = 'cadence.copySampleTeam';

/**
 * Takes back what another command did: checked on its own (New 1:1 then its
 * undo leaves every file of the workspace byte for byte as before).
 */
const UNDOES = 'cadence.undoCarryOver';

interface EditCase {
  file: string;
  /** Runs the edit on the open document. */
  run(doc: vscode.TextDocument): Promise<unknown>;
  /** The text the edit must leave. */
  expect(before: string): string;
}

/** Applies a code action the way VS Code does: its edit, then its command. */
async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applyEdit failed for "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

function replaceLine(text: string, line: number, replacement: string): string {
  const lines = text.split('\n');
  assert.ok(line < lines.length, `line ${line + 1} exists`);
  lines[line] = replacement;
  return lines.join('\n');
}

function diagnosticAt(doc: vscode.TextDocument, code: string, line: number): vscode.Diagnostic | undefined {
  return vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === 'cadence' && codeOf(d) === code && d.range.start.line === line);
}

async function quickFix(doc: vscode.TextDocument, code: string, line: number, title: string): Promise<vscode.CodeAction> {
  await waitFor(() => !!diagnosticAt(doc, code, line), 15_000, () => `no ${code} on ${vscode.workspace.asRelativePath(doc.uri)}:${line + 1}`);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnosticAt(doc, code, line)!.range, vscode.CodeActionKind.QuickFix.value);
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `a quick fix "${title}": ${actions.map((a) => a.title).join(' | ')}`);
  return action;
}

const ALEX_NOTE = '1on1s/alex/2026-11-19.md';
/** 0-based: "- [ ] Ask the DBA guild to review the replica-lag alert thresholds due:2026-11-26" (no owner). */
const NO_OWNER = 29;

/** Editing commands: a scripted run on an open note and the text it must leave. */
const EDITS: Record<string, EditCase> = {
  'cadence.toggleActionItem': {
    file: '1on1s/sam/2026-11-18.md',
    run: (doc) => Promise.resolve(vscode.commands.executeCommand('cadence.toggleActionItem', doc.uri, 28)),
    expect: (t) => replaceLine(t, 28, '- [x] Update the O2 KR1 numbers after the re-scope [owner:: sam] [due:: 2026-11-25] [completion:: 2026-11-22]'),
  },
  'cadence.checkInKeyResult': {
    file: 'okrs/2026-Q4.okr.yaml',
    // O2 is the second objective, KR3 its third key result (lines 78–86).
    run: (doc) => Promise.resolve(vscode.commands.executeCommand('cadence.checkInKeyResult', doc.uri, 1, 2, { current: 75, confidence: 0.8, note: 'two more shadow weeks' })),
    expect: (t) => {
      const lines = t.split('\n');
      const i = lines.indexOf('      - id: KR3', 70);
      assert.deepEqual(lines.slice(i + 5, i + 9), ['        current: 60', '        unit: percent', '        confidence: 0.7', '        status: on-track'], 'O2 KR3 as the sample has it');
      lines.splice(i + 5, 1, '        current: 75');
      lines.splice(i + 7, 1, '        confidence: 0.8');
      lines.splice(i + 9, 0, '        checkins:', '          - { date: 2026-11-22, current: 75, confidence: 0.8, note: "two more shadow weeks" }');
      return lines.join('\n');
    },
  },
  // Sam has no 1:1 dated today or later: the point goes to a new inbox at the end of the person file.
  'cadence.addTalkingPoint': {
    file: 'people/sam.md',
    run: () => Promise.resolve(vscode.commands.executeCommand('cadence.addTalkingPoint', 'sam', 'Conference budget for the spring')),
    expect: (t) => t.replace(/\n*$/, '\n\n## Talking points\n- [ ] Conference budget for the spring\n'),
  },
  'cadence.applyFixWithInput': {
    file: ALEX_NOTE,
    run: async (doc) => {
      const pick = await quickFix(doc, 'action-missing-owner', NO_OWNER, 'Assign to…');
      assert.ok(pick.command, '"Assign to…" runs cadence.applyFixWithInput');
      assert.equal(pick.command.command, 'cadence.applyFixWithInput');
      await vscode.commands.executeCommand(pick.command.command, ...(pick.command.arguments ?? []), 'priya');
    },
    expect: (t) => replaceLine(t, NO_OWNER, '- [ ] Ask the DBA guild to review the replica-lag alert thresholds @priya due:2026-11-26'),
  },
};

/** Edits that are not commands. */
const OTHER_EDITS: Record<string, EditCase> = {
  'a quick fix with an edit ("Assign to @alex")': {
    file: ALEX_NOTE,
    run: async (doc) => {
      const fix = await quickFix(doc, 'action-missing-owner', NO_OWNER, 'Assign to @alex (the report)');
      assert.ok(fix.edit, 'the fix carries its edit');
      await applyAction(fix);
    },
    expect: (t) => replaceLine(t, NO_OWNER, '- [ ] Ask the DBA guild to review the replica-lag alert thresholds @alex due:2026-11-26'),
  },
  'a quick fix with an edit in YAML ("Due at the end of 2026-Q4")': {
    file: 'okrs/2026-Q4.okr.yaml',
    run: async (doc) => {
      await applyAction(await quickFix(doc, 'kr-missing-due', 77, 'Due at the end of 2026-Q4 (2026-12-31)'));
    },
    expect: (t) => {
      const lines = t.split('\n');
      assert.equal(lines[79], '        owner: sam');
      lines.splice(80, 0, '        due: 2026-12-31');
      return lines.join('\n');
    },
  },
  'source.fixAll.cadence': {
    file: ALEX_NOTE,
    run: async (doc) => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount - 1, 0), 'source.fixAll.cadence');
      const fixAll = actions.filter((a) => a.kind?.value === 'source.fixAll.cadence');
      assert.equal(fixAll.length, 1, 'one fix-all action');
      await applyAction(fixAll[0]);
    },
    // Set up by the test: two impossible due dates; fix-all moves both to the nearest real day (a rating out of range is a guess, an owner a choice: left alone).
    expect: (t) => t.replace('@alex due:2026-11-31', '@alex due:2026-11-30').replace('@me due:2026-11-32', '@me due:2026-11-30'),
  },
};

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Every file in the workspace folder and its bytes (dot folders skipped; dot files, like .pre-commit-config.yaml, kept). */
async function snapshot(root = workspaceFolder().uri, prefix = ''): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const [name, type] of await vscode.workspace.fs.readDirectory(root)) {
    if (name.startsWith('.') && type & vscode.FileType.Directory) continue;
    const rel = prefix ? `${prefix}/${name}` : name;
    const child = vscode.Uri.joinPath(root, name);
    if (type & vscode.FileType.Directory) for (const [k, v] of await snapshot(child, rel)) out.set(k, v);
    else out.set(rel, await vscode.workspace.fs.readFile(child));
  }
  return out;
}

function changedFiles(before: Map<string, Uint8Array>, after: Map<string, Uint8Array>): string[] {
  const out: string[] = [];
  for (const [rel, bytes] of before) {
    const now = after.get(rel);
    if (!now) out.push(`${rel} (deleted)`);
    else if (!sameBytes(bytes, now)) out.push(`${rel} (rewritten)`);
  }
  for (const rel of after.keys()) if (!before.has(rel)) out.push(`${rel} (created)`);
  return out.sort();
}

const SENTINEL = (rel: string) => new TextEncoder().encode(`SENTINEL for ${rel}: hand-written, must survive byte for byte\r\n\u00e9\u4e2d\n`);

/** The contributed commands, read when mocha loads this file (the extension is loaded by then). */
function contributedCommands(): string[] {
  const pkg = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes?: { commands?: { command: string }[] } } | undefined;
  return (pkg?.contributes?.commands ?? []).map((c) => c.command);
}

if (process.env.CADENCE_TEST_WORKSPACE_NAME === 'team') {
  describe('safety: commands never overwrite, every edit is one undo step', function () {
    let api: CadenceApi;
    const contributed = contributedCommands();

    before(async function () {
      this.timeout(180_000);
      api = await teamApi();
      await resetTeam(api);
    });

    afterEach(async function () {
      this.timeout(120_000);
      await resetTeam(api);
    });

    it('every contributed command is read-only, creates files, or edits, and has its case here', function () {
      assert.ok(contributed.length > 0, 'package.json contributes commands');
      const classes = (id: string) => [id in READ_ONLY, id in CREATES, id in EDITS, id === COPIES_MANY, id === UNDOES].filter(Boolean).length;
      const unclassified = contributed.filter((id) => classes(id) === 0);
      assert.deepEqual(unclassified, [], 'commands with no case: a new command that writes needs a CREATES or EDITS case here; a read-only one goes in READ_ONLY');
      assert.deepEqual(contributed.filter((id) => classes(id) > 1), [], 'commands in two classes');
      const listed = [...Object.keys(READ_ONLY), ...Object.keys(CREATES), ...Object.keys(EDITS), COPIES_MANY, UNDOES];
      assert.deepEqual(listed.filter((id) => !contributed.includes(id)), [], 'cases for commands package.json no longer contributes');
    });

    it('every cadence.* command the extension registers is contributed (none writes unseen)', async function () {
      const registered = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('cadence.'));
      // VS Code's own commands for the contributed views (focus, reset location, …).
      const views = ['cadence.reports', 'cadence.objectives', 'cadence.actionItems'];
      const viewCommand = (c: string) => views.some((v) => c.startsWith(`${v}.`) && /^(focus|resetViewLocation|removeView|toggleVisibility|open)$/.test(c.slice(v.length + 1)));
      assert.deepEqual(registered.filter((c) => !contributed.includes(c) && !viewCommand(c)).sort(), [], 'registered but not in package.json');
      assert.deepEqual(contributed.filter((c) => !registered.includes(c)), [], 'in package.json but not registered');
    });

    for (const id of contributed) {
      if (id in READ_ONLY || id === COPIES_MANY || id === UNDOES) continue;
      const create = CREATES[id];
      const edit = EDITS[id];
      if (create) {
        it(`${id} does not replace an existing ${create.target}: it opens it, and writes nothing`, async function () {
          const target = uri(create.target);
          await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
          await vscode.workspace.fs.writeFile(target, SENTINEL(create.target));
          const before = await snapshot();
          await withTimeout(Promise.resolve(create.run()), 30_000, `${id} did not finish within 30 s`);
          const after = await snapshot();
          assert.ok(sameBytes(after.get(create.target) ?? new Uint8Array(), SENTINEL(create.target)), `${create.target} was overwritten`);
          assert.deepEqual(changedFiles(before, after), [], `${id} wrote files although its target exists`);
          await waitFor(
            () => vscode.window.activeTextEditor?.document.uri.toString() === target.toString(),
            10_000,
            () => `${id} should open the existing ${create.target}; the active editor is ${vscode.window.activeTextEditor?.document.uri.toString() ?? 'none'}`,
          );
          assert.equal(vscode.window.activeTextEditor?.document.isDirty, false, 'opened untouched');
        });
      } else if (edit) {
        it(`${id} edits ${edit.file}, and one undo restores it byte for byte`, async function () {
          await checkOneUndo(edit);
        });
      } else {
        it(`${id} has a case here`, function () {
          assert.fail(`${id} is contributed but is neither READ_ONLY nor has a CREATES or EDITS case in safety.test.ts`);
        });
      }
    }

    it(`${COPIES_MANY} keeps every file that exists, copies only a missing one, and opens nothing over them`, async function () {
      const kept = ['people/alex.md', 'okrs/2026-Q4.okr.yaml', '1on1s/jordan/2026-11-06.md'];
      const missing = '1on1s/priya/2026-11-17.md';
      for (const rel of kept) await vscode.workspace.fs.writeFile(uri(rel), SENTINEL(rel));
      const sample = await vscode.workspace.fs.readFile(uri(missing));
      await vscode.workspace.fs.delete(uri(missing));
      const before = await snapshot();
      await withTimeout(Promise.resolve(vscode.commands.executeCommand(COPIES_MANY)), 30_000, `${COPIES_MANY} did not finish`);
      const after = await snapshot();
      assert.deepEqual(changedFiles(before, after), [`${missing} (created)`], 'only the missing file was written');
      assert.ok(sameBytes(after.get(missing)!, sample), `${missing} is the sample's`);
      for (const rel of kept) assert.ok(sameBytes(after.get(rel)!, SENTINEL(rel)), `${rel} kept`);
    });

    it(`${UNDOES} after New 1:1 puts every file back byte for byte; with nothing to undo it writes nothing`, async function () {
      this.timeout(60_000);
      const before = await snapshot();
      assert.equal(await vscode.commands.executeCommand(UNDOES), false, 'nothing to undo yet');
      assert.deepEqual(changedFiles(before, await snapshot()), []);
      await withTimeout(Promise.resolve(vscode.commands.executeCommand('cadence.newOneOnOne', 'alex', '2026-11-22')), 30_000, 'New 1:1 did not finish');
      assert.deepEqual(changedFiles(before, await snapshot()), ['1on1s/alex/2026-11-19.md (rewritten)', '1on1s/alex/2026-11-22.md (created)']);
      assert.equal(await vscode.commands.executeCommand(UNDOES), true);
      assert.deepEqual(changedFiles(before, await snapshot()), [], 'the undo left a file changed');
    });

    for (const [what, edit] of Object.entries(OTHER_EDITS)) {
      it(`${what} edits ${edit.file}, and one undo restores it byte for byte`, async function () {
        if (what === 'source.fixAll.cadence') {
          // Two problems that fix-all fixes without asking, and one it leaves (a guess), made (and saved) first.
          const doc = await vscode.workspace.openTextDocument(uri(edit.file));
          const text = doc.getText();
          const broken = text
            .replace('@alex due:2026-11-30', '@alex due:2026-11-31')
            .replace('@me due:2026-11-25', '@me due:2026-11-32')
            .replace(/^happiness: \d+$/m, 'happiness: 9');
          assert.ok(broken.includes('@alex due:2026-11-31') && broken.includes('@me due:2026-11-32') && broken.includes('happiness: 9'), 'the note has the two items and happiness');
          const we = new vscode.WorkspaceEdit();
          we.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), broken);
          assert.ok(await vscode.workspace.applyEdit(we));
          assert.ok(await doc.save());
          const due = broken.split('\n').findIndex((l) => l.includes('due:2026-11-31'));
          await waitFor(() => !!diagnosticAt(doc, 'invalid-date', due), 15_000, () => 'no invalid-date on due:2026-11-31');
        }
        await checkOneUndo(edit);
      });
    }

    it('the dashboard board move (a webview message, no command) is one undo step', async function () {
      this.timeout(60_000);
      const dash = (await vscode.commands.executeCommand<Dashboard>('cadence.openDashboard'))!;
      const Q4 = 'okrs/2026-Q4.okr.yaml';
      const doc = await vscode.workspace.openTextDocument(uri(Q4));
      await vscode.window.showTextDocument(doc, { preview: false });
      const before = doc.getText();
      assert.equal(doc.lineAt(21).text, '        status: on-track', 'O1 KR1 status, line 22');
      assert.equal(await dash.moveKeyResult(folderOf(api), { type: 'setStatus', set: '2026-Q4', objectiveIndex: 0, index: 0, status: 'at-risk' }), true);
      assert.equal(doc.getText(), replaceLine(before, 21, '        status: at-risk'), 'only the status value changed');
      await vscode.window.showTextDocument(doc, { preview: false });
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), before, 'one undo restores the OKR file');
      dash.panel.dispose();
    });
  });
}

/** Runs the edit on the open note: the text is as expected, and one undo gives back the exact text. */
async function checkOneUndo(edit: EditCase): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri(edit.file));
  await vscode.window.showTextDocument(doc, { preview: false });
  const before = doc.getText();
  const want = edit.expect(before);
  assert.notEqual(want, before, 'the case expects a change');
  await edit.run(doc);
  await waitFor(() => doc.getText() !== before, 10_000, () => `${edit.file} was not edited`);
  assert.equal(doc.getText(), want, `${edit.file} after the edit`);
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('undo');
  const after = doc.getText();
  assert.ok(after === before, `one undo should restore ${edit.file} byte for byte; after one undo it differs${after === want ? ' (still the edited text)' : ''}:\n${firstDifference(before, after)}`);
}

function firstDifference(a: string, b: string): string {
  const al = a.split('\n');
  const bl = b.split('\n');
  for (let i = 0; i < Math.max(al.length, bl.length); i++) {
    if (al[i] !== bl[i]) return `line ${i + 1}: expected ${JSON.stringify(al[i])}, got ${JSON.stringify(bl[i])}`;
  }
  return '(no line differs)';
}
