// ui: small helpers every page uses — building elements, numbers and dates
// the Vietnamese way, date fields, error boxes with the server's problem
// list, and the Vietnamese names of fields and events.
//
// Elements are built with h() and text nodes only: nothing the server or a
// user sends is ever parsed as HTML.

import { ApiError, errorText, vi } from './api.js';

// h('button', {class: 'x', onclick: f}, 'text', child, [more]): an element.
// Attributes starting with "on" are listeners; false/null ones are left out.
export function h(tag, attrs, ...children) {
	const el = tag.startsWith('svg:')
		? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
		: document.createElement(tag);
	for (const [k, v] of Object.entries(attrs || {})) {
		if (v === false || v === null || v === undefined) continue;
		if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
		else if (k === 'value' && 'value' in el && !tag.startsWith('svg:')) el.value = v;
		else if (k === 'checked' || k === 'disabled' || k === 'selected') el[k] = !!v;
		else el.setAttribute(k, v === true ? '' : String(v));
	}
	add(el, children);
	return el;
}

function add(el, children) {
	for (const c of children) {
		if (c === null || c === undefined || c === false) continue;
		if (Array.isArray(c)) add(el, c);
		else if (c instanceof Node) el.appendChild(c);
		else el.appendChild(document.createTextNode(String(c)));
	}
}

// Replaces el's children.
export function fill(el, ...children) {
	el.replaceChildren();
	add(el, children);
	return el;
}

// ---- numbers: 2.517 and 15,38% ----
export function fmtInt(n) {
	if (n === null || n === undefined || n === '') return '';
	const neg = n < 0;
	const s = String(Math.abs(Math.trunc(Number(n))));
	let out = '';
	for (let i = 0; i < s.length; i++) {
		if (i && (s.length - i) % 3 === 0) out += '.';
		out += s[i];
	}
	return (neg ? '−' : '') + out;
}

export function fmtPct(x, digits = 2) {
	if (x === null || x === undefined || !isFinite(x)) return '';
	const [i, f] = Math.abs(x).toFixed(digits).split('.');
	return (x < 0 ? '−' : '') + fmtInt(Number(i)) + (f ? ',' + f : '') + '%';
}

// ---- dates: the server speaks YYYY-MM-DD, people dd/mm/yyyy ----
export function fmtDate(iso) {
	if (!iso) return '';
	const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
	return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

// "2026-11-23T09:12:44Z" -> "16:12 ngày 23/11/2026" (local time).
export function fmtTime(ts) {
	if (!ts) return '';
	const d = new Date(ts);
	if (isNaN(d)) return ts;
	const p = (n) => String(n).padStart(2, '0');
	return `${p(d.getHours())}:${p(d.getMinutes())} ngày ${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

// "5/7/2025", "05/07/2025", "2025-07-05" -> "2025-07-05"; null if not a date.
export function parseDate(text) {
	const s = (text || '').trim();
	let d, m, y, r;
	if ((r = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) [d, m, y] = [+r[1], +r[2], +r[3]];
	else if ((r = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) [y, m, d] = [+r[1], +r[2], +r[3]];
	else return null;
	const t = new Date(Date.UTC(y, m - 1, d));
	if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d || y < 1900) return null;
	return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

let uid = 0;
export function newId(prefix) { return `${prefix}-${++uid}`; }

// A labelled field: field('Ngày sinh', input, 'hint'). Returns the wrapper;
// wrapper.setError(text) shows a message under the input.
export function field(label, input, hint) {
	if (!input.id) input.id = newId('f');
	const err = h('div', { class: 'err', role: 'alert', id: input.id + '-err' });
	const hintEl = hint ? h('span', { class: 'hint', id: input.id + '-hint' }, hint) : null;
	if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
	const w = h('div', { class: 'field' }, h('label', { for: input.id }, label, hintEl), input, err);
	w.setError = (text) => {
		err.textContent = text || '';
		if (text) input.setAttribute('aria-invalid', 'true');
		else input.removeAttribute('aria-invalid');
	};
	return w;
}

// A date input: text, dd/mm/yyyy. input.iso() gives YYYY-MM-DD, '' when
// empty, or null (and shows why) when it is not a date.
export function dateInput(attrs = {}, isoValue = '') {
	const el = h('input', Object.assign({ type: 'text', class: 'w-date', inputmode: 'numeric', placeholder: 'ngày/tháng/năm', autocomplete: 'off' }, attrs));
	el.value = fmtDate(isoValue);
	el.iso = () => {
		const v = el.value.trim();
		if (!v) { el.removeAttribute('aria-invalid'); return ''; }
		const iso = parseDate(v);
		if (!iso) el.setAttribute('aria-invalid', 'true');
		else el.removeAttribute('aria-invalid');
		return iso;
	};
	return el;
}

export function debounce(fn, ms) {
	let t = null;
	return (...args) => {
		clearTimeout(t);
		t = setTimeout(() => fn(...args), ms);
	};
}

// ---- messages ----
export function okBox(title, ...more) {
	return h('div', { class: 'box ok', role: 'status' }, h('p', { class: 'msg-title' }, title), more);
}

// An error box for a failed request: the message in Vietnamese, then the
// server's problems as a table (file, line, column, message).
export function errorBox(err, title, labelOf) {
	const box = h('div', { class: 'box error', role: 'alert' });
	if (title) box.appendChild(h('p', { class: 'msg-title' }, title));
	box.appendChild(h('p', {}, errorText(err)));
	if (err instanceof ApiError && err.problems.length) box.appendChild(problemTable(err.problems, labelOf));
	if (err instanceof ApiError && err.body.problems_not_listed)
		box.appendChild(h('p', {}, `Còn ${fmtInt(err.body.problems_not_listed)} lỗi nữa không liệt kê ở đây.`));
	return box;
}

// The problems of an error body as a table: Tệp, Dòng, Cột, Lỗi. labelOf
// turns a column (a CSV column or a JSON path) into words for people.
export function problemTable(problems, labelOf = columnLabel) {
	const hasFile = problems.some((p) => p.file && p.file !== '(request body)');
	const hasLine = problems.some((p) => p.line);
	return h('div', { class: 'table-wrap' }, h('table', { class: 'problems' },
		h('caption', {}, `Danh sách lỗi (${fmtInt(problems.length)})`),
		h('thead', {}, h('tr', {},
			hasFile && h('th', { scope: 'col' }, 'Tệp'),
			hasLine && h('th', { scope: 'col' }, 'Dòng'),
			h('th', { scope: 'col' }, hasLine ? 'Cột' : 'Ở đâu'),
			h('th', { scope: 'col' }, 'Lỗi'))),
		h('tbody', {}, problems.map((p) => h('tr', {},
			hasFile && h('td', {}, p.file || ''),
			hasLine && h('td', { class: 'num' }, p.line ? fmtInt(p.line) : ''),
			h('td', {}, p.column !== null && p.column !== undefined ? labelOf(String(p.column)) : ''),
			h('td', {}, vi(p.message)))))));
}

// Puts each problem of a failed request whose column names one of fields
// ({name: wrapper from field()}) next to that field; clears the others.
// Returns the first input marked, for the focus, or null.
export function fieldErrors(err, fields) {
	let first = null;
	for (const w of Object.values(fields)) if (w && w.setError) w.setError('');
	if (!(err instanceof ApiError)) return null;
	for (const p of err.problems) {
		const w = p.column !== null && p.column !== undefined ? fields[String(p.column)] : null;
		if (!w) continue;
		w.setError(vi(p.message));
		first = first || w.querySelector('input, select, textarea');
	}
	return first;
}

// ---- words ----
export const fieldLabels = {
	member_id: 'Số lý lịch', full_name: 'Họ và tên', gender: 'Giới tính', birth_date: 'Ngày sinh',
	ethnicity: 'Dân tộc', religion: 'Tôn giáo', card_number: 'Số thẻ đảng viên', org: 'Tổ chức đảng',
	org_code: 'Mã tổ chức', to_org_code: 'Mã tổ chức đến', to_org: 'Tổ chức đến',
	decision_date: 'Ngày quyết định kết nạp', ceremony_date: 'Ngày lễ kết nạp', official_date: 'Ngày chính thức',
	status: 'Tình trạng', education: 'Giáo dục phổ thông', profession_level: 'Chuyên môn, nghiệp vụ',
	theory_level: 'Lý luận chính trị', occupation: 'Nghề nghiệp', hometown: 'Quê quán',
	code: 'Mã tổ chức', name: 'Tên', kind: 'Loại tổ chức', parent_code: 'Mã tổ chức cấp trên', category: 'Loại hình',
	date: 'Ngày', type: 'Loại sự kiện', detail: 'Ghi chú', login: 'Tên đăng nhập', password: 'Mật khẩu', role: 'Vai trò',
	year: 'Năm', target: 'Chỉ tiêu',
};

// "birth_date" -> "Ngày sinh (birth_date)"; unknown names as they are.
export function columnLabel(col) {
	return fieldLabels[col] ? `${fieldLabels[col]} (${col})` : col;
}

export const eventLabels = {
	admit: 'Kết nạp', recognize: 'Công nhận đảng viên chính thức', transfer_in: 'Chuyển sinh hoạt đến',
	transfer_out: 'Chuyển sinh hoạt đi', move: 'Chuyển sinh hoạt trong đảng bộ', temp_out: 'Chuyển sinh hoạt tạm thời đi',
	temp_back: 'Trở về sau sinh hoạt tạm thời', exempt_start: 'Miễn công tác và sinh hoạt',
	exempt_end: 'Thôi miễn công tác và sinh hoạt', remove: 'Xóa tên', expel: 'Khai trừ', leave: 'Ra khỏi Đảng',
	death: 'Từ trần', readmit: 'Kết nạp lại', restore: 'Khôi phục đảng tịch', discipline: 'Kỷ luật', badge: 'Huy hiệu Đảng',
};

export const orgEventLabels = {
	found: 'Thành lập', move: 'Chuyển', merge: 'Hợp nhất', dissolve: 'Giải thể', rename: 'Đổi tên',
};

export const roleLabels = { admin: 'Quản trị', staff: 'Cán bộ tổ chức', secretary: 'Bí thư chi bộ', viewer: 'Chỉ xem' };

// May the logged-in user change members (record events, correct facts)?
export function canEditMembers(user) { return !!user && ['admin', 'staff', 'secretary'].includes(user.role); }
export function canImport(user) { return !!user && ['admin', 'staff'].includes(user.role); }

// A link inside the app.
export function link(href, ...text) { return h('a', { href }, text); }

export function orgLink(org) {
	if (!org) return '';
	return h('a', { href: '#/to-chuc/' + encodeURIComponent(org.code) }, org.name || org.code);
}
