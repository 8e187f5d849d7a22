// Cadence in VS Code's Markdown preview: hands the markdown-it plugin
// (src/preview/plugin.ts) what it needs to know about the note being shown —
// its text, the folder's people, today, screen-share mode — and refreshes
// open previews when any of those change.

import * as vscode from 'vscode';
import { classify, isMarkdownPath } from '../core/parse/index';
import { normalize } from '../core/text';
import { cadencePreview, type PreviewContext } from '../preview/plugin';
import type { Feature } from './feature';
import { extendMarkdownIt as leaveOutPrivateBlocks, type MarkdownItEngine } from './markdown-preview';
import type { UiState } from './ui-state';
import type { CadenceWorkspace } from './workspace-index';

/** The fields of VS Code's render env the plugin reads (markdown-language-features' RenderEnv). */
interface RenderEnv {
  readonly currentDocument?: vscode.Uri;
}

/**
 * The plugin's context for the note VS Code is rendering: undefined (the
 * preview is left as it is) for a file outside every Cadence folder or one
 * that is not a Cadence note.
 */
export function previewContext(ws: CadenceWorkspace, state: UiState, env: unknown): PreviewContext | undefined {
  const uri = (env as RenderEnv | undefined)?.currentDocument;
  if (!uri) return undefined;
  // The text VS Code parsed: the document's, unsaved edits included (a preview's document is always open).
  const src = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.getText();
  if (src === undefined) return undefined;
  const folder = ws.folderFor(uri);
  const rel = folder?.relPath(uri);
  if (!folder || !rel || !isMarkdownPath(rel)) return undefined;
  const ds = folder.dataset;
  if (!classify(rel, normalize(src), ds.settings)) return undefined;
  const me = ds.people().find((p) => p.me);
  return {
    src,
    today: ds.today,
    screenShare: state.screenShare(),
    talkingPointHeadings: ds.settings.talkingPointHeadings,
    nameOf(key) {
      if (key === 'me' || key === me?.key) return me?.name ?? 'you';
      return ds.query.peopleWithKey(key)[0]?.name;
    },
  };
}

/**
 * `extendMarkdownIt` for activate()'s exports: VS Code calls it once with its
 * markdown-it. Two plugins: private blocks blanked before the engine parses
 * (any Markdown file; markdown-preview.ts), then Cadence notes decorated at
 * render time (src/preview/plugin.ts, which says where private text was left out).
 */
export function extendMarkdownIt(ws: CadenceWorkspace, state: UiState) {
  return <M extends MarkdownItEngine & { use(plugin: typeof cadencePreview, options: Parameters<typeof cadencePreview>[1]): M }>(md: M): M =>
    leaveOutPrivateBlocks(md).use(cadencePreview, { context: (env) => previewContext(ws, state, env) });
}

export const previewFeature: Feature = {
  activate(context, { workspace, state, api }) {
    api.extendMarkdownIt = extendMarkdownIt(workspace, state);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void vscode.commands.executeCommand('markdown.preview.refresh').then(undefined, () => undefined), 300);
    };
    context.subscriptions.push({ dispose: () => clearTimeout(timer) }, state.onDidChange(refresh), workspace.onDidChange(refresh));
  },
};
