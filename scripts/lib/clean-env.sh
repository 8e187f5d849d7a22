# shellcheck shell=bash
# Sourced by the scripts that start npm or node themselves (vscode-env.sh,
# start.sh). Run from inside an npm script (`npm test`, `npm start`), they
# inherit the outer npm's own settings: npm_config_* (among them a user agent
# naming the outer Node and a nodedir pointing at its headers), npm_package_*,
# npm_lifecycle_*, npm_execpath, npm_node_execpath, npm_command, INIT_CWD,
# NODE, COLOR, and npm's folders first on PATH (every parent's
# node_modules/.bin and npm's node-gyp shim). A nested npm or node must see
# the machine as a user's shell does, or it judges the wrong Node (code-server's
# postinstall refused "node v20" this way) and builds against the wrong headers.
#
# Kept on purpose: the settings that say how to reach the registry
# (registry, proxies, certificates, cache, config files). A nested npm reads
# the same .npmrc files anyway; an override given in the user's environment
# must still reach it.
#
# scripts/lib/clean-env.ts does the same for the Node side (keep in step;
# test/unit/clean-env.test.ts checks both).

readonly CADENCE_NPM_KEEP='^npm_config_(registry|@[^=]*registry|proxy|https_proxy|http_proxy|noproxy|no_proxy|cafile|ca|cert|key|strict_ssl|cache|userconfig|globalconfig)$'

# clean_npm_env: removes the outer npm's variables from this shell's
# environment and npm's folders from PATH. Does nothing harmful outside npm.
clean_npm_env() {
  local name
  while IFS= read -r name; do
    case "${name}" in
      npm_config_*)
        [[ "${name}" =~ ${CADENCE_NPM_KEEP} ]] || unset "${name}" ;;
      npm_*|INIT_CWD|NODE|COLOR)
        unset "${name}" ;;
    esac
  done < <(compgen -e)
  local entry kept=() IFS=':'
  for entry in ${PATH}; do
    case "${entry}" in
      */node_modules/.bin|*/node-gyp-bin) ;;
      *) kept+=("${entry}") ;;
    esac
  done
  PATH="${kept[*]}"
  export PATH
}
