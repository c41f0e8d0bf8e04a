// Browser-mode security in a real browser (SPEC §7, STYLE 13): the token link opens the app and
// is kept only as an HttpOnly cookie, a page without the token is refused, and nothing the page
// does sends a request off the machine.
import { expect, isLocal, test } from './fixtures';

// Specs are type-checked by the Node-side tsconfig (no DOM lib, on purpose: the DOM must not leak
// into electron/ and db/). These are the few browser globals the page functions below touch.
interface PageEvent { readonly effectiveDirective?: string }
interface PageImage { src: string; addEventListener(type: 'load' | 'error', listener: () => void): void; remove(): void }
declare const document: {
  readonly cookie: string;
  readonly body: { append(node: PageImage): void };
  createElement(tag: 'img'): PageImage;
  addEventListener(type: 'securitypolicyviolation', listener: (event: PageEvent) => void): void;
};

test('the token link opens the app and leaves only an HttpOnly cookie behind', async ({ page, skein, context }) => {
  // the redirect drops the token from the address bar (and so from history and screenshots)
  expect(page.url()).toBe(skein.url);
  await expect(page.locator('body')).not.toBeEmpty();
  const cookies = await context.cookies(skein.url);
  expect(cookies).toEqual([expect.objectContaining({ name: 'skein_token', value: skein.server.token, httpOnly: true, sameSite: 'Strict', path: '/' })]);
  // page scripts cannot read the token
  expect(await page.evaluate(() => document.cookie)).toBe('');
  // the page's own API calls carry the cookie
  const info = await page.evaluate(async () => {
    const response = await fetch('/api/invoke', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'app.info', args: {} }) });
    return { status: response.status, body: (await response.json()) as { ok: boolean; result: { dbPath: string } } };
  });
  expect(info.status).toBe(200);
  expect(info.body.ok).toBe(true);
  expect(info.body.result.dbPath).toBe(skein.dbPath);
});

test('a browser without the token is refused', async ({ browser, skein }) => {
  const stranger = await browser.newContext();
  try {
    const page = await stranger.newPage();
    const bare = await page.goto(skein.url);
    expect(bare?.status()).toBe(401);
    await expect(page.locator('body')).toContainText('access token');
    const wrong = await page.goto(`${skein.url}?token=not-the-token`);
    expect(wrong?.status()).toBe(403);
    expect(await stranger.cookies()).toEqual([]);
  } finally {
    await stranger.close();
  }
});

test('no request leaves the machine', async ({ page, skein, network }) => {
  // use the app the way an analyst does: it loads, a person is added, a search runs
  await expect(page.getByTestId('counts')).toBeVisible();
  await page.getByTestId('new-entity-button').click();
  const dialog = page.getByTestId('entity-dialog');
  await dialog.getByTestId('entity-kind').selectOption('person');
  await dialog.getByTestId('entity-name').fill('Alnur Mussayev');
  await dialog.getByTestId('entity-submit').click();
  await expect(dialog).toBeHidden();
  await page.getByTestId('search-input').fill('Mussa');
  await expect(page.getByTestId('search-results').getByRole('option', { name: /Alnur Mussayev/ })).toBeVisible();

  // every request the page made went to this server: the page, its assets, the API
  expect(network.requests.some((url) => url.endsWith('/api/invoke'))).toBe(true);
  expect(network.requests.some((url) => url.includes('/assets/'))).toBe(true);
  expect(network.requests.filter((url) => !isLocal(url))).toEqual([]);
  for (const url of network.requests) expect(new URL(url).host === `127.0.0.1:${skein.server.port}` || url.startsWith('data:') || url.startsWith('blob:'), url).toBe(true);
});

test('the content security policy stops the page from reaching a remote host', async ({ page }) => {
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective ?? ''));
    const fetched = await fetch('http://example.com/').then(() => 'fetched', () => 'blocked');
    const image = document.createElement('img');
    const loaded = new Promise<string>((resolve) => {
      image.addEventListener('load', () => resolve('loaded'));
      image.addEventListener('error', () => resolve('blocked'));
    });
    image.src = 'http://example.com/pixel.png';
    document.body.append(image);
    const imaged = await loaded;
    image.remove();
    return { fetched, imaged, violations };
  });
  expect(outcome.fetched).toBe('blocked');
  expect(outcome.imaged).toBe('blocked');
  // the page's own policy refused both, before the test's network guard had to
  expect(outcome.violations).toEqual(expect.arrayContaining(['connect-src', 'img-src']));
});
