import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeShare, encodeShare, fromBase64Url, shareUrl, toBase64Url } from '../../src/app/editor/share.ts';
import { parseRoute } from '../../src/app/route.ts';
import { TEMPLATES } from '../../src/app/editor/templates.ts';

describe('share links (#v1:)', () => {
  it('round-trips any text, including non-ASCII', async () => {
    for (const t of ['', 'a', 'caption: Pod A → pod B ✓ 日本語\n', ...TEMPLATES.map((x) => x.text)]) {
      expect(await decodeShare(await encodeShare(t))).toEqual({ ok: true, text: t });
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (t) => {
        expect(await decodeShare(await encodeShare(t))).toEqual({ ok: true, text: t });
      }),
      { numRuns: 60 },
    );
  });

  it('keeps decoding the frozen v1 test vector (deflate-raw, base64url, no padding)', async () => {
    // Never change this: links handed out in v1 must open forever.
    expect(await decodeShare('SyzIDEstKs7Mz7NSyC5NSs3IL9AvM-TKzsxLsVIITk7NS-UCAA')).toEqual({
      ok: true,
      text: 'apiVersion: kubehop/v1\nkind: Scene\n',
    });
  });

  it('payloads use only URL-safe characters and compress a scene well', async () => {
    const p = await encodeShare(TEMPLATES[1]!.text);
    expect(p).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(p.length).toBeLessThan(TEMPLATES[1]!.text.length);
  });

  it('reports corrupt payloads as errors, never throws', async () => {
    for (const bad of ['%%%', 'abc*', 'A', 'SyzIDEstKs7Mz7NSyC5NSs3IL9AvM', '____', '']) {
      const r = await decodeShare(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/link is (damaged|empty)/);
    }
  });

  it('base64url agrees with Node', () => {
    const bytes = Uint8Array.from([0, 250, 251, 252, 253, 254, 255, 62, 63]);
    expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });

  it('a share URL routes to the editor with its payload', async () => {
    const url = await shareUrl('id: x\n', 'https://example.org/kubehop/#/edit');
    expect(url.startsWith('https://example.org/kubehop/#v1:')).toBe(true);
    const route = parseRoute(new URL(url).hash);
    expect(route.page).toBe('edit');
    if (route.page === 'edit' && route.source.from === 'share') {
      expect(await decodeShare(route.source.payload)).toEqual({ ok: true, text: 'id: x\n' });
    } else throw new Error(`not a share route: ${JSON.stringify(route)}`);
  });

  it('routes #/edit and #/edit/<scene>', () => {
    expect(parseRoute('#/edit')).toEqual({ page: 'edit', source: { from: 'draft' } });
    expect(parseRoute('#/edit/')).toEqual({ page: 'edit', source: { from: 'draft' } });
    expect(parseRoute('#/edit/same-node-bridge')).toEqual({ page: 'edit', source: { from: 'scene', scene: 'same-node-bridge' } });
    expect(parseRoute('#/same-node-bridge/2')).toEqual({ page: 'scene', scene: 'same-node-bridge', step: 1 });
  });
});
