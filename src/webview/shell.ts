// The dashboard's HTML shell: the page runs under a strict CSP, nothing
// allowed by default, styles and images from the extension only, and
// scripts only with this page's nonce.

export interface ShellOptions {
  /** The webview's resource origin (`webview.cspSource`). */
  readonly cspSource: string;
  readonly nonce: string;
  readonly script: string;
  readonly styles: readonly string[];
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `style-src ${cspSource}`, `img-src ${cspSource} data:`, `font-src ${cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
}

export function dashboardShell(o: ShellOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(o.cspSource, o.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="icon" href="data:,">
${o.styles.map((s) => `<link rel="stylesheet" href="${s}">`).join('\n')}
<title>Cadence</title>
</head>
<body>
<div id="app"><p class="loading">Loading your team…</p></div>
<script nonce="${o.nonce}" src="${o.script}"></script>
</body>
</html>
`;
}
