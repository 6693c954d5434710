export { createEngine, type Engine, type EngineOptions, type InjectedFailure, type FailureFilter, type CollectionView } from './engine';
export { installLocalDatabase } from './seam';
export { loadManifest, parseManifest, manifestOf, DEFAULT_MANIFEST_PATH, type Manifest, type IndexSpec, type CollectionSpec } from './manifest';
export { unindexedQueries, isCovered, filterFieldsOf, type QueryLogEntry, type QueryKind } from './query-log';
export { ErrorCodes, type ErrorBody } from './errors';
export { DEFAULT_LIMIT, MAX_LIMIT } from './request-params';
export { AGGREGATE_DEFAULT_LIMIT } from './aggregate';
export type { EngineStats } from './stats';
export type { Doc, DocId } from './values';
