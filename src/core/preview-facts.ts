// What the Markdown preview shows of a Cadence note beyond plain Markdown:
// each task line's status, owner, due and done tokens (read by the same
// reader as the rules), whether it is a talking point (SPEC §13), and the
// lines that are private and must not be shown (SPEC §15: private blocks;
// SPEC §10: `%% … %%` text). Pure: the preview plugin (src/preview/) maps
// these facts onto markdown-it's tokens.

import { readBody, splitFrontMatter } from './markdown/body';
import { DEFAULT_TALKING_POINT_HEADINGS, inSections, talkingPointSections } from './markdown/sections';
import type { ItemState, ItemStatus } from './model';
import { Role, TextLines, privateBlocks, scanRegions } from './rooms/regions';

export interface PreviewItem {
  /** 0-based line of the task line. */
  readonly line: number;
  /** The character in the box. */
  readonly state: ItemState;
  readonly status: ItemStatus;
  /** In a talking-points section: not an action item, so never overdue. */
  readonly talkingPoint: boolean;
  /** Each token exactly as the line spells it (`@alex`, `[owner:: alex]`, `due:2026-11-27`, `📅 2026-11-27`…). */
  readonly owner?: { readonly token: string; readonly id: string; readonly key: string };
  readonly due?: { readonly token: string; readonly date: string | undefined; readonly overdue: boolean };
  readonly done?: { readonly token: string; readonly date: string | undefined };
}

export interface PreviewFacts {
  /** Lines not to show: private blocks (markers included) and lines that hold only `%%` text. */
  readonly hiddenLines: ReadonlySet<number>;
  /** Each private block or `%%` run as [first line, last line], for one notice per run. */
  readonly hiddenRuns: readonly (readonly [number, number])[];
  /** Task lines by line. */
  readonly items: ReadonlyMap<number, PreviewItem>;
}

/**
 * The facts of one Markdown note, from its normalised text (see text.ts).
 * `today` is YYYY-MM-DD (an open action item due before it is overdue);
 * talking-point headings compare trimmed and case-insensitively.
 */
export function previewFacts(text: string, today: string, talkingPointHeadings: readonly string[] = DEFAULT_TALKING_POINT_HEADINGS): PreviewFacts {
  const split = splitFrontMatter(text);
  const { lines } = split;
  const body = readBody(split);

  const hidden = new Set<number>();
  const view = TextLines.of(lines);
  for (const b of privateBlocks(view, split.bodyLine)) for (let l = b.start; l <= b.end; l++) hidden.add(l);
  // A line is hidden when it shows nothing but hidden text: `%%` text, its markers.
  const shown = new Set<number>();
  const secret = new Set<number>();
  scanRegions(view, split.bodyLine, {
    text(line, _lineStart, whole, start, end, role) {
      if (role === Role.Private) secret.add(line);
      else if (whole.slice(start, end).trim()) shown.add(line);
    },
    brk() {},
  });
  for (let l = split.bodyLine; l < lines.length; l++) {
    if (shown.has(l)) continue;
    const t = lines[l].trim();
    if (secret.has(l) || t === '%%' || (t.includes('%%') && t.replace(/%%|^[-*+]\s+(\[.\]\s*)?/g, '').trim() === '')) hidden.add(l);
  }
  const runs: [number, number][] = [];
  for (const l of [...hidden].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[1] === l - 1) last[1] = l;
    else runs.push([l, l]);
  }

  // Talking-points sections as the parser reads them (SPEC §13; setting cadence.talkingPointHeadings).
  const sections = talkingPointSections(body.headings, lines.length, talkingPointHeadings);

  const items = new Map<number, PreviewItem>();
  // Task lines with any one-character status (SPEC §10: `[/]` in progress, `[!]`, `[?]`… open), as the rules read them.
  for (const i of body.items) {
    if (hidden.has(i.line)) continue;
    const slice = (r: { start: { character: number }; end: { character: number } }) => i.lineText.slice(r.start.character, r.end.character);
    const talkingPoint = inSections(sections, i.line);
    items.set(i.line, {
      line: i.line,
      state: i.state,
      status: i.status,
      talkingPoint,
      owner: i.owner ? { token: slice(i.owner.token.tokenRange), id: i.owner.id, key: i.owner.key } : undefined,
      due: i.due ? { token: slice(i.due.token.tokenRange), date: i.due.value, overdue: !talkingPoint && i.status === 'open' && !!i.due.value && i.due.value < today } : undefined,
      done: i.done ? { token: slice(i.done.token.tokenRange), date: i.done.value } : undefined,
    });
  }
  return { hiddenLines: hidden, hiddenRuns: runs, items };
}
