// The public face of the core: what the CLI, the extension and the tests use.
export * from './types';
export * from './model';
export * from './settings';
export * from './dates';
export * from './metrics';
export { Dataset, type DatasetChange } from './dataset';
export { classify, declaredType, isCandidatePath, isMarkdownPath, isYamlPath, parseDoc } from './parse/index';
export { RULES, RULES_BY_CODE, type Rule } from './rules/index';
export { comparePaths } from './paths';
export { normalize, looksBinary, LineIndex } from './text';
export { globMatcher, excludedBy } from './globs';
export const CORE_VERSION = '0.1.0';
