/** What recharts passes a Bar's custom shape. */
interface BarShapeProps<T> {
  x: number;
  y: number;
  width: number;
  height: number;
  payload: T;
}

/**
 * A Bar `shape` drawing each bar in `fill(point)`, clickable (opening the incidents behind it) when `onSelect` is
 * given and `selectable(point)` holds.
 */
export function clickableBar<T>(fill: (point: T) => string, onSelect: ((point: T) => void) | undefined, selectable: (point: T) => boolean) {
  return function ClickableBar(props: unknown) {
    const { x, y, width, height, payload } = props as BarShapeProps<T>;
    const click = onSelect && selectable(payload) ? () => onSelect(payload) : undefined;
    return (
      <rect
        x={x}
        y={y}
        width={Math.max(0, width)}
        height={Math.max(0, height)}
        fill={fill(payload)}
        className={click ? 'clickable' : undefined}
        onClick={click}
      />
    );
  };
}
