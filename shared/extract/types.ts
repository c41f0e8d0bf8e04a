// What the extractor proposes for one text, before the analyst reviews it. Offsets are character
// offsets (UTF-16 code units, end exclusive) into `Extraction.text`, the normalised text that is
// stored as the source's text, so every span can be written as it is.
import type { AliasKind, ClaimStatus, EntityKind, Evidence, RelationKind, Stance } from '../domain/model';

export interface TextRange {
  start: number;
  end: number;
}

export interface Mention extends TextRange {
  /** the text as written */
  text: string;
}

export interface SourceMetadata {
  title: string | null;
  author: string | null;
  publisher: string | null;
  url: string | null;
  /** partial ISO date ("2025-03-03") */
  publishedAt: string | null;
  language: string | null;
}

/** An entity already in the investigation, offered to the extractor so that it links, not duplicates. */
export interface KnownEntity {
  id: number;
  kind: EntityKind;
  name: string;
  aliases: { name: string; kind: AliasKind }[];
}

export interface ExtractedEntity {
  /** stable within one extraction ("p1", "o3" …); claims and relations refer to it */
  key: string;
  kind: EntityKind;
  /** canonical name: the fullest form found */
  name: string;
  /** other surface forms: surnames, acronyms, codenames, transliterations … */
  aliases: { name: string; kind: AliasKind }[];
  mentions: Mention[];
  /** set when the entity matched a KnownEntity */
  existingId: number | null;
  /** no cue spoke for the kind: it is the fallback guess (two words a person, else a body) */
  guessed?: boolean;
}

export interface ExtractedClaim {
  key: string;
  /** the claim in one sentence (usually the quote, trimmed) */
  text: string;
  /** entity key of the claimant, or null */
  claimantKey: string | null;
  /** a descriptive claimant that is not an entity ("two former staff", "intelligence reports") */
  claimantLabel: string | null;
  stance: Stance;
  subjectKeys: string[];
  objectKeys: string[];
  predicate: string | null;
  /** when the claim was made (partial ISO date), e.g. the article date */
  madeOn: string | null;
  /** the time the claim is about (partial ISO date), e.g. "1987" */
  aboutTime: string | null;
  /** the date as written in the text ("in 1987"), for review */
  dateText: string | null;
  status: ClaimStatus;
  evidenceOffered: Evidence | null;
  /** words that set evidenceOffered ("no concrete evidence") */
  evidenceCue: string | null;
  /** key of the claim this one answers (a denial points at what it denies) */
  respondsToKey: string | null;
  /** the quote: the sentence (or sentences) that carry the claim */
  span: TextRange;
}

export interface ExtractedRelation {
  key: string;
  kind: RelationKind;
  fromKey: string;
  toKey: string;
  span: TextRange;
}

export interface Extraction {
  /** normalised text with leading metadata lines removed; all offsets point into it */
  text: string;
  metadata: SourceMetadata;
  sentences: TextRange[];
  entities: ExtractedEntity[];
  claims: ExtractedClaim[];
  relations: ExtractedRelation[];
}

export interface ExtractOptions {
  known?: readonly KnownEntity[];
  /** metadata already known from the file (HTML meta tags, PDF info); text lines may add to it */
  metadata?: Partial<SourceMetadata>;
}
