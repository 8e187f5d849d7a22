// The temporary folders unit tests write workspaces into: made under the
// OS's temp folder and removed when the run ends (runs used to leave
// hundreds of them behind).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A new empty folder `<tmp>/<prefix>XXXXXX`, removed after the whole run. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

// A root hook (this module is loaded while mocha reads the spec files).
after(() => {
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A folder a test made unreadable and that cannot go: left for the OS.
    }
  }
});
