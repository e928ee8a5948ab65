// Types of `kubehop/element` (dist/app/embed/kubehop.js): importing it defines
// <kubehop-scene>. The source is src/embed/element.ts; the packed-package test
// (tests/e2e/package.spec.ts) type-checks a consumer of this file.

export interface StepChangeDetail {
  /** 0-based, like goTo(). */
  step: number;
  count: number;
}

export declare class KubehopScene extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The step shown, 0-based (undefined until the scene is drawn). */
  readonly currentStep: number | undefined;
  /** How many steps the scene has (undefined until it is drawn). */
  readonly stepCount: number | undefined;
  readonly playing: boolean;
  next(): void;
  prev(): void;
  /** Shows step `n` (0-based, like the stepchange event's `detail.step`). */
  goTo(n: number): void;
  play(): void;
  pause(): void;
  toggle(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'kubehop-scene': KubehopScene;
  }
  interface HTMLElementEventMap {
    stepchange: CustomEvent<StepChangeDetail>;
  }
}
