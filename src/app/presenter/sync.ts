// The player and its speaker-notes window keep each other in step over a
// BroadcastChannel (same origin only, so no other site can steer a talk).
// Whatever arrives is checked before use: another tab, an older build of the
// app or a second notes window may share the channel.

import { isTheme, type Theme } from '../theme.ts';

export const CHANNEL = 'kubehop-presenter';

export type PresenterMessage =
  /** Player → notes, on every change: what the audience sees. `predict`: the player asks predict mode's questions (the notes show the answers ahead). */
  | { kind: 'state'; scene: string; step: number; count: number; blackout: boolean; theme: Theme; predict?: true }
  /** Notes → player, when a notes window opens: "tell me where you are". */
  | { kind: 'hello'; scene: string }
  /** Notes → player: show step `step` (0-based). */
  | { kind: 'go'; scene: string; step: number }
  /** Notes → player: black the screen out, or bring it back. */
  | { kind: 'blackout'; scene: string; on: boolean };

// Scene ids are file stems (url.ts accepts the same); anything else is not one of ours.
const SCENE_ID = /^[A-Za-z0-9][\w.-]{0,199}$/;

const isStep = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The message `data` carries, or undefined when it is not a well-formed one. */
export function parseMessage(data: unknown): PresenterMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  const scene = m.scene;
  if (typeof scene !== 'string' || !SCENE_ID.test(scene)) return undefined;
  switch (m.kind) {
    case 'state': {
      const { step, count, blackout, theme } = m;
      if (!isStep(step) || !isStep(count) || step >= count) return undefined;
      if (typeof blackout !== 'boolean' || !isTheme(theme)) return undefined;
      return { kind: 'state', scene, step, count, blackout, theme, ...(m.predict === true ? { predict: true as const } : {}) };
    }
    case 'hello':
      return { kind: 'hello', scene };
    case 'go':
      return isStep(m.step) ? { kind: 'go', scene, step: m.step } : undefined;
    case 'blackout':
      return typeof m.on === 'boolean' ? { kind: 'blackout', scene, on: m.on } : undefined;
    default:
      return undefined;
  }
}

/** The message, when it is well formed and about `scene`. */
export function messageFor(data: unknown, scene: string): PresenterMessage | undefined {
  const m = parseMessage(data);
  return m?.scene === scene ? m : undefined;
}

export interface Link {
  post(message: PresenterMessage): void;
  close(): void;
}

/** Joins the channel; where BroadcastChannel is missing, each window simply works alone. */
export function openLink(onMessage: (data: unknown) => void): Link {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, close() {} };
  const channel = new BroadcastChannel(CHANNEL);
  let open = true;
  channel.onmessage = (e: MessageEvent) => onMessage(e.data);
  return {
    // A closed channel throws on post; a late effect may still try.
    post: (message) => open && channel.postMessage(message),
    close: () => {
      open = false;
      channel.close();
    },
  };
}
