// The Markdown injection grammar (syntaxes/cadence.injection.tmLanguage.json),
// tokenised by the real TextMate engine VS Code uses (vscode-textmate on the
// Oniguruma WebAssembly build). The base Markdown grammar is a stub with the
// scope name `text.html.markdown` and only the code and front-matter regions
// the injection must stay out of, so every scope asserted here comes from the
// injection itself.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { writeToken } from '../../src/core/markdown/tokens';
import { SPELLINGS } from '../../src/core/spellings';

const ROOT = join(__dirname, '..', '..');
const GRAMMAR_PATH = join(ROOT, 'syntaxes', 'cadence.injection.tmLanguage.json');
const INJECTION = 'markdown.cadence.injection';
const MARKDOWN = 'text.html.markdown';

/** Matches nothing of Cadence's: only the regions the injection must skip, scoped like VS Code's Markdown grammar. */
const STUB_MARKDOWN = {
  scopeName: MARKDOWN,
  patterns: [
    {
      begin: '\\A---$',
      end: '^---$',
      contentName: 'meta.embedded.block.frontmatter',
    },
    {
      begin: '^(`{3,})',
      end: '^\\1$',
      name: 'markup.fenced_code.block.markdown',
    },
    { match: '`[^`]+`', name: 'markup.inline.raw.string.markdown' },
    { begin: '<!--', end: '-->', name: 'comment.block.html' },
  ],
};

let grammar: vsctm.IGrammar;

async function loadGrammar(): Promise<void> {
  const require = createRequire(__filename);
  const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '..', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName === MARKDOWN) return vsctm.parseRawGrammar(JSON.stringify(STUB_MARKDOWN), 'stub-markdown.json');
      if (scopeName === INJECTION) return vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
      return null;
    },
    // What `injectTo: ["text.html.markdown"]` in package.json does in VS Code.
    getInjections: (scopeName: string) => (scopeName === MARKDOWN ? [INJECTION] : undefined),
  });
  const g = await registry.loadGrammar(MARKDOWN);
  assert.ok(g, 'the stub Markdown grammar loads');
  grammar = g;
}

type Tok = [text: string, scopes: string];

/** Each token of each line as [text, its scopes below the base scope]. */
function tokenize(text: string): Tok[][] {
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t): Tok => {
      assert.equal(t.scopes[0], MARKDOWN);
      return [line.slice(t.startIndex, t.endIndex), t.scopes.slice(1).join(' ')];
    });
  });
}

function line(text: string): Tok[] {
  return tokenize(text)[0];
}

const OWNER = 'variable.language.owner.cadence';
const DUE_KEY = 'support.type.property-name.due.cadence';
const DUE = 'constant.numeric.date.due.cadence';
const DONE_KEY = 'support.type.property-name.done.cadence';
const DONE = 'markup.inserted.date.done.cadence';
const FIELD_BEGIN = 'punctuation.definition.field.begin.cadence';
const FIELD_SEP = 'punctuation.separator.key-value.cadence';
const FIELD_END = 'punctuation.definition.field.end.cadence';

describe('grammar: Markdown injection', () => {
  before(loadGrammar);

  it('is declared as an injection into Markdown, in package.json and in the grammar', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const raw = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8'));
    assert.equal(raw.scopeName, INJECTION);
    assert.match(raw.injectionSelector, /^L:text\.html\.markdown(\s|$)/);
    assert.deepEqual(pkg.contributes.grammars, [
      { scopeName: INJECTION, path: './syntaxes/cadence.injection.tmLanguage.json', injectTo: [MARKDOWN] },
    ]);
  });

  it('gives every scope it names a name ending in .cadence', () => {
    const names: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if ((k === 'name' || k === 'contentName') && typeof x === 'string') names.push(x);
          else walk(x);
        }
      }
    };
    const raw = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8'));
    walk(raw.patterns);
    walk(raw.repository);
    assert.ok(names.length > 10);
    for (const n of names) assert.match(n, /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*\.cadence$/, n);
  });

  it('scopes an owner, and not the @ of an e-mail address', () => {
    assert.deepEqual(line('- [ ] Draft the rotation @alex today'), [
      ['- [ ] Draft the rotation ', ''],
      ['@alex', OWNER],
      [' today', ''],
    ]);
    assert.deepEqual(line('Mail bob@corp.io or @sam-lee.'), [
      ['Mail bob@corp.io or ', ''],
      ['@sam-lee', OWNER],
      ['.', ''],
    ]);
    assert.deepEqual(line('a.b@corp.io x+y@z.io x_@y x-@y é@x'), [['a.b@corp.io x+y@z.io x_@y x-@y é@x', '']]);
    // SPEC §10: marks and inner dots are part of the id, a final dot is not; `@` after `@` is a mention.
    assert.deepEqual(line('@Zoë @alex.kim. @@x'), [
      ['@Zoë', OWNER],
      [' ', ''],
      ['@alex.kim', OWNER],
      ['. @', ''],
      ['@x', OWNER],
    ]);
  });

  it('scopes the Obsidian Tasks due date in every emoji, and Dataview fields in both brackets and any key case', () => {
    for (const emoji of ['📅', '📆', '🗓', '🗓\uFE0F']) {
      const toks = line(`- [ ] x ${emoji}2026-11-27`);
      assert.equal(toks.find(([t]) => t === '2026-11-27')?.[1], DUE, emoji);
    }
    assert.equal(line('- [ ] x 📅 2026-11-27T10:00').find(([t]) => t.startsWith('2026'))?.[1], 'invalid.illegal.date.due.cadence');
    assert.deepEqual(line('- [ ] x (Due:: 2026-11-27)'), [
      ['- [ ] x ', ''],
      ['(', FIELD_BEGIN],
      ['Due', DUE_KEY],
      ['::', FIELD_SEP],
      [' ', ''],
      ['2026-11-27', DUE],
      [')', FIELD_END],
    ]);
    assert.equal(line('- [ ] x [Assignee:: [[alex]]]').find(([t]) => t === '[[alex]]')?.[1], OWNER);
    assert.equal(line('- [x] x (done:: 2026-11-21)').find(([t]) => t === '2026-11-21')?.[1], DONE);
  });

  it('scopes due dates in the three spellings', () => {
    assert.deepEqual(line('- [ ] x due:2026-11-27'), [
      ['- [ ] x ', ''],
      ['due:', DUE_KEY],
      ['2026-11-27', DUE],
    ]);
    assert.deepEqual(line('- [ ] x 📅 2026-11-27 y'), [
      ['- [ ] x ', ''],
      ['📅', DUE_KEY],
      [' ', ''],
      ['2026-11-27', DUE],
      [' y', ''],
    ]);
    assert.deepEqual(line('- [ ] x [due:: 2026-11-27]'), [
      ['- [ ] x ', ''],
      ['[', FIELD_BEGIN],
      ['due', DUE_KEY],
      ['::', FIELD_SEP],
      [' ', ''],
      ['2026-11-27', DUE],
      [']', FIELD_END],
    ]);
  });

  it('scopes done dates in the three spellings', () => {
    assert.deepEqual(line('- [x] x done:2026-11-21'), [
      ['- [x] x ', ''],
      ['done:', DONE_KEY],
      ['2026-11-21', DONE],
    ]);
    assert.deepEqual(line('- [x] x ✅ 2026-11-21'), [
      ['- [x] x ', ''],
      ['✅', DONE_KEY],
      [' ', ''],
      ['2026-11-21', DONE],
    ]);
    assert.deepEqual(line('- [x] x [completion:: 2026-11-21]'), [
      ['- [x] x ', ''],
      ['[', FIELD_BEGIN],
      ['completion', DONE_KEY],
      ['::', FIELD_SEP],
      [' ', ''],
      ['2026-11-21', DONE],
      [']', FIELD_END],
    ]);
  });

  it('scopes a Dataview owner field', () => {
    assert.deepEqual(line('- [ ] x [owner:: alex]'), [
      ['- [ ] x ', ''],
      ['[', FIELD_BEGIN],
      ['owner', 'support.type.property-name.owner.cadence'],
      ['::', FIELD_SEP],
      [' ', ''],
      ['alex', OWNER],
      [']', FIELD_END],
    ]);
  });

  it('scopes a whole task line with owner, due and done', () => {
    assert.deepEqual(line('- [x] Share the plan @me due:2026-11-22 done:2026-11-21'), [
      ['- [x] Share the plan ', ''],
      ['@me', OWNER],
      [' ', ''],
      ['due:', DUE_KEY],
      ['2026-11-22', DUE],
      [' ', ''],
      ['done:', DONE_KEY],
      ['2026-11-21', DONE],
    ]);
  });

  it('scopes the owner, due and done of every spelling table (core/spellings.ts), so a new table is highlighted too', () => {
    for (const t of SPELLINGS) {
      const toks = line(`- [x] x ${writeToken(t.id, 'owner', 'alex')} ${writeToken(t.id, 'due', '2026-12-04')} ${writeToken(t.id, 'done', '2026-11-21')}`);
      const scopeOf = (text: string) => toks.find(([x]) => x === text)?.[1];
      assert.equal(scopeOf(t.owner.shape === 'mention' ? `${t.owner.symbol}alex` : 'alex'), OWNER, t.id);
      assert.equal(scopeOf('2026-12-04'), DUE, t.id);
      assert.equal(scopeOf('2026-11-21'), DONE, t.id);
    }
  });

  it('marks a date that is not YYYY-MM-DD as invalid, and leaves due: inside a word alone', () => {
    assert.deepEqual(line('- [ ] x due:tomorrow'), [
      ['- [ ] x ', ''],
      ['due:', DUE_KEY],
      ['tomorrow', 'invalid.illegal.date.due.cadence'],
    ]);
    assert.deepEqual(line('- [ ] x [completion:: soon]'), [
      ['- [ ] x ', ''],
      ['[', FIELD_BEGIN],
      ['completion', DONE_KEY],
      ['::', FIELD_SEP],
      [' ', ''],
      ['soon', 'invalid.illegal.date.done.cadence'],
      [']', FIELD_END],
    ]);
    assert.deepEqual(line('overdue:2026-11-27 undone:2026-11-27'), [['overdue:2026-11-27 undone:2026-11-27', '']]);
  });

  it('scopes the happiness retrospective markers', () => {
    assert.deepEqual(line('- :-) pairing with Sam'), [
      ['- ', ''],
      [':-)', 'markup.inserted.retro.keep.cadence'],
      [' pairing with Sam', ''],
    ]);
    assert.deepEqual(line('- :-( on-call pages at night'), [
      ['- ', ''],
      [':-(', 'markup.deleted.retro.fix.cadence'],
      [' on-call pages at night', ''],
    ]);
    assert.deepEqual(line(':-/ who owns the design review?'), [
      [':-/', 'markup.changed.retro.clarify.cadence'],
      [' who owns the design review?', ''],
    ]);
    // Only at the start of a line or bullet, where Cadence reads them.
    assert.deepEqual(line('Nice work :-) really'), [['Nice work :-) really', '']]);
  });

  it('scopes Decision: and its value, plain, bulleted or bold', () => {
    const KW = 'keyword.control.decision.cadence';
    const VALUE = 'string.other.decision-value.cadence';
    assert.deepEqual(line('Decision: re-scope'), [
      ['Decision:', KW],
      [' ', ''],
      ['re-scope', VALUE],
    ]);
    assert.deepEqual(line('- Decision: Continue — with a smaller KR2'), [
      ['- ', ''],
      ['Decision:', KW],
      [' ', ''],
      ['Continue', VALUE],
      [' — with a smaller KR2', ''],
    ]);
    assert.deepEqual(line('**Decision:** escalate'), [
      ['**', ''],
      ['Decision:', KW],
      ['** ', ''],
      ['escalate', VALUE],
    ]);
    assert.deepEqual(line('Decision: cut'), [
      ['Decision:', KW],
      [' ', ''],
      ['cut', VALUE],
    ]);
    assert.deepEqual(line('Decision: postpone'), [
      ['Decision:', KW],
      [' ', ''],
      ['postpone', 'invalid.illegal.decision-value.cadence'],
    ]);
    // As Cadence reads it, the value is the first word: `cut,` is not a decision.
    assert.deepEqual(line('Decision: cut, mostly'), [
      ['Decision:', KW],
      [' ', ''],
      ['cut,', 'invalid.illegal.decision-value.cadence'],
      [' mostly', ''],
    ]);
    assert.deepEqual(line('Our Decision: cut'), [['Our Decision: cut', '']]);
  });

  it('stays out of front matter, code blocks, inline code and comments', () => {
    const toks = tokenize(
      [
        '---',
        'owner: "@alex due:2026-11-27"',
        '---',
        '```',
        '- [ ] x @alex due:2026-11-27',
        ':-)',
        'Decision: cut',
        '```',
        'Use `@alex due:2026-11-27` <!-- @bob --> then @kim',
      ].join('\n'),
    );
    const scoped = toks.flat().filter(([, s]) => s.includes('.cadence'));
    assert.deepEqual(scoped, [['@kim', OWNER]]);
  });
});
