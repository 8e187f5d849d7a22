// The editor's chat assistant may read Cadence through three read-only
// language-model tools (issue 21; package.json contributes.languageModelTools):
// prepare a 1:1, list what needs attention, summarise an OKR set. The answers
// are the core's (core/assistant.ts): the views' figures in the views' words,
// and no private text unless `cadence.assistant.privateText` is on (SPEC §15).
//
// What is sent where: a tool's answer goes to the extension that called it —
// in the chat, to the chat model the user picked. So:
// - screen-share mode turns the tools off (they answer that they are off);
// - with the setting off, a tool that had to leave private text out asks the
//   user once (a modal warning, "Allow" / "Not now", remembered) and answers
//   at once without it: a tool never waits on the user, so no chat and no
//   test hangs on the question. "Allow" turns the setting on for later calls.

import * as vscode from 'vscode';
import { findPerson, needsAttention, okrSummary, peopleList, prepareOneOnOne, setList, setsFor, type AssistantAnswer, type AssistantOptions } from '../core/assistant';
import { displayName } from '../core/people';
import type { Feature } from './feature';
import type { UiState } from './ui-state';
import type { CadenceWorkspace } from './workspace-index';

/** The tools' names, as package.json declares them. */
export const TOOL_NAMES = {
  prepareOneOnOne: 'cadence_prepareOneOnOne',
  needsAttention: 'cadence_needsAttention',
  summarizeOkrSet: 'cadence_summarizeOkrSet',
} as const;

/** The setting that lets the tools quote private notes (application scope: a workspace file cannot turn it on). */
export const PRIVATE_TEXT_SETTING = 'cadence.assistant.privateText';

const ASKED_KEY = 'cadence.assistant.privateTextAsked';

/** The user's answer to the one question; undefined when dismissed. */
export type ConsentAnswer = 'allow' | 'not-now' | undefined;

/**
 * Whether the tools may quote private notes: the setting, and the one
 * question that may turn it on. `prompt` shows the modal; the integration
 * tests put their own in its place (a real modal would stay open in the
 * test window).
 */
export class PrivateTextConsent {
  prompt: () => Thenable<ConsentAnswer> = () => askModal();
  /** The pending question, if one is open (tests wait on it). */
  pending: Thenable<void> | undefined;

  constructor(private readonly memento: vscode.Memento) {}

  allowed(): boolean {
    return vscode.workspace.getConfiguration().get<boolean>(PRIVATE_TEXT_SETTING, false) === true;
  }

  /** Whether the question was asked already (it is asked once: the answer, or its absence, is remembered). */
  asked(): boolean {
    return this.memento.get<boolean>(ASKED_KEY, false);
  }

  /** Asks once, without waiting for the answer; "Allow" turns the setting on (user settings). */
  askOnce(): void {
    if (this.asked() || this.pending) return;
    this.pending = (async () => {
      await this.memento.update(ASKED_KEY, true);
      // A window that cannot show a modal (VS Code refuses dialogs while extension tests run) is an absent answer.
      const answer = await Promise.resolve(this.prompt()).catch(() => undefined);
      if (answer === 'allow') await vscode.workspace.getConfiguration().update(PRIVATE_TEXT_SETTING, true, vscode.ConfigurationTarget.Global);
    })().finally(() => {
      this.pending = undefined;
    });
  }

  /** Forgets the question (so it is asked again): tests, and a user who reset it. */
  async reset(): Promise<void> {
    await this.memento.update(ASKED_KEY, undefined);
  }
}

async function askModal(): Promise<ConsentAnswer> {
  const allow = vscode.l10n.t('Allow');
  const notNow = vscode.l10n.t('Not now');
  const picked = await vscode.window.showWarningMessage(
    vscode.l10n.t('Let the chat assistant read your private 1:1 notes?'),
    {
      modal: true,
      detail: vscode.l10n.t(
        'A chat assistant asked Cadence about your notes. Cadence answered with counts, dates, ratings, key results and shared notes, and left out the text of private 1:1 notes, person files and private blocks. If you allow it, Cadence will include that text in later answers, and it is sent to the chat model you chose (often a cloud service). You can change this any time in the setting cadence.assistant.privateText.',
      ),
    },
    allow,
    notNow,
  );
  return picked === allow ? 'allow' : picked === notNow ? 'not-now' : undefined;
}

interface PersonInput {
  readonly person?: unknown;
}
interface SetInput {
  readonly set?: unknown;
}

const result = (text: string) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);

/** The three tools over every workspace folder of `ws`. */
export class AssistantTools {
  constructor(
    private readonly ws: CadenceWorkspace,
    private readonly state: UiState,
    readonly consent: PrivateTextConsent,
  ) {}

  private options(): AssistantOptions {
    return { privateText: this.consent.allowed() };
  }

  /** The answer when the tools are off, else undefined. */
  private off(): string | undefined {
    if (this.state.screenShare()) {
      return 'Cadence is in screen-share mode, so its assistant tools are off: they share nothing while the screen may be seen by others. The user can turn screen-share mode off with the command "Cadence: Toggle Screen-Share Mode".';
    }
    if (!this.ws.folders.size) return 'No workspace folder is open, so Cadence has no notes to read.';
    return undefined;
  }

  /** Asks about private text when an answer left some out. */
  private settle(answers: readonly AssistantAnswer[]): string {
    if (answers.some((a) => a.withheld > 0) && !this.consent.allowed()) this.consent.askOnce();
    return answers.map((a) => a.text).join('\n\n');
  }

  private get datasets() {
    return [...this.ws.folders.values()].map((f) => ({ name: f.folder.name, ds: f.dataset }));
  }

  async prepareOneOnOne(input: PersonInput): Promise<string> {
    await this.ws.whenIndexed();
    const off = this.off();
    if (off) return off;
    const who = typeof input.person === 'string' ? input.person : '';
    for (const { ds } of this.datasets) {
      const person = who ? findPerson(ds, who) : undefined;
      if (person) return this.settle([prepareOneOnOne(ds, person, this.options())]);
    }
    const known = this.datasets.map(({ ds }) => peopleList(ds)).filter(Boolean).join(', ');
    return `Cadence has no person "${who}". ${known ? `The people it knows are: ${known}.` : 'It knows no one yet (no people/*.md files).'}`;
  }

  async needsAttention(): Promise<string> {
    await this.ws.whenIndexed();
    const off = this.off();
    if (off) return off;
    const many = this.ws.folders.size > 1;
    const answers = this.datasets.map(({ name, ds }) => {
      const a = needsAttention(ds, this.options());
      // l10n-exempt: an answer the language model reads (core/assistant.ts writes them in English)
      return many ? { ...a, text: `Folder ${name}:\n\n${a.text}` } : a;
    });
    return this.settle(answers);
  }

  async summarizeOkrSet(input: SetInput): Promise<string> {
    await this.ws.whenIndexed();
    const off = this.off();
    if (off) return off;
    const id = typeof input.set === 'string' ? input.set : undefined;
    const answers = this.datasets.map(({ ds }) => okrSummary(ds, setsFor(ds, id))).filter((a) => a.text);
    if (answers.length) return this.settle(answers);
    const known = this.datasets.map(({ ds }) => setList(ds)).filter(Boolean).join(', ');
    if (!known) return 'Cadence found no OKR sets in this workspace (no *.okr.yaml files or files under okrs/).';
    return `Cadence has no OKR set "${id}". The sets are: ${known}.`;
  }

  /** The name a chat's `person` stands for (as given when no one matches). */
  private personName(input: PersonInput): string {
    const who = typeof input.person === 'string' ? input.person : '';
    const person = this.datasets.map(({ ds }) => (who ? findPerson(ds, who) : undefined)).find(Boolean);
    return person ? displayName(person) : who;
  }

  /**
   * What a chat shows before a tool runs: a progress message that says
   * whether private notes go with the answer, and, when they may (the
   * setting is on, and screen-share mode is off), a confirmation — in the
   * chat, Continue / Cancel (and "always allow"); outside a chat, VS Code's
   * dialog. With the setting off nothing private is sent: no confirmation.
   */
  prepare(tool: keyof typeof TOOL_NAMES, input: PersonInput): vscode.PreparedToolInvocation {
    const allowed = this.consent.allowed();
    const privacy = allowed ? vscode.l10n.t('private notes included') : vscode.l10n.t('no private note text');
    const invocationMessage =
      tool === 'prepareOneOnOne'
        ? `${vscode.l10n.t('Reading Cadence notes to prepare a 1:1 with {0}', this.personName(input))} (${privacy})`
        : `${vscode.l10n.t('Reading what needs attention in Cadence')} (${privacy})`;
    if (!allowed || this.state.screenShare()) return { invocationMessage };
    return {
      invocationMessage,
      confirmationMessages: {
        title: vscode.l10n.t('Send private 1:1 notes to the chat model?'),
        message:
          tool === 'prepareOneOnOne'
            ? vscode.l10n.t('cadence.assistant.privateText is on: the answer may quote the private 1:1 notes and person file of {0}, and it goes to the chat model you chose.', this.personName(input))
            : vscode.l10n.t('cadence.assistant.privateText is on: the answer may quote private 1:1 notes, and it goes to the chat model you chose.'),
      },
    };
  }
}

export const assistantToolsFeature: Feature = {
  activate(context, { workspace, state, api }) {
    // VS Code before 1.95 has no language-model tools: Cadence works without them.
    if (typeof vscode.lm?.registerTool !== 'function') return;
    const tools = new AssistantTools(workspace, state, new PrivateTextConsent(context.globalState));
    api.assistant = tools;
    context.subscriptions.push(
      vscode.lm.registerTool<PersonInput>(TOOL_NAMES.prepareOneOnOne, {
        prepareInvocation: ({ input }) => tools.prepare('prepareOneOnOne', input),
        invoke: async ({ input }) => result(await tools.prepareOneOnOne(input)),
      }),
      vscode.lm.registerTool<Record<string, never>>(TOOL_NAMES.needsAttention, {
        prepareInvocation: () => tools.prepare('needsAttention', {}),
        invoke: async () => result(await tools.needsAttention()),
      }),
      vscode.lm.registerTool<SetInput>(TOOL_NAMES.summarizeOkrSet, {
        prepareInvocation: ({ input }) => ({
          invocationMessage: typeof input.set === 'string' && input.set ? vscode.l10n.t('Summarising the OKR set {0}', input.set) : vscode.l10n.t('Summarising the current OKR sets'),
        }),
        invoke: async ({ input }) => result(await tools.summarizeOkrSet(input)),
      }),
    );
  },
};
