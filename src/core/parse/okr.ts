// OKR sets: YAML with objectives and key results, each field with its range.

import type { YAMLMap } from 'yaml';
import type { CheckIn, DateField, Field, KeyResult, KrStatus, Objective, OkrEntry, OkrSetDoc } from '../model';
import { idKey } from '../ids';
import { NO_CONFLICTS } from '../conflicts';
import type { LineIndex } from '../text';
import { dateOf, fieldsOf, mapItems, numberOf, personOf, readYaml, shapeOf, stringOf, valueNode } from './yaml-fields';

export const KR_STATUSES: readonly KrStatus[] = ['on-track', 'at-risk', 'off-track', 'done', 'cut'];
export const OBJECTIVE_KINDS = ['committed', 'aspirational'] as const;

export function okrSetIdFromPath(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.replace(/\.okr\.ya?ml$/i, '').replace(/\.ya?ml$/i, '');
}

function idOf(f: Field | undefined, fallback: string): string {
  const s = stringOf(f)?.trim();
  return s ? s : fallback;
}

function statusOf(f: Field | undefined): KrStatus | undefined {
  const v = stringOf(f)?.trim().toLowerCase();
  return (KR_STATUSES as readonly string[]).includes(v ?? '') ? (v as KrStatus) : undefined;
}

function readCheckins(node: YAMLMap, index: LineIndex, dates: DateField[]): CheckIn[] {
  return mapItems(valueNode(node, 'checkins')).map((c) => {
    const f = fieldsOf(c, index);
    const r = c.range ?? [0, 0, 0];
    return {
      range: index.rangeAt(r[0], r[1]),
      date: dateOf(f.get('date'), dates)?.value,
      current: numberOf(f.get('current')),
      confidence: numberOf(f.get('confidence')),
      confidenceField: f.get('confidence'),
      note: stringOf(f.get('note')),
    };
  });
}

/** The fields an objective and a key result share; `prefix` names one without an id by its position (`KR2`). */
function readEntry(node: YAMLMap, i: number, index: LineIndex, prefix: 'O' | 'KR'): OkrEntry {
  const f = fieldsOf(node, index);
  const id = idOf(f.get('id'), `${prefix}${i + 1}`);
  return {
    id,
    key: idKey(id),
    index: i,
    idField: f.get('id'),
    firstLine: index.restOfLine((node.range ?? [0, 0, 0])[0]),
    shape: shapeOf(node, index),
    fields: f,
    title: stringOf(f.get('title')),
    owner: personOf(f.get('owner')),
  };
}

function readKeyResult(node: YAMLMap, i: number, index: LineIndex, dates: DateField[]): KeyResult {
  const e = readEntry(node, i, index, 'KR');
  const f = e.fields;
  return {
    ...e,
    due: dateOf(f.get('due'), dates),
    start: numberOf(f.get('start')),
    target: numberOf(f.get('target')),
    current: numberOf(f.get('current')),
    unit: stringOf(f.get('unit')),
    confidence: numberOf(f.get('confidence')),
    status: statusOf(f.get('status')),
    checkins: readCheckins(node, index, dates),
  };
}

function readObjective(node: YAMLMap, i: number, index: LineIndex, dates: DateField[]): Objective {
  const e = readEntry(node, i, index, 'O');
  const f = e.fields;
  return {
    ...e,
    kind: stringOf(f.get('kind'))?.trim().toLowerCase() === 'aspirational' ? 'aspirational' : 'committed',
    parent: stringOf(f.get('parent')),
    keyResultsField: f.get('key_results'),
    keyResults: mapItems(valueNode(node, 'key_results')).map((k, j) => readKeyResult(k, j, index, dates)),
  };
}

export function parseOkrSet(path: string, text: string, lineCount: number): OkrSetDoc {
  const dates: DateField[] = [];
  const y = readYaml(text, 0);
  const root = y.root;
  const f = root ? fieldsOf(root, y.index) : new Map<string, Field>();
  const id = idOf(f.get('id'), okrSetIdFromPath(path));
  const period = f.get('period');
  return {
    kind: 'okr',
    path,
    lineCount,
    firstLine: y.index.lineRange(0),
    yamlErrors: y.errors,
    limits: y.limits,
    conflicts: NO_CONFLICTS,
    dates,
    id,
    key: idKey(id),
    fields: f,
    period: period && !period.isNull ? String(period.value) : undefined,
    start: dateOf(f.get('start'), dates)?.value,
    end: dateOf(f.get('end'), dates)?.value,
    owner: personOf(f.get('owner')),
    team: stringOf(f.get('team')),
    objectivesField: f.get('objectives'),
    objectives: root ? mapItems(valueNode(root, 'objectives')).map((o, i) => readObjective(o, i, y.index, dates)) : [],
  };
}
