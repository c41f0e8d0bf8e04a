// A small canvas payload shaped like the seed article: an allegation about a politician and a service,
// the politician's denial of it, the article reporting both, and an established membership.
import type { GraphPayload } from '../../shared/graph/model';

export const seedPayload: GraphPayload = {
  nodes: [
    { id: 'e:1', type: 'entity', kind: 'person', label: 'Oleg Varnavin', importance: 3 },
    { id: 'e:2', type: 'entity', kind: 'person', label: 'Marta Quell', importance: 5 },
    { id: 'e:3', type: 'entity', kind: 'organization', label: 'Committee for State Security', importance: 4 },
    { id: 'e:4', type: 'entity', kind: 'place', label: 'Tallinn', importance: 1 },
    { id: 'c:1', type: 'claim', kind: 'claim', label: 'Marta Quell was recruited by the KGB in 1989.', importance: 2, status: 'unverified', stance: 'asserts', credibility: null },
    { id: 'c:2', type: 'claim', kind: 'claim', label: 'Marta Quell denies she was ever recruited.', importance: 1, status: 'disputed', stance: 'denies', credibility: 3 },
    { id: 's:1', type: 'source', kind: 'article', label: 'Defector names minister', importance: 0, reliability: 'B' },
  ],
  edges: [
    { id: 'r:1', source: 'e:1', target: 'e:3', type: 'relation', label: 'member of', relationKind: 'member_of', relationId: 1 },
    { id: 'cl:1', source: 'e:1', target: 'c:1', type: 'claimant', label: 'asserts', stance: 'asserts', claimId: 1 },
    { id: 'cl:2', source: 'e:2', target: 'c:2', type: 'claimant', label: 'denies', stance: 'denies', claimId: 2 },
    { id: 'ro:1:2:subject', source: 'c:1', target: 'e:2', type: 'role', label: 'subject', role: 'subject', claimId: 1 },
    { id: 'ro:1:3:object', source: 'c:1', target: 'e:3', type: 'role', label: 'object', role: 'object', claimId: 1 },
    { id: 'al:1:2:3', source: 'e:2', target: 'e:3', type: 'alleged', label: 'alleged: recruited by', stance: 'asserts', claimId: 1 },
    { id: 'rt:2', source: 'c:2', target: 'c:1', type: 'responds_to', label: 'denies', stance: 'denies', claimId: 2 },
    { id: 'src:1:1', source: 'c:1', target: 's:1', type: 'reported_in', label: 'reported in', claimId: 1 },
  ],
};
