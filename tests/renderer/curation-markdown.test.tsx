// @vitest-environment jsdom
// Notes are rendered by a tiny Markdown renderer that builds React elements only: hostile markup in
// a note (script tags, remote images, javascript: links) must come out as inert text, and a real
// link opens only after the confirmation dialog.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackendProvider } from '../../renderer/backend/context';
import { isSafeLink, Markdown } from '../../renderer/curation/markdown';
import { NotesSection } from '../../renderer/curation/Notes';
import { resetStore } from '../../renderer/state/store';
import { fakeBackend } from './fakeBackend';

afterEach(() => { cleanup(); resetStore(); vi.restoreAllMocks(); });

const HOSTILE = [
  '<script>window.pwned = 1</script>',
  '<img src=http://example.com/x.png onerror="window.pwned = 2">',
  '![tracker](http://example.com/pixel.png)',
  '[click me](javascript:window.pwned=3)',
  '<a href="http://example.com">raw anchor</a>',
].join('\n\n');

function md(source: string, onLink = vi.fn()) {
  return { ...render(<Markdown source={source} onLink={onLink} />), onLink };
}

describe('markdown renderer', () => {
  it('shows raw HTML, images and javascript: links as literal text', () => {
    const { container } = md(HOSTILE);
    expect(container.querySelector('script, img, a, iframe, svg')).toBeNull();
    expect(container.querySelectorAll('button')).toHaveLength(0);
    const text = container.textContent ?? '';
    expect(text).toContain('<script>window.pwned = 1</script>');
    expect(text).toContain('<img src=http://example.com/x.png onerror="window.pwned = 2">');
    expect(text).toContain('![tracker](http://example.com/pixel.png)');
    expect(text).toContain('[click me](javascript:window.pwned=3)');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('renders paragraphs, emphasis, strong, code and lists as elements', () => {
    const { container } = md('First *soft* and **loud** with `code_here`\n\n- one\n- two\n\n1. a\n2. b\n\nsnake_case_name stays');
    expect(container.querySelectorAll('p')).toHaveLength(2);
    expect(container.querySelector('em')?.textContent).toBe('soft');
    expect(container.querySelector('strong')?.textContent).toBe('loud');
    expect(container.querySelector('code')?.textContent).toBe('code_here');
    expect([...container.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['one', 'two']);
    expect([...container.querySelectorAll('ol li')].map((li) => li.textContent)).toEqual(['a', 'b']);
    expect(container.textContent).toContain('snake_case_name stays');
  });

  it('turns only http(s) and mailto links into buttons without href, reporting the address', () => {
    const { container, onLink } = md('See [the report](https://example.org/r?a=1) and [data](data:text/html,hi)');
    const buttons = container.querySelectorAll('button');
    expect(buttons).toHaveLength(1);
    expect(buttons[0]!.getAttribute('href')).toBeNull();
    fireEvent.click(buttons[0]!);
    expect(onLink).toHaveBeenCalledWith('https://example.org/r?a=1');
    expect(container.textContent).toContain('[data](data:text/html,hi)');
    expect(isSafeLink('JaVaScRiPt:alert(1)')).toBe(false);
    expect(isSafeLink('mailto:desk@example.org')).toBe(true);
  });
});

describe('notes', () => {
  const note = (body: string) => ({ id: 1, target: 'entity' as const, targetId: 7, body, createdAt: 1, updatedAt: 1, version: 1 });

  it('asks before opening a link and opens it with noopener only when confirmed (browser mode)', () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const backend = fakeBackend({});
    render(<BackendProvider backend={backend}><NotesSection target="entity" targetId={7} notes={[note('[src](https://example.org/a)')]} /></BackendProvider>);
    fireEvent.click(screen.getByRole('button', { name: 'src' }));
    expect(open).not.toHaveBeenCalled();
    const dialog = screen.getByTestId('link-dialog');
    expect((screen.getByTestId('link-url') as HTMLInputElement).value).toBe('https://example.org/a');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(open).not.toHaveBeenCalled();
    expect(dialog.isConnected).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'src' }));
    fireEvent.click(screen.getByTestId('link-open'));
    expect(open).toHaveBeenCalledWith('https://example.org/a', '_blank', 'noopener');
  });

  it('in the desktop app shows the address for copying after the window refuses to open it', () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    (window as unknown as { skein?: object }).skein = {};
    try {
      render(<BackendProvider backend={fakeBackend({})}><NotesSection target="entity" targetId={7} notes={[note('[src](https://example.org/a)')]} /></BackendProvider>);
      fireEvent.click(screen.getByRole('button', { name: 'src' }));
      fireEvent.click(screen.getByTestId('link-open'));
      expect(screen.getByTestId('link-blocked').textContent).toContain('copy the address');
      expect((screen.getByTestId('link-url') as HTMLInputElement).value).toBe('https://example.org/a');
    } finally {
      delete (window as unknown as { skein?: object }).skein;
    }
  });

  it('adds a note through note.add with the target', async () => {
    const backend = fakeBackend({
      'note.add': (a) => ({ ...note(a.body), id: 2 }),
      'app.info': () => ({ version: '0', dbPath: '/x', schemaVersion: 1, counts: { entities: 0, people: 0, organizations: 0, places: 0, events: 0, aliases: 0, claims: 0, relations: 0, sources: 0, spans: 0, notes: 1, history: 1 } }),
    });
    render(<BackendProvider backend={backend}><NotesSection target="claim" targetId={3} notes={[]} /></BackendProvider>);
    fireEvent.change(screen.getByTestId('new-note'), { target: { value: '<script>x</script>' } });
    fireEvent.click(screen.getByTestId('add-note'));
    await vi.waitFor(() => expect(backend.calls.some((c) => c.method === 'note.add')).toBe(true));
    expect(backend.calls.find((c) => c.method === 'note.add')?.args).toEqual({ target: 'claim', targetId: 3, body: '<script>x</script>' });
  });
});
