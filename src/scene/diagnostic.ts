/** A problem in a scene file, always pinned to a place a person can go to. */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  severity: 'error' | 'warning';
  /** Stable, from src/scene/messages.ts (KHnnnn): what tools and code decide by, never the message. */
  code: string;
  message: string;
}

/** `file:line:col: error KHnnnn: message`, as compilers print theirs. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.severity} ${d.code}: ${d.message}`;
}

/** Diagnostics in reading order, so a long list can be fixed top to bottom. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}
