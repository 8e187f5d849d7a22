import type { DateField, Field, PersonDoc, Relationship, Theme } from '../model';
import { readBody, type Split } from '../markdown/body';
import { inSections, talkingPointSections, type ParseOptions } from '../markdown/sections';
import { dateOf, fieldsOf, mapItems, readYaml, seqScalars, stringOf, valueNode } from './yaml-fields';
import { isMap } from 'yaml';
import { idKey } from '../ids';
import { NO_CONFLICTS } from '../conflicts';

export const CADENCE_WORDS: Record<string, number> = { weekly: 7, biweekly: 14, monthly: 30 };

/** Days between 1:1s for a `cadence:` value, or undefined when it is not one. */
export function cadenceDays(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (v in CADENCE_WORDS) return CADENCE_WORDS[v];
  return /^[1-9]\d*$/.test(v) ? +v : undefined;
}

export function fileStem(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

function truthy(f: Field | undefined): boolean {
  return f?.value === true || (typeof f?.value === 'string' && /^(true|yes)$/i.test(f.value));
}

/** The relationships of SPEC §11; `report` is the default. */
export const RELATIONSHIPS: readonly Relationship[] = ['report', 'manager', 'skip-level', 'peer', 'mentor', 'mentee'];

/** A `relationship:` value, compared case-insensitively; undefined when it is not one of RELATIONSHIPS. */
export function relationshipOf(value: unknown): Relationship | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  return (RELATIONSHIPS as readonly string[]).includes(v) ? (v as Relationship) : undefined;
}

export function parsePerson(path: string, split: Split, options: ParseOptions = {}): PersonDoc {
  const dates: DateField[] = [];
  const y = split.yaml !== undefined ? readYaml(split.yaml, split.yamlLine) : undefined;
  const root = y?.root;
  const f = root && y ? fieldsOf(root, y.index) : new Map<string, Field>();
  const idField = f.get('id');
  const id = stringOf(idField)?.trim() || fileStem(path);
  const cadenceField = f.get('cadence');
  const themes: Theme[] = [];
  if (root && y) {
    for (const t of mapItems(valueNode(root, 'themes'))) {
      const tf = fieldsOf(t, y.index);
      const r = t.range ?? [0, 0, 0];
      themes.push({
        title: stringOf(tf.get('title')),
        firstLine: y.index.restOfLine(r[0]),
        since: dateOf(tf.get('since'), dates),
        until: dateOf(tf.get('until'), dates),
        untilField: tf.get('until'),
      });
    }
  }
  const devNode = root ? valueNode(root, 'development') : undefined;
  const relationshipField = f.get('relationship');
  const body = readBody(split);
  const inboxSection = talkingPointSections(body.headings, split.lines.length, options.talkingPointHeadings)[0];
  const inbox = inboxSection ? body.items.filter((i) => inSections([inboxSection], i.line)) : [];
  return {
    kind: 'person',
    path,
    lineCount: split.lines.length,
    firstLine: { start: { line: 0, character: 0 }, end: { line: 0, character: split.lines[0].length } },
    yamlErrors: y?.errors ?? [],
    limits: y?.limits ?? [],
    conflicts: NO_CONFLICTS,
    dates,
    id,
    key: idKey(id),
    idField,
    name: stringOf(f.get('name')),
    role: stringOf(f.get('role')),
    cadenceField,
    cadenceDays: cadenceField ? cadenceDays(cadenceField.value) : undefined,
    since: dateOf(f.get('since'), dates),
    me: truthy(f.get('me')),
    manages: truthy(f.get('manages')),
    themes,
    developmentField: f.get('development'),
    development: devNode && !isMap(devNode) ? seqScalars(devNode) : [],
    frontMatterEnd: split.bodyLine,
    relationship: relationshipOf(relationshipField?.value) ?? 'report',
    relationshipField: relationshipField && !relationshipField.isNull ? relationshipField : undefined,
    inbox,
    inboxSection,
  };
}
