// The rule pages shipped in docs/rules/ are the registry's, word for word:
// a rule added or reworded without regenerating them fails here.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleDoc } from '../../src/core/rule-docs';
import { RULES } from '../../src/core/rules/index';

const DOCS = join(__dirname, '..', '..', 'docs', 'rules');

describe('docs/rules', () => {
  it('has one page per rule, exactly as ruleDoc() writes it (npx tsx scripts/gen-rule-docs.ts)', () => {
    for (const r of RULES) {
      const file = join(DOCS, `${r.code}.md`);
      assert.ok(existsSync(file), `no docs/rules/${r.code}.md`);
      assert.equal(readFileSync(file, 'utf8'), ruleDoc(r.code), `docs/rules/${r.code}.md is stale`);
    }
  });

  it('has no page for a rule that does not exist', () => {
    const codes = new Set(RULES.map((r) => r.code));
    for (const f of readdirSync(DOCS)) assert.ok(codes.has(f.replace(/\.md$/, '')), `docs/rules/${f} names no rule`);
  });

  it('refuses an unknown code', () => {
    assert.throws(() => ruleDoc('no-such-rule'), RangeError);
  });
});
