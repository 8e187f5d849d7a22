// The dashboard's HTML shell: the page runs under a strict CSP, nothing
// allowed by default, styles and images from the extension only, and
// scripts only with this page's nonce.

export interface ShellOptions {
  /** The webview's resource origin (`webview.cspSource`). */
  readonly cspSource: string;
  readonly nonce: string;
  readonly script: string;
  readonly styles: readonly string[];
  /** What the page says until the script runs (the UI's words; HTML-escaped here). Default: English. */
  readonly loading?: string;
  /** The page's language (BCP 47), VS Code's display language. Default: en. */
  readonly lang?: string;
  /**
   * The string table: the l10n bundle VS Code loaded for its display language
   * (English message → its words; empty or absent: English). It is in the page
   * itself (a JSON block, read before the first render), so nothing is ever
   * drawn in other words than these, whatever order messages arrive in.
   */
  readonly strings?: Readonly<Record<string, string>>;
}

/** The id of the page's JSON block that holds the string table (main.ts reads it). */
export const STRINGS_ID = 'cadence-strings';

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `style-src ${cspSource}`, `img-src ${cspSource} data:`, `font-src ${cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON for a <script type="application/json"> block: no `<` (so no `</script>` or `<!--`), JSON.parse reads it back unchanged. */
export const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

export function dashboardShell(o: ShellOptions): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(o.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(o.cspSource, o.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="icon" href="data:,">
${o.styles.map((s) => `<link rel="stylesheet" href="${s}">`).join('\n')}
<title>Cadence</title>
</head>
<body>
<div id="app"><p class="loading">${escapeHtml(o.loading ?? 'Loading your team…')}</p></div>
<script type="application/json" id="${STRINGS_ID}" nonce="${o.nonce}">${scriptJson(o.strings ?? {})}</script>
<script nonce="${o.nonce}" src="${o.script}"></script>
</body>
</html>
`;
}
