// Việc cần làm: the due and overdue list of an organization's subtree
// (GET /api/v1/due), the user's own organization by default. Items are
// grouped by kind, the overdue kinds first; an overdue item says so in
// words ("Quá hạn … ngày làm việc"), not by its colour alone. A member's
// name opens their page; an applicant has no page yet.

import { api, session } from '../api.js';
import { h, fill, field, dateInput, errorBox, fmtInt, fmtDate, orgLink } from '../ui.js';
import { go } from '../app.js';

const SHOWN = 30; // items shown per group before "Xem thêm"

function item(it) {
	const who = it.person === 'member'
		? h('a', { class: 'who', href: '#/dang-vien/' + encodeURIComponent(it.member_id) }, it.name)
		: h('span', { class: 'who' }, it.name);
	const id = it.person === 'member' ? `Số lý lịch ${it.member_id}` : `Người xin vào Đảng, mã ${it.applicant_code}`;
	const when = it.overdue
		? h('span', { class: 'tag bad' }, `Quá hạn ${fmtInt(it.days_late)} ngày làm việc`, ' — hạn ', fmtDate(it.date))
		: h('span', { class: 'tag' }, 'Hạn ', fmtDate(it.date));
	return h('li', { class: it.overdue ? 'late' : null },
		h('div', { class: 'due-head' }, who, ' ', when),
		h('div', { class: 'muted' }, id, it.org ? [' · ', orgLink(it.org)] : null),
		h('div', {}, it.note));
}

function group(label, items) {
	const list = h('ul', { class: 'due-list' }, items.slice(0, SHOWN).map(item));
	const more = items.length > SHOWN && h('button', { type: 'button', class: 'secondary', onclick: () => {
		for (const it of items.slice(SHOWN)) list.appendChild(item(it));
		more.remove();
	} }, `Xem thêm ${fmtInt(items.length - SHOWN)} việc`);
	return h('div', { class: 'due-group' }, h('h3', {}, label, ` (${fmtInt(items.length)})`), list, more);
}

// One part of the page: the overdue groups, or those not yet overdue.
function part(late, title, groups) {
	if (!groups.length) return null;
	const n = groups.reduce((s, g) => s + g.items.length, 0);
	return h('section', { class: 'due-part' + (late ? ' late' : ''), 'aria-label': title },
		h('h2', {}, title, ` (${fmtInt(n)} việc)`),
		groups.map((g) => group(g.label, g.items)));
}

export async function render(main, params, query) {
	const org = h('input', { type: 'text', name: 'org', class: 'w-code', value: query.org || session.user.org, autocomplete: 'off', spellcheck: 'false' });
	const asOf = dateInput({ name: 'as_of' }, query.as_of || session.today || '');
	const f = { org: field('Mã tổ chức', org, 'Xem mã ở trang Cây tổ chức'), asOf: field('Tính đến ngày', asOf) };
	const status = h('p', { role: 'status', 'aria-live': 'polite' });
	const out = h('div', {});
	const form = h('form', { class: 'box panel', novalidate: true, onsubmit: (ev) => {
		ev.preventDefault();
		const day = asOf.iso();
		if (day === null) { f.asOf.setError('Ngày viết kiểu ngày/tháng/năm, ví dụ 23/11/2026.'); return; }
		f.asOf.setError('');
		const q = new URLSearchParams({ org: org.value.trim() });
		if (day) q.set('as_of', day);
		go('#/viec-can-lam?' + q.toString());
	} },
	h('div', { class: 'row' }, f.org, f.asOf, h('div', { class: 'field' }, h('button', { type: 'submit' }, 'Xem'))));
	fill(main, h('h1', {}, 'Việc cần làm'), form, status, out);

	fill(status, 'Đang tính…');
	let d;
	try {
		({ data: d } = await api('GET', '/due', { query: { org: org.value.trim(), as_of: asOf.iso() || undefined } }));
	} catch (err) {
		fill(status);
		fill(out, errorBox(err, 'Không lấy được danh sách việc cần làm.'));
		return;
	}
	const where = d.org ? d.org.name : org.value;
	if (!d.total) {
		fill(status, `${where}: không có việc nào đến hạn hoặc quá hạn tính đến ngày ${fmtDate(d.as_of)}.`);
		return;
	}
	fill(status, `${where}, tính đến ngày ${fmtDate(d.as_of)}: ${fmtInt(d.total)} việc`,
		d.overdue ? [', trong đó ', h('strong', { class: 'late-text' }, `${fmtInt(d.overdue)} việc đã quá hạn`)] : '', '.');
	// groups by kind, in the order the server lists kinds first met; overdue kinds first
	const groups = new Map();
	for (const it of d.items) {
		if (!groups.has(it.kind)) groups.set(it.kind, { label: it.label, overdue: it.overdue, items: [] });
		groups.get(it.kind).items.push(it);
	}
	const all = [...groups.values()];
	const late = all.filter((g) => g.overdue);
	for (const g of late) g.items.sort((a, b) => b.days_late - a.days_late); // the longest overdue first
	fill(out, part(true, 'Đã quá hạn', late), part(false, 'Sắp đến hạn, đến hạn', all.filter((g) => !g.overdue)));
}
