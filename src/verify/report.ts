// A scene's verdicts in words: one line per step, ✓ / ✗ with the scene's
// value beside the kernel's / "not verified" with the reason, then a tally.
import type { SceneResult, Skipped, StepResult } from './types.ts';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export interface Tally { ok: number; differs: number; notVerified: number; total: number }

export function tally(steps: StepResult[]): Tally {
  const n = (f: (s: StepResult) => boolean) => steps.filter(f).length;
  return { ok: n((s) => s.status === 'ok'), differs: n((s) => s.status === 'differs' || s.status === 'missing'), notVerified: n((s) => s.status === 'not-verified'), total: steps.length };
}

export function stepLines(s: StepResult, width: { packet: number; at: number }): string[] {
  const head = `${String(s.index + 1).padStart(3)}  ${s.packet.padEnd(width.packet)}  ${s.at.padEnd(width.at)}  `;
  const pad = ' '.repeat(head.length + 2);
  switch (s.status) {
    case 'ok':
      return [`${head}✓`, ...s.notes.map((n) => `${pad}${n}`)];
    case 'differs':
      return [
        `${head}✗ ${s.mismatches.map((m) => `${m.field}: scene ${show(m.scene)}, kernel ${show(m.kernel)}`).join('; ')}`,
        ...s.notes.map((n) => `${pad}${n}`),
      ];
    case 'missing':
      return [`${head}✗ ${s.reason}`];
    case 'not-verified':
      return [`${head}– not verified: ${s.reason}`];
  }
}

export function reportLines(r: SceneResult, skipped: Skipped[] = [], sendNotes: string[] = [], notes: string[] = []): string[] {
  const t = tally(r.steps);
  const width = { packet: Math.max(...r.steps.map((s) => s.packet.length), 4), at: Math.max(...r.steps.map((s) => s.at.length), 6) };
  const first = r.steps.find((s) => s.status === 'differs' || s.status === 'missing');
  const lines = [`${r.file}: ${r.scene} on Linux ${r.kernel}: ${t.ok} of ${t.total} steps ✓${t.differs ? `, ${t.differs} ✗ (first at step ${first!.index + 1})` : ''}${t.notVerified ? `, ${t.notVerified} not verified` : ''}`];
  for (const s of r.steps) lines.push(...stepLines(s, width));
  if (r.tables.length > 0) lines.push(`  tables after the run: ${r.tables.filter((t) => t.status === 'ok').length} of ${r.tables.length} rows ✓`);
  for (const t of r.tables) {
    const row = `${t.table}: ${t.row}`;
    lines.push(`    ${t.status === 'ok' ? `✓ ${row}` : t.status === 'differs' ? `✗ ${row} — ${t.reason}` : `– ${row} — not verified: ${t.reason}`}`);
  }
  for (const n of sendNotes) lines.push(`  sent: ${n}`);
  for (const n of notes) lines.push(`  note: ${n}`);
  for (const k of skipped) lines.push(`  not built: ${k.table}: ${k.row} — ${k.reason}`);
  return lines;
}
