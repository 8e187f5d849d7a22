// Glob matching on workspace-relative '/' paths. picomatch's posix build has no
// dependency on Node's `path`, so the core stays runnable in a web worker.
import picomatch from 'picomatch/posix';

export type Matcher = (path: string) => boolean;

const cache = new Map<string, Matcher>();

/** `**\/` matches zero or more folders; dot files match like any other. */
export function globMatcher(globs: readonly string[]): Matcher {
  const key = globs.join('\0');
  let m = cache.get(key);
  if (!m) {
    const fns = globs.map((g) => picomatch(g.replace(/^\.\//, ''), { dot: true }));
    m = (p: string) => fns.some((f) => f(p));
    cache.set(key, m);
  }
  return m;
}

/** True when the path or one of its folders matches (how files.exclude works). */
export function excludedBy(globs: readonly string[]): Matcher {
  const match = globMatcher(globs);
  return (p: string) => {
    if (match(p)) return true;
    for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1)) if (match(p.slice(0, i))) return true;
    return false;
  };
}
