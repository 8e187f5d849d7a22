// Finds words a person reads that do not go through the l10n catalogue
// (issue 20 item 6): string and template literals holding English words
// that reach a UI call of the extension (a notification, an input box, a
// quick pick, a status-bar message, a tree item, a CodeLens, a hover…) or
// the CLI's output, without being the message of an `l10n.t(...)` call.
// Used by test/unit/l10n-coverage.test.ts, so that the next contributor
// cannot add an unwrapped word.
//
// What reaches a sink is followed through the expression: conditionals,
// `+`, `??`, `||`, arrays, object literals (their user-visible properties),
// arrow functions' results (a `validateInput`), a `const` of the same file,
// and the results of functions declared in any scanned file (by name);
// Cadence's helpers that show an argument (pickPerson, askDate, the trees'
// leaf/group/itemNode) count as UI calls.
// `l10n.t`'s message is the one place words may be; its other arguments
// are values, so a literal word there is reported too (`'it' : 'them'`).
// A literal is exempt when its line or the line before says
// `l10n-exempt: <reason>` (values written to files, machine-read output).
import ts from 'typescript';

export interface Unwrapped {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** Calls whose every argument a person reads (matched by the called name). */
const SINK_CALLS = new Set([
  'showInformationMessage',
  'showWarningMessage',
  'showErrorMessage',
  'showInputBox',
  'showQuickPick',
  'setStatusBarMessage',
  'withProgress',
  'createWebviewPanel',
  'appendMarkdown',
  'appendText',
  // Cadence's own helpers that show their argument (extension/edits.ts).
  'pickPerson',
  'askDate',
]);
/** Cadence's tree helpers (extension/views/nodes.ts): which of their arguments a person reads (the first is a node's id). */
const SINK_ARGS = new Map<string, readonly number[]>([
  ['leaf', [1, 2]],
  ['group', [1, 3]],
  ['itemNode', [4]],
  // The dashboard webview's DOM helpers (src/webview): h(tag, options, ...children), and the views' own.
  ['h', [1, 2, 3, 4, 5, 6, 7, 8, 9]],
  ['empty', [0, 1]],
  ['fact', [0, 1, 3]],
  ['tile', [1]],
  ['announce', [0]],
]);
/** Constructors whose arguments a person reads. */
const SINK_NEW = new Set(['Diagnostic', 'TreeItem', 'CodeLens', 'Hover', 'MarkdownString', 'CodeAction', 'TaskGroup', 'CompletionItem', 'UsageError']);
/** Properties a person reads, in an object literal or assigned (`item.tooltip = …`). */
const SINK_PROPS = new Set(['title', 'prompt', 'placeHolder', 'tooltip', 'description', 'detail', 'label', 'message', 'text', 'validateInput', 'documentation', 'accessibilityInformation', 'ariaLabel', 'problem', 'out', 'err', 'attrs', 'aria-label', 'aria-roledescription', 'placeholder', 'alt', 'textContent']);
/** The CLI's output: `process.stdout.write`, `console.log`… (matched by the called name, with its object). */
const OUTPUT_CALLS = new Set(['stdout.write', 'stderr.write', 'console.log', 'console.error', 'console.warn', 'console.info']);

/** Does this literal text hold a word (two letters or more) once icons (`$(x)`), placeholders and brand names are taken out? */
export function holdsWords(text: string): boolean {
  const rest = text
    .replace(/\$\([a-z0-9~-]+\)/gi, ' ')
    .replace(/\{\d+\}/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\b[a-z]+(?:[.][a-zA-Z0-9]+)+\b/g, ' ') // ids and settings: cadence.newOneOnOne, workbench.action.x
    .replace(/\b(?:Cadence|cadence)\b/g, ' ');
  return /[A-Za-z]{2,}/.test(rest);
}

interface FileInfo {
  readonly file: string;
  readonly source: ts.SourceFile;
  readonly lines: string[];
}

/** The initializer of the nearest `const`/`let` named as `id` in an enclosing block (no type checker: by scope, by name). */
function declaredValue(id: ts.Identifier): ts.Expression | undefined {
  for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
    const statements = ts.isBlock(n) || ts.isSourceFile(n) || ts.isCaseClause(n) || ts.isModuleBlock(n) ? n.statements : undefined;
    if (statements) {
      for (const st of statements) {
        if (!ts.isVariableStatement(st)) continue;
        for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === id.text) return d.initializer;
      }
    }
    if (ts.isFunctionLike(n) && n.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === id.text)) return undefined;
  }
  return undefined;
}

function calleeName(e: ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

function isL10nT(e: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(e) && e.name.text === 't' && ts.isIdentifier(e.expression) && e.expression.text === 'l10n' || (ts.isPropertyAccessExpression(e) && e.name.text === 't' && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'l10n');
}

/**
 * The unwrapped words of `files` (path → source text). `functions` also
 * gives the functions of other files (by name) whose results are followed.
 */
export function unwrappedWords(files: ReadonlyMap<string, string>): Unwrapped[] {
  const infos: FileInfo[] = [];
  const functions = new Map<string, { info: FileInfo; node: ts.FunctionLikeDeclaration }[]>();
  for (const [file, text] of files) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const info: FileInfo = { file, source, lines: text.split('\n') };
    infos.push(info);
    const visit = (n: ts.Node) => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
        if (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer)) {
          const list = functions.get(n.name.text) ?? [];
          list.push({ info, node: n.initializer });
          functions.set(n.name.text, list);
        }
      }
      if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name && ts.isIdentifier(n.name) && n.body) {
        const list = functions.get(n.name.text) ?? [];
        list.push({ info, node: n });
        functions.set(n.name.text, list);
      }
      ts.forEachChild(n, visit);
    };
    visit(source);
  }

  const out = new Map<string, Unwrapped>();
  const seen = new Map<ts.Node, number>(); // node → the least depth it was followed at
  const report = (info: FileInfo, node: ts.Node, text: string) => {
    if (!holdsWords(text)) return;
    const line = info.source.getLineAndCharacterOfPosition(node.getStart()).line;
    if (/l10n-exempt:/.test(info.lines[line] ?? '') || /l10n-exempt:/.test(info.lines[line - 1] ?? '')) return;
    out.set(`${info.file}:${line + 1}:${text}`, { file: info.file, line: line + 1, text });
  };

  /** Follows what a person reads from `e`. */
  const follow = (info: FileInfo, e: ts.Node | undefined, depth: number): void => {
    if (!e || depth > 8 || (seen.get(e) ?? Infinity) <= depth) return;
    seen.set(e, depth);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return report(info, e, e.text);
    if (ts.isTemplateExpression(e)) {
      report(info, e.head, [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(' {} '));
      for (const s of e.templateSpans) follow(info, s.expression, depth);
      return;
    }
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e) || ts.isAwaitExpression(e)) return follow(info, e.expression, depth);
    if (ts.isConditionalExpression(e)) {
      follow(info, e.whenTrue, depth);
      return follow(info, e.whenFalse, depth);
    }
    if (ts.isBinaryExpression(e)) {
      const k = e.operatorToken.kind;
      if (k === ts.SyntaxKind.PlusToken || k === ts.SyntaxKind.QuestionQuestionToken || k === ts.SyntaxKind.BarBarToken || k === ts.SyntaxKind.AmpersandAmpersandToken) {
        follow(info, e.left, depth);
        follow(info, e.right, depth);
      }
      return;
    }
    if (ts.isArrayLiteralExpression(e)) return e.elements.forEach((x) => follow(info, x, depth));
    if (ts.isObjectLiteralExpression(e)) {
      for (const p of e.properties) {
        const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
        if (!name || !SINK_PROPS.has(name)) continue;
        if (ts.isPropertyAssignment(p)) follow(info, p.initializer, depth);
        else if (ts.isShorthandPropertyAssignment(p)) follow(info, p.name, depth);
        else if (ts.isMethodDeclaration(p) && p.body) followBody(info, p.body, depth + 1);
      }
      return;
    }
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) {
      if (ts.isBlock(e.body)) return followBody(info, e.body, depth + 1);
      return follow(info, e.body, depth + 1);
    }
    if (ts.isIdentifier(e)) {
      const init = declaredValue(e);
      if (init) follow(info, init, depth + 1);
      return;
    }
    if (ts.isCallExpression(e)) {
      if (isL10nT(e.expression)) {
        e.arguments.slice(1).forEach((a) => follow(info, a, depth));
        return;
      }
      const name = calleeName(e.expression);
      // String helpers: what goes in comes out.
      if (ts.isPropertyAccessExpression(e.expression) && ['join', 'concat', 'replace', 'trim', 'trimEnd', 'padEnd', 'padStart', 'map', 'then', 'filter', 'slice'].includes(e.expression.name.text)) {
        follow(info, e.expression.expression, depth);
        if (e.expression.name.text !== 'join' && e.expression.name.text !== 'replace') e.arguments.forEach((a) => follow(info, a, depth));
        return;
      }
      if (name === 'String') return;
      for (const f of (name && functions.get(name)) || []) if (f.node.body) {
        if (ts.isBlock(f.node.body)) followBody(f.info, f.node.body, depth + 1);
        else follow(f.info, f.node.body, depth + 1);
      }
      return;
    }
  };
  const followBody = (info: FileInfo, body: ts.Block, depth: number) => {
    const visit = (n: ts.Node) => {
      if (ts.isReturnStatement(n)) follow(info, n.expression, depth);
      if (ts.isFunctionLike(n)) return;
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(body, visit);
  };

  for (const info of infos) {
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n)) {
        const name = calleeName(n.expression);
        const withObject = ts.isPropertyAccessExpression(n.expression) ? `${calleeName(n.expression.expression) ?? ''}.${n.expression.name.text}` : '';
        if ((name && SINK_CALLS.has(name)) || OUTPUT_CALLS.has(withObject)) n.arguments.forEach((a) => follow(info, a, 0));
        for (const i of (name && SINK_ARGS.get(name)) || []) follow(info, n.arguments[i], 0);
        // An attribute a person reads (a screen reader, a tooltip): el.setAttribute('title' | 'aria-label', …).
        if (name === 'setAttribute' && n.arguments[0] && ts.isStringLiteral(n.arguments[0]) && /^(title|aria-label|placeholder|alt)$/.test(n.arguments[0].text)) follow(info, n.arguments[1], 0);
        // Lines gathered for output: notes.push(…), problems.push(…), lines.push(…).
        if (name === 'push' && ts.isPropertyAccessExpression(n.expression) && /^(notes|problems|lines|out|err)$/.test(calleeName(n.expression.expression) ?? '')) n.arguments.forEach((a) => follow(info, a, 0));
        if (isL10nT(n.expression)) n.arguments.slice(1).forEach((a) => follow(info, a, 0));
      }
      if (ts.isNewExpression(n)) {
        const name = calleeName(n.expression);
        if (name && SINK_NEW.has(name)) (n.arguments ?? []).forEach((a) => follow(info, a, 0));
      }
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left) && SINK_PROPS.has(n.left.name.text)) follow(info, n.right, 0);
      if (ts.isObjectLiteralExpression(n)) follow(info, n, 0);
      ts.forEachChild(n, visit);
    };
    visit(info.source);
  }
  return [...out.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
