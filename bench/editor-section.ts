// The real-editor figures' section of BENCHMARKS.md: bench/editor.ts writes
// it between these markers, and bench/run.ts, which rewrites the rest of the
// file, keeps it as it is (the two benchmarks run separately: the editor one
// needs code-server and Chromium, scripts/vscode-env.sh).

export const SECTION_START = '<!-- editor-bench:start -->';
export const SECTION_END = '<!-- editor-bench:end -->';

/** The section in `text` (markers included), or undefined. */
export function editorSection(text: string): string | undefined {
  const a = text.indexOf(SECTION_START);
  const b = text.indexOf(SECTION_END);
  return a >= 0 && b > a ? text.slice(a, b + SECTION_END.length) : undefined;
}

/** `text` with its section replaced by `section`, or `section` appended when it has none. */
export function withEditorSection(text: string, section: string): string {
  const old = editorSection(text);
  return old !== undefined ? text.replace(old, () => section) : `${text.replace(/\n*$/, '\n\n')}${section}\n`;
}
