// The one catalogue of Cadence's words (issue 20 item 6). A message is
// written in English in the code, with `{0}`, `{1}`… where values go, and
// that English text is its key — the format of VS Code's `vscode.l10n.t`
// and of its bundles (`l10n/bundle.l10n.<locale>.json`: {"English": "translation"}).
// The core's messages (diagnostics, quick fixes) go through `t`; the
// extension hands the core the bundle VS Code loaded for its display
// language (`vscode.l10n.bundle`), the CLI the bundle for the locale it is
// given — so the editor, the Problems panel and `cadence check` word a
// diagnostic the same way in every language. English needs no bundle.

/** A bundle: English message → its translation (placeholders `{0}`… kept). */
export type Bundle = Readonly<Record<string, string>>;

let current: Bundle | undefined;

/** Uses `bundle` for every later `t` (undefined: English). */
export function useBundle(bundle: Bundle | undefined): void {
  current = bundle;
}

/**
 * `message` in the bundle's language (English when the bundle has no entry),
 * with `{n}` replaced by `args[n]` (a number as JavaScript writes it). A
 * placeholder with no argument stays as written.
 */
export function t(message: string, ...args: readonly (string | number)[]): string {
  const text = current?.[message] ?? message;
  return args.length ? text.replace(/\{(\d+)\}/g, (m, n: string) => (+n < args.length ? String(args[+n]) : m)) : text;
}
