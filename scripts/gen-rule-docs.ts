// Writes docs/rules/<code>.md from the rule registry: the page a diagnostic's
// code links to. `npx tsx scripts/gen-rule-docs.ts` regenerates; a unit test
// (test/unit/rule-docs.test.ts) checks the pages are current.
import { mkdirSync, writeFileSync } from 'node:fs';
import { ruleDoc } from '../src/core/rule-docs';
import { RULES } from '../src/core/rules/index';

if (require.main === module) {
  mkdirSync('docs/rules', { recursive: true });
  for (const r of RULES) writeFileSync(`docs/rules/${r.code}.md`, ruleDoc(r.code));
  console.log(`wrote ${RULES.length} rule pages to docs/rules/`);
}
