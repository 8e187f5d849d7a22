// The `when` clauses of package.json's viewsWelcome, read the way VS Code
// reads the shapes used there, and the glob-like words of a welcome text:
// shared by the unit test of the manifest and the empty-folder suite.

/** Terms joined by `&&`, each `key`, `!key`, `key == n` or `key > n`; any other shape throws. */
export function whenHolds(when: string | undefined, context: Record<string, boolean | number>): boolean {
  if (!when) return true;
  return when.split('&&').every((raw) => {
    const t = raw.trim();
    let m = /^(\S+)\s*(==|>)\s*(\d+)$/.exec(t);
    if (m) return m[2] === '==' ? Number(context[m[1]] ?? 0) === Number(m[3]) : Number(context[m[1]] ?? 0) > Number(m[3]);
    m = /^(!?)([\w.]+)$/.exec(t);
    if (!m) throw new Error(`a when clause these tests do not read: ${t}`);
    return m[1] ? !context[m[2]] : !!context[m[2]];
  });
}

/** Glob-like words in a welcome text (holding `*` or `/`), links and `cadence.*` setting names left out. */
export function globsIn(text: string): string[] {
  return text
    .replace(/\[[^\]]*\]\([^)]*\)/g, '')
    .split(/[\s,()]+/)
    .map((t) => t.replace(/[.;:]+$/, ''))
    .filter((t) => /[*/]/.test(t) && !t.startsWith('cadence.'));
}
