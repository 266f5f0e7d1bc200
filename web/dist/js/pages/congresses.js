// Đại hội: the progress of the congresses of a term in an organization's
// subtree (GET /api/v1/congresses) — held over planned, per kind of
// organization, drawn as the dashboard draws it — and, for the
// administrator and the organization staff only, a form to plan (or
// re-plan) the congress of one organization (POST /api/v1/congresses). A
// notice fewer than 30 working days before the opening is refused by the
// server citing QĐ 294-QĐ/TW §11–16, and nothing is planned.

import { api, session } from '../api.js';
import { h, fill, field, dateInput, errorBox, okBox, fmtInt, fmtPct, fmtDate, canImport, fieldErrors } from '../ui.js';
import { hbars, progress } from '../charts.js';
import { go } from '../app.js';

// The term of the congress cycle a day falls in: 2025-2030 for 2026.
function termOf(day) {
	const y = Number((day || '2025').slice(0, 4));
	const y0 = y - (y % 5);
	return `${y0}-${y0 + 5}`;
}

const KINDS = [['members', 'Đại hội đảng viên'], ['delegates', 'Đại hội đại biểu']];

// Who may plan a congress: the administrator and the organization staff.
function canPlan(user) { return canImport(user); }

export async function render(main, params, query) {
	const term = h('input', { type: 'text', name: 'term', class: 'w-num', value: query.term || termOf(session.today), autocomplete: 'off', inputmode: 'numeric' });
	const org = h('input', { type: 'text', name: 'org', class: 'w-code', value: query.org || session.user.org, autocomplete: 'off', spellcheck: 'false' });
	const asOf = dateInput({ name: 'as_of' }, query.as_of || session.today || '');
	const f = { term: field('Nhiệm kỳ', term, 'Ví dụ 2025-2030'), org: field('Mã tổ chức', org, 'Xem mã ở trang Cây tổ chức'), asOf: field('Tính đến ngày', asOf) };
	const form = h('form', { class: 'box panel', novalidate: true, onsubmit: (ev) => {
		ev.preventDefault();
		const day = asOf.iso();
		f.term.setError(/^\d{4}-\d{4}$/.test(term.value.trim()) ? '' : 'Nhiệm kỳ viết năm đầu-năm cuối, ví dụ 2025-2030.');
		f.asOf.setError(day === null ? 'Ngày viết kiểu ngày/tháng/năm, ví dụ 23/11/2026.' : '');
		if (form.querySelector('.err:not(:empty)')) return;
		const q = new URLSearchParams({ term: term.value.trim(), org: org.value.trim() });
		if (day) q.set('as_of', day);
		go('#/dai-hoi?' + q.toString());
	} },
	h('div', { class: 'row' }, f.term, f.org, f.asOf, h('div', { class: 'field' }, h('button', { type: 'submit' }, 'Xem'))));
	const page = { term: term.value.trim(), org: org.value.trim(), asOf: asOf.iso() || '', out: h('div', { id: 'tien-do' }), notice: h('div', { 'aria-live': 'polite' }) };
	fill(main, h('h1', {}, 'Đại hội'), form, page.notice, page.out,
		canPlan(session.user) ? planForm(page) : null);
	await loadProgress(page);
}

async function loadProgress(page) {
	fill(page.out, h('p', { role: 'status' }, 'Đang tải…'));
	let d;
	try {
		({ data: d } = await api('GET', '/congresses', { query: { term: page.term, org: page.org, as_of: page.asOf } }));
	} catch (err) {
		fill(page.out, errorBox(err, 'Không lấy được tiến độ đại hội.'));
		return;
	}
	const title = `Tiến độ đại hội nhiệm kỳ ${d.term.replace('-', '–')}`;
	if (!d.planned) {
		fill(page.out, h('section', { class: 'box', 'aria-label': title }, h('h2', {}, title),
			h('p', { role: 'status' }, `Chưa có kế hoạch đại hội nào của nhiệm kỳ này trong tổ chức ${d.org}.`)));
		return;
	}
	const items = d.kinds.map((k) => ({ label: `${k.label}: ${fmtInt(k.held)}/${fmtInt(k.planned)}`, value: k.held, of: k.planned }));
	fill(page.out, h('section', { class: 'box', 'aria-label': title },
		h('h2', {}, title),
		h('p', { class: 'big-number' }, `${fmtInt(d.held)} / ${fmtInt(d.planned)}`),
		h('p', { role: 'status' }, `${d.org}, tính đến ngày ${fmtDate(d.as_of)}: đã tổ chức ${fmtInt(d.held)} trên ${fmtInt(d.planned)} đại hội theo kế hoạch.`),
		h('div', { class: 'chart-scroll' },
			progress(d.held, d.planned, `Đã tổ chức ${fmtInt(d.held)} trên ${fmtInt(d.planned)} đại hội`, 'kế hoạch'),
			hbars(items, 'Đại hội đã tổ chức theo loại tổ chức')),
		h('div', { class: 'table-wrap' }, h('table', { id: 'bang-dai-hoi' },
			h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Loại tổ chức'), h('th', { scope: 'col' }, 'Kế hoạch'),
				h('th', { scope: 'col' }, 'Đã tổ chức'), h('th', { scope: 'col' }, 'Tỷ lệ'),
				h('th', { scope: 'col' }, 'Bầu trực tiếp bí thư'), h('th', { scope: 'col' }, 'Đại hội điểm'))),
			h('tbody', {}, d.kinds.map((k) => h('tr', {}, h('td', {}, k.label), h('td', { class: 'num' }, fmtInt(k.planned)),
				h('td', { class: 'num' }, fmtInt(k.held)), h('td', { class: 'num' }, fmtPct((100 * k.held) / k.planned, 1)),
				h('td', { class: 'num' }, fmtInt(k.direct_secretary)), h('td', { class: 'num' }, fmtInt(k.pilot))))),
			h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, 'Cộng'), h('td', { class: 'num' }, fmtInt(d.planned)),
				h('td', { class: 'num' }, fmtInt(d.held)), h('td', { class: 'num' }, fmtPct((100 * d.held) / d.planned, 1)), h('td', {}), h('td', {})))))));
}

// Planning (or re-planning) the congress of one organization for a term.
function planForm(page) {
	const inp = {
		org: h('input', { type: 'text', name: 'org', class: 'w-code', autocomplete: 'off', spellcheck: 'false' }),
		term: h('input', { type: 'text', name: 'term', class: 'w-num', autocomplete: 'off', value: page.term }),
		kind: h('select', { name: 'kind' }, KINDS.map(([v, t]) => h('option', { value: v }, t))),
		planned: dateInput({ name: 'planned' }, ''),
		notice: dateInput({ name: 'notice' }, ''),
		political_report: h('input', { type: 'text', name: 'political_report', class: 'w-wide', autocomplete: 'off' }),
		committee_review: h('input', { type: 'text', name: 'committee_review', class: 'w-wide', autocomplete: 'off' }),
		election_plan: h('input', { type: 'text', name: 'election_plan', class: 'w-wide', autocomplete: 'off' }),
		delegates_plan: h('input', { type: 'text', name: 'delegates_plan', class: 'w-wide', autocomplete: 'off' }),
		pilot: h('input', { type: 'checkbox', name: 'pilot' }),
		direct_secretary: h('input', { type: 'checkbox', name: 'direct_secretary' }),
	};
	const doc = 'Tình trạng hoặc số văn bản; không bắt buộc';
	const f = {
		org: field('Tổ chức đảng (mã tổ chức)', inp.org, 'Ví dụ QN.06652.01.05'),
		term: field('Nhiệm kỳ', inp.term, 'Ví dụ 2025-2030'),
		kind: field('Hình thức', inp.kind),
		planned: field('Ngày khai mạc dự kiến', inp.planned),
		notice: field('Ngày ra thông báo triệu tập', inp.notice, 'Trước ngày khai mạc ít nhất 30 ngày làm việc'),
		political_report: field('Báo cáo chính trị', inp.political_report, doc),
		committee_review: field('Báo cáo kiểm điểm của cấp ủy', inp.committee_review, doc),
		election_plan: field('Phương án nhân sự, bầu cấp ủy', inp.election_plan, doc),
		delegates_plan: field('Phương án bầu đại biểu dự đại hội cấp trên', inp.delegates_plan, doc),
	};
	const flags = h('div', { class: 'row' },
		h('div', { class: 'field' }, h('label', {}, inp.pilot, ' Đại hội điểm')),
		h('div', { class: 'field' }, h('label', {}, inp.direct_secretary, ' Bầu trực tiếp bí thư tại đại hội')));
	const msg = h('div', {});
	const save = h('button', { type: 'submit' }, 'Ghi kế hoạch đại hội');
	const form = h('form', { class: 'box', 'data-form': 'congress', novalidate: true, onsubmit: async (ev) => {
		ev.preventDefault();
		fill(msg);
		for (const w of Object.values(f)) w.setError('');
		const body = { org: inp.org.value.trim(), term: inp.term.value.trim(), kind: inp.kind.value };
		if (!body.org) f.org.setError('Xin nhập mã tổ chức.');
		if (!/^\d{4}-\d{4}$/.test(body.term)) f.term.setError('Nhiệm kỳ viết năm đầu-năm cuối, ví dụ 2025-2030.');
		const p = inp.planned.iso(), n = inp.notice.iso();
		if (!p) f.planned.setError('Xin nhập ngày, dạng ngày/tháng/năm.');
		else body.planned = p;
		if (n === null) f.notice.setError('Ngày chưa đúng: viết ngày/tháng/năm.');
		else if (n) body.notice = n;
		for (const k of ['political_report', 'committee_review', 'election_plan', 'delegates_plan'])
			if (inp[k].value.trim()) body[k] = inp[k].value.trim();
		for (const k of ['pilot', 'direct_secretary'])
			if (inp[k].checked) body[k] = true;
		const bad = form.querySelector('.err:not(:empty)');
		if (bad) { bad.parentElement.querySelector('input, select').focus(); return; }
		save.disabled = true;
		try {
			const { data } = await api('POST', '/congresses', { json: body });
			const kind = KINDS.find(([v]) => v === data.kind);
			fill(page.notice, okBox(`Đã ghi kế hoạch: ${kind ? kind[1] : data.kind} của ${data.org}, nhiệm kỳ ${data.term}, khai mạc ngày ${fmtDate(data.planned)}`
				+ (data.notice ? `, thông báo triệu tập ngày ${fmtDate(data.notice)}.` : '.')));
			for (const k of ['org', 'political_report', 'committee_review', 'election_plan', 'delegates_plan']) inp[k].value = '';
			inp.planned.value = '';
			inp.notice.value = '';
			await loadProgress(page);
			page.notice.scrollIntoView({ block: 'nearest' });
		} catch (err) {
			const first = fieldErrors(err, f);
			fill(msg, errorBox(err, 'Chưa ghi được kế hoạch đại hội.'));
			if (first) first.focus();
		}
		save.disabled = false;
	} },
	h('h2', {}, 'Lập kế hoạch đại hội'),
	h('p', { class: 'muted' }, 'Ghi kế hoạch đại hội của một tổ chức trong nhiệm kỳ; ghi lại lần nữa để sửa kế hoạch (khi chưa tổ chức).'),
	h('div', { class: 'row' }, f.org, f.term, f.kind),
	h('div', { class: 'row' }, f.planned, f.notice), flags,
	h('div', { class: 'row' }, f.political_report, f.committee_review),
	h('div', { class: 'row' }, f.election_plan, f.delegates_plan), msg,
	h('div', { class: 'actions' }, save));
	return form;
}
