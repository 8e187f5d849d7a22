// Bounds on the YAML handed to the `yaml` parser (SPEC §10: no input crashes
// or stalls a check). The parser recurses once per level of nesting and
// slows down on collections with a great many items, so before it reads a
// text, one linear pass finds what is beyond what Cadence reads — a flow
// collection (`[…]`, `{…}`) nested deeper than MAX_FLOW_DEPTH or holding more
// than MAX_FLOW_ITEMS items, a line nested deeper than MAX_BLOCK_DEPTH
// compact sequence entries (`- - - …`), or indented past MAX_INDENT columns —
// and takes it out, keeping every line and column: a flow collection becomes
// `~` (null), a line empty. Each place is named once (the line where
// the bound is passed), for the rule beyond-limits; the rest is read as usual.

export const MAX_FLOW_DEPTH = 64;
export const MAX_FLOW_ITEMS = 10_000;
export const MAX_BLOCK_DEPTH = 64;
export const MAX_INDENT = 512;
/** YAML with more characters than this (blanks aside) is not parsed at all: the parser reads about 1 MB a second. */
export const MAX_YAML_CHARS = 512 * 1024;

export interface YamlLimit {
  /** Offset in the text where the bound is passed. */
  readonly at: number;
  readonly message: string;
}

export interface GuardedYaml {
  /**
   * The text to parse: what is beyond the bounds taken out, every line and
   * every column outside it as in the source (offsets may differ).
   */
  readonly text: string;
  /** Characters of `text` that are not white space: what the parser has to read. */
  readonly size: number;
  readonly limits: YamlLimit[];
}

/** Where a flow collection may start in block context: after indentation, `- `/`? ` indicators, a `key: `, anchors and tags. */
function flowStart(text: string, at: number, end: number): number {
  let i = at;
  const skipSpaces = () => {
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  skipSpaces();
  // Indicators of block sequences and complex keys.
  while (i < end && (text[i] === '-' || text[i] === '?' || text[i] === ':') && (i + 1 === end || text[i + 1] === ' ' || text[i + 1] === '\t')) {
    i++;
    skipSpaces();
  }
  const props = () => {
    while (i < end && (text[i] === '&' || text[i] === '!')) {
      while (i < end && text[i] !== ' ' && text[i] !== '\t') i++;
      skipSpaces();
    }
  };
  props();
  if (text[i] === '[' || text[i] === '{') return i;
  // A plain or quoted key, then `: `.
  if (text[i] === '"' || text[i] === "'") {
    const q = text[i];
    i++;
    while (i < end && text[i] !== q) i += text[i] === '\\' && q === '"' ? 2 : 1;
    i++;
  }
  // Within the line only: a text of many lines costs linear time.
  let c = -1;
  for (let k = i; k < end; k++) {
    if (text[k] === '#' && (k === at || text[k - 1] === ' ' || text[k - 1] === '\t')) return -1;
    if (text[k] === ':' && (k + 1 === end || text[k + 1] === ' ' || text[k + 1] === '\t')) {
      c = k;
      break;
    }
  }
  if (c === -1) return -1;
  i = c + 1;
  skipSpaces();
  props();
  return text[i] === '[' || text[i] === '{' ? i : -1;
}

function solid(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9) n++;
  }
  return n;
}

/**
 * The text with what is beyond the bounds blanked, and where. Linear in the
 * text; a text within the bounds comes back as the same string.
 */
export function guardYaml(text: string): GuardedYaml {
  const limits: YamlLimit[] = [];
  const blank: [number, number, string][] = [];
  // The flow collection being read: where it started, how deep and wide it is.
  let depth = 0;
  let start = -1;
  let items = 0;
  let over: YamlLimit | undefined;
  let quote = '';
  let deepRun = false;
  for (let ls = 0; ls <= text.length; ) {
    let le = text.indexOf('\n', ls);
    if (le === -1) le = text.length;
    let i = ls;
    if (depth === 0 && !quote) {
      // Block context: the line's own nesting.
      let indent = 0;
      while (ls + indent < le && text[ls + indent] === ' ') indent++;
      let compact = 0;
      for (let k = ls + indent; k + 1 <= le && (text[k] === '-' || text[k] === '?') && (k + 1 === le || text[k + 1] === ' '); k += 2) compact++;
      if (indent > MAX_INDENT || compact > MAX_BLOCK_DEPTH) {
        if (!deepRun) limits.push({ at: ls, message: indent > MAX_INDENT ? `indented past ${MAX_INDENT} columns` : `sequences nest deeper than ${MAX_BLOCK_DEPTH} levels` });
        deepRun = true;
        blank.push([ls, le, '']);
        ls = le + 1;
        continue;
      }
      deepRun = false;
      const f = flowStart(text, ls, le);
      if (f === -1) {
        ls = le + 1;
        continue;
      }
      i = f;
    }
    for (; i < le; i++) {
      const c = text[i];
      if (quote) {
        if (c === quote) {
          if (quote === "'" && text[i + 1] === "'") i++;
          else quote = '';
        } else if (c === '\\' && quote === '"') i++;
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === '#' && (i === ls || text[i - 1] === ' ' || text[i - 1] === '\t')) break;
      else if (c === '[' || c === '{') {
        if (depth === 0) {
          start = i;
          items = 0;
          over = undefined;
        }
        depth++;
        if (depth > MAX_FLOW_DEPTH && !over) over = { at: i, message: `brackets nest deeper than ${MAX_FLOW_DEPTH} levels` };
      } else if (c === ']' || c === '}') {
        if (depth > 0 && --depth === 0) {
          if (over) {
            limits.push(over);
            blank.push([start, i + 1, '~']);
          }
          break;
        }
      } else if (c === ',' && depth > 0 && ++items > MAX_FLOW_ITEMS && !over) over = { at: i, message: `a list or map of more than ${MAX_FLOW_ITEMS} items` };
    }
    ls = le + 1;
  }
  if (depth > 0 && over) {
    limits.push(over);
    blank.push([start, text.length, '~']);
  }
  if (!blank.length) return { text, limits, size: solid(text) };
  // Each span becomes `~` (a flow collection) or nothing, and its line breaks;
  // what follows a span on its last line keeps its column (spaces stand in),
  // so every line and column outside the spans is the source's.
  let out = '';
  let at = 0;
  for (const [s, e, first] of blank) {
    out += text.slice(at, s);
    const parts = text.slice(s, e).split('\n');
    const lineEnd = text.indexOf('\n', e);
    const rest = text.slice(e, lineEnd === -1 ? text.length : lineEnd);
    const keepLast = rest.trim() !== '';
    parts.forEach((part, k) => {
      if (k > 0) out += '\n';
      const lead = k === 0 ? first : '';
      out += k === parts.length - 1 && keepLast ? lead + ' '.repeat(part.length - lead.length) : lead;
    });
    at = e;
  }
  const guarded = out + text.slice(at);
  return { text: guarded, limits, size: solid(guarded) };
}
