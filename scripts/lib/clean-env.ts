// The Node side of scripts/lib/clean-env.sh: the environment a child process
// gets when a script run by npm (`npm test`, `npm start`, `npm run bench`)
// starts npm, node, code-server or the CLI itself. npm exports its own
// settings to the scripts it runs (npm_config_* — among them a user agent
// naming npm's Node and a nodedir pointing at its headers — npm_package_*,
// npm_lifecycle_*, npm_execpath, npm_node_execpath, npm_command, INIT_CWD,
// NODE, COLOR) and puts its folders first on PATH (every parent's
// node_modules/.bin, npm's node-gyp shim). A child must see the machine as a
// user's shell does. Kept on purpose: how to reach the registry (registry,
// proxies, certificates, cache, config files), which a user may have set in
// their own environment. Keep the two files in step; test/unit/clean-env.test.ts
// checks that they agree.

/** npm_config_* names that survive: they say how to reach the registry, not which Node ran npm. */
const KEEP = /^npm_config_(registry|@[^=]*registry|proxy|https_proxy|http_proxy|noproxy|no_proxy|cafile|ca|cert|key|strict_ssl|cache|userconfig|globalconfig)$/;

/** True for a variable that the outer npm set and a child must not inherit. */
export function isNpmVariable(name: string): boolean {
  if (name.startsWith('npm_config_')) return !KEEP.test(name);
  return name.startsWith('npm_') || name === 'INIT_CWD' || name === 'NODE' || name === 'COLOR';
}

/** True for a PATH entry that npm put there for its scripts. */
export function isNpmPathEntry(entry: string): boolean {
  return /[\\/]node_modules[\\/]\.bin$/.test(entry) || /[\\/]node-gyp-bin$/.test(entry);
}

/**
 * A copy of `env` without the outer npm's variables and PATH entries.
 * @param env the environment to clean (default: this process's).
 * @returns a new object; `env` is not changed.
 */
export function cleanEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (!isNpmVariable(key)) out[key] = value;
  }
  if (out.PATH !== undefined) {
    out.PATH = out.PATH.split(':').filter((entry) => !isNpmPathEntry(entry)).join(':');
  }
  return out;
}
