// The one place where core types become VS Code types (Foam's vsc-utils
// pattern): ranges, severities, diagnostics and edits.

import * as vscode from 'vscode';
import type { Diagnostic, Range, Severity, TextEdit } from '../core/types';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toVsRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function fromVsRange(r: vscode.Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/** A VS Code diagnostic that remembers the core diagnostic it came from. */
export class CadenceDiagnostic extends vscode.Diagnostic {
  /** `uriOf`: a workspace-relative path's URI, for the places the diagnostic is also about. */
  constructor(readonly core: Diagnostic, docs: vscode.Uri, uriOf?: (path: string) => vscode.Uri) {
    super(toVsRange(core.range), core.message, SEVERITY[core.severity]);
    this.source = 'cadence';
    this.code = { value: core.code, target: docs };
    if (core.related?.length && uriOf) {
      this.relatedInformation = core.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uriOf(r.path), new vscode.Position(r.line, 0)), r.message));
    }
  }
}

export function toVsDiagnostic(d: Diagnostic, docsFor: (code: string) => vscode.Uri, uriOf?: (path: string) => vscode.Uri): CadenceDiagnostic {
  return new CadenceDiagnostic(d, docsFor(d.code), uriOf);
}

export function toVsEdit(e: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toVsRange(e.range), e.newText);
}
