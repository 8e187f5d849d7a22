// The public face of the core: what the CLI, the extension and the tests use.
export * from './types';
export * from './model';
export * from './settings';
export * from './dates';
export * from './metrics';
export { Dataset, summarize, type DatasetChange, type DocSummary, type LazyDoc } from './dataset';
export { SPELLINGS, MEANINGS, type Meaning, type SpellingTable, type TokenSyntax } from './spellings';
export { FILE_KINDS, hasActionItems, KindRegistry, type KindEntry, type KindSummary } from './kinds';
export { classify, declaredType, isCandidatePath, isMarkdownPath, isYamlPath, parseDoc } from './parse/index';
export { RULES, RULES_BY_CODE, type Rule } from './rules/index';
export { comparePaths } from './paths';
export { normalize, looksBinary, LineIndex } from './text';
export { globMatcher, excludedBy } from './globs';
export { CORE_VERSION } from './version';
export { INDEX_FORMAT, indexKey, diagnosticsKey, readIndex, restoreIndex, restoreFile, entryOf, IndexWriter, type FileStamp, type IndexEntry, type IndexedFile, type LoadedIndex, type PayloadSource, type WrittenIndex } from './persist';
