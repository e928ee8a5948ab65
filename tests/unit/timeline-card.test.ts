// The packet card: what it says at the steps each bundled scene exists to
// show (from the derived headers, never typed here), its geometry, and where
// it rests (never over text, inside the picture, close to the packet's box).
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildScene, checkScene } from '../../src/pipeline.ts';
import { cardView, type CardView } from '../../src/timeline/card-content.ts';
import { cardShape, MAX_CHARS } from '../../src/timeline/card-layout.ts';
import { cardCoversText, COMPACT } from '../../src/timeline/card-place.ts';
import { cardRect, macNames } from '../../src/timeline/index.ts';
import { searchCards } from '../../src/timeline/card-room.ts';
import { textWidth } from '../../src/layout/measure.ts';

const dir = new URL('../../scenes/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const text = (f: string): string => readFileSync(new URL(f, dir), 'utf8');

function views(f: string): { view: CardView; ops: string[] }[] {
  const r = checkScene(text(f), `scenes/${f}`);
  if (!r.ok) throw new Error(`${f} does not build`);
  const names = macNames(r.scene);
  return r.steps.map((s) => ({ view: cardView(s, names), ops: s.ops }));
}

const line = (v: CardView, label: string) => v.inner.lines.find((l) => l.label === label);

describe('what the card says', () => {
  it('a DNAT shows the new destination with the ClusterIP struck, tagged, and lit with the KUBE-SEP row', () => {
    const dnat = views('clusterip-dnat.yaml').find((s) => s.ops.includes('dnat'))!.view;
    expect(dnat.kind).toBe('tcp');
    expect(dnat.inner.title).toBe('TCP SYN');
    expect(line(dnat, 'dst')).toMatchObject({ value: '10.244.2.5:8080', was: '10.96.0.20:80', tag: 'DNAT', lit: true });
    expect(line(dnat, 'src')).toMatchObject({ value: '10.244.1.2:40312' });
    expect(line(dnat, 'src')!.was).toBeUndefined();
    expect(dnat.summary).toContain('dst 10.244.2.5:8080 (was 10.96.0.20:80, DNAT)');
  });

  it('MASQUERADE replaces the client source with the node, and the route takes a TTL off', () => {
    const m = views('nodeport.yaml').find((s) => s.ops.includes('masquerade'))!.view;
    expect(line(m, 'src')).toMatchObject({ value: '192.168.1.10:51515', was: '192.168.1.50:51515', tag: 'MASQUERADE' });
    expect(m.inner.ttl).toBe('ttl 63');
    expect(m.inner.ttlWas).toBe('ttl 64');
    expect(line(m, 'eth')).toMatchObject({ value: 'node1/eth0 → node2/eth0', tag: 'route' });
  });

  it('encap wraps the card in a VXLAN band with the outer addresses; decap shows it once, as removed', () => {
    const vx = views('cross-node-vxlan.yaml');
    const encap = vx.find((s) => s.ops.includes('encap'))!.view;
    expect(encap.band).toMatchObject({ state: 'new', ttl: 'ttl 64' });
    expect(encap.band!.title).toMatch(/^VXLAN vni 1 · UDP \d+ → 8472$/);
    expect(encap.band!.lines[0]).toEqual({ label: 'outer', value: '192.168.1.10 → 192.168.1.11' });
    expect(encap.inner.title).toBe('ICMP echo-request');
    expect(encap.inner.ttl).toBe('ttl 63');
    const k = vx.findIndex((s) => s.ops.includes('decap'));
    expect(vx[k]!.view.band?.state).toBe('removed');
    expect(vx[k + 1]!.view.band).toBeUndefined();
    expect(vx[k]!.view.summary).toContain('outer headers removed: VXLAN vni 1');
  });

  it("lights the outer addresses, not the inner destination, when a rule lit at a decap matched the tunnel packet (cali-INPUT's IPIP accept)", () => {
    const decap = views('calico-ipip.yaml').find((s) => s.ops.includes('decap'))!.view;
    expect(decap.band?.state).toBe('removed');
    expect(decap.band?.lines.find((l) => l.label === 'outer')).toMatchObject({ lit: true });
    expect(decap.inner.lines.filter((l) => l.lit)).toEqual([]);
  });

  it('tells the packet kinds apart by title: ARP, ICMP, DNS with its name, BGP', () => {
    const arp = views('same-node-bridge.yaml')[0]!.view;
    expect(arp.kind).toBe('arp');
    expect(arp.inner.title).toBe('ARP request');
    expect(line(arp, 'who-has')?.value).toBe('10.244.1.3');
    expect(line(arp, 'eth')?.value).toMatch(/→ broadcast$/);
    const dns = views('dns-service.yaml')[0]!.view;
    expect(dns.kind).toBe('dns');
    expect(dns.inner.title).toMatch(/^DNS query (A|AAAA)\?$/);
    expect(dns.inner.lines.some((l) => l.value.includes('web.default.svc.cluster.local'))).toBe(true);
    const bgp = views('calico-bgp.yaml')[0]!.view;
    expect(bgp.kind).toBe('bgp');
    expect(bgp.inner.title).toBe('BGP UPDATE');
    expect(line(bgp, 'prefix')?.value).toMatch(/\/26$/);
  });

  it("names a MAC by its device, except one several devices share (Calico's cali veths)", () => {
    const calico = views('calico-bgp.yaml').map((s) => s.view);
    const eths = calico.flatMap((v) => v.inner.lines.filter((l) => l.label === 'eth').map((l) => l.value));
    expect(eths.some((e) => e.includes('ee:ee:ee:ee:ee:ee'))).toBe(true);
    expect(eths.some((e) => /node\d\/cali/.test(e))).toBe(false);
  });
});

describe('the card as drawn', () => {
  for (const f of files) {
    it(`${f}: every piece of text fits inside the card, lines wrap at ${MAX_CHARS} characters, old values are struck`, () => {
      for (const { view } of views(f)) {
        const shape = cardShape(view);
        for (const t of shape.texts) {
          expect(t.x, t.text).toBeGreaterThanOrEqual(0);
          expect(t.x + textWidth(t.text), `${t.text} inside ${shape.width}`).toBeLessThanOrEqual(shape.width + 1e-6);
          expect(t.y, t.text).toBeLessThan(shape.height);
          if (t.role === 'was') expect(t.struck).toBe(true);
        }
        const bodyTexts = shape.texts.filter((t) => t.role !== 'band-title' && t.role !== 'ttl' && t.role !== 'title');
        for (const t of bodyTexts) expect(Array.from(t.text).length, t.text).toBeLessThanOrEqual(MAX_CHARS);
      }
    });
  }
});

describe('where the card rests', () => {
  for (const f of files) {
    it(`${f}: over no text, inside the picture, and close enough to its box for one phone view`, async () => {
      const b = await buildScene(text(f), `scenes/${f}`);
      if (!b.ok) throw new Error(`${f} does not build`);
      const names = macNames(b.scene);
      b.steps.forEach((s, k) => {
        const r = cardRect(b.steps, b.geometry, names, k)!;
        expect(r, `step ${k + 1}`).toBeDefined();
        expect(cardCoversText(b.geometry, r), `${f} step ${k + 1} covers text`).toBe(false);
        expect(r.x >= 0 && r.y >= 0 && r.x + r.width <= b.geometry.width && r.y + r.height <= b.geometry.height, `${f} step ${k + 1} inside`).toBe(true);
        const box = b.geometry.boxes.find((x) => x.id === s.at)!;
        const w = Math.max(r.x + r.width, box.x + box.width) - Math.min(r.x, box.x);
        const h = Math.max(r.y + r.height, box.y + box.height) - Math.min(r.y, box.y);
        expect(w <= COMPACT.width && h <= COMPACT.height, `${f} step ${k + 1}: card and ${s.at} span ${w}×${h}`).toBe(true);
      });
    });
  }
});

describe('card places kept with the geometry', () => {
  it('are the places a search would find, so a precompiled scene need not search again', async () => {
    const f = 'clusterip-dnat.yaml';
    const b = await buildScene(text(f), `scenes/${f}`);
    if (!b.ok) throw new Error(`${f} does not build`);
    const names = macNames(b.scene);
    expect(b.geometry.cards).toHaveLength(b.steps.length);
    // The same geometry without the kept places (a bundle written before builds kept them): searched, they land on the same spots.
    const { cards, ...bare } = b.geometry;
    expect(searchCards(bare, b.steps, names)).toEqual(cards);
    expect(cards!.filter((c) => c !== null).length).toBeGreaterThan(b.steps.length / 2);
    // Drawing reads the kept places and never searches: without them, a card has no place.
    b.steps.forEach((_, k) => {
      const r = cardRect(b.steps, b.geometry, names, k);
      expect(r && { x: r.x, y: r.y }, `step ${k + 1}`).toEqual(cards![k] ?? undefined);
    });
    expect(b.steps.some((_, k) => cardRect(b.steps, bare, names, k) !== undefined)).toBe(false);
  });
});

describe('a packet that ends or waits', () => {
  const r = checkScene(readFileSync('tests/fixtures/valid/refused.yaml', 'utf8'), 'refused.yaml');
  if (!r.ok) throw new Error('the fixture does not build');
  const { steps } = r;
  const names = macNames(r.scene);
  const at = (pred: (s: (typeof steps)[number]) => boolean) => cardView(steps.find(pred)!, names);

  it('a reject says so on the card, with its reason and the answer the kernel sends', () => {
    const v = at((s) => s.end?.how === 'reject');
    expect(v.fate).toEqual({ kind: 'reject', head: 'REJECTED', lines: ['default/web has no endpoints', 'answer: ICMP port-unreachable'] });
    expect(v.summary).toContain('REJECTED: default/web has no endpoints');
    const shape = cardShape(v);
    expect(shape.fate).toBe('reject');
    const bar = shape.rects.find((x) => x.role === 'fate')!;
    const head = shape.texts.find((t) => t.role === 'fate-head')!;
    expect(head.text).toBe('REJECTED');
    expect(head.y).toBeGreaterThan(bar.y);
    expect(head.y).toBeLessThan(bar.y + bar.height);
  });
  it('the answer is an ICMP error that names its code and quotes the original, not a tunnel', () => {
    const v = at((s) => s.packet === 'refused');
    expect(v.kind).toBe('icmp');
    expect(v.inner.title).toBe('ICMP dest unreachable');
    expect(line(v, 'code')?.value).toBe('port-unreachable');
    expect(line(v, 'quotes')?.value).toBe('TCP 10.244.1.2:40312 → 10.96.0.50:80, ttl 63');
    expect(v.band).toBeUndefined();
  });
  it('a drop and a wait each get their bar; an ordinary step none', () => {
    expect(at((s) => s.end?.how === 'drop').fate).toMatchObject({ kind: 'drop', head: 'DROPPED', lines: ['a rule drops it'] });
    expect(at((s) => s.wait !== undefined).fate).toMatchObject({ kind: 'wait', head: 'WAITS 1 s' });
    expect(cardView(steps[0]!, names).fate).toBeUndefined();
  });
});

describe('which field a lit row lights on a DNS card', () => {
  it('an iptables rule matched the address, a Corefile line the name', () => {
    const steps = views('coredns-down.yaml');
    const byRule = steps.find((s) => s.ops.includes('dnat'))!.view;
    expect(line(byRule, 'dst')?.lit).toBe(true);
    expect(byRule.inner.lines.filter((l) => l.lit).map((l) => l.label)).toEqual(['dst']);
    const byName = views('dns-service.yaml').find((s) => s.view.kind === 'dns' && s.view.inner.lines.some((l) => l.lit && l.label === 'A'));
    expect(byName, 'a DNS card lit on its name by a resolver table').toBeDefined();
  });
});
