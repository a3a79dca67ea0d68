/** One table column: header, alignment, and the widest a cell may be before it is cut. */
export interface Column {
  readonly header: string;
  readonly align: "left" | "right";
  readonly maxWidth: number;
}

/** A cell: its plain text, and how to paint it once padded (so colour never skews widths). */
export interface Cell {
  readonly text: string;
  readonly paint?: (padded: string) => string;
}

function width(text: string): number {
  return [...text].length;
}

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

function pad(text: string, size: number, align: Column["align"]): string {
  const fill = " ".repeat(Math.max(0, size - width(text)));
  return align === "right" ? fill + text : text + fill;
}

/** Lays out rows under headers, columns two spaces apart, each line indented by `indent`. */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  options: { readonly indent: string; readonly paintHeader: (text: string) => string },
): string[] {
  const cells = rows.map((row) =>
    columns.map((column, i) => cut(row[i]?.text ?? "", column.maxWidth)),
  );
  const sizes = columns.map((column, i) =>
    Math.max(width(column.header), ...cells.map((row) => width(row[i] ?? ""))),
  );
  const line = (parts: string[]): string => `${options.indent}${parts.join("  ")}`.trimEnd();
  const header = line(
    columns.map((column, i) =>
      options.paintHeader(pad(column.header, sizes[i] ?? 0, column.align)),
    ),
  );
  const body = cells.map((row, r) =>
    line(
      columns.map((column, i) => {
        const padded = pad(row[i] ?? "", sizes[i] ?? 0, column.align);
        const paint = rows[r]?.[i]?.paint;
        return paint === undefined ? padded : paint(padded);
      }),
    ),
  );
  return [header, ...body];
}
