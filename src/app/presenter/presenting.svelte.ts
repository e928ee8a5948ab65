// Presenter mode and the black screen, for one player element. Full screen
// where the browser grants it; where it refuses (an embed without
// allowfullscreen, a headless browser), the `presenting` class still makes
// the player cover the page (app.css).

export class Presenting {
  on = $state(false);
  blackout = $state(false);
  /** What the status line last said (screen readers hear it). */
  status = $state('');

  #root: () => HTMLElement | undefined;
  #pause: () => void;
  #notesOpenedAt = -Infinity;
  #regainFullscreen = false;

  /** `pause` stops autoplay, which would go on stepping behind a black screen. */
  constructor(root: () => HTMLElement | undefined, pause: () => void) {
    this.#root = root;
    this.#pause = pause;
  }

  /** Call from a key or click handler: browsers grant full screen only in answer to one. */
  present(on: boolean): void {
    if (on === this.on) return;
    this.on = on;
    if (on) {
      if (!document.fullscreenElement) this.#requestFullscreen();
      return;
    }
    this.#regainFullscreen = false;
    this.setBlackout(false);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  }

  setBlackout(on: boolean): void {
    if (on === this.blackout) return;
    this.blackout = on;
    if (on) this.#pause();
    this.status = on ? 'Screen blacked out' : 'Screen shown';
  }

  // Chromium drops full screen whenever a page opens a window (against
  // spoofing), so opening the notes must not end the talk: presenter mode
  // stays, and the next click or key here asks for full screen again (the
  // browser allows it only then).
  notesOpening(): void {
    this.#notesOpenedAt = performance.now();
  }

  /** document `fullscreenchange`: leaving full screen the browser's way (Esc, its button) ends presenter mode. */
  fullscreenChanged(): void {
    if (document.fullscreenElement || !this.on) return;
    if (performance.now() - this.#notesOpenedAt < 2000) this.#regainFullscreen = true;
    else this.present(false);
  }

  /** Any key or pointer press in the window. */
  gesture(): void {
    if (!this.#regainFullscreen) return;
    this.#regainFullscreen = false;
    if (this.on && !document.fullscreenElement) this.#requestFullscreen();
  }

  #requestFullscreen(): void {
    // Granted after presenter mode already ended (Exit pressed meanwhile): give it back.
    void this.#root()
      ?.requestFullscreen?.()
      .then(
        () => void (this.on || document.exitFullscreen().catch(() => {})),
        () => {},
      );
  }
}
