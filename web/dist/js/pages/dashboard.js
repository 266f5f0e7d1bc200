// Tổng quan: the members report of one organization (GET
// /api/v1/reports/members) as charts — composition, ages, the year's
// admissions against the target and other changes, the organizations
// directly below — and the progress of the congresses of the current term
// (GET /api/v1/reports/congress), and the quality ratings of the base
// organizations in the latest review round present (GET
// /api/v1/reports/ratings, the previous year or the one before).

import { api, session } from '../api.js';
import { h, fill, field, dateInput, errorBox, fmtInt, fmtDate, orgLink } from '../ui.js';
import { hbars, columns, progress } from '../charts.js';
import { go } from '../app.js';

export async function render(main, params, query) {
	const org = query.org || session.user.org;
	const asOf = dateInput({ name: 'as_of' }, query.as_of || session.today || '');
	const out = h('div', { 'aria-live': 'polite' }, h('p', {}, 'Đang tính…'));
	const show = h('button', { type: 'submit' }, 'Xem');
	const dateField = field('Tính đến ngày', asOf);
	fill(main,
		h('h1', {}, 'Tổng quan'),
		h('form', { class: 'row no-print', onsubmit: (ev) => {
			ev.preventDefault();
			const iso = asOf.iso();
			if (iso === null) { dateField.setError('Ngày chưa đúng: viết ngày/tháng/năm, ví dụ 30/06/2025.'); return; }
			go(`#/tong-quan?org=${encodeURIComponent(org)}${iso ? '&as_of=' + iso : ''}`);
		} }, dateField, h('div', { class: 'field' }, show)),
		out);
	await draw(out, org, query.as_of || '');
}

async function draw(out, org, asOf) {
	const today = asOf || session.today || new Date().toISOString().slice(0, 10);
	const from = today.slice(0, 4) + '-01-01';
	let rep;
	try {
		({ data: rep } = await api('GET', '/reports/members', { query: { org, as_of: asOf, from, to: today, depth: 1 } }));
	} catch (err) {
		fill(out, errorBox(err, 'Không lấy được số liệu.'));
		return;
	}
	const byOrg = new Map();
	for (const r of rep.rows) {
		if (!byOrg.has(r.org_code)) byOrg.set(r.org_code, { code: r.org_code, name: r.org_name, depth: r.depth, v: {} });
		byOrg.get(r.org_code).v[r.indicator] = r.count;
	}
	const me = [...byOrg.values()].find((o) => o.depth === 0) || { v: {} };
	const v = me.v;
	const total = v.total || 0;
	const kids = [...byOrg.values()].filter((o) => o.depth === 1).sort((a, b) => (b.v.total || 0) - (a.v.total || 0));

	const parts = [];
	parts.push(h('p', {}, 'Tổ chức: ', orgLink(rep.org), ` — số liệu tính đến ngày ${fmtDate(rep.as_of)}.`));
	parts.push(h('div', { class: 'kpis' },
		kpi('Tổng số đảng viên', fmtInt(total)),
		kpi('Chính thức', fmtInt(v.official)),
		kpi('Dự bị', fmtInt(v.probationary)),
		kpi(`Kết nạp mới năm ${from.slice(0, 4)}`, fmtInt(v.admitted))));

	const charts = h('div', { class: 'charts' });
	charts.appendChild(chart('Cơ cấu đảng viên', hbars([
		{ label: 'Đảng viên nữ', value: v.female || 0, of: total },
		{ label: 'Dân tộc thiểu số', value: v.ethnic_minority || 0, of: total },
		{ label: 'Có tôn giáo', value: v.religious || 0, of: total },
		{ label: 'Đảng viên dự bị', value: v.probationary || 0, of: total },
		{ label: 'Miễn công tác và sinh hoạt', value: v.exempt || 0, of: total },
	], 'Cơ cấu đảng viên')));
	charts.appendChild(chart('Độ tuổi', columns([
		{ label: '≤ 30', value: v.age_30_under || 0 },
		{ label: '31–40', value: v.age_31_40 || 0 },
		{ label: '41–50', value: v.age_41_50 || 0 },
		{ label: '51–60', value: v.age_51_60 || 0 },
		{ label: '61–70', value: v.age_61_70 || 0 },
		{ label: '> 70', value: v.age_over_70 || 0 },
	], 'Số đảng viên theo độ tuổi', total)));

	if ('admitted' in v) {
		const target = v.admission_target || 0;
		const title = `Kết nạp đảng viên mới so với chỉ tiêu (${fmtDate(from)} – ${fmtDate(today)})`;
		if (target > 0)
			charts.appendChild(chart(title,
				h('p', { class: 'big-number' }, `${fmtInt(v.admitted)} / ${fmtInt(target)}`),
				h('p', {}, `Đã kết nạp ${fmtInt(v.admitted)} người, chỉ tiêu ${fmtInt(target)} người.`),
				progress(v.admitted, target, `Đã kết nạp ${fmtInt(v.admitted)} trên chỉ tiêu ${fmtInt(target)}`)));
		else
			charts.appendChild(chart(title,
				h('p', { class: 'big-number' }, fmtInt(v.admitted)),
				h('p', {}, `Đã kết nạp ${fmtInt(v.admitted)} người. Chưa có chỉ tiêu kết nạp cho tổ chức này trong thời gian này.`)));
		charts.appendChild(chart(`Biến động từ ${fmtDate(from)} đến ${fmtDate(today)}`, hbars([
			{ label: 'Kết nạp mới', value: v.admitted || 0 },
			{ label: 'Công nhận chính thức', value: v.recognized || 0 },
			{ label: 'Chuyển sinh hoạt đến', value: v.transferred_in || 0 },
			{ label: 'Chuyển sinh hoạt đi', value: v.transferred_out || 0 },
			{ label: 'Từ trần', value: v.died || 0 },
			{ label: 'Xóa tên, khai trừ, ra khỏi Đảng', value: (v.removed || 0) + (v.expelled || 0) + (v.left || 0) },
		], 'Biến động đảng viên trong năm')));
	}

	if (kids.length) {
		const shown = kids.slice(0, 10);
		const rest = kids.slice(10);
		const items = shown.map((o) => ({ label: o.name, value: o.v.total || 0 }));
		const c = chart(rest.length
			? `Số đảng viên theo tổ chức trực thuộc: ${fmtInt(shown.length)} tổ chức đông nhất`
			: `Số đảng viên theo tổ chức trực thuộc (${fmtInt(kids.length)} tổ chức)`,
		hbars(items, 'Số đảng viên theo tổ chức trực thuộc', true));
		if (rest.length)
			c.appendChild(h('p', {}, `Và ${fmtInt(rest.length)} tổ chức khác, cộng ${fmtInt(rest.reduce((s, o) => s + (o.v.total || 0), 0))} đảng viên.`));
		c.classList.add('wide');
		c.appendChild(h('p', {}, h('a', { href: '#/to-chuc/' + encodeURIComponent(rep.org.code) }, 'Xem tất cả trong cây tổ chức')));
		charts.appendChild(c);
	}
	const cg = await congressChart(org, asOf, today);
	if (cg)
		charts.appendChild(cg);
	const rt = await ratingsChart(org, asOf, today);
	if (rt)
		charts.appendChild(rt);
	parts.push(charts);
	parts.push(h('p', { class: 'muted' },
		`Tỷ lệ tính trên tổng số ${fmtInt(total)} đảng viên. Xem bảng đầy đủ và tải về ở trang `,
		h('a', { href: `#/bao-cao?report=members&org=${encodeURIComponent(rep.org.code)}` }, 'Báo cáo'), '.'));
	fill(out, parts);
}

// The term of the congress cycle a day falls in: 2025-2030 for 2026.
function termOf(day) {
	const y = Number(day.slice(0, 4));
	const y0 = y - (y % 5);
	return `${y0}-${y0 + 5}`;
}

// Held over planned per kind of organization for the current term; a plain
// sentence when nothing is planned yet; nothing when the report fails.
async function congressChart(org, asOf, today) {
	const term = termOf(today);
	let rep;
	try {
		({ data: rep } = await api('GET', '/reports/congress', { query: { org, as_of: asOf, term } }));
	} catch (err) {
		return null;
	}
	const v = {};
	for (const r of rep.rows)
		if (r.org_code === rep.org.code)
			v[r.indicator] = r.count;
	const title = `Tiến độ đại hội nhiệm kỳ ${term.replace('-', '–')}`;
	if (!v.planned)
		return chart(title, h('p', {}, 'Chưa có kế hoạch đại hội nào của nhiệm kỳ này trong tổ chức.'));
	const kinds = [
		['Đảng bộ cấp trên cơ sở', 'upper'], ['Tổ chức cơ sở đảng', 'base'],
		['Đảng bộ bộ phận', 'sub_committee'], ['Chi bộ trực thuộc', 'cell'],
	];
	const items = kinds.filter(([, k]) => v['planned_' + k])
		.map(([label, k]) => ({ label: `${label}: ${fmtInt(v['held_' + k] || 0)}/${fmtInt(v['planned_' + k])}`,
			value: v['held_' + k] || 0, of: v['planned_' + k] }));
	return chart(title,
		h('p', { class: 'big-number' }, `${fmtInt(v.held || 0)} / ${fmtInt(v.planned)}`),
		h('p', {}, `Đã tổ chức ${fmtInt(v.held || 0)} trên ${fmtInt(v.planned)} đại hội theo kế hoạch.`),
		progress(v.held || 0, v.planned, `Đã tổ chức ${fmtInt(v.held || 0)} trên ${fmtInt(v.planned)} đại hội`, 'kế hoạch'),
		hbars(items, 'Đại hội đã tổ chức theo loại tổ chức'));
}

// The levels of the base organizations rated in the latest yearly round
// present (last year, else the year before); nothing when neither has one
// or the report fails.
async function ratingsChart(org, asOf, today) {
	const y = Number(today.slice(0, 4));
	for (const period of [String(y - 1), String(y - 2)]) {
		let rep;
		try {
			({ data: rep } = await api('GET', '/reports/ratings', { query: { org, as_of: asOf, period } }));
		} catch (err) {
			return null;
		}
		const v = {};
		for (const r of rep.rows)
			if (r.org_code === rep.org.code)
				v[r.indicator] = r.count;
		const rated = v.org_rated || 0;
		if (!rated)
			continue;
		const levels = [
			['Hoàn thành xuất sắc nhiệm vụ', 'org_excellent'], ['Hoàn thành tốt nhiệm vụ', 'org_good'],
			['Hoàn thành nhiệm vụ', 'org_completed'], ['Không hoàn thành nhiệm vụ', 'org_failed'],
		];
		return chart(`Xếp loại chất lượng tổ chức cơ sở đảng năm ${period}`,
			h('p', {}, `${fmtInt(rated)} tổ chức cơ sở đảng được xếp loại.`),
			hbars(levels.map(([label, k]) => ({ label, value: v[k] || 0, of: rated })),
				`Xếp loại chất lượng tổ chức cơ sở đảng năm ${period}`));
	}
	return null;
}

function kpi(label, value) {
	return h('div', { class: 'kpi' }, h('div', { class: 'label' }, label), h('div', { class: 'big-number' }, value));
}

function chart(title, ...content) {
	return h('section', { class: 'chart' }, h('h2', {}, title), content);
}

