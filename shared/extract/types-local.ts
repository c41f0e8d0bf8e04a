// Re-exports the types the extractor's modules share, so they import from one place.
export type { EntityKind, AliasKind, RelationKind, Stance } from '../domain/model';
export type { TextRange, Mention } from './types';
