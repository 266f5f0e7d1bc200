// charts: small bar charts drawn as inline SVG, every number written on the
// chart itself (nothing shown only on hover). Sizes are in the SVG's own
// units, chosen so that at the usual width one unit is about one pixel.

import { h, fmtInt, fmtPct } from './ui.js';

const W = 520;          // viewBox width
const FONT = 18;
const COLORS = ['#0b4a94', '#9b1c1c', '#0f5a23', '#7a4a00', '#5b2b82', '#00606b'];

function svg(height, label, width = W) {
	return h('svg:svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, preserveAspectRatio: 'xMinYMin meet' },
		h('svg:title', {}, label));
}

function text(x, y, s, attrs = {}) {
	return h('svg:text', Object.assign({ x, y, 'font-size': FONT }, attrs), s);
}

// Horizontal bars, one per item {label, value, of} (wide: the full width
// of the page rather than half of it): the bar is value/of of
// the width (or value/max of the items when of is not given); the text is
// "value (percent)" when of is given, else the value.
export function hbars(items, label, wide = false) {
	const rowH = 58;
	const max = Math.max(1, ...items.map((i) => i.of || i.value));
	const barMax = wide ? 760 : 310;
	const s = svg(items.length * rowH + 6, label, wide ? 2 * W : W);
	items.forEach((it, k) => {
		const y = k * rowH;
		const frac = Math.max(0, Math.min(1, it.value / (it.of || max)));
		const w = Math.max(frac > 0 ? 3 : 0, Math.round(frac * barMax));
		s.appendChild(text(0, y + 20, it.label));
		s.appendChild(h('svg:rect', { x: 0, y: y + 28, width: barMax, height: 24, fill: '#e6e6e1' }));
		s.appendChild(h('svg:rect', { x: 0, y: y + 28, width: w, height: 24, fill: it.color || COLORS[k % COLORS.length] }));
		const t = it.of ? `${fmtInt(it.value)} (${fmtPct((100 * it.value) / it.of)})` : fmtInt(it.value);
		s.appendChild(text(barMax + 10, y + 47, t, { 'font-weight': 'bold' }));
	});
	return s;
}

// Vertical columns, one per item {label, value}; each column carries its
// count, and its share of total when total is given.
export function columns(items, label, total) {
	const H = 300, top = 52, bottom = 40;
	const max = Math.max(1, ...items.map((i) => i.value));
	const slot = W / items.length;
	const cw = Math.min(64, slot * 0.6);
	const s = svg(H, label);
	s.appendChild(h('svg:line', { x1: 0, x2: W, y1: H - bottom, y2: H - bottom, stroke: '#555', 'stroke-width': 2 }));
	items.forEach((it, k) => {
		const hgt = Math.round(((H - top - bottom) * it.value) / max);
		const cx = slot * k + slot / 2;
		s.appendChild(h('svg:rect', { x: cx - cw / 2, y: H - bottom - hgt, width: cw, height: hgt, fill: COLORS[0] }));
		s.appendChild(text(cx, H - bottom - hgt - (total ? 26 : 8), fmtInt(it.value), { 'text-anchor': 'middle', 'font-weight': 'bold', 'font-size': 16 }));
		if (total)
			s.appendChild(text(cx, H - bottom - hgt - 8, fmtPct((100 * it.value) / total, 1), { 'text-anchor': 'middle', 'font-size': 15 }));
		s.appendChild(text(cx, H - 12, it.label, { 'text-anchor': 'middle', 'font-size': 16 }));
	});
	return s;
}

// One bar of progress: done against target.
export function progress(done, target, label, of = 'chỉ tiêu') {
	const s = svg(70, label);
	const frac = target > 0 ? Math.min(1, done / target) : 0;
	s.appendChild(h('svg:rect', { x: 0, y: 8, width: W, height: 34, fill: '#e6e6e1', stroke: '#555', 'stroke-width': 1 }));
	s.appendChild(h('svg:rect', { x: 0, y: 8, width: Math.round(frac * W), height: 34, fill: done >= target ? COLORS[2] : COLORS[0] }));
	s.appendChild(text(0, 66, `Đã đạt ${fmtPct(target > 0 ? (100 * done) / target : 0, 1)} ${of}`, { 'font-weight': 'bold' }));
	return s;
}
