/**
 * Turns the output of qrcode's small terminal renderer back into pixels, independently of the qrcode package:
 * each character holds two modules (upper and lower half block). Returns an RGBA image with a quiet zone, for a
 * QR decoder.
 */
export function readTerminalQr(
  output: string,
  scale = 6,
): { data: Uint8ClampedArray; width: number; height: number } {
  const rows: boolean[][] = [];
  let top: boolean[] = [];
  let bottom: boolean[] = [];
  let whiteInk = false;
  for (let i = 0; i < output.length; i++) {
    const char = output[i] ?? '';
    if (char === '\x1b') {
      const end = output.indexOf('m', i);
      const code = output.slice(i + 2, end);
      // A half block drawn in white ink (the renderer's border rows) is white, not a dark module.
      if (code === '37') whiteInk = true;
      else if (code === '30' || code === '0') whiteInk = false;
      i = end;
    } else if (char === '\n') {
      rows.push(top, bottom);
      top = [];
      bottom = [];
    } else {
      top.push(!whiteInk && (char === '▀' || char === '█'));
      bottom.push(!whiteInk && (char === '▄' || char === '█'));
    }
  }
  if (top.length > 0) rows.push(top, bottom);
  const height = rows.length;
  const width = Math.max(...rows.map((row) => row.length));
  const quiet = 4;
  const w = (width + 2 * quiet) * scale;
  const h = (height + 2 * quiet) * scale;
  const data = new Uint8ClampedArray(w * h * 4).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!rows[y]?.[x]) continue;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const offset = (((y + quiet) * scale + dy) * w + (x + quiet) * scale + dx) * 4;
          data[offset] = 0;
          data[offset + 1] = 0;
          data[offset + 2] = 0;
        }
      }
    }
  }
  return { data, width: w, height: h };
}
