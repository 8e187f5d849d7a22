// Reads `cadence.*` from the workspace configuration into the core's Settings.

import * as vscode from 'vscode';
import type { PeopleOrder } from '../core/people';
import { resolveSettings, SETTING_KEYS, type Settings } from '../core/settings';
import { host } from './host';

export function readSettings(scope: vscode.ConfigurationScope | undefined, problems: string[] = []): Settings {
  const cfg = vscode.workspace.getConfiguration('cadence', scope);
  const raw: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const inspected = cfg.inspect(key);
    // Only user-set values: the core's defaults are the single source of truth.
    const v = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (v !== undefined) raw[key] = v;
  }
  return resolveSettings(raw, problems);
}

/** Today's local date, or CADENCE_TODAY for deterministic tests (the Node build only: the browser has no environment). */
export function today(): string {
  const env = host.env('CADENCE_TODAY');
  if (env && /^\d{4}-\d{2}-\d{2}$/.test(env)) return env;
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** `cadence.reportsOrder`: how the Reports view and the dashboard order people (a view setting; the CLI has no use for it). */
export function peopleOrder(): PeopleOrder {
  return vscode.workspace.getConfiguration('cadence').get<string>('reportsOrder') === 'name' ? 'name' : 'urgency';
}
