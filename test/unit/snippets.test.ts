// The snippets (snippets/*.json): valid VS Code snippet files, and every body,
// expanded the way VS Code would with each tab stop left at its default (or
// first choice) and today = 2026-11-22, is a file Cadence reads cleanly.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dataset } from '../../src/core/dataset';
import type { OkrSetDoc, OneOnOneDoc, PersonDoc, ReviewDoc } from '../../src/core/model';

const ROOT = join(__dirname, '..', '..');
const TODAY = '2026-11-22';
const VARIABLES: Record<string, string> = {
  CURRENT_YEAR: '2026',
  CURRENT_YEAR_SHORT: '26',
  CURRENT_MONTH: '11',
  CURRENT_DATE: '22',
};
/** Codes a snippet filled with its defaults must never produce. */
const FORBIDDEN = ['yaml-syntax', 'invalid-date', 'out-of-range', 'missing-field', 'duplicate-id', 'kr-not-measurable'];

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

// ---- A small expander for VS Code's snippet syntax -------------------------

type Node =
  | { t: 'text'; v: string }
  | { t: 'stop'; n: number; children?: Node[]; choices?: string[] }
  | { t: 'var'; name: string; children?: Node[] };

function parseSnippet(src: string): Node[] {
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at ${i} in ${JSON.stringify(src)}`);
  };
  const parseAny = (inPlaceholder: boolean): Node[] => {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ t: 'text', v: text });
      text = '';
    };
    while (i < src.length) {
      const c = src[i];
      if (c === '\\' && i + 1 < src.length && '$}\\'.includes(src[i + 1])) {
        text += src[i + 1];
        i += 2;
      } else if (c === '}' && inPlaceholder) {
        break;
      } else if (c === '$') {
        const m = /^\$(\d+|[A-Za-z_][A-Za-z_0-9]*)/.exec(src.slice(i));
        if (m) {
          flush();
          out.push(/^\d/.test(m[1]) ? { t: 'stop', n: +m[1] } : { t: 'var', name: m[1] });
          i += m[0].length;
          continue;
        }
        const b = /^\$\{(\d+|[A-Za-z_][A-Za-z_0-9]*)([:|}])/.exec(src.slice(i));
        if (!b) fail('bad $');
        flush();
        i += b![0].length;
        const isStop = /^\d/.test(b![1]);
        if (b![2] === '}') {
          out.push(isStop ? { t: 'stop', n: +b![1] } : { t: 'var', name: b![1] });
        } else if (b![2] === ':') {
          const children = parseAny(true);
          if (src[i] !== '}') fail('unclosed placeholder');
          i++;
          out.push(isStop ? { t: 'stop', n: +b![1], children } : { t: 'var', name: b![1], children });
        } else {
          if (!isStop) fail('a choice needs a tab stop number');
          const choices: string[] = [];
          let cur = '';
          for (;;) {
            if (i >= src.length) fail('unclosed choice');
            const d = src[i];
            if (d === '\\' && ',|\\$}'.includes(src[i + 1])) {
              cur += src[i + 1];
              i += 2;
            } else if (d === ',') {
              choices.push(cur);
              cur = '';
              i++;
            } else if (d === '|' && src[i + 1] === '}') {
              choices.push(cur);
              i += 2;
              break;
            } else {
              cur += d;
              i++;
            }
          }
          out.push({ t: 'stop', n: +b![1], choices });
        }
      } else {
        text += c;
        i++;
      }
    }
    flush();
    return out;
  };
  const nodes = parseAny(false);
  if (i !== src.length) fail('unexpected }');
  return nodes;
}

/** The text VS Code inserts when every tab stop keeps its default (or first choice). */
function expand(body: string | string[]): string {
  const nodes = parseSnippet(Array.isArray(body) ? body.join('\n') : body);
  const defaults = new Map<number, Node[] | string>();
  const collect = (ns: Node[]) => {
    for (const n of ns) {
      if (n.t === 'stop' && (n.children || n.choices) && !defaults.has(n.n)) defaults.set(n.n, n.choices ? n.choices[0] : n.children!);
      if ('children' in n && n.children) collect(n.children);
    }
  };
  collect(nodes);
  const render = (ns: Node[]): string =>
    ns
      .map((n) => {
        if (n.t === 'text') return n.v;
        if (n.t === 'var') {
          if (n.name in VARIABLES) return VARIABLES[n.name];
          if (n.children) return render(n.children);
          throw new Error(`unknown snippet variable ${n.name}`);
        }
        const d = n.choices ? n.choices[0] : n.children ? n.children : defaults.get(n.n);
        return d === undefined ? '' : typeof d === 'string' ? d : render(d);
      })
      .join('');
  return render(nodes);
}

/** What VS Code does on insertion: every line after the first takes the cursor line's indentation. */
function indented(text: string, pad: string): string {
  return text
    .split('\n')
    .map((l, i) => (i === 0 || l === '' ? l : pad + l))
    .join('\n');
}

// ---- Helpers -----------------------------------------------------------------

function load(file: string): Record<string, Snippet> {
  return JSON.parse(readFileSync(join(ROOT, 'snippets', file), 'utf8'));
}

function byPrefix(snippets: Record<string, Snippet>, prefix: string): Snippet {
  const found = Object.values(snippets).filter((s) => ([] as string[]).concat(s.prefix).includes(prefix));
  assert.equal(found.length, 1, `exactly one snippet with prefix ${prefix}`);
  return found[0];
}

function check(files: Record<string, string>, path: string) {
  const ds = new Dataset({ today: TODAY });
  for (const [p, text] of Object.entries(files)) ds.setFile(p, text);
  const bad = ds.diagnostics(path).filter((d) => FORBIDDEN.includes(d.code));
  assert.deepEqual(
    bad.map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`),
    [],
    `${path}:\n${files[path]}`,
  );
  const doc = ds.doc(path);
  assert.ok(doc, `${path} is read as a Cadence file`);
  return { ds, doc };
}

const markdown = load('cadence-markdown.json');
const yaml = load('cadence-yaml.json');

const NOTE = '1on1s/alex/2026-11-22.md';
const PERSON = 'people/alex.md';
const REVIEW = 'okr-reviews/2026-Q4-mid.md';
const OKR = 'okrs/2026-Q4.okr.yaml';

/** A 1:1 note around a body fragment. */
function noteWith(fragment: string): string {
  return `---\ntype: 1on1\nreport: alex\ndate: ${TODAY}\n---\n${fragment}\n`;
}

describe('snippets', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

  it('are contributed for Markdown and YAML', () => {
    assert.deepEqual(pkg.contributes.snippets, [
      { language: 'markdown', path: './snippets/cadence-markdown.json' },
      { language: 'yaml', path: './snippets/cadence-yaml.json' },
    ]);
  });

  for (const [file, snippets] of [
    ['cadence-markdown.json', markdown],
    ['cadence-yaml.json', yaml],
  ] as const) {
    it(`${file}: every snippet has a prefix, a body and a description, and parses`, () => {
      const prefixes = new Set<string>();
      assert.ok(Object.keys(snippets).length > 0);
      for (const [name, s] of Object.entries(snippets)) {
        assert.deepEqual(Object.keys(s).sort(), ['body', 'description', 'prefix'], name);
        const ps = ([] as unknown[]).concat(s.prefix);
        assert.ok(ps.length > 0 && ps.every((p) => typeof p === 'string' && /^[a-z0-9-]+$/.test(p)), `${name}: prefix`);
        for (const p of ps as string[]) {
          assert.ok(!prefixes.has(p), `prefix ${p} used twice`);
          prefixes.add(p);
        }
        const body = ([] as unknown[]).concat(s.body);
        assert.ok(body.length > 0 && body.every((l) => typeof l === 'string'), `${name}: body`);
        assert.ok(typeof s.description === 'string' && s.description.length > 10, `${name}: description`);
        assert.doesNotThrow(() => expand(s.body), name);
        for (const l of expand(s.body).split('\n')) assert.ok(!/[ \t]$/.test(l), `${name}: trailing space in ${JSON.stringify(l)}`);
      }
    });
  }

  it('the expander follows VS Code: defaults, first choices, mirrors, variables, escapes', () => {
    assert.equal(expand('${1:a ${2:b}} $2 ${3|x,y\\,z|} \\$1 $CURRENT_YEAR-${CURRENT_MONTH} ${TM_X:d}$0'), 'a b b x $1 2026-11 d');
  });

  describe('Markdown', () => {
    it('1on1: a full PODS note, in order, with the 1–5 scale, that Cadence reads', () => {
      const text = expand(byPrefix(markdown, '1on1').body);
      const { doc } = check({ [NOTE]: text }, NOTE);
      const note = doc as OneOnOneDoc;
      assert.equal(note.kind, '1on1');
      assert.equal(note.report?.id, 'person-id');
      assert.equal(note.date, TODAY);
      assert.equal(note.visibility, 'private');
      assert.equal(note.happiness, 1);
      assert.equal(note.managerRating, 1);
      assert.equal(note.reportRating, 1);
      assert.deepEqual(
        note.headings.map((h) => h.text),
        // SPEC §14: feedback both ways, after the performance conversation.
        ['OKRs', 'Development plan', 'Happiness retrospective', 'Performance', 'Feedback', 'Decisions', 'Action items'],
      );
      assert.match(text.split('\n---\n')[1], /^\*\*Purpose:\*\* /);
      assert.deepEqual(
        note.retro.map((r) => r.mood),
        ['keep', 'fix', 'clarify'],
      );
      for (let n = 1; n <= 5; n++) assert.match(text, new RegExp(`^> - ${n} — \\S.*expectations`, 'm'));
      assert.equal(note.items.length, 1);
      const item = note.items[0];
      assert.equal(item.status, 'open');
      assert.equal(item.owner?.id, 'owner');
      assert.equal(item.due?.value, TODAY);
      assert.equal(item.spelling, 'cadence');
    });

    it('1on1-short: hidden blocker, career question, manager decision', () => {
      const text = expand(byPrefix(markdown, '1on1-short').body);
      const note = check({ [NOTE]: text }, NOTE).doc as OneOnOneDoc;
      assert.equal(note.kind, '1on1');
      assert.deepEqual(
        note.headings.map((h) => h.text),
        ['Hidden blocker', 'Career question', 'Manager decision', 'Action items'],
      );
      assert.equal(note.items.length, 1);
    });

    it('retro: the three markers, read as keep / fix / clarify', () => {
      const note = check({ [NOTE]: noteWith(expand(byPrefix(markdown, 'retro').body)) }, NOTE).doc as OneOnOneDoc;
      assert.deepEqual(
        note.retro.map((r) => r.mood),
        ['keep', 'fix', 'clarify'],
      );
    });

    it('performance: both ratings and the 1–5 scale', () => {
      const text = expand(byPrefix(markdown, 'performance').body);
      assert.match(text, /^## Performance$/m);
      for (let n = 1; n <= 5; n++) assert.match(text, new RegExp(`^> - ${n} — `, 'm'));
      assert.match(text, /^- Manager: 1 — /m);
      assert.match(text, /^- Report: 1 — /m);
      check({ [NOTE]: noteWith(text) }, NOTE);
    });

    for (const prefix of ['todo', 'action']) {
      it(`${prefix}: one action item with one owner and one due date`, () => {
        const text = expand(byPrefix(markdown, prefix).body);
        assert.equal(text, `- [ ] what @owner due:${TODAY}`);
        const note = check({ [NOTE]: noteWith(`## Action items\n${text}`) }, NOTE).doc as OneOnOneDoc;
        assert.equal(note.items.length, 1);
        assert.equal(note.items[0].owner?.id, 'owner');
        assert.equal(note.items[0].due?.value, TODAY);
        assert.equal(note.items[0].text, 'what');
      });
    }

    it('theme: a growth theme entry for a person file', () => {
      const theme = expand(byPrefix(markdown, 'theme').body);
      const text = `---\ntype: person\nname: Alex Kim\nthemes:\n  ${indented(theme, '  ')}\n---\n`;
      const person = check({ [PERSON]: text }, PERSON).doc as PersonDoc;
      assert.equal(person.themes.length, 1);
      assert.equal(person.themes[0].title, 'What they want to grow in');
      assert.equal(person.themes[0].since?.value, TODAY);
      assert.equal(person.themes[0].until, undefined, 'until is left for the user: two months after since');
      // Filled in, two months on, it reads as a date.
      const filled = text.replace(/until: +#/, 'until: 2027-01-22   #');
      assert.equal((check({ [PERSON]: filled }, PERSON).doc as PersonDoc).themes[0].until?.value, '2027-01-22');
    });

    it('person: a person file with cadence, a theme and a development plan', () => {
      const text = expand(byPrefix(markdown, 'person').body);
      const person = check({ [PERSON]: text }, PERSON).doc as PersonDoc;
      assert.equal(person.kind, 'person');
      assert.equal(person.id, 'alex');
      assert.equal(person.name, 'Full Name');
      assert.equal(person.cadenceDays, 14);
      assert.equal(person.since?.value, TODAY);
      assert.equal(person.manages, false);
      assert.equal(person.themes.length, 1);
      assert.equal(person.development.length, 2);
    });

    it('okr-review: pre-read, per-objective movement, dependency, decision request, Decision: and an action item', () => {
      const text = expand(byPrefix(markdown, 'okr-review').body);
      const review = check({ [REVIEW]: text }, REVIEW).doc as ReviewDoc;
      assert.equal(review.kind, 'okr-review');
      assert.equal(review.date, TODAY);
      assert.equal(review.preRead, TODAY);
      assert.equal(review.okrs, '2026-Q1');
      assert.deepEqual(
        review.headings.map((h) => h.text),
        ['O1 Objective title'],
      );
      assert.match(text, /Movement:/);
      assert.match(text, /Dependency:/);
      assert.match(text, /Decision request:/);
      assert.equal(review.decisions.length, 1);
      assert.equal(review.decisions[0].value, 'continue');
      assert.match(text, /^Decision: continue$/m);
      assert.ok(
        ([] as string[]).concat(byPrefix(markdown, 'okr-review').body).some((l) => /^Decision: \$\{\d+\|continue,cut,re-scope,escalate\|\}$/.test(l)),
        'Decision: offers its four values',
      );
      assert.equal(review.items.length, 1);
      assert.equal(review.items[0].due?.value, TODAY);
    });

    it('meeting: one meeting of a log, read as a meeting with its fields, a talking point and an action item (SPEC §12, §13)', () => {
      const text = `---\ntype: 1on1\nreport: alex\n---\n# Alex\n\n${expand(byPrefix(markdown, 'meeting').body)}`;
      const note = check({ '1on1s/alex/alex.md': text }, '1on1s/alex/alex.md').doc as OneOnOneDoc;
      assert.equal(note.log, true);
      assert.deepEqual(note.meetings.map((m) => [m.date, m.happiness, m.managerRating, m.reportRating]), [[TODAY, 1, 1, 1]]);
      assert.equal(note.talkingPoints.length, 1);
      assert.equal(note.items.length, 1);
      assert.equal(note.items[0].owner?.id, 'owner');
    });

    it('talking-points: a section whose items are talking points, not action items', () => {
      const note = check({ [NOTE]: noteWith(expand(byPrefix(markdown, 'talking-points').body)) }, NOTE).doc as OneOnOneDoc;
      assert.equal(note.talkingPoints.length, 1);
      assert.equal(note.items.length, 0);
    });

    it('feedback: a Feedback section whose three entries Cadence reads as praise, redirect and received (SPEC §14)', () => {
      const note = check({ [NOTE]: noteWith(expand(byPrefix(markdown, 'feedback').body)) }, NOTE).doc as OneOnOneDoc;
      assert.deepEqual(note.feedback.map((f) => f.kind), ['praise', 'redirect', 'received']);
      assert.equal(note.items.length, 0);
    });

    it('1on1: its Feedback section holds a praise and a redirect entry', () => {
      const note = check({ [NOTE]: expand(byPrefix(markdown, '1on1').body) }, NOTE).doc as OneOnOneDoc;
      assert.deepEqual(note.feedback.map((f) => f.kind), ['praise', 'redirect']);
    });

    it('every Markdown snippet is covered above', () => {
      const covered = ['1on1', '1on1-short', 'retro', 'performance', 'todo', 'theme', 'person', 'okr-review', 'meeting', 'talking-points', 'feedback'];
      for (const s of Object.values(markdown)) {
        assert.ok(([] as string[]).concat(s.prefix).some((p) => covered.includes(p)), `untested snippet ${s.prefix}`);
      }
    });
  });

  describe('YAML', () => {
    const okrText = () => expand(byPrefix(yaml, 'okr').body).trimEnd() + '\n';

    it('okr: an OKR set with one objective and two key results', () => {
      const set = check({ [OKR]: okrText() }, OKR).doc as OkrSetDoc;
      assert.equal(set.kind, 'okr');
      assert.equal(set.period, '2026-Q1');
      assert.equal(set.team, 'team');
      assert.equal(set.owner?.id, 'me');
      assert.equal(set.objectives.length, 1);
      const o = set.objectives[0];
      assert.equal(o.id, 'O1');
      assert.equal(o.kind, 'committed');
      assert.deepEqual(
        o.keyResults.map((k) => [k.id, k.due?.value, k.start, k.target, k.current, k.unit, k.confidence, k.status, k.checkins.length]),
        [
          ['KR1', TODAY, 0, 100, 0, 'percent', 0.5, 'on-track', 0],
          ['KR2', TODAY, 0, 100, 0, 'percent', 0.5, 'on-track', 0],
        ],
      );
    });

    it('objective: a second objective, inserted under objectives:', () => {
      const obj = expand(byPrefix(yaml, 'objective').body).trimEnd();
      const text = `${okrText()}  ${indented(obj, '  ')}\n`;
      const set = check({ [OKR]: text }, OKR).doc as OkrSetDoc;
      assert.deepEqual(
        set.objectives.map((o) => [o.id, o.keyResults.length]),
        [
          ['O1', 2],
          ['O2', 2],
        ],
      );
    });

    it('kr: a third key result, inserted under key_results:', () => {
      const kr = expand(byPrefix(yaml, 'kr').body).trimEnd();
      const text = `${okrText()}      ${indented(kr, '      ')}\n`;
      const set = check({ [OKR]: text }, OKR).doc as OkrSetDoc;
      assert.deepEqual(
        set.objectives[0].keyResults.map((k) => k.id),
        ['KR1', 'KR2', 'KR3'],
      );
      assert.equal(set.objectives[0].keyResults[2].status, 'on-track');
    });

    it('checkin: a flow-style check-in, inserted under checkins:', () => {
      const checkin = expand(byPrefix(yaml, 'checkin').body);
      assert.equal(checkin, `- { date: ${TODAY}, current: 0, confidence: 0.5, note: "what changed" }`);
      const text = okrText().replace('checkins: []', `checkins:\n          ${checkin}`);
      const set = check({ [OKR]: text }, OKR).doc as OkrSetDoc;
      assert.deepEqual(set.objectives[0].keyResults[0].checkins.map((c) => [c.date, c.current, c.confidence, c.note]), [[TODAY, 0, 0.5, 'what changed']]);
    });

    it('all together: an OKR set grown with every YAML snippet', () => {
      const kr = expand(byPrefix(yaml, 'kr').body).trimEnd();
      const obj = expand(byPrefix(yaml, 'objective').body).trimEnd();
      const checkin = expand(byPrefix(yaml, 'checkin').body);
      const text =
        okrText().replace('checkins: []', `checkins:\n          ${checkin}`) + `      ${indented(kr, '      ')}\n` + `  ${indented(obj, '  ')}\n`;
      const set = check({ [OKR]: text }, OKR).doc as OkrSetDoc;
      assert.deepEqual(
        set.objectives.map((o) => o.keyResults.map((k) => `${o.id}/${k.id}:${k.checkins.length}`)),
        [['O1/KR1:1', 'O1/KR2:0', 'O1/KR3:0'], ['O2/KR1:0', 'O2/KR2:0']],
      );
    });

    it('every YAML snippet is covered above', () => {
      const covered = ['okr', 'objective', 'kr', 'checkin'];
      for (const s of Object.values(yaml)) {
        assert.ok(([] as string[]).concat(s.prefix).some((p) => covered.includes(p)), `untested snippet ${s.prefix}`);
      }
    });
  });
});
