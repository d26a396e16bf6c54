/**
 * Fits a camera path inside the still: the view must never leave the picture (there is nothing
 * outside it to show), so the still is enlarged just enough for the moves to have room, and the
 * path is centred so that room is shared fairly between both ends. A path that would need the
 * picture enlarged past MAX_BASE_ZOOM (say, five truck moves the same way) is scaled down
 * instead: the same directions over shorter distances, rather than a blurred crop.
 */

/** The camera's offset from where it started, in frame widths/heights, and its growth (log of the factor). */
export interface Offset {
  x: number;
  y: number;
  logGrow: number;
}

export interface PathFit {
  /** How much the still is enlarged throughout (1 = the whole picture in frame when nothing has grown). */
  baseZoom: number;
  /** Subtracted from every offset, so the view sits centred over the room it needs. */
  centre: { x: number; y: number };
  /** 1, or less when the moves had to be shortened to fit. */
  scale: number;
}

export const MAX_BASE_ZOOM = 1.6;

/*
 * A view centred at 0.5 + (c − m)/Z of the picture, 1/(Z·g) wide, stays inside it when
 * Z ≥ 2|c − m| + 1/g at every frame. The worst frame is max(A − 2m, B + 2m) with
 * A = max(2c + 1/g) and B = max(1/g − 2c): least at m = (A − B)/4, where Z = (A + B)/2.
 */
function axisFit(offsets: readonly Offset[], axis: 'x' | 'y'): { zoom: number; centre: number } {
  let a = -Infinity;
  let b = -Infinity;
  for (const offset of offsets) {
    const width = Math.exp(-offset.logGrow);
    a = Math.max(a, 2 * offset[axis] + width);
    b = Math.max(b, width - 2 * offset[axis]);
  }
  return { zoom: (a + b) / 2, centre: (a - b) / 4 };
}

function fitAt(offsets: readonly Offset[], scale: number): PathFit {
  const x = axisFit(offsets, 'x');
  const y = axisFit(offsets, 'y');
  return { baseZoom: Math.max(1, x.zoom, y.zoom), centre: { x: x.centre, y: y.centre }, scale };
}

/** `offsetsAt(scale)`: the path's offset at every frame with its moves scaled by `scale`. */
export function fitPath(offsetsAt: (scale: number) => Offset[]): PathFit {
  const full = fitAt(offsetsAt(1), 1);
  if (full.baseZoom <= MAX_BASE_ZOOM) return full;
  // Bisect the largest scale that fits: a dozen halvings is well under a pixel.
  let low = 0;
  let high = 1;
  for (let i = 0; i < 12; i++) {
    const mid = (low + high) / 2;
    if (fitAt(offsetsAt(mid), mid).baseZoom <= MAX_BASE_ZOOM) low = mid;
    else high = mid;
  }
  return fitAt(offsetsAt(low), low);
}
