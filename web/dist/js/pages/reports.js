// Báo cáo: the reports of contract §3 (GET /api/v1/reports to list them,
// /api/v1/reports/{name} to run one) for an organization, a day, an
// optional period and a depth, shown as a table, with links to download the
// same report as Excel (XLSX) or CSV.

import { api, session } from '../api.js';
import { h, fill, field, dateInput, errorBox, fmtInt, fmtDate } from '../ui.js';
import { go } from '../app.js';

const DEPTHS = [
	[0, 'Chỉ tổ chức này'],
	[1, 'Thêm các tổ chức trực thuộc'],
	[2, 'Thêm hai cấp bên dưới'],
	[3, 'Thêm ba cấp bên dưới'],
];

export async function render(main, params, query) {
	let list;
	try {
		({ data: list } = await api('GET', '/reports'));
	} catch (err) {
		fill(main, h('h1', {}, 'Báo cáo'), errorBox(err, 'Không lấy được danh sách báo cáo.'));
		return;
	}
	const reports = list.reports || [];
	const report = h('select', { name: 'report' }, reports.map((r) => h('option', { value: r.name }, r.title)));
	if (query.report && reports.some((r) => r.name === query.report)) report.value = query.report;
	const org = h('input', { type: 'text', name: 'org', class: 'w-code', value: query.org || session.user.org, autocomplete: 'off', spellcheck: 'false' });
	const orgName = h('span', { class: 'hint', 'aria-live': 'polite' });
	const asOf = dateInput({ name: 'as_of' }, query.as_of || session.today || '');
	const from = dateInput({ name: 'from' }, query.from || '');
	const to = dateInput({ name: 'to' }, query.to || '');
	const term = h('input', { type: 'text', name: 'term', class: 'w-code', value: query.term || '', placeholder: '2025-2030', autocomplete: 'off' });
	const round = h('input', { type: 'text', name: 'period', class: 'w-code', value: query.period || '', placeholder: '2025', autocomplete: 'off' });
	const depth = h('select', { name: 'depth' }, DEPTHS.map(([d, t]) => h('option', { value: d }, t)));
	depth.value = query.depth || '0';
	const periodHint = h('span', {});
	const f = {
		report: field('Báo cáo', report),
		org: field('Mã tổ chức', org, 'Xem mã ở trang Cây tổ chức'),
		asOf: field('Tính đến ngày', asOf),
		from: field('Từ ngày', from),
		to: field('Đến ngày', to),
		depth: field('Gồm', depth),
		term: field('Nhiệm kỳ', term, 'Ví dụ 2025-2030'),
		round: field('Kỳ', round, 'Năm (2025), quý (2025-Q3) hoặc nhiệm kỳ (2020-2025)'),
	};
	const out = h('div', { 'aria-live': 'polite' });

	const chosen = () => reports.find((r) => r.name === report.value) || {};
	const needsPeriod = () => chosen().needs_period;
	const explainPeriod = () => {
		// the congress report asks for a term, the review reports for a round
		f.term.hidden = !chosen().needs_term;
		f.round.hidden = !chosen().needs_round;
		fill(periodHint, needsPeriod()
			? 'Báo cáo này cần khoảng thời gian: nhập cả "Từ ngày" và "Đến ngày".'
			: 'Khoảng thời gian không bắt buộc: nhập nếu cần số kết nạp, chuyển đi, chuyển đến… trong khoảng đó.');
	};
	report.addEventListener('change', explainPeriod);
	explainPeriod();

	async function lookupOrg() {
		const code = org.value.trim();
		if (!code) { fill(orgName); return; }
		try {
			const { data } = await api('GET', '/orgs/' + encodeURIComponent(code));
			fill(orgName, data.name);
			f.org.setError('');
		} catch (err) {
			fill(orgName);
			f.org.setError(`Không có tổ chức mã "${code}" trong phần việc của bạn.`);
		}
	}
	org.addEventListener('change', lookupOrg);

	const form = h('form', { class: 'box panel no-print', novalidate: true, onsubmit: (ev) => {
		ev.preventDefault();
		const q = { report: report.value, org: org.value.trim(), depth: depth.value };
		let bad = null;
		for (const [k, el] of [['as_of', asOf], ['from', from], ['to', to]]) {
			const iso = el.iso();
			const fl = { as_of: f.asOf, from: f.from, to: f.to }[k];
			fl.setError(iso === null ? 'Ngày chưa đúng: viết ngày/tháng/năm, ví dụ 31/12/2025.' : '');
			if (iso === null) bad = bad || el;
			else if (iso) q[k] = iso;
		}
		if (needsPeriod() && (!q.from || !q.to)) {
			(q.from ? f.to : f.from).setError('Báo cáo này cần cả "Từ ngày" và "Đến ngày".');
			bad = bad || (q.from ? to : from);
		}
		for (const [need, el, fl, name, msg] of [
			['needs_term', term, f.term, 'term', 'Xin nhập nhiệm kỳ, ví dụ 2025-2030.'],
			['needs_round', round, f.round, 'period', 'Xin nhập kỳ: năm, quý hoặc nhiệm kỳ, ví dụ 2025.']]) {
			fl.setError('');
			if (!chosen()[need]) continue;
			if (el.value.trim()) q[name] = el.value.trim();
			else { fl.setError(msg); bad = bad || el; }
		}
		if (!q.org) { f.org.setError('Xin nhập mã tổ chức.'); bad = bad || org; }
		if (bad) { bad.focus(); return; }
		go('#/bao-cao?' + new URLSearchParams(q).toString() + '&run=1');
	} },
	h('div', { class: 'row' }, f.report, f.org), orgName,
	h('div', { class: 'row' }, f.asOf, f.from, f.to, f.term, f.round),
	h('p', { class: 'hint' }, periodHint),
	h('div', { class: 'row' }, f.depth, h('div', { class: 'field' }, h('button', { type: 'submit' }, 'Xem báo cáo'))));

	fill(main, h('h1', {}, 'Báo cáo'), form, out);
	lookupOrg();
	if (query.run) await run(out, query);
}

async function run(out, query) {
	const q = { org: query.org, as_of: query.as_of, from: query.from, to: query.to, depth: query.depth, term: query.term, period: query.period };
	fill(out, h('p', {}, 'Đang lập báo cáo…'));
	let rep;
	try {
		({ data: rep } = await api('GET', '/reports/' + encodeURIComponent(query.report), { query: q }));
	} catch (err) {
		fill(out, errorBox(err, 'Không lập được báo cáo.'));
		return;
	}
	const file = (fmt) => {
		const p = new URLSearchParams();
		for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
		p.set('format', fmt);
		return `/api/v1/reports/${encodeURIComponent(query.report)}?${p}`;
	};
	const period = rep.from ? `, từ ${fmtDate(rep.from)} đến ${fmtDate(rep.to)}` : '';
	const body = h('tbody', {});
	let lastOrg = null;
	for (const r of rep.rows) {
		if (r.org_code !== lastOrg) {
			body.appendChild(h('tr', { class: 'group' }, h('th', { colspan: 3, scope: 'rowgroup' },
				'— '.repeat(r.depth), r.org_name, h('span', { class: 'muted' }, ` (${r.org_code})`))));
			lastOrg = r.org_code;
		}
		body.appendChild(h('tr', {},
			h('td', { class: 'indent1' }, r.label),
			h('td', { class: 'num' }, fmtInt(r.count)),
			h('td', { class: 'num' }, r.percent_text || '')));
	}
	fill(out,
		h('h2', {}, rep.title),
		h('p', {}, `${rep.org.name} — tính đến ngày ${fmtDate(rep.as_of)}${period}.`),
		h('div', { class: 'actions no-print' },
			h('a', { class: 'btn', href: file('xlsx'), download: `${query.report}.xlsx`, 'data-format': 'xlsx' }, 'Tải về Excel (XLSX)'),
			h('a', { class: 'btn secondary', href: file('pdf'), download: `${query.report}.pdf`, 'data-format': 'pdf' }, 'Tải về PDF'),
			h('a', { class: 'btn secondary', href: file('csv'), download: `${query.report}.csv`, 'data-format': 'csv' }, 'Tải về CSV'),
			h('button', { type: 'button', class: 'secondary', onclick: () => window.print() }, 'In báo cáo')),
		h('div', { class: 'table-wrap' }, h('table', { class: 'report' },
			h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Chỉ tiêu'), h('th', { scope: 'col' }, 'Số lượng'), h('th', { scope: 'col' }, 'Tỷ lệ'))),
			body)));
	const h2 = out.querySelector('h2');
	if (h2) { h2.setAttribute('tabindex', '-1'); h2.focus(); }
}
