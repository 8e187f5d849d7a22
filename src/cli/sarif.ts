// `cadence check --format sarif`: the findings as one SARIF 2.1.0 log, the
// format GitHub code scanning and other result viewers read. One result per
// diagnostic, each pointing at its rule; every rule carries its page of
// documentation (the same text as docs/rules/<code>.md) as help.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { ruleDoc } from '../core/rule-docs';
import { RULES } from '../core/rules/index';
import type { Severity } from '../core/types';
import type { Finding } from './check';
import { ITEMS, jsonPieces } from './json-pieces';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** The uriBaseId every result's file is relative to: the checked folder. */
export const SRCROOT = 'SRCROOT';

export interface SarifOptions {
  /** The checked folder, absolute. */
  readonly folder: string;
  readonly version: string;
  /** Where docs/rules/*.md are installed, if they are: each rule's helpUri points there. */
  readonly docsDir?: string;
  /** Lines for the run's tool notifications (files skipped, settings problems). */
  readonly notes?: readonly string[];
}

/** `action-missing-due` → `ActionMissingDue`: SARIF's friendly rule name. */
function friendlyName(code: string): string {
  return code.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(text);
  return m ? m[1] : text;
}

/** A relative `/` path as a URI reference: each segment percent-encoded. */
function uriOf(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** The log for one run of `cadence check` over `findings` (sorted as --format json sorts them). */
export function toSarif(findings: Iterable<Finding>, opts: SarifOptions): Sarif.Log {
  const log = sarifLog(opts);
  log.runs[0].results = [...findings].map(resultOf);
  return log;
}

/**
 * The log of toSarif as text, `JSON.stringify(log, null, 2) + '\n'`, in
 * pieces of about `size` characters written as the findings come: the
 * results never all stand in memory (json-pieces.ts).
 */
export function sarifPieces(findings: Iterable<Finding>, opts: SarifOptions, size = 1 << 16): Generator<string> {
  const log = sarifLog(opts);
  (log.runs[0] as { results: unknown }).results = ITEMS;
  return jsonPieces(log, (function* () {
    for (const f of findings) yield resultOf(f);
  })(), size);
}

const RULE_INDEX = new Map(RULES.map((r, i) => [r.code, i]));

function resultOf(f: Finding): Sarif.Result {
  return {
    ruleId: f.code,
    ...(RULE_INDEX.has(f.code) ? { ruleIndex: RULE_INDEX.get(f.code)! } : {}),
    level: LEVEL[f.severity as Severity] ?? 'warning',
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(f.file), uriBaseId: SRCROOT },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
  };
}

/** The log without its results (an empty list, last in its run). */
function sarifLog(opts: SarifOptions): Sarif.Log & { runs: [Sarif.Run] } {
  const rules: Sarif.ReportingDescriptor[] = RULES.map((r) => {
    const page = opts.docsDir ? join(opts.docsDir, `${r.code}.md`) : undefined;
    return {
      id: r.code,
      name: friendlyName(r.code),
      shortDescription: { text: firstSentence(r.description) },
      fullDescription: { text: r.description },
      ...(page && existsSync(page) ? { helpUri: pathToFileURL(page).href } : {}),
      help: { text: r.description, markdown: ruleDoc(r.code) },
      defaultConfiguration: { level: LEVEL[r.severity] },
      properties: { tags: ['cadence', ...r.kinds] },
    };
  });
  const folderUri = pathToFileURL(opts.folder).href;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cadence', version: opts.version, semanticVersion: opts.version, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri.endsWith('/') ? folderUri : `${folderUri}/` } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: (opts.notes ?? []).map((n) => ({ level: 'warning', message: { text: n } })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
}
