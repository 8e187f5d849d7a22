import assert from 'node:assert/strict';
import { assertFix, assertSeverityConfigurable, checkCode, fixesFor, lines, note, personFile, row } from '../helpers';

const CODE = 'action-missing-owner';
const P = '1on1s/alex/2026-11-20.md';
// note(): lines 1–5 front matter, 6 `## Action items`, body from line 7.
const one = (...body: string[]) => ({ [P]: note('alex', '2026-11-20', ...body) });

describe(CODE, () => {
  it('fires on an open item with no owner, on the task line, as a warning', () => {
    assert.deepEqual(checkCode(CODE, one('- [ ] Draft the proposal due:2026-12-01')), [row(P, 7, 'warning', CODE)]);
  });

  it('does not fire when the item has an owner in any spelling', () => {
    assert.deepEqual(checkCode(CODE, one('- [ ] Draft the proposal @alex due:2026-12-01')), []);
    assert.deepEqual(checkCode(CODE, one('- [ ] Draft the proposal @me due:2026-12-01')), []);
    assert.deepEqual(checkCode(CODE, one('- [ ] Draft the proposal [owner:: alex] [due:: 2026-12-01]')), []);
    assert.deepEqual(checkCode(CODE, one('- [ ] Draft the proposal @alex 📅 2026-12-01')), []);
  });

  it('only judges open items: not [x], [X], [-] or [>]', () => {
    assert.deepEqual(
      checkCode(CODE, one('- [x] Done thing due:2026-12-01', '- [X] Done too due:2026-12-01', '- [-] Cancelled due:2026-12-01', '- [>] Forwarded due:2026-12-01')),
      [],
    );
  });

  it('an e-mail address is not an owner (bob@corp.io)', () => {
    assert.deepEqual(checkCode(CODE, one('- [ ] Send the charter to bob@corp.io due:2026-12-01')), [row(P, 7, 'warning', CODE)]);
    // …but a real @id elsewhere on the line is.
    assert.deepEqual(checkCode(CODE, one('- [ ] Send the charter to bob@corp.io @alex due:2026-12-01')), []);
  });

  it('task lines inside code fences (``` and ~~~), indented code and HTML blocks are not items', () => {
    assert.deepEqual(
      checkCode(
        CODE,
        one(
          '```', //                         7
          '- [ ] In a backtick fence', //   8
          '```', //                         9
          '~~~markdown', //                 10
          '- [ ] In a tilde fence', //      11
          '~~~', //                         12
          '', //                            13
          '    - [ ] Indented code', //     14
          '', //                            15
          '<div>', //                       16
          '- [ ] In an HTML block', //      17
          '</div>', //                      18
          '', //                            19
          '- [ ] The real one', //          20
        ),
      ),
      [row(P, 20, 'warning', CODE)],
    );
  });

  it('nested, ordered and every bullet marker are items; a nested item is judged on its own', () => {
    assert.deepEqual(
      checkCode(
        CODE,
        one(
          '- [ ] Parent @alex due:2026-12-01', // 7
          '  - [ ] Child due:2026-12-01', //      8
          '    - [ ] Grandchild @alex due:2026-12-01', // 9
          '1. [ ] Ordered dot due:2026-12-01', // 10
          '2) [ ] Ordered paren due:2026-12-01', // 11 (a new list: the delimiter changed)
          '* [ ] Star due:2026-12-01', //        12
          '+ [ ] Plus due:2026-12-01', //        13
        ),
      ),
      [row(P, 8, 'warning', CODE), row(P, 10, 'warning', CODE), row(P, 11, 'warning', CODE), row(P, 12, 'warning', CODE), row(P, 13, 'warning', CODE)],
    );
  });

  it('reads task items as GFM does: in block quotes yes; an ordered item not starting at 1 cannot interrupt a paragraph', () => {
    assert.deepEqual(checkCode(CODE, one('> - [ ] Quoted task due:2026-12-01')), [row(P, 7, 'warning', CODE)]);
    assert.deepEqual(checkCode(CODE, one('Some text', '2. [ ] Paragraph continuation, not an item due:2026-12-01')), []);
    assert.deepEqual(checkCode(CODE, one('Some text', '1. [ ] An item due:2026-12-01')), [row(P, 8, 'warning', CODE)]);
    assert.deepEqual(checkCode(CODE, one('Some text', '- [ ] An item due:2026-12-01')), [row(P, 8, 'warning', CODE)]);
    assert.deepEqual(checkCode(CODE, one('- [ ]x no space after the box due:2026-12-01')), []);
    assert.deepEqual(checkCode(CODE, one('<!--', '- [ ] in an HTML comment due:2026-12-01', '-->')), []);
  });

  it('[-] and [>] are read on the remark path too (a note the fast scanner hands over)', () => {
    // The block quote sends this note to remark-gfm, which knows only [ ] and [x].
    assert.deepEqual(checkCode(CODE, one('> context', '', '- [-] Cancelled', '- [>] Forwarded', '- [ ] Open due:2026-12-01')), [row(P, 11, 'warning', CODE)]); // lines 7–11
  });

  it('an owner in the parent does not cover a child, and the child owner does not cover the parent', () => {
    assert.deepEqual(checkCode(CODE, one('- [ ] Parent due:2026-12-01', '  - [ ] Child @alex due:2026-12-01')), [row(P, 7, 'warning', CODE)]);
  });

  it('applies to OKR reviews too', () => {
    const R = 'okr-reviews/2026-Q4-mid.md';
    const text = lines('---', 'type: okr-review', 'date: 2026-11-15', 'okrs: 2026-Q4', '---', '## O1 Onboarding', 'Decision: continue', '- [ ] Move the docs KR due:2026-12-01');
    assert.deepEqual(checkCode(CODE, { [R]: text }), [row(R, 8, 'warning', CODE)]);
  });

  it('severity can be changed or turned off', () => {
    assertSeverityConfigurable(CODE, 'warning', one('- [ ] Draft due:2026-12-01'));
  });

  describe('fixes', () => {
    it('offers the report first (preferred), then @me, other people, and "Assign to…" which asks', () => {
      const files = {
        ...one('- [ ] Draft due:2026-12-01'),
        'people/alex.md': personFile(),
        'people/pat.md': personFile('me: true'),
        'people/sam.md': personFile('name: Sam Ortiz'),
      };
      const { fixes } = fixesFor(files, P, CODE);
      assert.equal(fixes[0].preferred, true);
      assert.match(fixes[0].title, /@alex/);
      assert.match(fixes[1].title, /@me\b/);
      assert.ok(fixes.some((f) => /@sam\b/.test(f.title)));
      assert.ok(!fixes.some((f) => /@pat\b/.test(f.title)), 'the me: true person is offered as @me, not by id');
      const last = fixes[fixes.length - 1];
      assert.equal(last.ask?.kind, 'person');
      assert.ok(last.edits.every((e) => e.newText.includes('${value}')));
    });

    it("the first fix names the 1:1 partner by their relationship, each kind (SPEC §11)", () => {
      const cases: [string | undefined, string][] = [
        [undefined, 'Assign to @alex (the report)'],
        ['report', 'Assign to @alex (the report)'],
        ['manager', 'Assign to @alex (your manager)'],
        ['skip-level', 'Assign to @alex (skip-level)'],
        ['peer', 'Assign to @alex (peer)'],
        ['mentor', 'Assign to @alex (your mentor)'],
        ['mentee', 'Assign to @alex (your mentee)'],
        ['someone-else', 'Assign to @alex (the report)'],
      ];
      for (const [relationship, title] of cases) {
        const files = { [P]: note('alex', '2026-11-20', '- [ ] Draft the proposal due:2026-12-01'), 'people/alex.md': personFile(...(relationship ? [`relationship: ${relationship}`] : [])) };
        const { fixes } = fixesFor(files, P, CODE);
        assert.equal(fixes[0].title, title, `relationship: ${relationship}`);
        assert.equal(fixes[0].preferred, true);
      }
      // A partner with no person file is taken as a report.
      assert.equal(fixesFor(one('- [ ] Draft the proposal due:2026-12-01'), P, CODE).fixes[0].title, 'Assign to @alex (the report)');
    });

    it('offers reports before your manager or peers among the three others (SPEC §11)', () => {
      const files = {
        [P]: note('alex', '2026-11-20', '- [ ] Draft the proposal due:2026-12-01'),
        'people/alex.md': personFile(),
        'people/bea.md': personFile('relationship: manager'),
        'people/cy.md': personFile('relationship: peer'),
        'people/dee.md': personFile(),
        'people/eli.md': personFile(),
        'people/fay.md': personFile(),
      };
      const { fixes } = fixesFor(files, P, CODE);
      assert.deepEqual(
        fixes.map((f) => f.title.replace(/ \(.*\)$/, '')),
        ['Assign to @alex', 'Assign to @me', 'Assign to @dee', 'Assign to @eli', 'Assign to @fay', 'Assign to…'],
      );
      // With fewer than three other reports, the others follow in path order.
      const two = { ...files, 'people/fay.md': personFile('relationship: mentee') };
      assert.deepEqual(
        fixesFor(two, P, CODE).fixes.map((f) => f.title.replace(/ \(.*\)$/, '')),
        ['Assign to @alex', 'Assign to @me', 'Assign to @dee', 'Assign to @eli', 'Assign to @bea', 'Assign to…'],
      );
    });

    it('inserts @owner before the first date token', () => {
      const text = note('alex', '2026-11-20', '- [ ] Draft the proposal due:2026-12-01');
      assertFix({ [P]: text }, P, CODE, /^Assign to @alex/, note('alex', '2026-11-20', '- [ ] Draft the proposal @alex due:2026-12-01'));
    });

    it('appends @owner when the line has no date', () => {
      const text = note('alex', '2026-11-20', '- [ ] Draft the proposal');
      assertFix({ [P]: text }, P, CODE, 'Assign to @me', note('alex', '2026-11-20', '- [ ] Draft the proposal @me'));
    });

    it('"Assign to…" substitutes the answer', () => {
      const text = note('alex', '2026-11-20', '- [ ] Draft the proposal due:2026-12-01');
      assertFix({ [P]: text }, P, CODE, 'Assign to…', note('alex', '2026-11-20', '- [ ] Draft the proposal @sam due:2026-12-01'), { value: 'sam' });
    });

    it('keeps the Dataview spelling of a Dataview line', () => {
      const text = note('alex', '2026-11-20', '- [ ] Draft the proposal [due:: 2026-12-01]');
      assertFix({ [P]: text }, P, CODE, /^Assign to @alex/, note('alex', '2026-11-20', '- [ ] Draft the proposal [owner:: alex] [due:: 2026-12-01]'));
    });

    it('writes @owner on an Obsidian Tasks line (Tasks has no owner field of its own)', () => {
      const text = note('alex', '2026-11-20', '- [ ] Draft the proposal 📅 2026-12-01');
      assertFix({ [P]: text }, P, CODE, /^Assign to @alex/, note('alex', '2026-11-20', '- [ ] Draft the proposal @alex 📅 2026-12-01'));
    });

    it('works on a nested, ordered item', () => {
      const text = note('alex', '2026-11-20', '1. [ ] Parent @alex due:2026-12-01', '   1. [ ] Child due:2026-12-02');
      assertFix({ [P]: text }, P, CODE, /^Assign to @alex/, note('alex', '2026-11-20', '1. [ ] Parent @alex due:2026-12-01', '   1. [ ] Child @alex due:2026-12-02'));
    });
  });
});
