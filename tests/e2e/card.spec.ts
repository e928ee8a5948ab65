// The packet card on the stage, in a real browser: at every step that
// rewrites a field, the card itself (not the inspector, not the caption)
// shows the new value; at an encap it shows the tunnel and the outer
// destination, at a decap what was taken off; stepping back restores the
// card exactly. Expected values come from the derived headers, computed here
// in Node from the same scene files the app bundles.
import { expect, test, type Page } from '@playwright/test';
import type { DerivedStep } from '../../src/derive/types.ts';
import type { Header } from '../../src/scene/model.ts';
import { sceneIds, sceneSteps, waitForStep } from './helpers.ts';
import { checkScene } from '../../src/pipeline.ts';
import { readFileSync } from 'node:fs';
import { fateText } from '../../src/derive/trace.ts';

/** Who owns each MAC address in a scene: the card names devices instead of printing MACs. */
function macOwners(id: string): Map<string, string> {
  const r = checkScene(readFileSync(new URL(`../../scenes/${id}.yaml`, import.meta.url), 'utf8'), `scenes/${id}.yaml`);
  if (!r.ok) throw new Error(`${id} does not build`);
  const owners = new Map<string, string>();
  // A MAC shared by several devices (Calico's ee:ee:ee:ee:ee:ee) names none of them: the card prints the MAC.
  for (const e of Object.values(r.scene.elements)) if (e.mac) owners.set(e.mac, owners.has(e.mac) ? e.mac : e.id);
  return owners;
}
const MAC = /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/;

const TUNNEL: Record<string, string> = { vxlan: 'VXLAN', ipip: 'IP-in-IP' };

/** What the card must show after step s: each rewritten or added value, as the headers hold it. */
function expectedOnCard(s: DerivedStep, owners: Map<string, string>): string[] {
  const out = new Set<string>();
  const add = (v: unknown): void => {
    const text = String(v);
    if (!MAC.test(text)) out.add(text);
    else if (owners.has(text)) out.add(owners.get(text)!);
  };
  for (const c of s.changed) {
    const h = s.headers[c.layer] as Header & Record<string, unknown>;
    if (c.field === undefined) {
      if (h.layer in TUNNEL) out.add(TUNNEL[h.layer]!);
      if (h.layer === 'vxlan') out.add(`vni ${String(h.vni)}`);
      if (h.layer === 'ipv4') out.add(String(h.dst));
      if (h.layer === 'udp' && TUNNEL.vxlan && s.headers.some((x) => x.layer === 'vxlan')) out.add(String(h.dport));
      if (h.layer === 'arp') add(h.senderIp);
      if (h.layer === 'dns') out.add(String(h.qname));
      continue;
    }
    const v = h[c.field];
    // An ARP op turns from request to reply: the card says "ARP reply".
    if (h.layer === 'arp' && c.field === 'op') out.add(`ARP ${String(v)}`);
    else if (Array.isArray(v)) v.forEach(add);
    else if (v !== undefined) add(v);
  }
  for (const r of s.removed ?? []) {
    if (r.layer in TUNNEL) out.add(TUNNEL[r.layer]!);
    if (r.layer === 'ipv4') out.add(r.dst);
  }
  return [...out];
}

function changes(s: DerivedStep): boolean {
  return s.changed.length > 0 || (s.removed?.length ?? 0) > 0;
}

/** The card's text pieces (`text`), and the same run together (`joined`: a long value wraps over several pieces). */
async function cardText(page: Page): Promise<{ text: string; joined: string; label: string | null; struck: number }> {
  return page.evaluate(() => {
    const g = document.querySelector('g.kh-packet[visibility="visible"]');
    const texts = [...(g?.querySelectorAll('g.kh-packet-card text') ?? [])].map((t) => t.textContent ?? '');
    return { text: texts.join(' | '), joined: texts.join(''), label: g?.getAttribute('aria-label') ?? null, struck: g?.querySelectorAll('line.kh-card-strike').length ?? 0 };
  });
}

test.describe('the packet card shows what each step does to the headers', () => {
  for (const id of sceneIds()) {
    test(id, async ({ page }) => {
      // Jumps, not hops: the same pictures, quicker (reduced motion shows the same information without motion).
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const steps = sceneSteps(id);
      const owners = macOwners(id);
      await page.goto(`/#/${id}/1`);
      await waitForStep(page, 0);
      let before = await cardText(page);
      let checked = 0;
      for (let k = 1; k < steps.length; k++) {
        const s = steps[k]!;
        await page.keyboard.press('ArrowRight');
        await waitForStep(page, k);
        const now = await cardText(page);
        // A step on the topology (cni-add's plugin creating the veth) has no packet, so no card.
        if (s.packet === '') {
          expect(now.label, `no packet card at step ${k + 1}`).toBeNull();
          before = now;
          continue;
        }
        expect(now.label, `accessible name at step ${k + 1}`).toMatch(new RegExp(`^Packet ${s.packet}: `));
        if (!changes(s)) {
          before = now;
          continue;
        }
        // Compared without spaces: a value wrapped between words loses the space at the break.
        const squeezed = now.joined.replace(/\s+/g, '');
        for (const v of expectedOnCard(s, owners)) expect(squeezed, `${id} step ${k + 1}: card shows ${v}`).toContain(v.replace(/\s+/g, ''));
        // A rewrite keeps the old value on the card, struck through.
        if (s.changed.some((c) => 'was' in c)) expect(now.struck, `${id} step ${k + 1}: old value struck`).toBeGreaterThan(0);
        await page.keyboard.press('ArrowLeft');
        await waitForStep(page, k - 1);
        expect(await cardText(page), `${id}: back at step ${k} the card is as it was`).toEqual(before);
        await page.keyboard.press('ArrowRight');
        await waitForStep(page, k);
        before = now;
        checked++;
      }
      expect(checked, `${id} has steps that change the headers`).toBeGreaterThan(0);
    });
  }
});

test('while a hop is under way the card keeps the headers it left with; they change on arrival', async ({ page }) => {
  const id = 'cross-node-vxlan';
  const steps = sceneSteps(id);
  const encap = steps.findIndex((s) => s.ops.includes('encap'));
  expect(encap).toBeGreaterThan(0);
  await page.goto(`/#/${id}/${encap}`);
  await waitForStep(page, encap - 1);
  const left = await cardText(page);
  expect(left.text).not.toContain('VXLAN');
  // Slow the hop down so a loaded machine still paints it mid-way.
  await page.getByLabel('Speed').selectOption('0.5');
  // Back to the stage, so the arrow key steps instead of changing the speed.
  await page.getByTestId('stage').click();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(`[data-testid=stage][data-step="${encap}"][data-moving="true"]`)).toBeAttached();
  const midway = await cardText(page);
  const caption = await page.getByTestId('caption').textContent();
  await waitForStep(page, encap);
  const arrived = await cardText(page);
  expect(midway.text, 'the card mid-hop still shows the packet as it left').toBe(left.text);
  expect(caption, 'the caption mid-hop is still the last step’s').toBe(steps[encap - 1]!.caption);
  expect(arrived.text).toContain('VXLAN');
  await expect(page.getByTestId('caption')).toHaveText(steps[encap]!.caption);
});

test('a drop, a reject and a wait are on the card and said first in the caption, in every scene that has them', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  let seen = 0;
  for (const id of sceneIds()) {
    const steps = sceneSteps(id);
    for (const [k, s] of steps.entries()) {
      if (!s.end && !s.wait) continue;
      await page.goto(`/#/${id}/${k + 1}`);
      await waitForStep(page, k);
      const card = await cardText(page);
      const head = s.end ? (s.end.how === 'drop' ? 'DROPPED' : 'REJECTED') : 'WAITS';
      expect(card.text, `${id} step ${k + 1}: the card's fate bar`).toContain(head);
      if (s.end?.how === 'drop') expect(card.joined.replace(/\s+/g, ''), `${id} step ${k + 1}: the drop's reason on the card`).toContain(s.end.reason.replace(/\s+/g, ''));
      expect(card.label, `${id} step ${k + 1}: the card's accessible name says it`).toContain(head);
      await expect(page.getByTestId('caption-fate')).toHaveText(`${fateText(s)}. `);
      seen++;
    }
  }
  expect(seen, 'the bundled scenes drop, reject or wait somewhere').toBeGreaterThan(2);
});
