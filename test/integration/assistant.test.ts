// The chat assistant's language-model tools (issue 21) in the real VS Code,
// called through vscode.lm.invokeTool as a chat would (no model needed;
// outside a chat request the toolInvocationToken is undefined).
//
// On every fixture workspace: with the default settings no private text
// comes back — every private line's words (the bodies of private 1:1 notes
// and person files, private blocks and %% text anywhere, SPEC §15), read
// here from the files themselves, are looked for in every tool's answer for
// every person and every OKR set; with cadence.assistant.privateText on, the
// same search finds them (where the workspace has private action items or
// talking points); screen-share mode turns every tool off; the one question
// about private text is asked once. The counts agree with the status bar.
//
// On the sample team: each tool's answer, its figures held to the Reports
// tree, the dashboard's data and the Objectives tree.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { dashboardData } from '../../src/core/dashboard-data';
import type { ConsentAnswer } from '../../src/extension/assistant-tools';
import type { CadenceApi } from '../../src/extension/feature';
import { activateCadence, waitFor, withTimeout, workspaceFolder } from './helpers';

const NAMES = ['cadence_prepareOneOnOne', 'cadence_needsAttention', 'cadence_summarizeOkrSet'] as const;
const SETTING = 'cadence.assistant.privateText';
const workspaceName = process.env.CADENCE_TEST_WORKSPACE_NAME ?? 'this workspace';

/** A tool's answer as text. */
async function invoke(name: string, input: object): Promise<string> {
  const r = await withTimeout(Promise.resolve(vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined })), 60_000, `${name} did not answer within 60 s`);
  return r.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
}

/** Words as SPEC §15 cuts them (NFC, lower case), letters and marks only: numbers and dates are allowed in answers. */
function words(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? []).filter((w) => w.length > 1 || /\p{L}/u.test(w));
}

const WINDOW = 4;

/**
 * Every run of 4 words of a text, a run ending at a line break and at the
 * answers' separators (quotes, dashes, middle dots, brackets): an id beside
 * a title, or one line's end beside the next line's start, is not a phrase
 * anyone wrote.
 */
function windows(text: string): string[] {
  const out: string[] = [];
  for (const run of text.split(/[\n"“”—·()]/)) {
    const ws = words(run);
    for (let i = 0; i + WINDOW <= ws.length; i++) out.push(ws.slice(i, i + WINDOW).join(' '));
  }
  return out;
}

/** What a task line carries besides its words: owners, dates, Dataview fields, wikilinks (names are not private text). */
function stripTokens(line: string): string {
  return line
    .replace(/^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s+(?:\[.\]\s+)?/u, '')
    .replace(/\[\[[^\]]*\]\]/g, ' ')
    .replace(/[[(][^\])]*::[^\])]*[\])]/g, ' ')
    .replace(/@\S+/g, ' ')
    .replace(/\b(?:due|done|owner)::?\S*/gi, ' ');
}

interface Rooms {
  /** Each private line's text (file:line → text). */
  readonly privateLines: Map<string, string>;
  /** Every 4-word window of public text: OKR sets, shared notes and reviews outside private blocks, front matter. */
  readonly publicWindows: Set<string>;
}

/** Every file of the workspace folder, relative; dot folders skipped. */
async function listFiles(root: vscode.Uri, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(root)) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const rel = prefix ? `${prefix}/${name}` : name;
    if (type & vscode.FileType.Directory) out.push(...(await listFiles(vscode.Uri.joinPath(root, name), rel)));
    else out.push(rel);
  }
  return out;
}

/**
 * Reads the rooms from the files (SPEC §15), with Cadence's index saying only
 * what kind each file is and whether a 1:1 is shared.
 */
async function readRooms(api: CadenceApi): Promise<Rooms> {
  const privateLines = new Map<string, string>();
  const publicWindows = new Set<string>();
  const root = workspaceFolder().uri;
  const folder = [...api.workspace.folders.values()][0];
  const titles = (folder?.dataset.okrSets() ?? [])
    .flatMap((s) => s.objectives.flatMap((o) => [o.title, ...o.keyResults.map((k) => k.title)]))
    .map((t) => words(t ?? '').join(' '))
    .filter(Boolean);
  for (const rel of await listFiles(root)) {
    if (!/\.(md|markdown|ya?ml)$/i.test(rel)) continue;
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, ...rel.split('/')))).replace(/\r\n?/g, '\n');
    const doc = folder?.dataset.doc(rel);
    const lines = text.split('\n');
    const addPublic = (t: string) => {
      for (const w of windows(t)) publicWindows.add(w);
    };
    if (/\.ya?ml$/i.test(rel)) {
      addPublic(text);
      continue;
    }
    let body = 0;
    if (lines[0]?.replace(/^\uFEFF/, '').trim() === '---') {
      const end = lines.indexOf('---', 1);
      if (end > 0) {
        body = end + 1;
        addPublic(lines.slice(0, body).join('\n'));
      }
    }
    // SPEC §15: a private line holding an objective's or key result's full title is about a public OKR.
    const aboutOkr = (line: string) => titles.some((t) => ` ${words(line).join(' ')} `.includes(` ${t} `));
    const privateFile = doc?.kind === 'person' || (doc?.kind === '1on1' && doc.visibility !== 'shared');
    let inBlock = false;
    let inPercent = false;
    const shared: string[] = [];
    for (let l = body; l < lines.length; l++) {
      const line = lines[l];
      if (/^\s*<!--\s*private\s*-->\s*$/i.test(line)) inBlock = true;
      else if (/^\s*<!--\s*\/\s*private\s*-->\s*$/i.test(line)) inBlock = false;
      // %% text: what stands between %% marks (over lines too).
      let visible = '';
      const hidden: string[] = [];
      line.split('%%').forEach((part, k) => {
        if (k > 0) inPercent = !inPercent;
        if (inPercent) hidden.push(part);
        else visible += ` ${part}`;
      });
      for (const h of hidden) if (words(h).length) privateLines.set(`${rel}:${l + 1} (%%)`, h);
      if (/^\s*#/.test(line)) continue; // headings are not text
      if (privateFile || inBlock) {
        if (words(stripTokens(visible)).length && !aboutOkr(visible)) privateLines.set(`${rel}:${l + 1}`, stripTokens(visible));
      } else shared.push(visible);
    }
    addPublic(shared.join('\n'));
  }
  return { privateLines, publicWindows };
}

/** The distinctive private windows: in private text and in no public text. */
function distinctive(rooms: Rooms): Map<string, string> {
  const out = new Map<string, string>();
  for (const [where, line] of rooms.privateLines) for (const w of windows(line)) if (!rooms.publicWindows.has(w) && !out.has(w)) out.set(w, where);
  return out;
}

/** Every call worth making on this workspace: what needs attention, the current sets, each person (by id and by name), each OKR set. */
function everyCall(api: CadenceApi): { what: string; name: string; input: object }[] {
  const ds = [...api.workspace.folders.values()][0]?.dataset;
  const out: { what: string; name: string; input: object }[] = [
    { what: 'needs attention', name: NAMES[1], input: {} },
    { what: 'OKR sets (current)', name: NAMES[2], input: {} },
  ];
  for (const p of ds?.people() ?? []) {
    out.push({ what: `1:1 with ${p.id}`, name: NAMES[0], input: { person: p.id } });
    if (p.name) out.push({ what: `1:1 with ${p.name}`, name: NAMES[0], input: { person: p.name } });
  }
  for (const s of ds?.okrSets() ?? []) out.push({ what: `OKR set ${s.id}`, name: NAMES[2], input: { set: s.id } });
  return out;
}

/** Every answer the tools give on this workspace, by call. */
async function everyAnswer(api: CadenceApi): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const c of everyCall(api)) out.set(c.what, await invoke(c.name, c.input));
  return out;
}

/** Which distinctive private windows an answer holds. */
function leaks(answers: Map<string, string>, secret: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [tool, text] of answers) {
    for (const w of new Set(windows(text))) {
      const from = secret.get(w);
      if (from) out.push(`${tool}: "${w}" (from ${from})`);
    }
  }
  return out;
}

async function setPrivateText(on: boolean | undefined): Promise<void> {
  await vscode.workspace.getConfiguration().update(SETTING, on, vscode.ConfigurationTarget.Global);
  const want = on === true;
  const deadline = Date.now() + 10_000;
  while (vscode.workspace.getConfiguration().get<boolean>(SETTING) !== want) {
    if (Date.now() > deadline) throw new Error(`${SETTING} did not become ${want}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

if (process.env.CADENCE_TEST_RESTRICTED !== '1') {
  describe(`assistant tools (issue 21) on ${workspaceName}`, function () {
    let api: CadenceApi;
    const asked: string[] = [];
    let answer: ConsentAnswer = 'not-now';

    before(async function () {
      this.timeout(180_000);
      api = (await activateCadence()) as unknown as CadenceApi;
      await api.workspace.reindexNow();
      assert.ok(api.assistant, 'activate() publishes the assistant tools');
      // The real question is a modal that would stay open in the test window: answer it here.
      api.assistant.consent.prompt = async () => {
        asked.push('asked');
        return answer;
      };
      await api.assistant.consent.reset();
      await setPrivateText(undefined);
      if (api.state.screenShare()) await api.state.setScreenShare(false);
    });

    after(async function () {
      this.timeout(60_000);
      await setPrivateText(undefined);
      await api.assistant?.consent.reset();
      if (api.state.screenShare()) await api.state.setScreenShare(false);
    });

    it('VS Code lists the three tools with their schemas and tags', function () {
      for (const name of NAMES) {
        const tool = vscode.lm.tools.find((t) => t.name === name);
        assert.ok(tool, `${name} is not in vscode.lm.tools: ${vscode.lm.tools.map((t) => t.name).join(', ')}`);
        assert.ok(tool.tags.includes('cadence') && tool.tags.includes('read-only'), `${name} tags: ${tool.tags.join(', ')}`);
        assert.equal((tool.inputSchema as { type?: string } | undefined)?.type, 'object', `${name} has an object input schema`);
        assert.match(tool.description, /Read-only/);
      }
    });

    it('with the default settings, no private text comes back from any tool, for any person or OKR set; the question is asked once', async function () {
      this.timeout(300_000);
      const rooms = await readRooms(api);
      const secret = distinctive(rooms);
      const answers = await everyAnswer(api);
      assert.deepEqual(leaks(answers, secret), [], 'private text in an answer');
      // A workspace whose people have 1:1s has private text to protect: the search had something to look for.
      const ds = [...api.workspace.folders.values()][0]?.dataset;
      const privateNotes = [...(ds?.docs() ?? [])].filter((d) => d.kind === '1on1' && d.visibility !== 'shared');
      if (privateNotes.length) assert.ok(secret.size > 0, 'no private text was found to look for');
      const withheld = [...answers.values()].some((t) => t.includes('(private: text not shared with the assistant)'));
      if (withheld) {
        await api.assistant!.consent.pending;
        assert.deepEqual(asked, ['asked'], 'asked once, however many answers left text out');
        assert.equal(vscode.workspace.getConfiguration().get(SETTING), false, '"Not now" leaves the setting off');
      } else assert.deepEqual(asked, [], 'nothing was left out: nothing to ask');
    });

    it('with cadence.assistant.privateText on, the private action items and talking points are quoted', async function () {
      this.timeout(300_000);
      const rooms = await readRooms(api);
      const secret = distinctive(rooms);
      const off = await everyAnswer(api);
      assert.equal(api.assistant!.prepare('needsAttention', {}).confirmationMessages, undefined, 'nothing private is sent: no confirmation');
      assert.match(api.assistant!.prepare('needsAttention', {}).invocationMessage as string, /\(no private note text\)$/);
      await setPrivateText(true);
      try {
        // Private notes may go: the chat asks first (VS Code answers it itself while tests run).
        const person = [...api.workspace.folders.values()][0]?.dataset.people()[0];
        const prepared = api.assistant!.prepare('prepareOneOnOne', { person: person?.id ?? 'someone' });
        assert.equal(prepared.confirmationMessages?.title, 'Send private 1:1 notes to the chat model?');
        assert.match(String(prepared.confirmationMessages?.message), /cadence\.assistant\.privateText is on/);
        assert.match(prepared.invocationMessage as string, /\(private notes included\)$/);
        const on = await everyAnswer(api);
        const found = leaks(on, secret);
        const withheldOff = [...off.values()].some((t) => t.includes('(private: text not shared with the assistant)'));
        if (withheldOff) assert.ok(found.length > 0, 'the texts left out with the setting off are not in the answers with it on');
        for (const [k, t] of on) {
          assert.doesNotMatch(t, /private: text not shared/, `${k} still leaves text out`);
        }
        // The figures do not change with the setting: only quoted text does.
        const figures = (t: string) => t.split('\n').filter((l) => /^- (Cadence|Action items):|^\d+ overdue|^# /.test(l));
        for (const [k, t] of off) assert.deepEqual(figures(on.get(k)!), figures(t), k);
      } finally {
        await setPrivateText(undefined);
      }
    });

    it('"Allow" turns the setting on, for the next answers', async function () {
      this.timeout(120_000);
      let call: { name: string; input: object } | undefined;
      for (const c of everyCall(api)) if ((await invoke(c.name, c.input)).includes('(private: text not shared with the assistant)')) call = call ?? c;
      // A workspace with no private action item or talking point has nothing to ask about.
      if (!call) this.skip();
      await api.assistant!.consent.reset();
      asked.length = 0;
      answer = 'allow';
      try {
        assert.match(await invoke(call.name, call.input), /private: text not shared/, 'the answer does not wait for the question');
        await api.assistant!.consent.pending;
        assert.deepEqual(asked, ['asked']);
        assert.equal(vscode.workspace.getConfiguration().get(SETTING), true);
        assert.doesNotMatch(await invoke(call.name, call.input), /private: text not shared/);
      } finally {
        answer = 'not-now';
        await setPrivateText(undefined);
      }
    });

    it('the overdue count is the status bar’s', async function () {
      this.timeout(60_000);
      const text = await invoke(NAMES[1], {});
      const tool = /^(\d+) overdue action items?/m.exec(text);
      // The status bar is updated a moment after a change (and says "indexing" while an index fills): wait for its counts.
      const pattern = /\$\(checklist\) (\d+) overdue · (\d+) lapsed/;
      await waitFor(() => pattern.test(api.statusBarText?.() ?? ''), 30_000, () => `the status bar says "${api.statusBarText?.()}"`);
      const bar = pattern.exec(api.statusBarText?.() ?? '');
      assert.ok(tool && bar, `${text.split('\n')[2]} / ${api.statusBarText?.()}`);
      assert.equal(tool[1], bar[1]);
      assert.match(text, new RegExp(`^\\d+ overdue action items? \\(of \\d+ open\\), ${bar[2]} lapsed 1:1`, 'm'));
    });

    it('screen-share mode turns every tool off', async function () {
      this.timeout(60_000);
      await api.state.setScreenShare(true);
      try {
        for (const [name, input] of [
          [NAMES[0], { person: 'alex' }],
          [NAMES[1], {}],
          [NAMES[2], {}],
        ] as const) {
          const text = await invoke(name, input);
          assert.match(text, /^Cadence is in screen-share mode, so its assistant tools are off/, name);
          assert.ok(text.length < 300, `${name}: a short message`);
        }
      } finally {
        await api.state.setScreenShare(false);
      }
    });

    if (workspaceName === 'team') {
      describe('on the sample team', function () {
        it('prepares a 1:1 with the Reports tree’s and the dashboard’s figures', async function () {
          this.timeout(60_000);
          const ds = [...api.workspace.folders.values()][0].dataset;
          const data = dashboardData(ds);
          for (const card of data.people.filter((c) => !c.me)) {
            const text = await invoke(NAMES[0], { person: card.name });
            assert.match(text, new RegExp(`^# Preparing a 1:1 with ${card.name} \\(${card.id}\\), today ${data.today}`), card.id);
            assert.match(text, new RegExp(`^- Action items: ${card.openItems} open, ${card.overdueItems} overdue;`, 'm'), card.id);
            assert.match(text, new RegExp(`^## Open action items \\(${card.openItems}\\)`, 'm'), card.id);
            assert.match(text, new RegExp(`^## Pending talking points \\(${card.pendingTalkingPoints}\\)`, 'm'), card.id);
            if (card.lastOneOnOne) assert.match(text, new RegExp(`last 1:1 ${card.lastOneOnOne}`), card.id);
            const mine = data.sets.flatMap((s) => s.objectives.flatMap((o) => o.keyResults)).filter((k) => k.slipping.length && k.owner?.toLowerCase() === card.id.toLowerCase());
            assert.match(text, new RegExp(`^## Slipping key results ${card.name} owns \\(${mine.length}\\)`, 'm'), card.id);
            for (const k of mine) assert.ok(text.includes(`${k.objective}/${k.id} "${k.title}" — ${k.scoreText}`) && text.includes(k.slipping.join('; ')), `${card.id}: ${k.id}`);
            const recent = card.happiness.slice(-5).map((h) => `${h.date}: ${h.value}`).join(', ');
            if (recent) assert.ok(text.includes(recent), `${card.id}: happiness ${recent}`);
            const r = card.ratings[card.ratings.length - 1];
            if (r) assert.ok(text.includes(`${r.date}: you rated ${r.manager}, they rated ${r.report}`), `${card.id}: rating`);
            else assert.match(text, /## Last performance rating \(1–5\)\nNone recorded\./);
          }
        });

        it('every report: items of shared notes are quoted, the others are not, and the counts are the Reports tree’s', async function () {
          this.timeout(60_000);
          const ds = [...api.workspace.folders.values()][0].dataset;
          const tree = api.views!.reports;
          let quoted = 0;
          let withheld = 0;
          const nodes = tree.getChildren().flatMap((n) => ((n as { personId?: string }).personId ? [n] : tree.getChildren(n)));
          for (const node of nodes) {
            const id = (node as { personId?: string }).personId;
            const person = id ? ds.people().find((p) => p.id === id) : undefined;
            if (!person || person.me) continue;
            const text = await invoke(NAMES[0], { person: id });
            const description = String(tree.getTreeItem(node).description ?? '');
            const open = /(\d+) open/.exec(description);
            assert.ok(open, description);
            assert.match(text, new RegExp(`^- Action items: ${open[1]} open`, 'm'), id);
            const done = /(\d+)% done/.exec(description);
            if (done) assert.match(text, new RegExp(`completion ${done[1]}%`), id);
            const tps = /(\d+) talking points?/.exec(description);
            assert.match(text, new RegExp(`^## Pending talking points \\(${tps ? tps[1] : 0}\\)`, 'm'), id);
            const section = (title: string) => text.split(`## ${title}`)[1].split('\n## ')[0].split('\n').filter((l) => l.startsWith('- '));
            const lines = [...section('Open action items'), ...section('Pending talking points')];
            assert.equal(section('Open action items').length, Number(open[1]), id);
            for (const l of lines) {
              const path = /\(([^()]+):\d+\)$/.exec(l)?.[1];
              const doc = path ? ds.doc(path) : undefined;
              assert.ok(doc, `${id}: no file in ${l}`);
              const shared = (doc.kind === '1on1' || doc.kind === 'okr-review') && doc.visibility === 'shared';
              if (shared) {
                quoted++;
                assert.match(l, /^- "/, `shared, quoted: ${l}`);
              } else {
                withheld++;
                assert.match(l, /^- \(private: text not shared with the assistant\) — /, `private, not quoted: ${l}`);
              }
            }
            if (lines.some((l) => l.includes('(private: text not shared'))) assert.match(text, /texts? left out: .* cadence\.assistant\.privateText/, id);
          }
          assert.ok(quoted > 0 && withheld > 0, `quoted ${quoted}, withheld ${withheld}: the sample has both`);
        });

        it('an unknown person: the answer names the people it knows', async function () {
          const text = await invoke(NAMES[0], { person: 'nobody-here' });
          assert.match(text, /^Cadence has no person "nobody-here"\. The people it knows are: .*Alex Kim \(alex\)/);
        });

        it('what needs attention: every overdue item, lapsed 1:1 and slipping key result, in the views’ numbers', async function () {
          this.timeout(60_000);
          const ds = [...api.workspace.folders.values()][0].dataset;
          const data = dashboardData(ds);
          const text = await invoke(NAMES[1], {});
          const slipping = data.sets.flatMap((s) => s.objectives.flatMap((o) => o.keyResults.filter((k) => k.slipping.length)));
          const lapsed = data.people.filter((p) => p.status === 'lapsed');
          assert.match(text, new RegExp(`^${data.actionItems.overdue} overdue action items? \\(of ${data.actionItems.open} open\\), ${lapsed.length} lapsed 1:1s?, ${slipping.length} slipping key results?\\.`, 'm'));
          assert.match(text, new RegExp(`^## Overdue action items \\(${data.actionItems.overdue}\\)`, 'm'));
          for (const p of lapsed) assert.ok(text.includes(`- ${p.name} (${p.id}): `), p.id);
          for (const k of slipping) assert.ok(text.includes(`${k.set} ${k.objective}/${k.id} "${k.title}"`), k.id);
          const overdue = text.split('## Overdue action items')[1].split('\n## ')[0].split('\n').filter((l) => l.startsWith('- '));
          assert.equal(overdue.length, data.actionItems.overdue);
        });

        it('summarises an OKR set as the Objectives tree shows it', async function () {
          this.timeout(60_000);
          const ds = [...api.workspace.folders.values()][0].dataset;
          const data = dashboardData(ds);
          const q4 = data.sets.find((s) => s.id === '2026-Q4');
          assert.ok(q4);
          const text = await invoke(NAMES[2], { set: '2026-q4' });
          assert.match(text, /^# OKR set 2026-Q4 \(okrs\/2026-Q4\.okr\.yaml\), today 2026-11-22/);
          const score = q4.score === null ? '—' : q4.score.toFixed(2);
          assert.match(text, new RegExp(`^- Score ${score}; ${q4.objectives.length} objectives`, 'm'));
          for (const o of q4.objectives) {
            assert.ok(text.includes(`## ${o.id} ${o.title} — ${o.score === null ? '—' : o.score.toFixed(2)} · ${o.kind}`), o.id);
            for (const k of o.keyResults) {
              assert.ok(text.includes(`- ${k.id} "${k.title}" — ${k.scoreText}`), `${o.id}/${k.id}`);
              if (k.slipping.length) assert.ok(text.includes(`slipping: ${k.slipping.join('; ')}`), `${o.id}/${k.id} slipping`);
            }
          }
          // Without an id: the current set only (Q3 has ended).
          const current = await invoke(NAMES[2], {});
          assert.match(current, /^# OKR set 2026-Q4 /);
          assert.doesNotMatch(current, /# OKR set 2026-Q3/);
          assert.match(await invoke(NAMES[2], { set: 'nope' }), /^Cadence has no OKR set "nope"\. The sets are: 2026-Q3, 2026-Q4\.$/);
        });
      });
    }
  });
}
