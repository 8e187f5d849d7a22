// The documents Cadence writes stay in English whatever the UI's language
// (README, "Localisation"): a new 1:1, a person, an OKR set, an OKR
// pre-read, a review packet, a talking point written into a note. They are
// files a team shares in git and that Cadence reads back by their English
// headings (SPEC §4: `## Action items`), so the same data makes the same
// bytes for everyone. Proved by building every document of every test
// workspace under a pseudo-locale whose bundle rewords every message, and
// comparing it with the English build.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFolder } from '../../src/cli/check';
import { nextOneOnOne } from '../../src/core/actions/next-one-on-one';
import { addTalkingPoint } from '../../src/core/actions/talking-points';
import { newOkrSet, newPerson } from '../../src/core/actions/templates';
import { addDays } from '../../src/core/dates';
import { useBundle } from '../../src/core/l10n';
import { cadenceOf } from '../../src/core/metrics';
import { displayName } from '../../src/core/people';
import { buildPreRead } from '../../src/core/pre-read';
import { buildReviewPacket, packetPerson, reviewPeriod } from '../../src/core/review-packet';
import { reviewPacketMarkdown } from '../../src/core/review-packet-md';
import { normalize } from '../../src/core/text';
import { ROOT } from './built-cli';
import { testWorkspaces } from './helpers';

/** Every message of the shipped bundle, reworded (a different text for each). */
function pseudoBundle(): Record<string, string> {
  const english = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
  return Object.fromEntries(Object.keys(english).map((k) => [k, `⟦${k.replace(/[aeiou]/g, (c) => c.toUpperCase())}⟧`]));
}

/** Every document each workspace makes, by a name that says which. */
function documents(): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of testWorkspaces()) {
    const loaded = loadFolder({ folder: w.dir, today: w.today, rules: {}, keepFiles: true });
    const ds = loaded.dataset;
    const linesOf = (path: string) => {
      const f = loaded.files.get(path);
      return f ? normalize(f.text).split('\n') : undefined;
    };
    for (const p of ds.people()) {
      const plan = nextOneOnOne(ds, p.key, w.today, { linesOf });
      if (plan) out.set(`${w.name} new 1:1 ${p.id}`, JSON.stringify(plan));
      const period = reviewPeriod(w.today);
      const person = packetPerson(ds, p.id);
      const packet = period && person && buildReviewPacket(ds, p.id, period, w.today);
      if (packet && person) out.set(`${w.name} review ${p.id}`, reviewPacketMarkdown(packet, { name: displayName(person), cadenceDays: cadenceOf(person, ds.settings), linkBase: '../' }));
      const point = addTalkingPoint(ds, p.key, 'the on-call rota', w.today, linesOf);
      if (point) out.set(`${w.name} talking point ${p.id}`, JSON.stringify(point));
    }
    for (const set of ds.okrSets()) out.set(`${w.name} pre-read ${set.id}`, JSON.stringify(buildPreRead(ds, set, addDays(w.today, 10))));
  }
  out.set('new OKR set', JSON.stringify(newOkrSet('2027-Q1')));
  out.set('new person', JSON.stringify(newPerson('mina', 'Mina Cho', '2026-11-30', 'weekly', 'Engineer')));
  return out;
}

describe('localisation: documents stay in English', () => {
  afterEach(() => useBundle(undefined));

  it('every document of every test workspace is the same bytes under a pseudo-locale as in English', function () {
    this.timeout(120_000);
    const english = documents();
    useBundle(pseudoBundle());
    const pseudo = documents();
    useBundle(undefined);
    assert.deepEqual([...pseudo.keys()], [...english.keys()]);
    const kinds = new Set([...english.keys()].map((k) => k.replace(/^.* (new 1:1|review|talking point|pre-read) .*$/, '$1')));
    for (const kind of ['new 1:1', 'review', 'talking point', 'pre-read', 'new OKR set', 'new person']) assert.ok(kinds.has(kind), `made a ${kind}`);
    // The slipping reasons are in a view's words elsewhere (slipWords); in a document they are English.
    const slipping = [...english].filter(([k, text]) => / (new 1:1|pre-read) /.test(k) && /slipping: status [a-z-]+|status at-risk|confidence \d\.\d\d \(below 0\.5\)/.test(text));
    assert.ok(slipping.some(([k]) => k.includes(' new 1:1 ')) && slipping.some(([k]) => k.includes(' pre-read ')), 'a new 1:1 and a pre-read say why a key result is slipping');
    for (const [name, text] of english) assert.equal(pseudo.get(name), text, name);
  });
});
