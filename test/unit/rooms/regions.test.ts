// The line structure the two rooms read: private blocks (also used by the
// editor's decorations and the Markdown preview), headings, log meetings.
import assert from 'node:assert/strict';
import { headingsOf, meetingsOf, privateBlocks } from '../../../src/core/rooms/index';
import { hasConflictBlock } from '../../../src/core/rooms/regions';

describe('rooms: regions', () => {
  describe('privateBlocks', () => {
    it('finds each block from its opening to its closing marker line', () => {
      const lines = ['a', '<!-- private -->', 'b', '<!-- /private -->', 'c', '  <!--PRIVATE-->  ', 'd', '<!--  /  private -->'];
      assert.deepEqual(privateBlocks(lines), [
        { start: 1, end: 3, closed: true },
        { start: 5, end: 7, closed: true },
      ]);
    });

    it('an unclosed block runs to the last line', () => {
      assert.deepEqual(privateBlocks(['<!-- private -->', 'b', 'c']), [{ start: 0, end: 2, closed: false }]);
    });

    it('markers inside fenced code, inside %% text or inline are not markers', () => {
      assert.deepEqual(privateBlocks(['```', '<!-- private -->', '```', 'x']), []);
      assert.deepEqual(privateBlocks(['%%', '<!-- private -->', '%%', 'x']), []);
      assert.deepEqual(privateBlocks(['text <!-- private --> more', 'x']), []);
    });

    it('a closing marker without an opening one is a comment; nested openings are one block', () => {
      assert.deepEqual(privateBlocks(['<!-- /private -->', '<!-- private -->', '<!-- private -->', 'x', '<!-- /private -->']), [{ start: 1, end: 4, closed: true }]);
    });

    it('starts after the front matter when told', () => {
      assert.deepEqual(privateBlocks(['---', '<!-- private -->', '---', 'x'], 3), []);
    });
  });

  describe('headingsOf', () => {
    it('reads ATX and setext headings, not code, list items or thematic breaks', () => {
      const lines = ['# One #', 'para', 'Two', '===', '', '```', '# code', '```', '- item', '---', '', 'three', 'lines', '---', '#nohash'];
      assert.deepEqual(
        headingsOf(lines, 0).map((h) => [h.line, h.depth, h.text]),
        [
          [0, 1, 'One'],
          [1, 1, 'para Two'],
          [2, 1, 'para Two'],
          [11, 2, 'three lines'],
          [12, 2, 'three lines'],
        ],
      );
    });
  });

  describe('meetingsOf (SPEC §12)', () => {
    it('meetings begin at dated headings of the first dated level and end at the next heading as high', () => {
      const lines = ['# Alex', '## 2026-11-20 (weekly)', '### Action items', 'x', '## Notes', 'y', '## **2026-11-13**', 'z', '## [[2026-11-06]]', 'w'];
      assert.deepEqual(meetingsOf(headingsOf(lines, 0), lines.length), [
        { start: 1, end: 4, date: '2026-11-20' },
        { start: 6, end: 8, date: '2026-11-13' },
        { start: 8, end: 10, date: '2026-11-06' },
      ]);
    });

    it('a dated heading that is not a real date begins no meeting but ends the one before', () => {
      const lines = ['## 2026-11-20', 'x', '## 2026-02-30', 'y', '## 20261120', '## 2026-11-131'];
      assert.deepEqual(meetingsOf(headingsOf(lines, 0), lines.length), [{ start: 0, end: 2, date: '2026-11-20' }]);
    });

    it('no dated heading: no meetings', () => {
      assert.deepEqual(meetingsOf(headingsOf(['## Notes', 'x'], 0), 2), []);
    });
  });

  describe('hasConflictBlock (SPEC §10)', () => {
    it('needs all three markers in order', () => {
      assert.equal(hasConflictBlock(['<<<<<<< HEAD', 'a', '=======', 'b', '>>>>>>> x']), true);
      assert.equal(hasConflictBlock(['<<<<<<< HEAD', 'a', '||||||| base', 'c', '=======', 'b', '>>>>>>> x']), true);
      assert.equal(hasConflictBlock(['<<<<<<< HEAD', 'a', '>>>>>>> x']), false);
      assert.equal(hasConflictBlock(['=======', '<<<<<<<', '>>>>>>>']), false);
    });
  });
});
