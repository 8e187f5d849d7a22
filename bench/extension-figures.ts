// Hooks for the extension-side benchmark figures. bench/run.ts calls
// measureExtensionFigures() after the CLI measurements and prints whatever it
// returns next to its target. Until a figure has a real measurement it stays
// `value: undefined` and is printed as "not measured yet": a made-up number
// in BENCHMARKS.md would be worse than a gap.

export interface ExtensionFigureContext {
  /** Generated workspaces by note count, e.g. { 10000: '/…/bench/.work/ws-10000-s1' }. */
  workspaces: Record<number, string>;
  /** Repository root (dist/ lives here). */
  root: string;
  /** How many times to repeat a measurement (the median is reported). */
  runs: number;
}

export interface ExtensionFigure {
  name: string;
  /** Human-readable target, e.g. "≤ 50 ms". */
  target: string;
  /** Measured value in `unit`; undefined means not measured yet. */
  value?: number;
  unit: string;
  /** Whether `value` meets the target; undefined when not measured or no target. */
  met?: boolean;
  note?: string;
}

export async function measureExtensionFigures(_ctx: ExtensionFigureContext): Promise<ExtensionFigure[]> {
  return [
    {
      name: 'keystroke re-check of one note in a 10k-note Dataset',
      target: 'TBD',
      unit: 'ms',
      note: 'edit one 1:1 note, time until its diagnostics are republished',
    },
    {
      name: 'warm start from the persistent index (10k notes)',
      target: 'TBD',
      unit: 'ms',
      note: 'activation to first full diagnostics, index already on disk',
    },
  ];
}
