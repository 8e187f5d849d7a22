// The markdown-it plugin behind Cadence in VS Code's Markdown preview
// (contributes.markdown.markdownItPlugins): task lines show their status,
// owners become chips with the person's name, due dates badges (overdue ones
// in the error colour), talking points are marked, private blocks and `%%`
// text are left out, and in screen-share mode every word is masked.
//
// Only tokens: what the plugin adds is markdown-it tokens (a tag, attributes,
// text), which markdown-it's renderer escapes; nothing from a note or a person
// file ever reaches the page as HTML through it. No `vscode` here: the
// extension hands in the context (src/extension/preview.ts), tests hand in
// their own.

import type MarkdownItNs = require('markdown-it');
import { previewFacts, type PreviewItem } from '../core/preview-facts';
import { DEFAULT_TALKING_POINT_HEADINGS } from '../core/markdown/sections';
import { normalize } from '../core/text';

type MarkdownIt = InstanceType<typeof MarkdownItNs>;
type Token = MarkdownItNs.Token;
type TokenCtor = new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;

/** What the plugin needs to know about the note being rendered. */
export interface PreviewContext {
  /** The note's whole text, as VS Code parsed it (token lines refer to it). */
  readonly src: string;
  /** YYYY-MM-DD: an open action item due before it is overdue. */
  readonly today: string;
  /** The display name of a person id (lower-cased key), if they have a person file with a name. */
  nameOf(key: string): string | undefined;
  /** Mask every word (screen-share mode). */
  readonly screenShare: boolean;
  readonly talkingPointHeadings?: readonly string[];
}

export interface PreviewOptions {
  /**
   * The context for a render (VS Code's render env names the document), or
   * undefined when the note is not a Cadence note: then nothing changes.
   */
  context(env: unknown): PreviewContext | undefined;
}

/** Each box character's class and its words (for the title and screen readers). */
const STATUS: Record<string, { cls: string; mark: string; words: string }> = {
  ' ': { cls: 'open', mark: '☐', words: 'open' },
  x: { cls: 'done', mark: '☑', words: 'done' },
  X: { cls: 'done', mark: '☑', words: 'done' },
  '/': { cls: 'in-progress', mark: '◐', words: 'in progress' },
  '>': { cls: 'forwarded', mark: '➜', words: 'forwarded to a later 1:1' },
  '-': { cls: 'cancelled', mark: '✕', words: 'cancelled' },
};

const MASK = /[\p{L}\p{N}]/gu;

function mask(text: string): string {
  return text.replace(MASK, '•');
}

function tok(T: TokenCtor, type: string, tag: string, nesting: 1 | 0 | -1, attrs?: [string, string][]): Token {
  const t = new T(type, tag, nesting);
  if (attrs) t.attrs = attrs;
  return t;
}

function textTok(T: TokenCtor, content: string): Token {
  const t = new T('text', '', 0);
  t.content = content;
  return t;
}

/** `<span class=… title=… aria-label=…>text</span>` as three tokens. */
function span(T: TokenCtor, cls: string, text: string, title?: string): Token[] {
  const attrs: [string, string][] = [['class', cls]];
  if (title !== undefined) attrs.push(['title', title], ['aria-label', title]);
  return [tok(T, 'cadence_span_open', 'span', 1, attrs), textTok(T, text), tok(T, 'cadence_span_close', 'span', -1)];
}

/** The index of the close token matching the open token at `i`. */
function closeOf(tokens: readonly Token[], i: number): number {
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    depth += tokens[j].nesting;
    if (depth === 0) return j;
  }
  return tokens.length - 1;
}

/**
 * Replaces the first occurrence of `needle` in the text children of `children`
 * (from child `from` on) with `replacement` tokens; returns the index after
 * them, or -1 when the needle is not in one text child (e.g. split by emphasis).
 */
function replaceText(children: Token[], needle: string, replacement: Token[], from = 0): number {
  for (let i = from; i < children.length; i++) {
    const c = children[i];
    if (c.type !== 'text') continue;
    const at = c.content.indexOf(needle);
    if (at === -1) continue;
    const before = c.content.slice(0, at);
    const after = c.content.slice(at + needle.length);
    const parts: Token[] = [];
    if (before) parts.push(Object.assign(Object.create(Object.getPrototypeOf(c)) as Token, c, { content: before }));
    parts.push(...replacement);
    if (after) parts.push(Object.assign(Object.create(Object.getPrototypeOf(c)) as Token, c, { content: after }));
    children.splice(i, 1, ...parts);
    return i + parts.length - (after ? 1 : 0);
  }
  return -1;
}

function decorateItem(T: TokenCtor, inline: Token, item: PreviewItem, ctx: PreviewContext): void {
  const children = inline.children ?? [];
  // The box: "[c] " at the very start of the item's first text.
  const first = children[0];
  const status = STATUS[item.state] ?? { cls: 'other', mark: `[${item.state}]`, words: `status ${item.state}` };
  if (first?.type === 'text' && first.content.startsWith(`[${item.state}]`)) {
    first.content = first.content.slice(3).replace(/^[ \t]/, '');
    const words = item.talkingPoint ? `talking point, ${status.words}` : status.words;
    children.splice(0, first.content ? 0 : 1, ...span(T, `cadence-status cadence-status-${status.cls}`, status.mark, words), textTok(T, ' '));
  }
  if (item.owner) {
    const name = ctx.screenShare ? undefined : ctx.nameOf(item.owner.key);
    const shown = ctx.screenShare ? `@${mask(item.owner.id)}` : name ? `${name}` : `@${item.owner.id}`;
    const title = ctx.screenShare ? 'owner (hidden in screen-share mode)' : name ? `owner: ${name} (@${item.owner.id})` : `owner: @${item.owner.id} (no person file)`;
    replaceText(children, item.owner.token, span(T, `cadence-owner${name || ctx.screenShare ? '' : ' cadence-owner-unknown'}`, shown, title));
  }
  if (item.due) {
    const cls = `cadence-due${item.due.overdue ? ' cadence-overdue' : ''}${item.due.date ? '' : ' cadence-invalid'}`;
    const label = item.due.date ? `due ${item.due.date}` : item.due.token;
    const title = ctx.screenShare ? (item.due.overdue ? 'overdue' : 'due date') : item.due.overdue ? `overdue: was due ${item.due.date}` : item.due.date ? `due ${item.due.date}` : 'not a real date';
    replaceText(children, item.due.token, span(T, cls, ctx.screenShare ? mask(label) : label, title));
  }
  if (item.done) {
    const label = item.done.date ? `done ${item.done.date}` : item.done.token;
    const title = ctx.screenShare ? 'done date' : item.done.date ? `done ${item.done.date}` : 'not a real date';
    replaceText(children, item.done.token, span(T, 'cadence-done', ctx.screenShare ? mask(label) : label, title));
  }
}

function allHidden(hidden: ReadonlySet<number>, from: number, to: number): boolean {
  for (let l = from; l < to; l++) if (!hidden.has(l)) return false;
  return true;
}

function someHidden(hidden: ReadonlySet<number>, from: number, to: number): boolean {
  for (let l = from; l < to; l++) if (hidden.has(l)) return true;
  return false;
}

/**
 * The inline children of the shown lines only (a line ends at a soft or hard
 * break), with a short notice where a hidden run starts.
 */
function shownLines(T: TokenCtor, children: Token[], first: number, hidden: ReadonlySet<number>, notice: (line: number) => boolean): Token[] {
  const lines: Token[][] = [[]];
  for (const c of children) {
    lines[lines.length - 1].push(c);
    if (c.type === 'softbreak' || c.type === 'hardbreak') lines.push([]);
  }
  const out: Token[] = [];
  lines.forEach((line, k) => {
    if (!hidden.has(first + k)) out.push(...line);
    else if (notice(first + k)) out.push(...span(T, 'cadence-private', 'private — not shown'), textTok(T, ' '));
  });
  // No break left dangling at the end.
  while (out.length && (out[out.length - 1].type === 'softbreak' || out[out.length - 1].type === 'hardbreak')) out.pop();
  return out;
}

/** The notice left where private text was. */
function privateNotice(T: TokenCtor, level: number): Token[] {
  const open = tok(T, 'cadence_private_open', 'p', 1, [['class', 'cadence-private']]);
  const inline = tok(T, 'inline', '', 0);
  inline.content = '';
  inline.children = [textTok(T, 'Private — not shown in the preview')];
  const close = tok(T, 'cadence_private_close', 'p', -1);
  for (const t of [open, inline, close]) {
    t.level = level;
    t.block = true;
  }
  inline.level = level + 1;
  return [open, inline, close];
}

/** Masks every word of the rendered note and drops its raw HTML (screen-share mode). */
function maskAll(tokens: Token[]): void {
  for (const t of tokens) {
    if (t.type === 'html_block' || t.type === 'html_inline') t.content = '';
    else if (t.type === 'text' || t.type === 'code_inline' || t.type === 'code_block' || t.type === 'fence') t.content = mask(t.content);
    else if (t.type === 'image') {
      t.attrSet('alt', '');
      t.attrSet('title', '');
    }
    if (t.type === 'link_open' && t.attrGet('title')) t.attrSet('title', '');
    if (t.children) maskAll(t.children);
  }
}

/** Copies a token and its children: VS Code caches a document's tokens across renders, which must stay as parsed. */
function clone(t: Token): Token {
  const c = Object.assign(Object.create(Object.getPrototypeOf(t) as object) as Token, t);
  c.attrs = t.attrs ? t.attrs.map((a) => [a[0], a[1]] as [string, string]) : null;
  c.children = t.children ? t.children.map(clone) : null;
  return c;
}

/**
 * Works at render time, on a copy of the tokens: VS Code parses (and caches)
 * a document's tokens without saying which document it is; only the render
 * env names it (env.currentDocument).
 */
export function cadencePreview(md: MarkdownIt, options: PreviewOptions): void {
  const render = md.renderer.render.bind(md.renderer);
  // markdown-it's own Token class, as its core state hands it to rules.
  const State = (md.core as unknown as { State: new (src: string, md: MarkdownIt, env: object) => { Token: TokenCtor } }).State;
  const T = new State('', md, {}).Token;
  md.renderer.render = (tokens, opts, env) => {
    const ctx = options.context(env);
    return render(ctx ? decorate(tokens.map(clone), ctx, T) : tokens, opts, env);
  };
}

function decorate(tokens: Token[], ctx: PreviewContext, T: TokenCtor): Token[] {
  const facts = previewFacts(normalize(ctx.src), ctx.today, ctx.talkingPointHeadings ?? DEFAULT_TALKING_POINT_HEADINGS);
  const runOf = (line: number) => facts.hiddenRuns.find(([a, b]) => line >= a && line <= b);
  const out: Token[] = [];
  const noticed = new Set<number>();
  const notice = (line: number): boolean => {
    const run = runOf(line);
    if (!run || noticed.has(run[0])) return false;
    noticed.add(run[0]);
    return true;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // A hidden run that left no token (its lines blanked before the parse, markdown-preview.ts) is said before the next block.
    if (t.block && t.map && t.type !== 'inline' && t.nesting !== -1) {
      for (const [a, b] of facts.hiddenRuns) if (b < t.map[0] && !noticed.has(a)) {
        noticed.add(a);
        out.push(...privateNotice(T, t.level));
      }
    }
    // Private: leave out every block whose lines are all hidden, and say once per run that something is left out.
    if (t.map && t.nesting !== -1 && t.type !== 'front_matter' && t.map[1] > t.map[0] && allHidden(facts.hiddenLines, t.map[0], t.map[1])) {
      if (notice(t.map[0])) out.push(...privateNotice(T, t.level));
      i = t.nesting === 1 ? closeOf(tokens, i) : i;
      continue;
    }
    // A paragraph that runs on from hidden lines into shown ones (or back): only its shown lines stay.
    if (t.type === 'inline' && t.map && t.children && someHidden(facts.hiddenLines, t.map[0], t.map[1])) {
      t.children = shownLines(T, t.children, t.map[0], facts.hiddenLines, notice);
    }
    if (t.type === 'list_item_open' && t.map) {
      const item = facts.items.get(t.map[0]);
      if (item) {
        const status = STATUS[item.state]?.cls ?? 'other';
        t.attrJoin('class', `cadence-item cadence-item-${status}${item.talkingPoint ? ' cadence-talking-point' : ''}`);
        // The item's own paragraph is the first inline after it.
        for (let j = i + 1; j < tokens.length && tokens[j].type !== 'list_item_close'; j++) {
          if (tokens[j].type === 'inline') {
            decorateItem(T, tokens[j], item, ctx);
            break;
          }
        }
      }
    }
    if (t.type === 'inline' && t.children) {
      // `%% … %%` inside a shown line: the hidden text goes, and so do its markers.
      for (const c of t.children) if (c.type === 'text' && c.content.includes('%%')) c.content = c.content.replace(/%%[\s\S]*?(?:%%|$)/g, '');
    }
    out.push(t);
  }
  for (const [a] of facts.hiddenRuns) if (!noticed.has(a)) out.push(...privateNotice(T, 0));
  if (ctx.screenShare) {
    // The front matter (VS Code shows it as a table: the report, the date, the ratings) goes whole.
    for (let k = out.length - 1; k >= 0; k--) if (out[k].type === 'front_matter') out.splice(k, 1);
    maskAll(out);
    out.unshift(tok(T, 'cadence_mask_open', 'div', 1, [['class', 'cadence-screen-share'], ['title', 'Screen-share mode: every word is masked']]));
    out.push(tok(T, 'cadence_mask_close', 'div', -1));
  }
  return out;
}
