// What changed between two `data` messages, in words for the dashboard's
// polite live region: a screen reader hears what changed, not the whole page
// again on every update (the page itself is not a live region). Pure: no DOM.

import type { DashboardData, KrCard, PersonCard, Signal } from '../core/dashboard-data';
import { krKey } from './context';
import { CADENCE_LABEL, score, STATUS_LABEL } from './format';
import * as l10n from '../core/l10n';

/** At most this many changes are read out; the rest are counted. */
export const MAX_ANNOUNCED = 3;

function cards(d: DashboardData): Map<string, KrCard & { setId: string }> {
  const out = new Map<string, KrCard & { setId: string }>();
  for (const set of d.sets) for (const o of set.objectives) for (const kr of o.keyResults) out.set(krKey(kr), { ...kr, setId: set.id });
  return out;
}

const signalKey = (s: Signal) => `${s.kind}\u0000${s.person ?? ''}\u0000${s.at.path}\u0000${s.text}`;

/**
 * The changes from `before` to `after` a person would want to hear, in order:
 * the open and overdue counts, people whose cadence status changed (or who
 * came or went), key results whose status or score changed, and signals
 * raised or cleared. `skip` holds key-result keys (krKey) whose status change
 * was made here and already announced. In screen-share mode no name or
 * title is said. Empty when nothing a person sees changed.
 */
export function describeChanges(before: DashboardData, after: DashboardData, opts: { skip?: ReadonlySet<string>; screenShare?: boolean } = {}): string[] {
  const out: string[] = [];
  const hide = !!opts.screenShare;
  if (before.actionItems.open !== after.actionItems.open) out.push(l10n.t('Open action items: {0} → {1}.', before.actionItems.open, after.actionItems.open));
  if (before.actionItems.overdue !== after.actionItems.overdue) out.push(l10n.t('Overdue action items: {0} → {1}.', before.actionItems.overdue, after.actionItems.overdue));

  const people = new Map<string, PersonCard>(before.people.map((p) => [p.id, p]));
  for (const p of after.people) {
    const was = people.get(p.id);
    people.delete(p.id);
    if (!was) out.push(hide ? l10n.t('Added a person.') : l10n.t('Added {0}.', p.name));
    else if (was.status !== p.status) out.push(l10n.t('{0}: {1} → {2}.', hide ? l10n.t('A person') : p.name, CADENCE_LABEL[was.status], CADENCE_LABEL[p.status]));
    else if (was.lastOneOnOne !== p.lastOneOnOne && p.lastOneOnOne) out.push(l10n.t('{0}: last 1:1 now {1}.', hide ? l10n.t('A person') : p.name, p.lastOneOnOne));
  }
  for (const gone of people.values()) out.push(hide ? l10n.t('Removed a person.') : l10n.t('Removed {0}.', gone.name));

  const krsBefore = cards(before);
  for (const [key, kr] of cards(after)) {
    const was = krsBefore.get(key);
    if (!was) continue;
    const name = hide ? `${kr.objective} ${kr.id}` : `${kr.objective} ${kr.id} ${kr.title}`.trim();
    if (was.status !== kr.status && !opts.skip?.has(key)) out.push(l10n.t('{0}: {1} → {2}.', name, was.status ? STATUS_LABEL[was.status] : l10n.t('no status'), kr.status ? STATUS_LABEL[kr.status] : l10n.t('no status')));
    const a = was.status === 'cut' || !was.measurable ? was.scoreText : score(was.score);
    const b = kr.status === 'cut' || !kr.measurable ? kr.scoreText : score(kr.score);
    if (a !== b) out.push(l10n.t('{0}: score {1} → {2}.', name, a, b));
  }

  const had = new Set(before.signals.map(signalKey));
  const has = new Set(after.signals.map(signalKey));
  const raised = after.signals.filter((s) => !had.has(signalKey(s)));
  const cleared = before.signals.filter((s) => !has.has(signalKey(s)));
  for (const s of raised) out.push(hide ? l10n.t('A new signal needs attention.') : l10n.t('New signal: {0}', s.text));
  if (cleared.length) out.push(cleared.length === 1 ? l10n.t('1 signal cleared.') : l10n.t('{0} signals cleared.', cleared.length));
  return out;
}

/** The changes as one announcement: the first few, and how many more. */
export function announcement(changes: readonly string[]): string {
  if (changes.length <= MAX_ANNOUNCED) return changes.join(' ');
  const rest = changes.length - MAX_ANNOUNCED;
  return `${changes.slice(0, MAX_ANNOUNCED).join(' ')} ${rest === 1 ? l10n.t('And 1 more change.') : l10n.t('And {0} more changes.', rest)}`;
}
