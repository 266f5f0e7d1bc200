// Tìm đảng viên: search as you type (GET /api/v1/members?q=), ignoring case
// and diacritics ("nguyen van an" finds "Nguyễn Văn An"), a moment after the
// last key so that a slow machine is not flooded with requests.

import { api } from '../api.js';
import { h, fill, field, errorBox, fmtInt, debounce } from '../ui.js';

const PAGE = 50;

export function render(main, params, query) {
	const q = h('input', { type: 'search', name: 'q', class: 'w-wide', autocomplete: 'off', spellcheck: 'false', value: query.q || '' });
	const which = h('select', { name: 'status' },
		h('option', { value: 'current' }, 'Đảng viên hiện nay'),
		h('option', { value: 'all' }, 'Tất cả, kể cả người đã chuyển đi, từ trần…'));
	if (query.status === 'all') which.value = 'all';
	const status = h('p', { role: 'status', 'aria-live': 'polite' });
	const results = h('div', {});
	let ctl = null;

	async function search(offset = 0) {
		const text = q.value.trim();
		history.replaceState(null, '', `#/tim-kiem?q=${encodeURIComponent(text)}&status=${which.value}`);
		if (ctl) ctl.abort();
		if (text.length < 2) {
			fill(status, text ? 'Gõ thêm chữ để tìm.' : '');
			fill(results);
			return;
		}
		ctl = new AbortController();
		const mine = ctl;
		fill(status, 'Đang tìm…');
		let d;
		try {
			({ data: d } = await api('GET', '/members', { query: { q: text, status: which.value, limit: PAGE, offset } }));
		} catch (err) {
			if (mine !== ctl) return;
			fill(status);
			fill(results, errorBox(err, 'Không tìm được.'));
			return;
		}
		if (mine !== ctl) return; // a newer search is under way
		if (!d.total) {
			fill(status, `Không tìm thấy ai có tên bắt đầu bằng "${text}".`);
			fill(results);
			return;
		}
		fill(status, `Tìm thấy ${d.total_exact ? '' : 'hơn '}${fmtInt(d.total)} người` +
			(d.total > d.items.length ? `, đang xem từ ${fmtInt(offset + 1)} đến ${fmtInt(offset + d.items.length)}.` : '.') +
			(d.total_exact ? '' : ' Gõ thêm chữ để thu hẹp.'));
		const list = h('ul', { class: 'results' }, d.items.map((m) => h('li', {},
			h('a', { href: '#/dang-vien/' + encodeURIComponent(m.member_id) }, m.full_name),
			' — ', m.status_label, h('br'),
			h('span', { class: 'muted' }, `Số lý lịch ${m.member_id} · ${m.org ? m.org.name : ''}`))));
		const nav = h('div', { class: 'actions' },
			offset > 0 && h('button', { type: 'button', class: 'secondary', onclick: () => search(Math.max(0, offset - PAGE)) }, '‹ Trang trước'),
			offset + d.items.length < d.total && h('button', { type: 'button', class: 'secondary', onclick: () => search(offset + PAGE) }, 'Trang sau ›'));
		fill(results, list, nav);
	}

	const later = debounce(() => search(0), 300);
	q.addEventListener('input', later);
	which.addEventListener('change', () => search(0));
	fill(main,
		h('h1', {}, 'Tìm đảng viên'),
		h('form', { role: 'search', onsubmit: (ev) => { ev.preventDefault(); search(0); } },
			h('div', { class: 'row' },
				field('Họ tên hoặc tên gọi', q, 'Gõ có dấu hay không dấu đều được, ví dụ: nguyen van an'),
				field('Tìm trong', which),
				h('div', { class: 'field' }, h('button', { type: 'submit' }, 'Tìm')))),
		status, results);
	q.focus();
	if (q.value) search(0);
	return () => { if (ctl) ctl.abort(); };
}
