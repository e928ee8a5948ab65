// A table row's one name across the stages: `<table>#<row>`, as a scene file
// writes it in a highlight (`node1/nat#svc`). Derive keys table states by
// it; the timeline matches highlighted rows by it.

export type RowId = `${string}#${string}`;

export function rowId(table: string, row: string): RowId {
  return `${table}#${row}`;
}
