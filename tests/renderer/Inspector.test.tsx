// @vitest-environment jsdom
// The inspector shows imported text as text: a name or quote containing markup is displayed
// literally and never becomes an element. It also shows a claim's grading and its denials.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClaimDetail, EntityDetail } from '../../shared/api/contract';
import type { Claim } from '../../shared/domain/model';
import { BackendProvider } from '../../renderer/backend/context';
import { Inspector } from '../../renderer/app/inspector/Inspector';
import { resetStore, useSkein } from '../../renderer/state/store';
import { fakeBackend } from './fakeBackend';

afterEach(() => { cleanup(); resetStore(); });

const HOSTILE = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">';
const stamp = { createdAt: 1, updatedAt: 1, version: 1 };
// detail fields newer contracts add (merges, notes); spread so the fixture fits either version
const extras = { merged: [], notes: [] };

function claim(over: Partial<Claim>): Claim {
  return {
    id: 1, uid: 'c1', text: 'Quell was recruited in 1989.', claimantId: 1, claimantLabel: null, stance: 'asserts',
    predicate: 'recruited_by', madeOn: '2024-05-02', aboutTime: '1989', status: 'unverified', credibility: null,
    evidenceOffered: 'none', respondsTo: null, origin: 'manual', roles: [{ entityId: 2, role: 'subject' }], ...stamp, ...over,
  };
}

const entity: EntityDetail = {
  entity: { id: 1, uid: 'e1', kind: 'person', name: HOSTILE, description: 'A <b>bold</b> description', importance: 1, mergedInto: null, origin: 'manual', ...stamp },
  aliases: [{ id: 1, entityId: 1, name: HOSTILE, norm: 'x', kind: 'name' }, { id: 2, entityId: 1, name: 'Heron<svg onload=alert(1)>', norm: 'heron', kind: 'codename' }],
  relations: [], claimsBy: [claim({})], claimsAbout: [], sources: [], names: { 1: HOSTILE, 2: 'Marta Quell' }, ...extras,
};

const claimDetail: ClaimDetail = {
  claim: claim({}),
  responses: [claim({ id: 2, text: 'Quell denies it.', claimantId: 2, stance: 'denies', status: 'disputed', respondsTo: 1 })],
  respondsTo: null,
  spans: [{ id: 1, sourceId: 1, start: 0, end: 10, exact: '“<i>he was recruited</i>”', prefix: '', suffix: '', target: 'claim', targetId: 1, sourceTitle: 'Defector <u>speaks</u>' }],
  names: { 1: 'Oleg Varnavin', 2: 'Marta Quell' }, ...extras,
};

function renderInspector(selected: string) {
  const backend = fakeBackend({ 'entity.get': () => entity, 'claim.get': () => claimDetail });
  useSkein.getState().select(selected);
  return render(<BackendProvider backend={backend}><Inspector onShow={() => {}} onExpand={() => {}} /></BackendProvider>);
}

describe('inspector', () => {
  it('renders a name containing <script> as text, creating no elements from it', async () => {
    const { container } = renderInspector('e:1');
    const title = await screen.findByRole('heading', { level: 3 });
    expect(title.textContent).toBe(HOSTILE);
    expect(container.querySelector('script, img, svg, b')).toBeNull();
    expect(screen.getByText('Heron<svg onload=alert(1)>')).toBeTruthy();
    expect(screen.getByText('A <b>bold</b> description')).toBeTruthy();
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('lists aliases with their kinds and the claims the entity made', async () => {
    renderInspector('e:1');
    const aliases = await screen.findByRole('region', { name: 'Names and aliases' });
    expect(aliases.textContent).toContain('codename');
    expect(aliases.textContent).not.toContain(HOSTILE); // the primary name is not repeated as an alias
    expect(screen.getByRole('region', { name: 'Claims made' }).textContent).toContain('Quell was recruited in 1989.');
  });

  it('shows a claim with its grading, denials and quotes, all as text', async () => {
    const { container } = renderInspector('c:1');
    await screen.findByTestId('claim-detail');
    const field = (name: string) => container.querySelector(`dd[data-field="${name}"]`)?.textContent;
    expect(field('Claimant')).toBe('Oleg Varnavin');
    expect(field('Status')).toBe('unverified');
    expect(field('Evidence offered')).toBe('none');
    expect(field('About time')).toBe('1989');
    expect(field('Made on')).toBe('2024-05-02');
    expect(field('Credibility')).toBe('ungraded');
    const responses = screen.getByRole('region', { name: 'Responses and denials' });
    expect(responses.textContent).toContain('Quell denies it.');
    expect(responses.textContent).toContain('denies');
    expect(screen.getByText('“<i>he was recruited</i>”')).toBeTruthy();
    expect(screen.getByText('Defector <u>speaks</u>')).toBeTruthy();
    expect(container.querySelector('i, u')).toBeNull();
  });

  it('shows the API error when the item cannot be read', async () => {
    const backend = fakeBackend({});
    useSkein.getState().select('s:9');
    render(<BackendProvider backend={backend}><Inspector onShow={() => {}} onExpand={() => {}} /></BackendProvider>);
    expect((await screen.findByRole('alert')).textContent).toContain('source.get');
  });
});
