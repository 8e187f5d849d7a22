// Reads `.vscode/settings.json` the way VS Code does: JSON with comments and
// trailing commas, `cadence.*` keys either dotted or nested.

import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { resolveSettings, SETTING_KEYS, type Settings } from '../core/settings';
import * as l10n from '../core/l10n';

export interface WorkspaceSettings {
  readonly settings: Settings;
  readonly filesExclude: string[];
  readonly problems: string[];
}

export function readSettingsText(text: string | undefined): WorkspaceSettings {
  const problems: string[] = [];
  // VS Code reads a settings file saved with a UTF-8 BOM as if it had none;
  // jsonc-parser would stop at it (InvalidSymbol at offset 0).
  if (text?.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let json: Record<string, unknown> = {};
  if (text !== undefined && text.trim() !== '') {
    const errors: ParseError[] = [];
    const value = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
    if (errors.length) {
      const e = errors[0];
      problems.push(l10n.t('.vscode/settings.json: {0} at offset {1}; using default settings', printParseErrorCode(e.error), e.offset));
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      json = value as Record<string, unknown>;
    }
  }
  const nested = (json.cadence && typeof json.cadence === 'object' ? json.cadence : {}) as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const v = json[`cadence.${key}`] ?? nested[key];
    if (v !== undefined) raw[key] = v;
  }
  const settings = resolveSettings(raw, problems);
  const filesExclude: string[] = [];
  const fe = json['files.exclude'] ?? (json.files as Record<string, unknown> | undefined)?.exclude;
  if (fe && typeof fe === 'object') {
    for (const [glob, on] of Object.entries(fe as Record<string, unknown>)) if (on === true) filesExclude.push(glob);
  }
  return { settings, filesExclude, problems };
}
