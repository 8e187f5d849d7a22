import assert from 'node:assert/strict';
import { applyFix, assertSeverityConfigurable, checkCode, diagnosticOf, lines, makeDataset, row } from '../helpers';

const CODE = 'talking-point-open';
const today = '2026-11-30';
const note = (date: string, ...body: string[]) => lines('---', 'type: 1on1', 'report: sam', `date: ${date}`, '---', ...body);
const P = (date: string) => `1on1s/sam/${date}.md`;

describe(CODE, () => {
  it('an open talking point in a 1:1 dated before today, on its task line, as info', () => {
    const f = { [P('2026-11-20')]: note('2026-11-20', '## Talking points', '- [ ] Promotion timeline', '- [x] On-call load', '- [-] Dropped', '- [>] Carried', '## Action items', '- [ ] a @sam due:2026-12-05') };
    assert.deepEqual(checkCode(CODE, f, { today }), [row(P('2026-11-20'), 7, 'info', CODE)]);
  });

  it('also under `Agenda`, any case, any heading level, nested items too', () => {
    const f = { [P('2026-11-20')]: note('2026-11-20', '### AGENDA ', '- [ ] one', '  - [ ] nested', '#### deeper, still in it', '- [ ] two', '### Action items', '- [ ] not a talking point @sam due:2026-12-05') };
    assert.deepEqual(checkCode(CODE, f, { today }).map((r) => r.line), [7, 8, 10]);
  });

  it('not in a 1:1 dated today or later (an agenda prepared ahead), nor in a note without a date', () => {
    const f = {
      [P('2026-11-30')]: note('2026-11-30', '## Talking points', '- [ ] today'),
      [P('2026-12-07')]: note('2026-12-07', '## Talking points', '- [ ] ahead'),
      '1on1s/sam/notes.md': lines('---', 'type: 1on1', 'report: sam', '---', '## Talking points', '- [ ] undated'),
    };
    assert.deepEqual(checkCode(CODE, f, { today }), []);
  });

  it('in a log: per meeting by its date; outside every meeting it is pending, not judged', () => {
    const log = lines('---', 'type: 1on1', 'report: sam', '---', '## Talking points', '- [ ] before any meeting', '## 2026-12-03', '### Talking points', '- [ ] ahead', '## 2026-11-26', '### Talking points', '- [ ] past', '## Parking lot', '### Agenda', '- [ ] nowhere');
    assert.deepEqual(checkCode(CODE, { '1on1s/sam/sam.md': log }, { today }).map((r) => r.line), [12]);
  });

  it('the setting cadence.talkingPointHeadings names the sections', () => {
    const f = { [P('2026-11-20')]: note('2026-11-20', '## Topics', '- [ ] mine', '## Talking points', '- [ ] not a section now @sam due:2026-12-05') };
    assert.deepEqual(checkCode(CODE, f, { today, settings: { talkingPointHeadings: ['Topics'] } }).map((r) => r.line), [7]);
  });

  it('quick fix: check it off', () => {
    const text = note('2026-11-20', '## Talking points', '- [ ] Promotion timeline', '## Action items', '- [ ] a @sam due:2026-12-05');
    const ds = makeDataset({ [P('2026-11-20')]: text }, { today });
    const d = diagnosticOf(ds, P('2026-11-20'), CODE, 7);
    const fix = ds.fixes(P('2026-11-20'), d, text)[0];
    assert.equal(fix.title, 'Check it off (discussed)');
    assert.match(applyFix(text, fix), /- \[x\] Promotion timeline/);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'info', { [P('2026-11-20')]: note('2026-11-20', '## Talking points', '- [ ] x') }, { today });
  });
});
