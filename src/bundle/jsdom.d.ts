// The little of jsdom's API the build uses (src/bundle/still-svg.ts): the
// package ships no types, and @types/jsdom would be a dependency for two lines.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
