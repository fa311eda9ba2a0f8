import qrcode from 'qrcode-generator';

const SVG = 'http://www.w3.org/2000/svg';
/** The blank margin readers need around the code, in modules (the QR standard's quiet zone). */
export const QUIET_ZONE = 4;

/** The dark modules of a link's QR code (error correction M: survives a crease or a smudge on paper). */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const count = qr.getModuleCount();
  return Array.from({ length: count }, (_, row) =>
    Array.from({ length: count }, (_, col) => qr.isDark(row, col)),
  );
}

/**
 * The QR code as an SVG built with DOM calls (a strict CSP allows no data: images and no markup strings): one
 * path of unit squares, `M<col> <row>h1v1h-1z` per dark module, offset by the quiet zone, on a white square.
 */
export function qrSvg(text: string, label: string): SVGSVGElement {
  const matrix = qrMatrix(text);
  const size = matrix.length + 2 * QUIET_ZONE;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#fff');
  const path = document.createElementNS(SVG, 'path');
  let d = '';
  matrix.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) d += `M${c + QUIET_ZONE} ${r + QUIET_ZONE}h1v1h-1z`;
    }),
  );
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(background, path);
  return svg;
}
