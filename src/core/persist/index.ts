// The persistent index: every file's parsed document, with the size and
// modification time it was read at, so reopening a workspace re-reads only
// the files that changed. Pure: bytes in, bytes out; the extension stores
// them in its workspace storage.
//
// What a warm start has to load is not every document (decoding 10k of them
// costs about what parsing them does, see codec.ts): what the Dataset needs
// to be complete is each file's DocSummary (kind, key, date, the people it
// names), and what the editor shows first is each file's diagnostics. So an
// index is two files:
//
//   - the index, read at the start: per file its path, size, mtime and
//     summary (~85 bytes a file, binary columns: format.ts), then every
//     file's diagnostics, a section parsed when the first of them is asked
//     for (~60 bytes a file: diagnostics.ts);
//   - the documents ("payload"), each in the compact form (codec.ts), read
//     when the first document is, and decoded one by one as something reads
//     them (Dataset.restoreAll: a view, a hover, a rule re-judging the file).
//     Where the file can be read in pieces (Node), each document is read
//     when it is decoded and nothing of the file is held; a save reads it
//     once to copy from and then lets it go, and the documents saved are
//     read from the new file after it is written (WrittenIndex.saved), so
//     the dataset can let go of the ones nothing reads (Dataset.release).
//
// The index holds, per file, its path, size, mtime, kind and summary, its
// diagnostics, and the length and checksum of its document in the payload;
// files that are not Cadence's (no or another `type:`, or skipped as too
// large or binary, with the reason) are listed too, so they are not re-read
// either. A file whose path is not well-formed Unicode is left out (UTF-8
// cannot carry a lone surrogate): it is read at the next start.
//
// Diagnostics are saved only when the index holds every file of the dataset:
// they are then exactly the diagnostics of the dataset the index restores.
// Every check fails quietly (read.ts): the caller indexes from scratch, or
// re-reads the one file whose document is damaged.
//
// The modules, by job: format.ts (the layout, kind numbers, checksums, keys),
// codec.ts (the compact form of a document), documents.ts (the payload file,
// encoded forms remembered by identity), diagnostics.ts (the diagnostics
// section), cached-file.ts (a file of a read index), write.ts (IndexWriter),
// read.ts (readIndex), restore.ts (into a Dataset).

export { INDEX_FORMAT, indexKey, diagnosticsKey, hash32 } from './format';
export type { PayloadReader, PayloadSource } from './documents';
export type { FileStamp, IndexedFile, IndexEntry, LoadedIndex, WrittenIndex } from './types';
export { IndexWriter } from './write';
export { readIndex, payloadIdOf } from './read';
export { restoreIndex, restoreFile, entryOf } from './restore';
