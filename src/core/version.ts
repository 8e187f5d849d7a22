/**
 * The version of the core's parsers and model. The persistent index (see
 * persist/) stores parsed documents under it and discards a cache made by
 * any other value, so it is a manual constant that MUST be bumped by every
 * change to what a parser produces or to the shape of the model (a field
 * added, renamed, removed or computed differently) — otherwise a warm start
 * would hand the rules documents of the old shape. A change to what a rule
 * reports needs a bump too: a warm start shows each file's saved diagnostics
 * until the file changes (their key is the day and the settings alone).
 */
export const CORE_VERSION = '0.5.3';
