// Localisation coverage (issue 20 item 6), checked statically so that the
// next contributor cannot add a word a person reads without the catalogue:
// no string literal holding words reaches a notification, an input box, a
// quick pick, a status-bar message, a tree item, a CodeLens, a hover… in
// src/extension, or the output of the CLI in src/cli, except as the message
// of an l10n.t call (scripts/lib/unwrapped-words.ts says what is followed).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { holdsWords, unwrappedWords } from '../../scripts/lib/unwrapped-words';
import { ROOT } from './built-cli';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}
const filesOf = (...dirs: string[]) => new Map(dirs.flatMap((d) => sources(join(ROOT, d))).map((f) => [relative(ROOT, f), readFileSync(f, 'utf8')] as [string, string]));
const found = (text: string) => unwrappedWords(new Map([['x.ts', text]])).map((u) => u.text);

describe('localisation coverage: no unwrapped words', () => {
  it('the extension: every word a UI call shows goes through vscode.l10n.t', () => {
    assert.deepEqual(unwrappedWords(filesOf('src/extension')).map((u) => `${u.file}:${u.line}: ${u.text}`), []);
  });

  it('the CLI: every word it prints (usage, usage errors, summaries, notes, fix reports) goes through the core\'s l10n.t', () => {
    assert.deepEqual(unwrappedWords(filesOf('src/cli')).map((u) => `${u.file}:${u.line}: ${u.text}`), []);
  });

  it('the dashboard webview: every word its DOM shows, as text, title or aria-label, goes through l10n.t (its string table)', () => {
    assert.deepEqual(unwrappedWords(filesOf('src/webview')).map((u) => `${u.file}:${u.line}: ${u.text}`), []);
  });

  describe('the check itself finds what it must', () => {
    it('literals and templates in notifications, prompts, quick picks, status-bar messages', () => {
      assert.deepEqual(found("vscode.window.showInformationMessage('Saved it.');"), ['Saved it.']);
      assert.deepEqual(found('vscode.window.showWarningMessage(`Cadence: ${n} files`, "Undo");'), ['Cadence:  {}  files', 'Undo']);
      assert.deepEqual(found("vscode.window.showInputBox({ title: 'Add person', prompt: p, validateInput: (s) => (s ? undefined : 'Type a name.') });"), ['Add person', 'Type a name.']);
      assert.deepEqual(found("vscode.window.showQuickPick(['a', 'b'], { placeHolder: 'Pick one' }); vscode.window.setStatusBarMessage(on ? 'is on' : 'is off', 5);"), ['Pick one', 'is on', 'is off']);
    });

    it('tree items, CodeLens titles, hovers, code actions, assigned properties', () => {
      assert.deepEqual(found("new vscode.TreeItem('Open items'); new vscode.CodeLens(r, { title: `${n} open`, command: 'x.y' });"), ['Open items', ' {}  open']);
      assert.deepEqual(found("new vscode.MarkdownString().appendText('No person'); new vscode.CodeAction('Fix all', k); item.tooltip = 'Click me';"), ['No person', 'Fix all', 'Click me']);
    });

    it('the webview\'s DOM: h() children, titles and aria-labels, setAttribute of a title', () => {
      assert.deepEqual(found("h('p', { class: 'muted small', attrs: { title: 'Hello there', role: 'note' } }, 'No reports yet.'); el.setAttribute('title', `Week of ${w}`); el.setAttribute('role', 'listitem');"), ['Hello there', 'No reports yet.', 'Week of  {} ']);
    });

    it('the CLI\'s output: writes, usage errors, gathered notes and results', () => {
      assert.deepEqual(found("process.stderr.write(`cadence: ${m}\\n`); process.stdout.write('No problems.');"), ['No problems.']);
      assert.deepEqual(found("throw new UsageError(`unknown option ${a}`); notes.push(`${p}: skipped`); return { code: 1, out: '', err: 'nothing written' };"), ['unknown option  {} ', ' {} : skipped', 'nothing written']);
    });

    it('follows consts by scope, functions by name, conditionals, joins; not a parameter of the same name', () => {
      const text = `
        function words(n) { return n === 1 ? 'one item' : \`\${n} items\`; }
        function f(n) {
          const label = words(n);
          const parts = [n ? 'some' : undefined, 'more words'].filter(Boolean).join(' · ');
          vscode.window.showInformationMessage(label + parts);
        }
        function g(label) { vscode.window.showInformationMessage(label); }`;
      assert.deepEqual(found(text), ['one item', ' {}  items', 'some', 'more words']);
    });

    it('the message of l10n.t is the place for words; its other arguments are values', () => {
      assert.deepEqual(found("vscode.window.showInformationMessage(vscode.l10n.t('{0} changed; undo {1}?', names, n === 1 ? 'it' : 'them'));"), ['it', 'them']);
      assert.deepEqual(found("vscode.window.showInformationMessage(l10n.t('Saved {0}.', path));"), []);
    });

    it('an exemption says why, on its line or the line before', () => {
      assert.deepEqual(found("// l10n-exempt: the field's values as written\nvscode.window.showQuickPick(['weekly', 'monthly']);"), []);
    });

    it('words are letters once icons, placeholders, URLs, ids and the product name are taken out', () => {
      for (const s of ['$(warning)', '{0} · {1}', 'Cadence: {0}', 'https://example.com/x', 'cadence.openLocation', ' · ', '—', '1:1']) assert.equal(holdsWords(s), false, s);
      for (const s of ['Open', '(no text)', 'due {0}', 'Cadence: indexing notes']) assert.equal(holdsWords(s), true, s);
    });
  });
});
