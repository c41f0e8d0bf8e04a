// What can be made from text selected in the reader: a new entity, an alias of an existing entity,
// a claim, or a relation, each prefilled from the selection and saved with the selection as its span
// (in the same transaction), so the new item leads back to this passage like extracted ones do.
import { useState } from 'react';
import type { Span } from '../../shared/domain/model';
import { ALIAS_KINDS, ENTITY_KINDS, RELATION_KINDS, STANCES, type AliasKind, type EntityKind, type RelationKind, type Stance } from '../../shared/domain/model';
import type { GraphNode } from '../../shared/graph/model';
import { nodeId } from '../../shared/graph/ids';
import type { Actions } from '../app/actions';
import { NodePicker, type PickedNode } from '../app/NodePicker';
import { useBackend } from '../backend/context';
import { errorMessage } from '../backend/types';
import { useSkein } from '../state/store';
import { sentenceAround } from './segments';

export interface TextSelection { start: number; end: number; text: string }
type Mode = 'entity' | 'alias' | 'claim' | 'relation' | null;

/** Entities mentioned inside the selection, in text order (to prefill a relation's ends). */
export function entitiesIn(spans: readonly Span[], sel: { start: number; end: number }, info: Record<string, GraphNode>): PickedNode[] {
  const seen = new Set<number>();
  return spans
    .filter((s) => s.target === 'entity' && s.start >= sel.start && s.end <= sel.end)
    .sort((a, b) => a.start - b.start)
    .filter((s) => (seen.has(s.targetId) ? false : (seen.add(s.targetId), true)))
    .map((s) => ({ id: s.targetId, label: info[nodeId('entity', s.targetId)]?.label ?? s.exact }));
}

interface Props {
  actions: Actions;
  selection: TextSelection;
  sourceText: string;
  spans: Span[];
  info: Record<string, GraphNode>;
  onDone(): void;
  /** the source the selection is in: the created item's span points into it */
  sourceId: number;
}

export function SelectionActions({ actions, sourceId, selection, sourceText, spans, info, onDone }: Props) {
  const backend = useBackend();
  const [mode, setMode] = useState<Mode>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState(selection.text.slice(0, 500));
  const [kind, setKind] = useState<EntityKind>('person');
  const [aliasKind, setAliasKind] = useState<AliasKind>('alias');
  const [owner, setOwner] = useState<PickedNode | null>(null);
  const sentence = sentenceAround(sourceText, selection.start, selection.end);
  const [claimText, setClaimText] = useState(sourceText.slice(sentence.start, sentence.end).slice(0, 2000));
  const [stance, setStance] = useState<Stance>('asserts');
  const mentioned = entitiesIn(spans, selection, info);
  const [claimant, setClaimant] = useState<PickedNode | null>(mentioned[0] ?? null);
  const [from, setFrom] = useState<PickedNode | null>(mentioned[0] ?? null);
  const [to, setTo] = useState<PickedNode | null>(mentioned[1] ?? null);
  const [relKind, setRelKind] = useState<RelationKind>('associate_of');

  const span = { sourceId, start: selection.start, end: selection.end };
  const run = async (work: () => Promise<boolean>) => {
    setError(null);
    try { if (await work()) onDone(); } catch (e) { setError(errorMessage(e)); }
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (mode === 'entity') void run(() => actions.createEntity({ kind, name, span }));
    if (mode === 'alias' && owner) {
      void run(async () => {
        await backend.invoke('alias.add', { entityId: owner.id, name, kind: aliasKind, span });
        useSkein.getState().notify('info', `“${name}” is now an alias of ${owner.label}`);
        await actions.refresh();
        return true;
      });
    }
    if (mode === 'claim') {
      void run(async () => {
        // a claim is anchored to its whole sentence, as extracted claims are
        const claim = await backend.invoke('claim.create', { text: claimText, claimantId: claimant?.id ?? null, stance, span: { sourceId, start: sentence.start, end: sentence.end } });
        useSkein.getState().notify('info', 'Claim added');
        await actions.showNode(nodeId('claim', claim.id));
        return true;
      });
    }
    if (mode === 'relation' && from && to) void run(() => actions.createRelation({ kind: relKind, fromId: from.id, toId: to.id, span }));
  };

  const ready = mode === 'entity' || mode === 'claim' ? true : mode === 'alias' ? owner !== null : from !== null && to !== null;
  return (
    <div className="selection-actions" data-testid="selection-actions" role="group" aria-label="Create from the selection">
      <p className="selection-quote">“{selection.text.length > 120 ? `${selection.text.slice(0, 120)}…` : selection.text}”</p>
      <div className="button-row">
        <button type="button" aria-pressed={mode === 'entity'} onClick={() => setMode('entity')} data-testid="sel-new-entity">New entity</button>
        <button type="button" aria-pressed={mode === 'alias'} onClick={() => setMode('alias')} data-testid="sel-add-alias">Add as alias of…</button>
        <button type="button" aria-pressed={mode === 'claim'} onClick={() => setMode('claim')} data-testid="sel-new-claim">New claim</button>
        <button type="button" aria-pressed={mode === 'relation'} onClick={() => setMode('relation')} data-testid="sel-new-relation">New relation</button>
        <button type="button" className="icon-button" aria-label="Dismiss selection" onClick={onDone}>×</button>
      </div>
      {mode && (
        <form className="form compact" onSubmit={submit}>
          {(mode === 'entity' || mode === 'alias') && (
            <label>{mode === 'entity' ? 'Name' : 'Alias'}<input data-testid="sel-name" value={name} onChange={(e) => setName(e.target.value)} /></label>
          )}
          {mode === 'entity' && (
            <label>Kind
              <select value={kind} onChange={(e) => setKind(e.target.value as EntityKind)}>{ENTITY_KINDS.map((k) => <option key={k}>{k}</option>)}</select>
            </label>
          )}
          {mode === 'alias' && (
            <>
              <NodePicker label="Alias of" value={owner} onChange={setOwner} testId="sel-alias-owner" />
              <label>Alias kind
                <select value={aliasKind} onChange={(e) => setAliasKind(e.target.value as AliasKind)}>{ALIAS_KINDS.map((k) => <option key={k}>{k}</option>)}</select>
              </label>
            </>
          )}
          {mode === 'claim' && (
            <>
              <label>Claim<textarea data-testid="sel-claim-text" rows={3} value={claimText} onChange={(e) => setClaimText(e.target.value)} /></label>
              <NodePicker label="Claimant (optional)" value={claimant} onChange={setClaimant} testId="sel-claimant" />
              <label>Stance
                <select value={stance} onChange={(e) => setStance(e.target.value as Stance)}>{STANCES.map((k) => <option key={k}>{k}</option>)}</select>
              </label>
            </>
          )}
          {mode === 'relation' && (
            <>
              <NodePicker label="From" value={from} onChange={setFrom} testId="sel-rel-from" />
              <label>Relation
                <select value={relKind} onChange={(e) => setRelKind(e.target.value as RelationKind)}>{RELATION_KINDS.map((k) => <option key={k} value={k}>{k.replace(/_/g, ' ')}</option>)}</select>
              </label>
              <NodePicker label="To" value={to} onChange={setTo} testId="sel-rel-to" />
            </>
          )}
          {error && <p role="alert" className="error-text">{error}</p>}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={!ready} data-testid="sel-submit">Save</button>
          </div>
        </form>
      )}
    </div>
  );
}
