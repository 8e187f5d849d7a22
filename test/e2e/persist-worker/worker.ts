// Runs in a dedicated web worker under a Content-Security-Policy without
// 'unsafe-eval' (see persist-worker.test.ts): reads a persistent index with
// the core's own code, restores it into a Dataset, decodes every document and
// every file's saved diagnostics, and posts back what it read, the policy
// violations it heard of while doing so, and a control: that the policy is in
// force (new Function throws) and that its violations are heard.
import { Dataset } from '../../../src/core/dataset';
import { readIndex, restoreIndex } from '../../../src/core/persist';
import type { Settings } from '../../../src/core/settings';
import { canon } from './canon';

export interface WorkerResult {
  readonly error?: string;
  readonly docs: Record<string, string>;
  readonly diagnostics: Record<string, string>;
  readonly corrupt: readonly string[];
  /** Violations reported while the index was read and decoded. */
  readonly violations: readonly string[];
  /** The control: new Function threw an EvalError… */
  readonly evalBlocked: boolean;
  /** …and was reported as a violation. */
  readonly controlViolations: number;
}

const violations: string[] = [];
self.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));

const bytes = async (url: string): Promise<Uint8Array> => new Uint8Array(await (await fetch(url)).arrayBuffer());
// Violation events are queued as tasks: a turn for them to arrive.
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 200));

async function run(): Promise<WorkerResult> {
  const { settings, today } = (await (await fetch('/config.json')).json()) as { settings: Settings; today: string };
  const [index, payload] = await Promise.all([bytes('/index.bin'), bytes('/docs.bin')]);
  const corrupt: string[] = [];
  const loaded = readIndex(index, settings, payload, (p) => corrupt.push(p));
  if (!loaded) throw new Error('the index did not read');
  const ds = new Dataset({ today, settings });
  restoreIndex(loaded, ds);
  const docs: Record<string, string> = {};
  const diagnostics: Record<string, string> = {};
  for (const p of ds.paths()) {
    // The saved diagnostics first: asking for a document retires nothing, but keep the order plain.
    diagnostics[p] = canon(ds.diagnostics(p));
    docs[p] = canon(ds.doc(p));
  }
  await settle();
  const seen = [...violations];
  let evalBlocked = false;
  try {
    new Function('return 1')();
  } catch (e) {
    evalBlocked = e instanceof EvalError;
  }
  await settle();
  return { docs, diagnostics, corrupt, violations: seen, evalBlocked, controlViolations: violations.length - seen.length };
}

run().then(
  (r) => self.postMessage(r),
  (e: unknown) => self.postMessage({ error: e instanceof Error ? `${e.message}\n${e.stack}` : String(e) }),
);
