// claim.* and source.*: what was said, and where.
import { createClaim, deleteClaim, getClaim, getClaimRow } from '../../db/queries/claims';
import { addSpan, getSource, gradeSource, sourceText, spansOfClaim, spansOfSource } from '../../db/queries/sources';
import { toClaim, type ClaimRow } from '../../db/rows';
import { rolesOf } from '../../db/queries/claims';
import { namesFor } from './entities';
import { notesOf } from '../../db/queries/notes';
import type { HandlerMap } from './types';

export const claimHandlers: HandlerMap = {
  'claim.get': ({ store }, { id }) =>
    store.read((db) => {
      const claim = getClaim(db, id);
      const responses = (db.prepare('SELECT * FROM claim WHERE responds_to = ? ORDER BY id').all(id) as ClaimRow[])
        .map((row) => toClaim(row, rolesOf(db, row.id)));
      const respondsTo = claim.respondsTo !== null ? getClaim(db, claim.respondsTo) : null;
      const spans = spansOfClaim(db, id).map((span) => ({ ...span, sourceTitle: getSource(db, span.sourceId).title }));
      const names = namesFor(db, [
        ...[claim, ...responses, ...(respondsTo ? [respondsTo] : [])].flatMap((c) => [
          ...c.roles.map((r) => r.entityId), ...(c.claimantId ? [c.claimantId] : []),
        ]),
      ]);
      return { claim, responses, respondsTo, spans, notes: notesOf(db, 'claim', id), names };
    }),
  'claim.create': ({ store }, { span, ...args }) =>
    store.write({ action: 'claim.create', summary: `Create claim "${args.text.slice(0, 60)}"` }, (db) => {
      const claim = createClaim(db, args);
      if (span) addSpan(db, span.sourceId, span.start, span.end, { claimId: claim.id });
      return claim;
    }).value,
  'claim.delete': ({ store }, { id, version }) => {
    store.write({ action: 'claim.delete', summary: `Delete claim ${id}` }, (db) => {
      getClaimRow(db, id);
      deleteClaim(db, id, version);
    });
    return { ok: true as const };
  },
  'source.get': ({ store }, { id }) =>
    store.read((db) => {
      const source = getSource(db, id);
      const spans = spansOfSource(db, id);
      return {
        source, text: sourceText(db, id), spans,
        claimCount: new Set(spans.filter((s) => s.target === 'claim').map((s) => s.targetId)).size,
        entityCount: new Set(spans.filter((s) => s.target === 'entity').map((s) => s.targetId)).size,
        notes: notesOf(db, 'source', id),
      };
    }),
  'source.grade': ({ store }, { id, version, reliability }) =>
    store.write({ action: 'source.grade', summary: `Grade source ${id} ${reliability ?? 'ungraded'}` }, (db) =>
      gradeSource(db, id, version, reliability)).value,
};
