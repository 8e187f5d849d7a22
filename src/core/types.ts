// Core types shared by the CLI, the extension and the tests. Positions are
// 0-based lines and UTF-16 characters, exactly as VS Code counts them, so the
// extension converts them without arithmetic (see src/extension/adapter.ts).

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/**
 * A fix is data: the rule computes it, the editor presents it. A fix that needs
 * a value from the user (a person, a date) carries an `ask`; the shell asks and
 * then substitutes the answer for `${value}` in every edit's text.
 */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** Shown first and applied by "fix all" when `safe` too. */
  readonly preferred?: boolean;
  /** Needs no choice and cannot surprise: eligible for source.fixAll.cadence. */
  readonly safe?: boolean;
  /**
   * A fix that edits nothing but opens a file of the workspace at a line
   * (workspace-relative path, 0-based line): the private source of a leak.
   */
  readonly open?: { readonly path: string; readonly line: number };
  readonly ask?: {
    readonly kind: 'person' | 'date' | 'text';
    readonly prompt: string;
    /** The answer lands in YAML: quote it when it would not read back as typed. */
    readonly yaml?: boolean;
  };
}

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  /** Rule-specific facts the rule's `fixes` needs later; plain data. */
  readonly data?: unknown;
  /** Other places the diagnostic is about (workspace-relative path, 0-based line), shown beside it. */
  readonly related?: readonly { readonly path: string; readonly line: number; readonly message: string }[];
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function range(line: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line, character: startChar }, end: { line: endLine, character: endChar } };
}

export function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}
