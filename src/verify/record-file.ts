// static/verified.json: what the last `npm run verify:record` found, per
// bundled scene, for the app to show ("checked on Linux 6.18: 16 of 18
// steps") with the steps it could not check named. Each record holds a hash
// of the scene file's text: once the file is edited, the app says the scene
// has not been re-checked instead of repeating an old claim. Pure: the app
// imports it.
import type { StepResult } from './types.ts';

/** Steps that share one reason, numbered from 1 as the player shows them. */
export interface StepGroup {
  steps: number[];
  reason: string;
}

export interface SceneRecord {
  file: string;
  /** textHash of the file when it was checked. */
  hash: string;
  /** `uname -r` of the machine that checked it. */
  kernel: string;
  /** YYYY-MM-DD. */
  date: string;
  ok: number;
  total: number;
  /** Steps where the kernel disagreed, with what it showed. */
  differs: StepGroup[];
  notVerified: StepGroup[];
}

export interface VerifiedFile {
  /** The one command that refreshes this file. */
  command: string;
  scenes: Record<string, SceneRecord>;
}

export const RECORD_COMMAND = 'sudo npm run verify:record';

/**
 * FNV-1a (32-bit) of the text's UTF-16 code units, as 8 hex digits. It only
 * has to notice an edit, and it runs in any page (crypto.subtle needs a
 * secure context, which a file:// or LAN copy of the app lacks).
 */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function grouped(steps: StepResult[], reasonOf: (s: StepResult) => string): StepGroup[] {
  const out: StepGroup[] = [];
  for (const s of steps) {
    const reason = reasonOf(s);
    const g = out.find((x) => x.reason === reason);
    if (g) g.steps.push(s.index + 1);
    else out.push({ steps: [s.index + 1], reason });
  }
  return out;
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export function sceneRecord(file: string, text: string, kernel: string, date: string, steps: StepResult[]): SceneRecord {
  return {
    file,
    hash: textHash(text),
    kernel,
    date,
    ok: steps.filter((s) => s.status === 'ok').length,
    total: steps.length,
    differs: grouped(steps.filter((s) => s.status === 'differs' || s.status === 'missing'), (s) =>
      s.status === 'differs' ? s.mismatches.map((m) => `${m.field}: scene ${show(m.scene)}, kernel ${show(m.kernel)}`).join('; ') : s.status === 'missing' ? s.reason : ''),
    notVerified: grouped(steps.filter((s) => s.status === 'not-verified'), (s) => (s.status === 'not-verified' ? s.reason : '')),
  };
}

/** `1–3, 5`: step numbers as a reader scans them. */
export function stepRanges(steps: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < steps.length; i++) {
    let j = i;
    while (j + 1 < steps.length && steps[j + 1] === steps[j]! + 1) j++;
    out.push(j > i ? `${steps[i]}–${steps[j]}` : String(steps[i]));
    i = j;
  }
  return out.join(', ');
}

/** What the app shows for a scene: a line, and the steps not ✓ with why; undefined when there is nothing to claim. */
export interface CheckText {
  summary: string;
  items: string[];
  stale: boolean;
}

/** `current`: whether the scene file's text still has the recorded hash. */
export function checkText(r: SceneRecord | undefined, current: boolean): CheckText | undefined {
  if (!r) return undefined;
  const kernel = /^\d+\.\d+(\.\d+)?/.exec(r.kernel)?.[0] ?? r.kernel;
  if (!current) return { summary: `Not re-checked on Linux since this scene was edited (last check ${r.date})`, items: [], stale: true };
  const bad = r.differs.reduce((n, g) => n + g.steps.length, 0);
  const summary = r.ok === 0 && bad === 0
    ? `Not checkable on Linux yet: 0 of ${r.total} steps`
    : `Checked on Linux ${kernel}: ${r.ok} of ${r.total} steps${bad ? `, ${bad} disagree` : ''}`;
  const plural = (g: StepGroup) => `Step${g.steps.length > 1 ? 's' : ''} ${stepRanges(g.steps)}`;
  const items = [...r.differs.map((g) => `${plural(g)}: the kernel disagrees (${g.reason})`), ...r.notVerified.map((g) => `${plural(g)} not verified: ${g.reason}`)];
  return { summary, items, stale: false };
}
