/** Previous / next over a list the Gateway pages with offset and limit; hidden when everything fits on one page. */
export function Pager(props: {
  offset: number;
  size: number;
  total: number;
  label: string;
  onMove: (offset: number) => void;
  back?: string;
  forward?: string;
}) {
  const { offset, size, total } = props;
  if (total <= size && offset === 0) return null;
  return (
    <nav class="pager" aria-label={props.label}>
      <button type="button" disabled={offset === 0} onClick={() => props.onMove(Math.max(0, offset - size))}>
        {props.back ?? "Newer"}
      </button>
      <span>
        {Math.min(total, offset + 1)}–{Math.min(total, offset + size)} of {total}
      </span>
      <button type="button" disabled={offset + size >= total} onClick={() => props.onMove(offset + size)}>
        {props.forward ?? "Older"}
      </button>
    </nav>
  );
}
