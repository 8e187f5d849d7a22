// The review packet as Markdown (SPEC §14, `cadence review --format md` and
// the editor's Prepare Review Packet…): front matter that makes it a private
// `review-packet` file, a summary worded as the views word it, key results,
// themes and the development plan, then the evidence grouped by kind, each
// line ending in a link to the line it comes from.
//
// Note text is data: every piece of it is escaped (mdText) so that nothing a
// note says becomes a link, an HTML tag or markup in the packet's preview.

import type { EvidenceEntry, EvidenceKind, ReviewPacket } from './review-packet';
import { yamlScalar } from './fixes';
import { formatConfidence, formatScore } from './format';
import { feedbackWords } from './wording';
import { EVIDENCE_KINDS, lateEvidence, periodDays } from './review-packet';

/** Each evidence kind's group heading in the packet. */
export const EVIDENCE_HEADINGS: Readonly<Record<EvidenceKind, string>> = {
  praise: 'Praise given',
  redirect: 'Redirecting feedback given',
  received: 'Feedback received',
  keep: 'Keep :-)',
  fix: 'Fix :-(',
  clarify: 'Clarify :-/',
  done: 'Action items done',
  rating: 'Ratings (manager, report)',
};

/**
 * Note text made inert in Markdown: every ASCII punctuation character that
 * could start markup (emphasis, links, HTML, code, tables, headings,
 * entities) is backslash-escaped, which CommonMark reads back as the
 * character itself.
 */
export function mdText(s: string): string {
  return s.replace(/[\\`*_[\]<>&|~#!{}()]/g, (c) => `\\${c}`);
}

/** A workspace-relative path as a link destination (each segment percent-encoded), with `#L<line>`. */
export function sourceLink(base: string, file: string, line: number): string {
  return `${base}${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}

export interface PacketMarkdownOptions {
  /** The person's display name (their `name:`, else the id). */
  readonly name: string;
  /** Their cadence in days (the expected 1:1s' basis). */
  readonly cadenceDays: number;
  /**
   * What leads from the packet's own folder to the workspace folder, `/`-ended
   * or empty: '' for standard output (links relative to FOLDER), '../' for a
   * packet written to `reviews/`.
   */
  readonly linkBase: string;
}

/** The recency warning (SPEC §14), when more than half the evidence is in the period's last quarter. */
export function recencyWarning(packet: ReviewPacket): string | undefined {
  if (!packet.summary.recencySkew) return undefined;
  const { late, days } = lateEvidence(packet, packet.evidence);
  return `${late} of the ${packet.evidence.length} entries fall in the last quarter of the period (the last ${days} days): look at the earlier months too before you write the review.`;
}

/** The Markdown packet (SPEC §14); LF line ends, ending with a newline. */
export function reviewPacketMarkdown(packet: ReviewPacket, o: PacketMarkdownOptions): string {
  const s = packet.summary;
  const out: string[] = [
    '---',
    'type: review-packet',
    `person: ${yamlScalar(packet.person)}`,
    `from: ${packet.from}`,
    `to: ${packet.to}`,
    'visibility: private',
    '---',
    `# Review packet: ${mdText(o.name)}`,
    '',
    `${packet.from} to ${packet.to} (${periodDays(packet)} days). Every evidence line links to the note it comes from. This packet copies private notes: keep it private.`,
    '',
    '## Summary',
    '',
  ];
  const warning = recencyWarning(packet);
  if (warning) out.push(`> **Recency check:** ${warning}`, '');
  out.push(`- 1:1s: ${s.oneOnOnes} held, ${s.expectedOneOnOnes} expected (every ${o.cadenceDays} days)`);
  out.push(s.happiness ? `- Happiness: mean ${formatScore(s.happiness.mean)} (first ${s.happiness.first}, last ${s.happiness.last})` : '- Happiness: none recorded in the period');
  if (s.ratings) out.push(`- Ratings: manager mean ${formatScore(s.ratings.managerMean)}, report mean ${formatScore(s.ratings.reportMean)}`);
  out.push(`- Action items due in the period: ${s.actionItems.done} done (${s.actionItems.doneLate} late), ${s.actionItems.openOverdue} open and overdue`);
  out.push(`- Feedback: ${feedbackWords(s.feedback)}`);
  out.push('', '## Key results', '');
  if (!packet.keyResults.length) out.push('- None of theirs in OKR sets of this period.');
  for (const k of packet.keyResults) {
    const facts = [k.score !== undefined ? `score ${formatScore(k.score)}` : 'not measurable', ...(k.status ? [k.status] : []), ...(k.confidence !== undefined ? [`confidence ${formatConfidence(k.confidence)}`] : [])];
    out.push(`- ${mdText(`${k.set} ${k.objective}/${k.id}`)} ${mdText(k.title)}: ${facts.join(', ')}`);
  }
  out.push('', '## Growth themes', '');
  if (!packet.themes.length) out.push('- None in this period.');
  for (const t of packet.themes) out.push(`- ${mdText(t.title)}${t.since || t.until ? ` (${t.since ?? '…'} to ${t.until ?? '…'})` : ''}`);
  out.push('', '## Development plan', '');
  if (!packet.development.length) out.push('- No focus areas in their person file.');
  for (const d of packet.development) out.push(`- ${mdText(d)}`);
  out.push('', '## Evidence', '');
  if (!packet.evidence.length) out.push('No evidence in this period: no feedback, retrospective lines, ratings or done action items are dated in it.', '');
  const byKind = new Map<EvidenceKind, EvidenceEntry[]>();
  for (const e of packet.evidence) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);
  if (packet.evidence.length) {
    for (const kind of EVIDENCE_KINDS) {
      const list = byKind.get(kind) ?? [];
      out.push(`### ${EVIDENCE_HEADINGS[kind]} (${list.length})`, '');
      if (!list.length) out.push('- None in the period.');
      for (const e of list) out.push(`- ${mdText(e.text)} [${e.date}](${sourceLink(o.linkBase, e.file, e.line)})`);
      out.push('');
    }
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}
