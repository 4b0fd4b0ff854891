/** Builds `{object: "list", data, has_more}` from a page fetched with one row beyond `limit`. */
export function toList<Row, Out>(rows: Row[], limit: number, present: (row: Row) => Out) {
  return {
    object: 'list' as const,
    data: rows.slice(0, limit).map(present),
    has_more: rows.length > limit,
  };
}
