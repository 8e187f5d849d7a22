// Plain-English due dates (issue 20 item 3, core/plain-dates.ts): each kind
// of phrase read against fixed todays around month, year and leap-day ends,
// and each kind of text that must not become a date.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBundle } from '../../src/core/l10n';
import { plainDatesIn, plainDueDate, PLAIN_DATE_CHARS, readDueDate } from '../../src/core/plain-dates';

/** The first date the text names on `today`, as [phrase, date], or undefined. */
function said(text: string, today: string): [string, string] | undefined {
  const d = plainDueDate(text, today);
  return d && [d.phrase, d.date];
}

describe('plain-English due dates (core)', () => {
  it('reads the first PLAIN_DATE_CHARS of a text only: a phrase there is found, one after it is not (a long run of date-like words stalled chrono)', () => {
    const pad = 'x'.repeat(PLAIN_DATE_CHARS - 20);
    assert.equal(plainDueDate(`${pad} by friday`, '2026-11-23')?.date, '2026-11-27');
    assert.equal(plainDueDate(`${pad}${' '.repeat(40)}by friday`, '2026-11-23'), undefined);
    assert.equal(plainDueDate(`call ${'📅 2026-11-2 ⏳ '.repeat(20_000)}`, '2026-11-23'), undefined);
  });

  it('a weekday: the next one on or after today, across a month and a year end', () => {
    assert.deepEqual(said('Send the agenda by Friday', '2026-11-30'), ['Friday', '2026-12-04']);
    assert.deepEqual(said('by Friday', '2026-12-30'), ['Friday', '2027-01-01']);
    assert.deepEqual(said('by friday', '2026-12-04'), ['friday', '2026-12-04'], 'on a Friday, Friday is today');
    assert.deepEqual(said('on Monday', '2026-11-28'), ['on Monday', '2026-11-30']);
    assert.deepEqual(said('next Friday', '2026-11-30'), ['next Friday', '2026-12-11'], 'chrono: the Friday of next week');
    assert.deepEqual(said('Review it by Sat', '2026-11-30'), ['Sat', '2026-12-05'], 'a short name after "by"');
  });

  it('tomorrow, today and the day after tomorrow, across a year end and a leap day', () => {
    assert.deepEqual(said('Call the vendor tomorrow', '2026-12-31'), ['tomorrow', '2027-01-01']);
    assert.deepEqual(said('tomorrow', '2028-02-28'), ['tomorrow', '2028-02-29']);
    assert.deepEqual(said('tomorrow', '2027-02-28'), ['tomorrow', '2027-03-01']);
    assert.deepEqual(said('Ship it today', '2026-11-30'), ['today', '2026-11-30']);
    assert.deepEqual(said('the day after tomorrow', '2026-11-30'), ['the day after tomorrow', '2026-12-02']);
  });

  it('in N days or weeks, and next week: from today', () => {
    assert.deepEqual(said('Follow up in two weeks', '2026-12-25'), ['in two weeks', '2027-01-08']);
    assert.deepEqual(said('in 3 days', '2026-02-27'), ['in 3 days', '2026-03-02']);
    assert.deepEqual(said('in 3 days', '2028-02-27'), ['in 3 days', '2028-03-01']);
    assert.deepEqual(said('next week', '2026-12-28'), ['next week', '2027-01-04']);
  });

  it('the end of a day, week, month, quarter or year, also the next one and EOD/EOW/EOM/EOQ/EOY', () => {
    assert.deepEqual(said('Draft it by end of month', '2026-02-10'), ['end of month', '2026-02-28']);
    assert.deepEqual(said('by end of month', '2028-02-03'), ['end of month', '2028-02-29']);
    assert.deepEqual(said('end of month', '2026-11-30'), ['end of month', '2026-11-30'], 'on the last day, that day');
    assert.deepEqual(said('by the end of the month', '2026-12-15'), ['the end of the month', '2026-12-31']);
    assert.deepEqual(said('end of next month', '2026-12-15'), ['end of next month', '2027-01-31']);
    assert.deepEqual(said('end of next month', '2027-01-31'), ['end of next month', '2027-02-28'], 'from a 31st into a short month');
    assert.deepEqual(said('end of the week', '2026-11-30'), ['end of the week', '2026-12-04'], 'a Monday: that Friday');
    assert.deepEqual(said('EOW', '2026-12-05'), ['EOW', '2026-12-11'], 'a Saturday: the next Friday');
    assert.deepEqual(said('end of next week', '2026-12-30'), ['end of next week', '2027-01-08']);
    assert.deepEqual(said('end of quarter', '2026-11-30'), ['end of quarter', '2026-12-31']);
    assert.deepEqual(said('EOQ', '2027-01-02'), ['EOQ', '2027-03-31']);
    assert.deepEqual(said('end of next quarter', '2026-11-30'), ['end of next quarter', '2027-03-31']);
    assert.deepEqual(said('end of year', '2026-11-30'), ['end of year', '2026-12-31']);
    assert.deepEqual(said('by EOD', '2026-11-30'), ['EOD', '2026-11-30']);
  });

  it('a month and a day: the nearest such date, across a year end', () => {
    assert.deepEqual(said('Book the room for Dec 5', '2026-11-30'), ['Dec 5', '2026-12-05']);
    assert.deepEqual(said('by Jan 5', '2026-12-20'), ['Jan 5', '2027-01-05']);
    assert.deepEqual(said('by 5 January', '2026-12-20'), ['5 January', '2027-01-05']);
    assert.deepEqual(said('by December 31st', '2026-12-31'), ['December 31st', '2026-12-31']);
    assert.deepEqual(said('Feb 29', '2028-02-01'), ['Feb 29', '2028-02-29']);
    assert.deepEqual(said('by Dec 5 2027', '2026-11-30'), ['Dec 5 2027', '2027-12-05'], 'a year written is kept');
    assert.deepEqual(said('by 2026-12-04', '2026-11-30'), ['2026-12-04', '2026-12-04']);
  });

  it('the first date in the text when there are several; each with its offset', () => {
    assert.deepEqual(plainDatesIn('Tell Sam tomorrow, send it by Friday', '2026-11-30').map((d) => [d.phrase, d.date, d.index]), [
      ['tomorrow', '2026-12-01', 9],
      ['Friday', '2026-12-04', 30],
    ]);
  });

  it('refuses what names no day: no date, a month alone, next month, a time, hours, now', () => {
    for (const text of ['Draft the proposal', 'Review the March numbers', 'Plan next month', 'Call at 3pm', 'in 3 hours', 'Do it now', 'Take a second look', 'this week', 'Q1 plan', '']) {
      assert.deepEqual(plainDatesIn(text, '2026-11-30'), [], text);
    }
  });

  it('refuses the past: yesterday, last Friday, days ago, a month and day just gone, an explicit past date', () => {
    for (const text of ['Sent it yesterday', 'as agreed last Friday', 'started 3 days ago', 'the Nov 28 retro', 'Dec 5', 'by 2026-12-01']) {
      assert.deepEqual(plainDatesIn(text, '2026-12-30'), [], text);
    }
  });

  it('refuses day/month numbers (the order depends on the writer’s country) and short weekday names standing alone', () => {
    for (const text of ['by 12/5', 'by 5/12/2026', 'Sat with Alex to plan', 'sun is out', 'Mon']) {
      assert.deepEqual(plainDatesIn(text, '2026-11-30'), [], text);
    }
  });

  it('never reads the clock: the answer follows the today given; an invalid today gives none', () => {
    assert.equal(plainDueDate('tomorrow', '2030-06-30')?.date, '2030-07-01');
    assert.equal(plainDueDate('tomorrow', '1999-12-31')?.date, '2000-01-01');
    assert.deepEqual(plainDatesIn('tomorrow', '2026-02-30'), []);
    assert.deepEqual(plainDatesIn('tomorrow', 'today'), []);
  });
});

describe('a typed due date (readDueDate)', () => {
  const T = '2026-11-30';
  it('takes YYYY-MM-DD as it is when it is a real date, and says why one is not', () => {
    assert.deepEqual(readDueDate(' 2026-12-10 ', T), { date: '2026-12-10' });
    assert.deepEqual(readDueDate('2026-11-01', T), { date: '2026-11-01' }, 'a typed ISO date is the writer’s: the past too');
    assert.match((readDueDate('2026-02-30', T) as { problem: string }).problem, /not a real date/);
  });

  it('takes plain English when the words are the whole input, after an optional by/due/on/before/until', () => {
    assert.deepEqual(readDueDate('next friday', T), { date: '2026-12-11', phrase: 'next friday' });
    assert.deepEqual(readDueDate('by Dec 5', T), { date: '2026-12-05', phrase: 'Dec 5' });
    assert.deepEqual(readDueDate('in two weeks.', T), { date: '2026-12-14', phrase: 'in two weeks' });
    assert.deepEqual(readDueDate('EOM', T), { date: '2026-11-30', phrase: 'EOM' });
  });

  it('refuses words in the past, words around a date, and words that are no date, each with a sentence', () => {
    assert.match((readDueDate('yesterday', T) as { problem: string }).problem, /in the past/);
    assert.match((readDueDate('last friday', T) as { problem: string }).problem, /in the past/);
    assert.match((readDueDate('Friday please', T) as { problem: string }).problem, /not a date Cadence reads/);
    assert.match((readDueDate('soon', T) as { problem: string }).problem, /not a date Cadence reads/);
    assert.match((readDueDate('12/5', T) as { problem: string }).problem, /not a date Cadence reads/);
    assert.match((readDueDate('  ', T) as { problem: string }).problem, /YYYY-MM-DD/);
  });

  it('words each refusal in the language of the bundle in use (every kind, both dates in the past)', () => {
    // A bundle that marks every message it translates: what comes back unmarked was not translated.
    const english = JSON.parse(readFileSync(join(__dirname, '..', '..', 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    useBundle(Object.fromEntries(Object.keys(english).map((k) => [k, `⟦${k}⟧`])));
    try {
      const problems = [readDueDate('2026-02-30', T), readDueDate('  ', T), readDueDate('yesterday', T), readDueDate('yesterday', T, 'new 1:1'), readDueDate('soon', T)].map((r) => (r as { problem: string }).problem);
      for (const p of problems) assert.match(p, /^⟦.*⟧$/s, `not from the bundle: ${p}`);
      assert.equal(problems[0], '⟦2026-02-30 is not a real date (check the month and the day).⟧');
      assert.equal(problems[2], '⟦“yesterday” is in the past: a due date is today or later.⟧');
      assert.equal(problems[3], '⟦“yesterday” is in the past: a new 1:1 is today or later.⟧');
    } finally {
      useBundle(undefined);
    }
  });
});
