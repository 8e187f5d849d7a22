// The documentation page of each rule: what a diagnostic's code links to in
// the editor (docs/rules/<code>.md, shipped in the extension) and the help a
// SARIF log carries for code scanning. One text, made here, for both.

import { RULES_BY_CODE } from './rules/index';

/**
 * The Markdown page of the rule `code` (SPEC §8, §17). Throws a RangeError for
 * a code that is not in the registry.
 */
export function ruleDoc(code: string): string {
  const r = RULES_BY_CODE.get(code);
  if (!r) throw new RangeError(`no rule "${code}"`);
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
