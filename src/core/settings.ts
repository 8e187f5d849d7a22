// The settings the core honours; the CLI reads them from .vscode/settings.json
// and the extension from the workspace configuration, so both see one shape.

import { FILE_KINDS, type GlobSetting } from './kinds';
import type { SeveritySetting } from './types';
import { DEFAULT_TALKING_POINT_HEADINGS } from './markdown/sections';
import * as l10n from './l10n';

/** Each file kind's globs (`peopleGlobs`, …), as the kinds' registry names them (kinds.ts). */
export type GlobSettings = { readonly [K in GlobSetting]: readonly string[] };

export interface Settings extends GlobSettings {
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly defaultCadenceDays: number;
  readonly completionWindowDays: number;
  /** Days of the `no-recent-feedback` window (SPEC §14), today included. */
  readonly feedbackWindowDays: number;
  /** Files larger than this are skipped with an info diagnostic. */
  readonly maxFileSizeKB: number;
  /** Headings that open a talking-points section (SPEC §13), compared case-insensitively. */
  readonly talkingPointHeadings: readonly string[];
}

/** The glob settings' keys, in the registry's order. */
export const GLOB_SETTINGS = FILE_KINDS.globSettings.map((g) => g.setting as GlobSetting);

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  ...(Object.fromEntries(FILE_KINDS.globSettings.map((g) => [g.setting, g.defaults])) as GlobSettings),
  defaultCadenceDays: 14,
  completionWindowDays: 30,
  feedbackWindowDays: 30,
  maxFileSizeKB: 2048,
  talkingPointHeadings: DEFAULT_TALKING_POINT_HEADINGS,
};

/** Keys as they appear in settings.json, without the `cadence.` prefix. */
export const SETTING_KEYS: readonly (keyof Settings)[] = ['rules', ...GLOB_SETTINGS, 'defaultCadenceDays', 'completionWindowDays', 'feedbackWindowDays', 'maxFileSizeKB', 'talkingPointHeadings'];

function stringArray(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
}

function positiveInt(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined;
}

/**
 * Builds settings from loosely typed values (`cadence.*` keys without the
 * prefix). Values of the wrong type are dropped and reported, never thrown.
 */
export function resolveSettings(raw: Record<string, unknown>, problems: string[] = []): Settings {
  const out: { -readonly [K in keyof Settings]: Settings[K] } = { ...DEFAULT_SETTINGS };
  for (const key of GLOB_SETTINGS) {
    if (raw[key] === undefined) continue;
    const v = stringArray(raw[key]);
    if (v) out[key] = v;
    else problems.push(l10n.t('cadence.{0} must be an array of glob strings; using the default', key));
  }
  for (const key of ['defaultCadenceDays', 'completionWindowDays', 'feedbackWindowDays', 'maxFileSizeKB'] as const) {
    if (raw[key] === undefined) continue;
    const v = positiveInt(raw[key]);
    if (v) out[key] = v;
    else problems.push(l10n.t('cadence.{0} must be a positive whole number; using {1}', key, DEFAULT_SETTINGS[key]));
  }
  if (raw.talkingPointHeadings !== undefined) {
    const v = stringArray(raw.talkingPointHeadings);
    if (v && v.length) out.talkingPointHeadings = v;
    else problems.push(l10n.t('cadence.talkingPointHeadings must be a non-empty array of heading texts; using the default'));
  }
  if (raw.rules !== undefined) {
    if (raw.rules && typeof raw.rules === 'object' && !Array.isArray(raw.rules)) {
      const rules: Record<string, SeveritySetting> = {};
      for (const [code, sev] of Object.entries(raw.rules as Record<string, unknown>)) {
        const s = typeof sev === 'string' ? normalizeSeverity(sev) : undefined;
        if (s) rules[code] = s;
        else problems.push(l10n.t('cadence.rules.{0}: unknown severity {1} (use error, warning, info, hint or off)', code, String(JSON.stringify(sev))));
      }
      out.rules = rules;
    } else problems.push(l10n.t('cadence.rules must be an object of rule code → severity'));
  }
  return out;
}

export function normalizeSeverity(s: string): SeveritySetting | undefined {
  const v = s.trim().toLowerCase();
  if (v === 'error' || v === 'warning' || v === 'info' || v === 'hint' || v === 'off') return v;
  if (v === 'information') return 'info';
  if (v === 'warn') return 'warning';
  if (v === 'none') return 'off';
  return undefined;
}
