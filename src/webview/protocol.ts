// The dashboard's message protocol, shared by the extension and the webview.
// The webview speaks first (`ready`); the extension never posts before that.

import type { DashboardData, Location } from '../core/dashboard-data';
import type { KrStatus } from '../core/model';

export type ToWebview =
  /** `moves`: the number of the page's last board move the extension has handled (its edit is in `data`; pending.ts). */
  | { readonly type: 'data'; readonly data: DashboardData; readonly moves?: number }
  | { readonly type: 'screenShare'; readonly on: boolean };

export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'open'; readonly at: Location }
  /** A board move; `move` numbers the page's moves 1, 2, … (the extension says back the last it handled). */
  | { readonly type: 'setStatus'; readonly set: string; readonly objectiveIndex: number; readonly index: number; readonly status: KrStatus; readonly move?: number }
  | { readonly type: 'toggleScreenShare' }
  | { readonly type: 'prepareReviewPacket'; readonly person: string }
  | { readonly type: 'error'; readonly message: string };

/** What the webview keeps across reloads (vscode.setState). */
export interface WebviewState {
  readonly tab: 'overview' | 'okrs' | 'board';
  readonly set: string | undefined;
}

export const KR_COLUMNS: readonly KrStatus[] = ['on-track', 'at-risk', 'off-track', 'done', 'cut'];

export function isFromWebview(m: unknown): m is FromWebview {
  if (!m || typeof m !== 'object') return false;
  const t = (m as { type?: unknown }).type;
  switch (t) {
    case 'ready':
    case 'toggleScreenShare':
      return true;
    case 'open': {
      const at = (m as { at?: Location }).at;
      return !!at && typeof at.path === 'string' && typeof at.line === 'number';
    }
    case 'setStatus': {
      const x = m as { set?: unknown; objectiveIndex?: unknown; index?: unknown; status?: unknown; move?: unknown };
      return (
        typeof x.set === 'string' &&
        typeof x.objectiveIndex === 'number' &&
        typeof x.index === 'number' &&
        (KR_COLUMNS as readonly unknown[]).includes(x.status) &&
        (x.move === undefined || (Number.isSafeInteger(x.move) && (x.move as number) > 0))
      );
    }
    case 'prepareReviewPacket':
      return typeof (m as { person?: unknown }).person === 'string';
    case 'error':
      return typeof (m as { message?: unknown }).message === 'string';
    default:
      return false;
  }
}
