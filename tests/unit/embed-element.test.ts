// @vitest-environment jsdom
// <kubehop-scene> in jsdom, with fetch faked: the promises the element makes
// to a page's scripts. (What needs real layout, focus and scrolling is in
// tests/e2e/embed.spec.ts.) jsdom has no IntersectionObserver or matchMedia,
// so the element takes itself as visible, light, and with motion allowed.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleScene, type SceneBundle } from '../../src/bundle/bundle.ts';
import '../../src/embed/index.ts';
import type { KubehopScene } from '../../src/embed/element.ts';

let bundle: SceneBundle;
beforeAll(async () => {
  const file = 'scenes/same-node-bridge.yaml';
  bundle = await bundleScene(readFileSync(file, 'utf8'), file);
}, 60_000);

type Reply = { status?: number; body: string; type?: string };

function serve(routes: Record<string, Reply>): void {
  vi.stubGlobal('fetch', async (url: string) => {
    const r = routes[new URL(url).pathname] ?? { status: 404, body: 'nope', type: 'text/plain' };
    return new Response(r.body, { status: r.status ?? 200, headers: { 'content-type': r.type ?? 'application/json' } });
  });
}

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

function make(attrs: Record<string, string> = {}): KubehopScene {
  const el = document.createElement('kubehop-scene');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

const loaded = (el: KubehopScene) =>
  new Promise<void>((resolve, reject) => {
    el.addEventListener('load', () => resolve(), { once: true });
    el.addEventListener('error', (e) => reject(new Error((e as unknown as CustomEvent).detail.message)), { once: true });
  });
const failed = (el: KubehopScene) => new Promise<string>((resolve) => el.addEventListener('error', (e) => resolve((e as unknown as CustomEvent).detail.message), { once: true }));
const shadowText = (el: KubehopScene, sel: string) => el.shadowRoot?.querySelector(sel)?.textContent ?? '';

describe('<kubehop-scene>', () => {
  it('remembers calls made before it is in the page, and applies them once drawn', async () => {
    serve({ '/s.json': { body: JSON.stringify(bundle) } });
    const el = make({ step: '3' });
    el.next();
    el.next();
    const changes: unknown[] = [];
    el.addEventListener('stepchange', (e) => changes.push(e.detail));
    el.setAttribute('src', '/s.json');
    const done = loaded(el);
    document.body.append(el);
    await done;
    expect(el.currentStep).toBe(4);
    expect(changes).toEqual([{ step: 4, count: bundle.ok ? bundle.steps.length : 0 }]);
    expect(shadowText(el, '.counter')).toBe(`Step 5 of ${el.stepCount}`);
  });

  it('takes a region role, a focus stop and its label from the scene title, unless the author set them', async () => {
    serve({ '/s.json': { body: JSON.stringify(bundle) } });
    const a = make({ src: '/s.json' });
    const b = make({ src: '/s.json', tabindex: '-1', 'aria-label': 'Mine', role: 'figure' });
    const done = Promise.all([loaded(a), loaded(b)]);
    document.body.append(a, b);
    await done;
    expect([a.getAttribute('role'), a.tabIndex, a.getAttribute('aria-label')]).toEqual(['region', 0, bundle.ok ? bundle.scene.title : '']);
    expect([b.getAttribute('role'), b.tabIndex, b.getAttribute('aria-label')]).toEqual(['figure', -1, 'Mine']);
    // Two scenes on a page never share an id.
    expect(a.shadowRoot!.querySelector('svg')!.id).not.toBe(b.shadowRoot!.querySelector('svg')!.id);
  });

  it('steps with the keys, fires stepchange, and follows a changed step attribute', async () => {
    serve({ '/s.json': { body: JSON.stringify(bundle) } });
    const el = make({ src: '/s.json', controls: '' });
    const done = loaded(el);
    document.body.append(el);
    await done;
    const seen: number[] = [];
    el.addEventListener('stepchange', (e) => seen.push(e.detail.step));
    const key = el.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
    expect(key).toBe(false); // handled: the page does not scroll
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }));
    el.setAttribute('step', '2');
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 't', bubbles: true, cancelable: true }));
    expect(seen).toEqual([1, (el.stepCount ?? 0) - 1, 1]);
    expect(el.currentStep).toBe(1);
  });

  it('swaps scenes when src changes', async () => {
    const other = await bundleScene(readFileSync('scenes/cross-node-vxlan.yaml', 'utf8'), 'scenes/cross-node-vxlan.yaml');
    serve({ '/a.json': { body: JSON.stringify(bundle) }, '/b.json': { body: JSON.stringify(other) } });
    const el = make({ src: '/a.json' });
    let done = loaded(el);
    document.body.append(el);
    await done;
    done = loaded(el);
    el.setAttribute('src', '/b.json');
    await done;
    expect(el.getAttribute('aria-label')).toBe(other.ok ? other.scene.title : '');
    expect(el.shadowRoot!.querySelector('svg title')?.textContent).toBe(other.ok ? other.scene.title : '');
  }, 60_000);

  it('says inside itself why a scene could not be shown', async () => {
    serve({
      '/old.json': { body: JSON.stringify({ ...bundle, format: 99 }) },
      '/page.json': { body: '<!doctype html><title>Home</title>', type: 'text/html' },
    });
    const cases: [string, RegExp][] = [
      ['/missing.json', /Could not load missing\.json: the server answered 404/],
      ['/old.json', /format 99, but this kubehop.js reads format 2/],
      ['/page.json', /page\.json is a web page, not a kubehop scene/],
    ];
    for (const [src, expected] of cases) {
      const el = make({ src });
      const message = failed(el);
      document.body.append(el);
      expect(await message).toMatch(expected);
      expect(shadowText(el, '.status')).toMatch(expected);
      expect(el.shadowRoot!.querySelector('.status')!.getAttribute('role')).toBe('alert');
    }
    const none = make();
    const why = failed(none);
    document.body.append(none);
    expect(await why).toMatch(/no src/);
  });
});
