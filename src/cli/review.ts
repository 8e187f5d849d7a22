// `cadence review PERSON [FOLDER] [--from D] [--to D] [--today D] [--format md|json]`
// (SPEC §14): the review packet on standard output, built by the same core
// function as the editor's Prepare Review Packet…. Writes nothing.

import { cadenceOf } from '../core/metrics';
import { buildReviewPacket, packetPerson, reviewPeriod } from '../core/review-packet';
import { reviewPacketMarkdown } from '../core/review-packet-md';
import { loadFolder, noPersonLine, noteLine } from './check';
import { displayName } from '../core/people';
import * as l10n from '../core/l10n';

export interface ReviewOptions {
  readonly folder: string;
  readonly person: string;
  readonly today: string;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly format: 'md' | 'json';
}

export interface ReviewResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `cadence review` on a folder: exit 0 with the packet, 2 for an unknown person or a period that ends before it starts. */
export function runReview(o: ReviewOptions): ReviewResult {
  const period = reviewPeriod(o.today, o.to, o.from);
  if (!period) return { code: 2, out: '', err: noteLine(l10n.t('--from {0} is after --to {1}; the period must run forwards', String(o.from), o.to ?? o.today)) };
  const loaded = loadFolder({ folder: o.folder, today: o.today, rules: {} });
  const notes = loaded.notes.map(noteLine).join('');
  const person = packetPerson(loaded.dataset, o.person);
  const packet = person && buildReviewPacket(loaded.dataset, o.person, period, o.today);
  if (!person || !packet) {
    const id = o.person.replace(/^@/, '');
    return { code: 2, out: '', err: notes + noPersonLine(loaded.dataset, id, l10n.t('no person file for "{0}" (people/{1}.md, or a file with type: person and id: {0})', id, id.toLowerCase())) };
  }
  const out =
    o.format === 'json'
      ? JSON.stringify(packet, null, 2) + '\n'
      : reviewPacketMarkdown(packet, { name: displayName(person), cadenceDays: cadenceOf(person, loaded.dataset.settings), linkBase: '' });
  return { code: 0, out, err: notes };
}
