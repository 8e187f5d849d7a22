// Nothing private in what Cadence writes into a shared file (SPEC §13, §15;
// issue 19 item 3). The writers that write into a shared file are the
// pre-read (an OKR review: test/unit/pre-read.test.ts) and the next 1:1 in
// a shared log (here); new 1:1 notes are private, Add Talking Point writes
// the user's own words, and moving a point to the inbox writes into the
// person file (private). Each written file is judged by private-leak itself,
// with a control that the same words outside a private block are a leak.
import assert from 'node:assert/strict';
import { applyTextEdits, nextOneOnOne } from '../../../src/core/actions/next-one-on-one';
import { checkCode, lines, makeDataset } from '../helpers';

const TODAY = '2026-11-30';
const INBOX_POINT = 'Ask whether the retention bonus survives the reorganisation in January';
const PRIVATE_ITEM = 'Call the recruiter back about the offer she is weighing from Acme';
const PRIVATE_POINT = 'Her partner may take the job in Lisbon and she would follow';

const files: Record<string, string> = {
  'people/alex.md': lines('---', 'type: person', 'name: Alex Kim', 'cadence: weekly', '---', '## Talking points', `- [ ] ${INBOX_POINT}`, '', 'Notes.'),
  '1on1s/alex/log.md': lines(
    '---',
    'type: 1on1',
    'report: alex',
    'visibility: shared',
    '---',
    '# Alex — 1:1s',
    '## 2026-11-26',
    '### Talking points',
    '- [ ] The on-call rotation for the holidays',
    '<!-- private -->',
    `- [ ] ${PRIVATE_POINT}`,
    '<!-- /private -->',
    '### Action items',
    '- [ ] Draft the rotation proposal @alex due:2026-12-03',
    '<!-- private -->',
    `- [ ] ${PRIVATE_ITEM} @me due:2026-12-03`,
    '<!-- /private -->',
  ),
};

/** The workspace after `cadence new alex` (the core function both shells call). */
function afterNew(): Record<string, string> {
  const ds = makeDataset(files, { today: TODAY });
  const next = nextOneOnOne(ds, 'alex', TODAY, { linesOf: (p) => files[p]?.split('\n') });
  assert.ok(next?.kind === 'create', JSON.stringify(next));
  assert.equal(next.path, '1on1s/alex/log.md');
  const out = { ...files };
  for (const [path, edits] of next.edits) out[path] = applyTextEdits(out[path], edits);
  return out;
}

describe('rooms: what Cadence writes into a shared file holds no private text', () => {
  it('the next meeting of a shared log: carried private items and the moved inbox stay inside private blocks; no private-leak', () => {
    const out = afterNew();
    const log = out['1on1s/alex/log.md'];
    // Not vacuous: the private words were written into the shared log.
    for (const t of [PRIVATE_ITEM, PRIVATE_POINT]) assert.equal(log.split(t).length - 1, 2, `${t} is in the old and the new meeting`);
    assert.equal(log.split(INBOX_POINT).length - 1, 1, 'the inbox point is in the new meeting');
    assert.ok(!out['people/alex.md'].includes(INBOX_POINT), 'the inbox point moved out of the person file');
    assert.deepEqual(checkCode('private-leak', out, { today: TODAY }), []);
  });

  it('the control: had the new meeting held the inbox point outside a private block, private-leak would report it', () => {
    const out = afterNew();
    const log = out['1on1s/alex/log.md'];
    const bare = log.replace(/^<!-- \/?private -->\n/gm, '');
    assert.notEqual(bare, log);
    // The person file as it was (its inbox holds the point): a source, whatever its date.
    const rows = checkCode('private-leak', { ...out, '1on1s/alex/log.md': bare, 'people/alex.md': files['people/alex.md'] }, { today: TODAY });
    assert.deepEqual(rows.map((r) => r.file), ['1on1s/alex/log.md']);
  });
});
