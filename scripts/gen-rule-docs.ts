// Writes docs/rules/<code>.md from the rule registry: the page a diagnostic's
// code links to. `npm run docs` regenerates; a unit test checks it is current.
import { mkdirSync, writeFileSync } from 'node:fs';
import { RULES } from '../src/core/rules/index';

export function ruleDoc(code: string): string {
  const r = RULES.find((x) => x.code === code)!;
  return `# \`${r.code}\`

**Default severity:** ${r.severity} · **Applies to:** ${r.kinds.join(', ')} files${r.crossFile ? ' · **Reads other files:** yes' : ''}

${r.description}

${r.fixes ? 'Cadence offers quick fixes for this rule (light bulb, or `Ctrl+.` on the diagnostic).' : 'This rule has no automatic fix.'}

## Change its severity

In \`.vscode/settings.json\` (read by the editor and by \`cadence check\`):

\`\`\`jsonc
{
  "cadence.rules": { "${r.code}": "off" } // error | warning | info | hint | off
}
\`\`\`

or once on the command line: \`cadence check --rule ${r.code}=off\`.

The diagnostic covers exactly the text concerned: the token, the field's value, or the task line.
`;
}

if (require.main === module) {
  mkdirSync('docs/rules', { recursive: true });
  for (const r of RULES) writeFileSync(`docs/rules/${r.code}.md`, ruleDoc(r.code));
  console.log(`wrote ${RULES.length} rule pages to docs/rules/`);
}
