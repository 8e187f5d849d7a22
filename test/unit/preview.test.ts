// The Markdown preview plugin on markdown-it as VS Code configures it (html
// on): statuses, owner chips with names, due badges (overdue marked), talking
// points, private blocks and %% text left out, screen-share masking, and
// hostile text that stays text.
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { previewFacts } from '../../src/core/preview-facts';
import { extendMarkdownIt as leaveOutPrivateBlocks } from '../../src/extension/markdown-preview';
import { cadencePreview, type PreviewContext } from '../../src/preview/plugin';

const TODAY = '2026-11-22';
const NAMES: Record<string, string> = { alex: 'Alex Kim', sam: 'Sam Ortiz', me: 'You' };

/** `blanked`: private blocks blanked before the parse first, as the extension's engine does (markdown-preview.ts). */
function render(text: string, ctx: Partial<PreviewContext> | null = {}, blanked = false): string {
  const md = new MarkdownIt({ html: true, linkify: true });
  if (blanked) leaveOutPrivateBlocks(md);
  md.use(cadencePreview, { context: () => (ctx === null ? undefined : { src: text, today: TODAY, nameOf: (k: string) => NAMES[k], screenShare: false, ...ctx }) });
  return md.render(text);
}

const NOTE = [
  '---',
  'type: 1on1',
  'report: alex',
  'date: 2026-11-20',
  '---',
  '## Talking points',
  '- [ ] On-call load @alex',
  '## Action items',
  '- [ ] Draft the rotation proposal @alex due:2026-11-27',
  '- [ ] Book the room 📅 2026-11-10 [owner:: sam]',
  '- [/] Write the design doc [owner:: alex] [due:: 2026-11-01]',
  '- [>] Carried into next week @me due:2026-11-21',
  '- [-] Dropped idea @sam due:2026-11-02',
  '- [x] Shared the plan @me due:2026-11-22 done:2026-11-21',
  '',
].join('\n');

describe('preview facts (core)', () => {
  it('reads each task line with the rules’ reader: tokens as spelled, overdue only for open action items', () => {
    const f = previewFacts(NOTE, TODAY);
    const at = (l: number) => f.items.get(l)!;
    assert.deepEqual(at(6), { line: 6, state: ' ', status: 'open', talkingPoint: true, owner: { token: '@alex', id: 'alex', key: 'alex' }, due: undefined, done: undefined });
    assert.deepEqual(at(8).due, { token: 'due:2026-11-27', date: '2026-11-27', overdue: false });
    assert.deepEqual(at(9).due, { token: '📅 2026-11-10', date: '2026-11-10', overdue: true });
    assert.deepEqual(at(9).owner, { token: '[owner:: sam]', id: 'sam', key: 'sam' });
    assert.equal(at(10).due?.overdue, true, '[/] is open');
    assert.equal(at(11).due?.overdue, false, 'forwarded is not open');
    assert.equal(at(12).due?.overdue, false, 'cancelled is not open');
    assert.deepEqual(at(13).done, { token: 'done:2026-11-21', date: '2026-11-21' });
  });

  it('hides private blocks (an unclosed one to the end) and lines of %% text, but not a line with words besides', () => {
    const text = ['---', 'type: 1on1', '---', 'shown', '<!-- private -->', 'secret one', '<!-- /private -->', 'shown %% aside %% too', '%%', 'secret two', '%%', '- [ ] %% secret item %%', '<!-- private -->', 'to the end'].join('\n');
    const f = previewFacts(text, TODAY);
    assert.deepEqual([...f.hiddenLines].sort((a, b) => a - b), [4, 5, 6, 8, 9, 10, 11, 12, 13]);
    assert.deepEqual(f.hiddenRuns, [[4, 6], [8, 13]]);
  });

  it('talking-point sections run to the next heading of their level or above, and follow the configured headings', () => {
    const text = ['## Agenda', '- [ ] a', '### Sub', '- [ ] b', '## Action items', '- [ ] c'].join('\n');
    const f = previewFacts(text, TODAY);
    assert.deepEqual([1, 3, 5].map((l) => f.items.get(l)!.talkingPoint), [true, true, false]);
    const g = previewFacts(text, TODAY, ['Action items']);
    assert.deepEqual([1, 3, 5].map((l) => g.items.get(l)!.talkingPoint), [false, false, true]);
  });
});

describe('the preview plugin', () => {
  it('leaves the parsed tokens as they were (VS Code caches them across renders)', () => {
    const md = new MarkdownIt({ html: true });
    let screenShare = true;
    md.use(cadencePreview, { context: () => ({ src: NOTE, today: TODAY, nameOf: (k: string) => NAMES[k], screenShare }) });
    const tokens = md.parse(NOTE, {});
    const before = JSON.stringify(tokens);
    const masked = md.renderer.render(tokens, md.options, {});
    assert.equal(JSON.stringify(tokens), before);
    screenShare = false;
    const shown = md.renderer.render(tokens, md.options, {});
    assert.ok(!masked.includes('Alex Kim') && shown.includes('Alex Kim'), 'the same tokens render masked, then shown');
  });

  it('changes nothing in a note that is not Cadence’s', () => {
    const md = new MarkdownIt({ html: true });
    assert.equal(render(NOTE, null), md.render(NOTE));
  });

  it('renders statuses, owner chips with names, due badges (overdue marked), done dates and talking points', () => {
    const html = render(NOTE);
    assert.match(html, /<li class="cadence-item cadence-item-open cadence-talking-point"><span class="cadence-status cadence-status-open" title="talking point, open" aria-label="talking point, open">☐<\/span> On-call load <span class="cadence-owner" title="owner: Alex Kim \(@alex\)" aria-label="owner: Alex Kim \(@alex\)">Alex Kim<\/span><\/li>/);
    assert.match(html, /Draft the rotation proposal <span class="cadence-owner"[^>]*>Alex Kim<\/span> <span class="cadence-due" title="due 2026-11-27"[^>]*>due 2026-11-27<\/span>/);
    assert.match(html, /Book the room <span class="cadence-due cadence-overdue" title="overdue: was due 2026-11-10"[^>]*>due 2026-11-10<\/span> <span class="cadence-owner"[^>]*>Sam Ortiz<\/span>/);
    assert.match(html, /<li class="cadence-item cadence-item-in-progress"><span class="cadence-status cadence-status-in-progress" title="in progress"/);
    assert.match(html, /<li class="cadence-item cadence-item-forwarded"><span class="cadence-status cadence-status-forwarded" title="forwarded to a later 1:1"[^>]*>➜<\/span> Carried into next week <span class="cadence-owner"[^>]*>You<\/span> <span class="cadence-due" /);
    assert.match(html, /<li class="cadence-item cadence-item-cancelled"><span class="cadence-status cadence-status-cancelled"/);
    assert.match(html, /<span class="cadence-done" title="done 2026-11-21"[^>]*>done 2026-11-21<\/span>/);
    assert.doesNotMatch(html, /\[[ x/>-]\]|(?<!over)due:|done:|📅|\[owner::|\[due::/, 'every token is rendered, none left as source');
  });

  it('an owner without a person file keeps the id, marked unknown', () => {
    assert.match(render('---\ntype: 1on1\n---\n- [ ] Ask @zoe due:2026-12-01\n'), /<span class="cadence-owner cadence-owner-unknown" title="owner: @zoe \(no person file\)"[^>]*>@zoe<\/span>/);
  });

  it('leaves private blocks and %% text out, with one notice per run, wherever they stand', () => {
    const text = [
      '---',
      'type: 1on1',
      '---',
      'Before.',
      '',
      '<!-- private -->',
      'PRIVATE-ONE about the reorg',
      '',
      '- [ ] PRIVATE-TWO item @alex',
      '<!-- /private -->',
      '',
      'Shown %%PRIVATE-THREE%% and kept.',
      '',
      '- [ ] item',
      '  <!-- private -->',
      '  - [ ] PRIVATE-FOUR nested',
      '  <!-- /private -->',
      '',
      '%%',
      'PRIVATE-FIVE',
      '%%',
      'After.',
    ].join('\n');
    // Alone, and after the blocks were blanked before the parse (the extension runs both): the same notices.
    for (const blanked of [false, true]) {
      const html = render(text, {}, blanked);
      assert.doesNotMatch(html, /PRIVATE-/, html);
      assert.doesNotMatch(html, /%%|<!-- \/?private -->/);
      assert.match(html, /Shown\s+and kept\./);
      assert.match(html, /After\./);
      assert.match(html, /Before\./);
      assert.equal(html.match(/class="cadence-private"/g)?.length, 3, `blanked ${blanked}: ${html}`);
    }
    // A private block at the very end, blanked: its notice closes the note.
    const end = render('---\ntype: 1on1\n---\nShown.\n<!-- private -->\nPRIVATE-SIX\n', {}, true);
    assert.doesNotMatch(end, /PRIVATE-/);
    assert.match(end, /Shown\.<\/p>\n<p class="cadence-private">Private — not shown in the preview<\/p>\n$/, end);
  });

  it('screen-share mode drops the front matter token (VS Code renders it as a table)', () => {
    const md = new MarkdownIt({ html: true });
    // A stand-in for VS Code's front-matter rule: a front_matter token first, rendered as a table of its content.
    md.block.ruler.before('table', 'front_matter', (state, start, _end, silent) => {
      if (start !== 0 || state.src.slice(0, 4) !== '---\n') return false;
      const close = state.src.indexOf('\n---\n', 3);
      if (silent) return true;
      const t = state.push('front_matter', '', 0);
      t.content = state.src.slice(4, close);
      t.map = [0, state.src.slice(0, close).split('\n').length + 1];
      state.line = t.map[1];
      return true;
    });
    md.renderer.rules.front_matter = (tokens, idx) => `<table class="frontmatter">${md.utils.escapeHtml(tokens[idx].content)}</table>`;
    md.use(cadencePreview, { context: () => ({ src: NOTE, today: TODAY, nameOf: (k: string) => NAMES[k], screenShare: true }) });
    const html = md.render(NOTE);
    assert.doesNotMatch(html, /frontmatter|report: alex|2026-11-20/);
  });

  it('screen-share mode masks every word, names and dates included, and drops raw HTML', () => {
    const text = `${NOTE}\nSome <b>bold</b> words and \`snippetword\`.\n\n![a photo of Alex](x.png "Alex")\n`;
    const html = render(text, { screenShare: true });
    assert.match(html, /^<div class="cadence-screen-share"/);
    for (const word of ['Alex', 'Kim', 'Sam', 'Draft', 'rotation', '2026', 'Talking', 'bold', 'snippetword', 'photo', 'alex']) {
      assert.ok(!html.includes(word), `"${word}" shows in screen-share mode`);
    }
    assert.doesNotMatch(html, /<b>/);
    assert.match(html, /cadence-status-forwarded/, 'statuses still show');
  });

  it('hostile text in a person’s name, an id, a status box, a heading or a note stays text: no element, attribute or URL from it', () => {
    const evil = '<img src=x onerror="alert(1)">"onmouseover="alert(2)';
    const html = (() => {
      const src = '---\ntype: 1on1\n---\n## <script>alert(3)</script>\n- [<] javascript:alert(4) @x due:2026-11-01\n- [ ] done @y\n';
      const md = new MarkdownIt({ html: true });
      md.use(cadencePreview, { context: () => ({ src, today: TODAY, nameOf: () => evil, screenShare: false }) });
      return md.render(src);
    })();
    // The name appears only escaped, in the chip's text and its title.
    assert.ok(html.includes('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&quot;onmouseover=&quot;alert(2)'), html);
    assert.doesNotMatch(html, /<img|onerror="|onmouseover="|<a /);
    assert.match(html, /<span class="cadence-status cadence-status-other" title="status &lt;" aria-label="status &lt;">\[&lt;\]<\/span>/);
    // The heading is the note's own raw HTML (VS Code's preview sanitises it); the plugin adds none.
    const plain = new MarkdownIt({ html: true }).render('## <script>alert(3)</script>\n');
    assert.ok(plain.includes('<script>') && html.includes('<script>alert(3)</script>'), 'the note’s own HTML is left to VS Code, as without the plugin');
    assert.equal(html.split('<script').length, 2, 'no other script than the note’s own');
  });
});
