// Cây tổ chức: the organization tree as it stood on a day (GET
// /api/v1/orgs, opened a level at a time), and one organization: what it
// is, where it sits, its history, the organizations below it and its
// members (GET /api/v1/orgs/{code}, GET /api/v1/members?org=).

import { api, session } from '../api.js';
import { h, fill, field, dateInput, errorBox, fmtInt, fmtDate, orgEventLabels, orgLink } from '../ui.js';
import { go } from '../app.js';

const PAGE = 50;

export async function render(main, params, query) {
	const code = params[0] || '';
	const asOfIso = query.as_of || '';
	const asOf = dateInput({ name: 'as_of' }, asOfIso || session.today || '');
	const dateField = field('Cây tổ chức vào ngày', asOf, 'Để xem cây tổ chức trước khi sắp xếp, sáp nhập');
	const treeBox = h('div', { 'aria-live': 'polite' }, h('p', {}, 'Đang tải cây tổ chức…'));
	const detail = h('div', { 'aria-live': 'polite' });
	fill(main,
		h('h1', {}, 'Cây tổ chức'),
		h('form', { class: 'row', onsubmit: (ev) => {
			ev.preventDefault();
			const iso = asOf.iso();
			if (iso === null) { dateField.setError('Ngày chưa đúng: viết ngày/tháng/năm, ví dụ 30/06/2025.'); return; }
			go(`#/to-chuc/${encodeURIComponent(code)}${iso ? '?as_of=' + iso : ''}`);
		} }, dateField, h('div', { class: 'field' }, h('button', { type: 'submit' }, 'Xem cây'))),
		h('div', { class: 'two' },
			h('section', { 'aria-label': 'Cây tổ chức' }, treeBox),
			h('section', { 'aria-label': 'Tổ chức đang chọn' }, detail)));

	const ctx = { asOf: asOfIso, selected: code };
	let ancestors = [];
	if (code) {
		fill(detail, h('p', {}, 'Đang tải…'));
		ancestors = await showOrg(detail, code, ctx);
	} else {
		fill(detail, h('div', { class: 'box panel' }, h('p', {}, 'Bấm vào tên một tổ chức trong cây để xem đảng viên, các tổ chức trực thuộc và lịch sử của tổ chức đó. Bấm nút + để mở các tổ chức bên dưới.')));
	}
	await showTree(treeBox, ctx, ancestors.map((a) => a.code).concat(code ? [code] : []));
}

// The tree from the user's scope down, opened along path (codes).
async function showTree(box, ctx, path) {
	let data;
	try {
		({ data } = await api('GET', '/orgs', { query: { root: session.user.org, depth: 1, as_of: ctx.asOf } }));
	} catch (err) {
		fill(box, errorBox(err, 'Không tải được cây tổ chức.'));
		return;
	}
	if (!data.root) {
		fill(box, h('div', { class: 'box warn' }, h('p', {}, `Vào ngày ${fmtDate(data.as_of)}, tổ chức ${session.user.org_name || session.user.org} chưa có hoặc đã kết thúc.`)));
		return;
	}
	const ul = h('ul', { class: 'tree' });
	ul.appendChild(node(data.root, ctx, true));
	fill(box, ul);
	// open the path to the selected organization
	for (const c of path) {
		const li = ul.querySelector(`li[data-code="${CSS.escape(c)}"]`);
		if (!li) break;
		if (li.open && !li.isOpen()) await li.open();
	}
	const cur = ul.querySelector('a.current');
	if (cur) cur.scrollIntoView({ block: 'nearest' });
}

function node(o, ctx, opened) {
	const li = h('li', { 'data-code': o.code });
	const a = h('a', {
		href: `#/to-chuc/${encodeURIComponent(o.code)}${ctx.asOf ? '?as_of=' + ctx.asOf : ''}`,
		class: o.code === ctx.selected ? 'current' : false,
		'aria-current': o.code === ctx.selected ? 'true' : false,
	}, o.name);
	const count = o.children_count ? h('span', { class: 'muted' }, ` (${fmtInt(o.children_count)})`) : null;
	if (!o.children_count) {
		li.appendChild(h('div', { class: 'node' }, h('span', { class: 'leaf', 'aria-hidden': 'true' }, '•'), a));
		return li;
	}
	const sub = h('ul', { hidden: true });
	const btn = h('button', { type: 'button', class: 'toggle secondary', 'aria-expanded': 'false', 'aria-label': 'Mở ' + o.name }, '+');
	let loaded = false;
	li.isOpen = () => btn.getAttribute('aria-expanded') === 'true';
	li.open = async () => {
		if (!loaded) {
			let kids = o.children;
			if (!kids) {
				btn.disabled = true;
				try {
					const { data } = await api('GET', '/orgs', { query: { root: o.code, depth: 1, as_of: ctx.asOf } });
					kids = (data.root && data.root.children) || [];
				} catch (err) {
					sub.appendChild(h('li', {}, errorBox(err)));
					kids = [];
				}
				btn.disabled = false;
			}
			for (const k of kids) sub.appendChild(node(k, ctx, false));
			loaded = true;
		}
		sub.hidden = false;
		btn.setAttribute('aria-expanded', 'true');
		btn.setAttribute('aria-label', 'Đóng ' + o.name);
		btn.textContent = '−';
	};
	btn.addEventListener('click', async () => {
		if (li.isOpen()) {
			sub.hidden = true;
			btn.setAttribute('aria-expanded', 'false');
			btn.setAttribute('aria-label', 'Mở ' + o.name);
			btn.textContent = '+';
		} else {
			await li.open();
		}
	});
	li.append(h('div', { class: 'node' }, btn, a, count), sub);
	if (opened) li.open();
	return li;
}

// One organization; returns its ancestors (to open the tree along them).
async function showOrg(box, code, ctx) {
	let o;
	try {
		({ data: o } = await api('GET', '/orgs/' + encodeURIComponent(code), { query: { as_of: ctx.asOf } }));
	} catch (err) {
		fill(box, errorBox(err, 'Không mở được tổ chức này.'));
		return [];
	}
	const crumbs = (o.ancestors || []).flatMap((a, i) => [i ? ' › ' : '', orgLink(a)]);
	const facts = h('dl', { class: 'facts' },
		h('dt', {}, 'Mã'), h('dd', {}, o.code),
		h('dt', {}, 'Loại'), h('dd', {}, o.kind_label || o.kind, o.category_label ? ` — ${o.category_label}` : ''),
		h('dt', {}, 'Trực thuộc'), h('dd', {}, o.parent ? orgLink(o.parent) : '—'),
		o.founded_on && [h('dt', {}, 'Thành lập'), h('dd', {}, fmtDate(o.founded_on))],
		o.dissolved_on && [h('dt', {}, 'Kết thúc'), h('dd', {}, fmtDate(o.dissolved_on))],
		o.merged_into && [h('dt', {}, 'Hợp nhất vào'), h('dd', {}, orgLink(o.merged_into))],
		h('dt', {}, 'Số đảng viên'), h('dd', {}, fmtInt(o.member_count), h('span', { class: 'muted' }, ' (sinh hoạt trực tiếp tại tổ chức này)')));
	const history = (o.events || []).length
		? h('ol', { class: 'timeline' }, o.events.map((e) => h('li', {},
			h('span', { class: 'when' }, fmtDate(e.date)), ' ',
			orgEventLabels[e.type] || e.type,
			e.from ? [' từ ', e.from] : '', e.to ? [e.type === 'merge' ? ' vào ' : ' về ', e.to] : '',
			e.old_name ? [` (tên cũ: ${e.old_name}`, e.new_name ? `, tên mới: ${e.new_name})` : ')'] : '')))
		: h('p', { class: 'muted' }, 'Không có thay đổi nào được ghi.');
	const children = (o.children || []).length
		? h('ul', { class: 'results' }, o.children.map((c) => h('li', {}, orgLink(c), h('span', { class: 'muted' }, ` — ${c.kind_label || c.kind}`))))
		: h('p', { class: 'muted' }, 'Không có tổ chức trực thuộc.');
	const members = h('div', {});
	fill(box,
		h('div', { class: 'box panel' },
			h('p', { class: 'muted' }, crumbs),
			h('h2', {}, o.name),
			!o.exists ? h('p', { class: 'tag bad' }, `Vào ngày ${fmtDate(o.as_of)} tổ chức này không còn hoặc chưa có`) : null,
			facts,
			h('div', { class: 'actions' },
				h('a', { class: 'btn secondary', href: `#/tong-quan?org=${encodeURIComponent(o.code)}` }, 'Tổng quan của tổ chức này'),
				h('a', { class: 'btn secondary', href: `#/bao-cao?report=members&org=${encodeURIComponent(o.code)}` }, 'Báo cáo'))),
		h('h3', {}, `Các tổ chức trực thuộc (${fmtInt((o.children || []).length)})`), children,
		h('h3', {}, 'Lịch sử tổ chức'), history,
		h('h3', {}, 'Đảng viên hiện nay (cả các tổ chức trực thuộc)'), members);
	await memberPage(members, o.code, 0);
	return o.ancestors || [];
}

async function memberPage(box, code, offset) {
	let d;
	try {
		({ data: d } = await api('GET', '/members', { query: { org: code, limit: PAGE, offset } }));
	} catch (err) {
		box.appendChild(errorBox(err, 'Không tải được danh sách đảng viên.'));
		return;
	}
	if (!offset) fill(box, h('p', {}, `Có ${fmtInt(d.total)} đảng viên.`));
	const ul = h('ul', { class: 'results' }, d.items.map((m) => h('li', {},
		h('a', { href: '#/dang-vien/' + encodeURIComponent(m.member_id) }, m.full_name),
		h('span', {}, ` — ${m.status_label}`), h('br'),
		h('span', { class: 'muted' }, `Số lý lịch ${m.member_id} · ${m.org ? m.org.name : ''}`))));
	box.appendChild(ul);
	if (offset + d.items.length < d.total) {
		const more = h('button', { type: 'button', class: 'secondary', onclick: async () => {
			more.remove();
			await memberPage(box, code, offset + PAGE);
		} }, `Xem thêm (còn ${fmtInt(d.total - offset - d.items.length)} người)`);
		box.appendChild(h('div', { class: 'actions' }, more));
	}
}
