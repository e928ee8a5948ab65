// One scene, end to end: plan → run → decode → match. The only stage with
// effects is the run; the rest is pure.
import { release } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Scene } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import type { Captured, Frame, Plan, SceneResult } from './types.ts';
import { planScene } from './plan.ts';
import { runPlan, type RunOptions } from './run.ts';
import { readPcap } from './pcap.ts';
import { decodeFrame, DecodeError } from './decode.ts';
import { matchSteps } from './match.ts';
import { checkTables } from './table-check.ts';
import { explain } from './hints.ts';

export interface Verified {
  result: SceneResult;
  plan: Plan;
  sendNotes: string[];
}

/** Decodes each device's capture; a frame too short to read is left out (it cannot be a frame the scene shows). */
export function decodeCaptures(pcaps: Record<string, Uint8Array>, vxlanPorts: readonly number[]): Captured {
  const out: Captured = {};
  for (const [device, bytes] of Object.entries(pcaps)) {
    const frames: Frame[] = [];
    for (const r of readPcap(bytes).records) {
      try {
        frames.push({ ts: r.ts, headers: decodeFrame(r.data, vxlanPorts) });
      } catch (e) {
        if (!(e instanceof DecodeError)) throw e;
      }
    }
    out[device] = frames;
  }
  return out;
}

export async function verifyScene(scene: Scene, steps: DerivedStep[], opts: RunOptions = {}): Promise<Verified> {
  const plan = planScene(scene, steps, randomBytes(2).toString('hex'));
  // Nothing to send: nothing is built either, and every step says why it is not verified.
  const runnable = plan.sends.length > 0;
  const { pcaps, sendNotes, state } = runnable ? await runPlan(plan, opts) : { pcaps: {}, sendNotes: [], state: undefined };
  const captured = decodeCaptures(pcaps, plan.vxlanPorts);
  const checked = state
    ? checkTables(plan.tableChecks, state)
    : plan.tableChecks.map((c) => ({ table: c.table, row: c.row, status: 'not-verified' as const, reason: 'nothing of this scene is sent in this slice, so nothing is built' }));
  const tables = [...checked, ...plan.tablesUnchecked];
  const result: SceneResult = { scene: scene.id, file: scene.file, kernel: release(), steps: explain(scene, steps, matchSteps(scene, steps, captured, plan.unsupported, plan.unverifiedSteps), plan.dnatRules), tables };
  return { result, plan, sendNotes };
}
