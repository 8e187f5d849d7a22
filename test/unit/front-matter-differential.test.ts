// Holds the fast front-matter reader to `yaml`: on thousands of generated
// front matters, whatever the fast reader accepts must give exactly the
// fields (value, null-ness, key and value ranges) that `yaml` gives.

import assert from 'node:assert/strict';
import { isMap } from 'yaml';
import { createRng } from '../../bench/generate';
import { readFastFrontMatter } from '../../src/core/parse/fast-front-matter';
import { fieldsOf, readYaml, valueNode } from '../../src/core/parse/yaml-fields';


const KEYS = ['type', 'report', 'date', 'visibility', 'happiness', 'okrs', 'pre-read', 'id', 'x_1', '1on1', 'true', 'null'];
const VALUES = [
  '1on1', 'alex', '2026-11-20', 'private', 'shared', '4', '7', '-3', '+2', '012', '2.5', '.5', '1.', '1e3', '0x1F', '0o17', '.inf', '-.Inf', '.nan',
  'true', 'False', 'TRUE', 'yes', 'no', 'null', '~', 'Null', '', '"quoted"', "'single'", '"esc\\"aped"', "'it''s'", '"a #b"', 'C#', 'a # comment', '4 # good',
  '[a, b]', '{ a: 1 }', '|', '>', '&anchor x', '*alias', '!tag x', '@alex', '`x`', '%x', '- item', 'a: b', 'ends:', 'two words', '  padded  ', 'x\t',
  '9007199254740993', '1_000', '2026-11-20T10:00', 'Ünïcödé', '📅', ':-)',
];
const NESTED = ['manager', 'report', 'x'];

function frontMatter(r: () => number): string[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const lines: string[] = [];
  const n = 1 + Math.floor(r() * 7);
  for (let i = 0; i < n; i++) {
    const roll = r();
    if (roll < 0.08) lines.push(pick(['', '# a comment', '  # indented comment', '...', '- x', 'key without colon']));
    else if (roll < 0.25) {
      lines.push(`${pick(['performance', 'perf'])}:${r() < 0.2 ? ' # c' : ''}`);
      const ind = pick(['  ', '  ', '    ', ' ']);
      const m = Math.floor(r() * 3);
      for (let j = 0; j < m; j++) lines.push(`${r() < 0.05 ? ' ' : ''}${ind}${pick(NESTED)}: ${pick(VALUES)}`);
    } else lines.push(`${pick(KEYS)}:${r() < 0.05 ? '' : ' '}${pick(VALUES)}`);
  }
  return lines;
}

describe('fast front-matter reader vs yaml (differential)', () => {
  it('gives exactly yaml’s fields wherever it accepts (5,000 front matters)', () => {
    let accepted = 0;
    for (let seed = 1; seed <= 5000; seed++) {
      const lines = frontMatter(createRng(seed));
      const fast = readFastFrontMatter(lines, 1);
      if (!fast) continue;
      const y = readYaml(lines.join('\n'), 1);
      const where = `\n--- front matter ---\n${lines.join('\n')}\n---`;
      assert.equal(y.errors.length, 0, `fast path accepted YAML that does not parse${where}\n${y.errors.map((e) => e.message).join('\n')}`);
      accepted++;
      const ref = y.root ? fieldsOf(y.root, y.index) : new Map();
      assert.deepEqual(fast.fields, ref, `fields differ${where}`);
      for (const [k, m] of fast.nested) {
        const node = y.root ? valueNode(y.root, k) : undefined;
        assert.ok(node && isMap(node), `yaml does not read ${k} as a map${where}`);
        assert.deepEqual(m, fieldsOf(node, y.index), `nested ${k} differs${where}`);
      }
    }
    assert.ok(accepted > 600, `only ${accepted} took the fast path`);
  });

  it('reads a typical 1:1 front matter without yaml', () => {
    const lines = ['type: 1on1', 'report: alex', 'date: 2026-11-20', 'visibility: private', 'happiness: 4', 'performance:', '  manager: 3', '  report: 4'];
    const fast = readFastFrontMatter(lines, 1);
    assert.ok(fast);
    assert.equal(fast.fields.get('happiness')?.value, 4);
    assert.equal(fast.nested.get('performance')?.get('report')?.value, 4);
  });
});
