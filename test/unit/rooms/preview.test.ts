// The Markdown preview hides private blocks (SPEC §15, issue 19): the core's
// blankPrivateBlocks, and the markdown-it plugin the extension contributes,
// run here in a real markdown-it (the engine VS Code's preview uses).
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { blankPrivateBlocks } from '../../../src/core/rooms/index';
import { extendMarkdownIt } from '../../../src/extension/markdown-preview';

const SHARED = [
  '---',
  'type: 1on1',
  'visibility: shared',
  '---',
  '## Notes',
  'Public paragraph one.',
  '<!-- private -->',
  'The retention bonus stays between us.',
  '- [ ] Ask HR about the bonus @me',
  '<!-- /private -->',
  'Public paragraph two.',
].join('\n');

describe('rooms: private blocks left out of the preview', () => {
  describe('blankPrivateBlocks', () => {
    it('blanks every line of each block, markers included, and keeps the line count', () => {
      const out = blankPrivateBlocks(SHARED).split('\n');
      const lines = SHARED.split('\n');
      assert.equal(out.length, lines.length);
      assert.deepEqual(out.slice(6, 10), ['', '', '', '']);
      assert.deepEqual([...out.slice(0, 6), ...out.slice(10)], [...lines.slice(0, 6), ...lines.slice(10)]);
    });

    it('an unclosed block runs to the end of the file', () => {
      assert.equal(blankPrivateBlocks('a\n<!-- private -->\nb\nc'), 'a\n\n\n');
    });

    it('returns text without a block as it is; markers in fenced code, %% text, the front matter or inline open none', () => {
      for (const t of ['plain text\nno comment', '```\n<!-- private -->\n```\nx', '%%\n<!-- private -->\n%%\nx', '---\n<!-- private -->\n---\nx', 'a <!-- private --> b\nc']) {
        assert.equal(blankPrivateBlocks(t), t);
      }
    });

    it('keeps a carriage return where the line had one', () => {
      assert.equal(blankPrivateBlocks('a\r\n<!-- private -->\nsecret\r\n<!-- /private -->\nb'), 'a\r\n\n\r\n\nb');
    });
  });

  describe('the markdown-it plugin', () => {
    const md = extendMarkdownIt(new MarkdownIt({ html: true }));

    it('renders none of a private block, and everything around it', () => {
      const html = md.render(SHARED.split('\n').slice(4).join('\n'));
      assert.ok(!/retention|Ask HR|private/i.test(html), html);
      assert.match(html, /Public paragraph one\./);
      assert.match(html, /Public paragraph two\./);
    });

    it('the blocks after a private block keep their source lines (the preview scrolls in step)', () => {
      const src = ['Para one.', '<!-- private -->', 'secret', '<!-- /private -->', '', 'Para two.'].join('\n');
      const para = md.parse(src, {}).filter((t) => t.type === 'paragraph_open');
      assert.deepEqual(para.map((t) => t.map?.[0]), [0, 5]);
    });

    it('a block inside a list item hides only its lines', () => {
      const src = ['- one', '  <!-- private -->', '  secret words', '  <!-- /private -->', '- two'].join('\n');
      const html = md.render(src);
      assert.ok(!html.includes('secret'), html);
      assert.match(html, /one/);
      assert.match(html, /two/);
    });

    it('without the plugin the same engine shows the block (the control)', () => {
      assert.match(new MarkdownIt({ html: true }).render('<!-- private -->\nsecret\n<!-- /private -->'), /secret/);
    });
  });
});
