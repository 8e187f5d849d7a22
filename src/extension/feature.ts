import type * as vscode from 'vscode';
import type { AssistantTools } from './assistant-tools';
import type { Dashboard } from './dashboard';
import type { MarkdownItEngine } from './markdown-preview';
import type { PrivateBlockDecorations } from './private-blocks';
import type { ScreenShareMask } from './screen-share';
import type { UiState } from './ui-state';
import type { Views } from './views/index';
import type { CadenceWorkspace } from './workspace-index';

/** What activate() returns: used by the integration tests and other extensions. */
export interface CadenceApi {
  /** Resolves when the workspace has been indexed and diagnostics published. */
  whenIndexed(): Promise<void>;
  /** Which build runs: 'node' (package.json "main") or 'web' ("browser": vscode.dev, github.dev; host-web.ts). */
  readonly host: 'node' | 'web';
  readonly workspace: CadenceWorkspace;
  readonly state: UiState;
  views?: Views;
  /** What the status-bar item says now. */
  statusBarText?: () => string;
  /** What a screen reader says for it. */
  statusBarAccessibility?: () => string;
  /** Whether a folder's glob settings differ from the defaults (the empty views' welcome says so). */
  globsChanged?: () => boolean;
  /** The private-block decorations (SPEC §15). */
  privateBlocks?: PrivateBlockDecorations;
  /** What the last New 1:1 carried over (its notification's text), until it is undone. */
  lastCarryOver?: () => { readonly message: string } | undefined;
  /** Screen-share mode's editor masks and status-bar item. */
  screenShareMask?: ScreenShareMask;
  /** The open dashboard, if any. */
  dashboard?: () => Dashboard | undefined;
  /** The chat assistant's language-model tools (issue 21), when VS Code has them. */
  assistant?: AssistantTools;
  /**
   * VS Code's Markdown extension calls it with the preview's engine
   * (contributes["markdown.markdownItPlugins"]): private blocks are left out
   * of every file (markdown-preview.ts), and Cadence notes are decorated (preview.ts).
   */
  extendMarkdownIt?: <M extends MarkdownItEngine & { use(...args: never[]): M }>(md: M) => M;
}

export interface Services {
  readonly workspace: CadenceWorkspace;
  readonly log: vscode.LogOutputChannel;
  readonly state: UiState;
  /** The documentation page of a rule (shipped in the extension, works offline). */
  readonly docsFor: (code: string) => vscode.Uri;
  /** Features publish what tests may inspect here. */
  readonly api: CadenceApi;
}

/** Each editor feature is a module with one activate(); extension.ts lists them. */
export interface Feature {
  activate(context: vscode.ExtensionContext, services: Services): void;
}
