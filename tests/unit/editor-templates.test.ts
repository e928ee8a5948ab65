import { describe, expect, it } from 'vitest';
import { checkScene } from '../../src/pipeline.ts';
import { TEMPLATES } from '../../src/app/editor/templates.ts';
import { declaredId, fileNameFor } from '../../src/app/editor/build.ts';

describe('New scene templates', () => {
  it('offers the three starting points', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['one-node', 'two-nodes-vxlan', 'clusterip-service']);
  });

  for (const t of TEMPLATES) {
    it(`${t.id} validates with no diagnostics at all`, () => {
      const r = checkScene(t.text, fileNameFor(t.text));
      expect(r.diagnostics).toEqual([]);
      expect(r.ok).toBe(true);
      expect(declaredId(t.text)).toBe(t.id);
    });
  }

  it('the two-node template crosses a VXLAN overlay; the service one DNATs', () => {
    const vxlan = checkScene(TEMPLATES[1]!.text, 'two-nodes-vxlan.yaml');
    expect(vxlan.ok && vxlan.steps.some((s) => s.headers.some((h) => h.layer === 'vxlan'))).toBe(true);
    const svc = checkScene(TEMPLATES[2]!.text, 'clusterip-service.yaml');
    expect(svc.ok && svc.scene.elements.web?.kind).toBe('service');
  });
});
