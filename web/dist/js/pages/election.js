// Bầu cử: counting one round of an internal election. The board enters
// what is elected, the seats, the convened and the statutory exclusions,
// the candidates in ballot order, and either the paper totals or the
// ballots one by one; the result is recounted by the server's counting
// engine (POST /api/v1/elections/count, the same as `dangbo election
// count`) a moment after each change, and the minutes come as a PDF (POST
// /api/v1/elections/minutes). What is typed is kept in this browser
// (localStorage) so that a reload loses nothing.

import { api } from '../api.js';
import { h, fill, field, dateInput, errorBox, fmtInt, debounce } from '../ui.js';

const KEY = 'dangbo-election';

const ELECTIONS = [
	['committee', 'Cấp ủy (ban chấp hành, chi ủy)'], ['standing', 'Ban thường vụ'], ['secretary', 'Bí thư'],
	['deputy', 'Phó bí thư'], ['delegates', 'Đại biểu dự đại hội cấp trên'], ['inspection', 'Ủy ban kiểm tra'],
	['opinion', 'Phiếu lấy ý kiến giới thiệu'],
];
const CONGRESSES = [['members', 'Đại hội đảng viên'], ['delegates', 'Đại hội đại biểu']];
const ORG_KINDS = [
	['', '(không chọn)'], ['cell', 'Chi bộ trực thuộc'], ['base_cell', 'Chi bộ cơ sở'], ['base_committee', 'Đảng bộ cơ sở'],
	['sub_committee', 'Đảng bộ bộ phận'], ['upper', 'Đảng bộ cấp trên cơ sở'], ['province', 'Đảng bộ tỉnh, thành phố'],
];
// QĐ 190-QĐ/TW Điều 30: who is not counted in the base, by kind of congress.
const EXCLUSIONS = [
	['temp_out_absent', 'Đảng viên sinh hoạt tạm thời nơi khác, vắng mặt', 'members'],
	['exempt_absent', 'Đảng viên miễn công tác và sinh hoạt đảng, vắng mặt', 'members'],
	['suspended', 'Bị đình chỉ sinh hoạt, bị khởi tố, truy tố, tạm giam', 'both'],
	['excused_absent', 'Vắng mặt suốt đại hội, có lý do được chấp thuận', 'members'],
	['committee_absent', 'Cấp ủy viên được triệu tập vắng mặt suốt đại hội', 'delegates'],
	['delegate_absent_no_alternate', 'Đại biểu chính thức vắng mặt, không có dự khuyết thay', 'delegates'],
];
const INVALID = [
	['not_issued', 'Không phải phiếu do Ban kiểm phiếu phát ra'],
	['write_in', 'Ghi thêm tên người ngoài danh sách'],
	['extra_marks', 'Có ký hiệu, chữ viết riêng'],
];
const INVALID_ALL = Object.fromEntries(INVALID.concat([
	['over_seats', 'Để lại nhiều hơn số lượng cần bầu'], ['all_struck', 'Gạch hết tên'],
	['unclear_single', 'Danh sách một người: đánh dấu cả hai ô hoặc không ô nào'],
]));
const NEXT = {
	none: 'Đã bầu đủ số lượng.',
	further_round: 'Chưa đủ số lượng: đại hội xem xét bầu tiếp (lần sau) trong số những người chưa trúng cử.',
	appointment_by_upper_level: 'Bầu đến lần thứ ba vẫn không có người trúng cử: cấp ủy cấp trên trực tiếp chỉ định.',
};

function fresh() {
	return {
		election: 'committee', congress: 'members', organization_kind: '', seats: '', alternates: '', convened: '',
		excluded: {}, candidates: [{ id: 'c1', name: '' }, { id: 'c2', name: '' }], next: 3, issued: '', round: '',
		mode: 'paper', counts: { returned: '', valid: '', invalid: '', votes: {} }, ballots: [],
		organization: '', upper_organization: '', congress_title: '', place: '', date: '',
		board: [{ name: '', role: 'Trưởng ban' }, { name: '', role: 'Ủy viên' }, { name: '', role: 'Ủy viên' }],
	};
}

function loadState() {
	try {
		const s = JSON.parse(localStorage.getItem(KEY));
		if (s && Array.isArray(s.candidates)) return Object.assign(fresh(), s);
	} catch (err) { /* start afresh */ }
	return fresh();
}

const num = (v) => (v === '' || v === null || v === undefined ? null : Number(v));

// The round as contract §4 JSON (only what was given).
function roundJson(st, forMinutes) {
	const j = { election: st.election, congress: st.congress };
	if (st.organization_kind) j.organization_kind = st.organization_kind;
	for (const [k, s] of [['seats', 'seats'], ['convened', 'convened'], ['ballots_issued', 'issued'], ['round', 'round']])
		if (num(st[s]) !== null) j[k] = num(st[s]);
	if (st.election === 'delegates' && num(st.alternates) !== null) j.alternates = num(st.alternates);
	const ex = {};
	for (const [k, , when] of EXCLUSIONS)
		if ((when === 'both' || when === st.congress) && num(st.excluded[k])) ex[k] = num(st.excluded[k]);
	if (Object.keys(ex).length) j.excluded = ex;
	j.candidates = st.candidates.map((c) => ({ id: c.id, name: c.name.trim() }));
	if (st.mode === 'paper') {
		const votes = {};
		for (const c of st.candidates) if (num(st.counts.votes[c.id]) !== null) votes[c.id] = num(st.counts.votes[c.id]);
		j.counts = { returned: num(st.counts.returned), valid: num(st.counts.valid), invalid: num(st.counts.invalid), votes };
	} else {
		j.ballots = st.ballots;
	}
	if (forMinutes) {
		for (const k of ['organization', 'upper_organization', 'congress_title', 'place'])
			if (st[k].trim()) j[k] = st[k].trim();
		if (st.date) j.date = st.date;
		const board = st.board.filter((b) => b.name.trim()).map((b) => ({ name: b.name.trim(), role: b.role.trim() }));
		if (board.length) j.counting_board = board;
	}
	return j;
}

// What is still to be typed before a count makes sense.
function missing(st) {
	const m = [];
	if (num(st.seats) === null) m.push('số lượng cần bầu');
	if (num(st.convened) === null) m.push('số được triệu tập');
	if (!st.candidates.length || st.candidates.some((c) => !c.name.trim())) m.push('họ tên từng người trong danh sách');
	if (num(st.issued) === null) m.push('số phiếu phát ra');
	if (st.mode === 'paper') {
		if (['returned', 'valid', 'invalid'].some((k) => num(st.counts[k]) === null)) m.push('số phiếu thu về, hợp lệ, không hợp lệ');
		if (st.candidates.some((c) => num(st.counts.votes[c.id]) === null)) m.push('số phiếu bầu của từng người');
	} else if (!st.ballots.length) {
		m.push('các phiếu bầu');
	}
	return m;
}

// Words for a JSON path of the round ("counts.votes.c2", "ballots[3].struck[0]").
function pathLabel(st, path) {
	const cand = (id) => { const c = st.candidates.find((x) => x.id === id); return c ? c.name || id : id; };
	let m;
	if ((m = /^counts\.votes\.(.+)$/.exec(path))) return `Số phiếu của ${cand(m[1])}`;
	if ((m = /^candidates\[(\d+)\]/.exec(path))) return `Người thứ ${+m[1] + 1} trong danh sách`;
	if ((m = /^ballots\[(\d+)\]/.exec(path))) return `Phiếu số ${+m[1] + 1}`;
	if ((m = /^excluded\.(.+)$/.exec(path))) return (EXCLUSIONS.find(([k]) => k === m[1]) || [, m[1]])[1];
	return {
		election: 'Bầu gì', congress: 'Loại đại hội', organization_kind: 'Loại tổ chức', seats: 'Số lượng cần bầu',
		alternates: 'Số đại biểu dự khuyết', convened: 'Số được triệu tập', candidates: 'Danh sách bầu cử',
		ballots_issued: 'Số phiếu phát ra', 'counts.returned': 'Số phiếu thu về', 'counts.valid': 'Số phiếu hợp lệ',
		'counts.invalid': 'Số phiếu không hợp lệ', 'counts.votes': 'Số phiếu bầu', counts: 'Kết quả kiểm phiếu', ballots: 'Các phiếu bầu',
		round: 'Lần bầu',
	}[path] || path;
}

// A label and a small number box on one line (lists of counts).
function pair(label, input) {
	if (!input.id) input.id = 'p-' + Math.random().toString(36).slice(2);
	return h('div', { class: 'pair' }, h('label', { for: input.id }, label), input);
}

export function render(main) {
	const st = loadState();
	const save = () => localStorage.setItem(KEY, JSON.stringify(st));
	const result = h('div', { 'aria-live': 'polite', id: 'ket-qua' });
	const minutesOut = h('div', { 'aria-live': 'polite' });
	let seq = 0;
	let pdfUrl = null;

	async function recount() {
		save();
		const my = ++seq;
		const miss = missing(st);
		if (miss.length) {
			fill(result, h('div', { class: 'box panel' }, h('p', {}, 'Kết quả sẽ hiện ở đây khi đã nhập: ' + miss.join('; ') + '.')));
			return;
		}
		let r;
		try {
			({ data: r } = await api('POST', '/elections/count', { json: roundJson(st, false) }));
		} catch (err) {
			if (my !== seq) return;
			fill(result, errorBox(err, 'Chưa tính được kết quả: số liệu chưa khớp. Xem lại các chỗ dưới đây.', (p) => pathLabel(st, p)));
			return;
		}
		if (my !== seq) return;
		fill(result, resultView(st, r));
	}
	const later = debounce(recount, 350);
	const changed = () => { save(); later(); };

	// a number input bound to st[obj][key]
	const numIn = (obj, key, attrs = {}) => {
		const el = h('input', Object.assign({ type: 'number', min: 0, step: 1, inputmode: 'numeric', class: 'w-num', value: obj[key] ?? '' }, attrs));
		el.addEventListener('input', () => { obj[key] = el.value; changed(); });
		return el;
	};
	const textIn = (obj, key, attrs = {}) => {
		const el = h('input', Object.assign({ type: 'text', value: obj[key] ?? '', autocomplete: 'off' }, attrs));
		el.addEventListener('input', () => { obj[key] = el.value; save(); });
		return el;
	};
	const selectIn = (obj, key, options, onchange) => {
		const el = h('select', {}, options.map(([v, t]) => h('option', { value: v }, t)));
		el.value = obj[key];
		el.addEventListener('change', () => { obj[key] = el.value; if (onchange) onchange(); changed(); });
		return el;
	};

	// ---- what is elected ----
	const exclBox = h('div', {});
	const altField = field('Số đại biểu dự khuyết', numIn(st, 'alternates', { name: 'alternates' }));
	const drawExclusions = () => {
		fill(exclBox, EXCLUSIONS.filter(([, , when]) => when === 'both' || when === st.congress).map(([k, label]) =>
			pair(label, numIn(st.excluded, k, { name: 'excluded.' + k }))));
		altField.hidden = st.election !== 'delegates';
	};
	const what = h('fieldset', {}, h('legend', {}, '1. Bầu gì'),
		h('div', { class: 'row' },
			field('Bầu', selectIn(st, 'election', ELECTIONS, drawExclusions)),
			field('Tại', selectIn(st, 'congress', CONGRESSES, drawExclusions)),
			field('Loại tổ chức', selectIn(st, 'organization_kind', ORG_KINDS))),
		h('div', { class: 'row' },
			field('Số lượng cần bầu', numIn(st, 'seats', { name: 'seats' })),
			altField,
			field('Lần bầu thứ', numIn(st, 'round', { name: 'round', min: 1 }), 'Để trống nếu là lần đầu')),
		pair('Số được triệu tập (đảng viên chính thức, hoặc đại biểu chính thức)', numIn(st, 'convened', { name: 'convened' })),
		h('p', { class: 'hint' }, 'Số không tính vào cơ sở tính kết quả (QĐ 190-QĐ/TW Điều 30); để trống nếu không có:'),
		exclBox);
	drawExclusions();

	// ---- candidates ----
	const candBox = h('div', {});
	const drawCandidates = (focusLast) => {
		fill(candBox, st.candidates.map((c, i) => {
			const name = h('input', { type: 'text', class: 'grow', value: c.name, name: 'candidate', 'aria-label': `Họ tên người thứ ${i + 1}`, autocomplete: 'off' });
			name.addEventListener('input', () => { c.name = name.value; changed(); });
			name.addEventListener('change', () => { drawCounts(); });
			return h('div', { class: 'cand-row' }, h('span', { class: 'n' }, `${i + 1}.`), name,
				h('button', { type: 'button', class: 'secondary small', 'aria-label': `Bỏ người thứ ${i + 1} khỏi danh sách`, onclick: () => {
					st.candidates.splice(i, 1);
					delete st.counts.votes[c.id];
					st.ballots = [];
					drawCandidates(); drawCounts(); changed();
				} }, 'Bỏ'));
		}), h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: () => {
			st.candidates.push({ id: 'c' + st.next++, name: '' });
			drawCandidates(true); drawCounts(); changed();
		} }, '+ Thêm người vào danh sách')));
		if (focusLast) { const ins = candBox.querySelectorAll('input'); ins[ins.length - 1].focus(); }
	};
	const cands = h('fieldset', {}, h('legend', {}, '2. Danh sách bầu cử (theo thứ tự trên phiếu)'), candBox);
	drawCandidates();

	// ---- the count: paper totals or ballots ----
	const countBox = h('div', {});
	const modeSel = h('div', { class: 'actions', role: 'radiogroup', 'aria-label': 'Cách nhập kết quả' });
	const drawMode = () => fill(modeSel, [['paper', 'Nhập số đã kiểm trên giấy'], ['ballots', 'Nhập từng phiếu']].map(([v, t]) =>
		h('button', { type: 'button', role: 'radio', 'aria-checked': String(st.mode === v), class: st.mode === v ? '' : 'secondary', onclick: () => {
			st.mode = v; drawMode(); drawCounts(); changed();
		} }, t)));
	const ballotView = () => {
		const struck = new Set();
		const names = h('div', { class: 'ballot-names' }, st.candidates.map((c, i) => {
			const b = h('button', { type: 'button', class: 'name', 'aria-pressed': 'false', 'data-id': c.id }, `${i + 1}. ${c.name || '(chưa có tên)'}`);
			b.addEventListener('click', () => {
				if (struck.has(c.id)) struck.delete(c.id); else struck.add(c.id);
				b.setAttribute('aria-pressed', String(struck.has(c.id)));
			});
			return b;
		}));
		const reason = h('select', { name: 'invalid_reason' }, INVALID.map(([v, t]) => h('option', { value: v }, t)));
		const list = h('ol', { reversed: true, class: 'ballot-list' });
		const drawList = () => {
			const shown = st.ballots.map((b, i) => [b, i]).reverse().slice(0, 30);
			fill(list, shown.map(([b, i]) => h('li', { value: i + 1 },
				b.invalid ? `Không hợp lệ: ${INVALID_ALL[b.invalid]}` : b.struck.length
					? 'Gạch: ' + b.struck.map((id) => (st.candidates.find((c) => c.id === id) || { name: id }).name).join(', ')
					: 'Không gạch ai',
				' ', h('button', { type: 'button', class: 'secondary small', onclick: () => { st.ballots.splice(i, 1); drawList(); changed(); } }, 'Xóa phiếu này'))));
		};
		const addBallot = (b) => {
			st.ballots.push(b);
			struck.clear();
			names.querySelectorAll('button').forEach((x) => x.setAttribute('aria-pressed', 'false'));
			drawList(); changed();
			names.querySelector('button')?.focus();
		};
		drawList();
		return [
			h('p', {}, 'Đọc từng phiếu: bấm vào tên những người bị gạch trên phiếu, rồi bấm "Ghi phiếu hợp lệ". Phiếu không hợp lệ: chọn lý do rồi bấm "Ghi phiếu không hợp lệ".'),
			names,
			h('div', { class: 'actions' },
				h('button', { type: 'button', onclick: () => addBallot({ struck: [...struck] }) }, 'Ghi phiếu hợp lệ'),
				field('Lý do không hợp lệ', reason),
				h('button', { type: 'button', class: 'danger', onclick: () => addBallot({ invalid: reason.value }) }, 'Ghi phiếu không hợp lệ')),
			h('h3', {}, `Các phiếu đã ghi (mới nhất ở trên)`), list,
		];
	};
	const drawCounts = () => {
		if (st.mode === 'paper') {
			fill(countBox,
					pair('Số phiếu thu về', numIn(st.counts, 'returned', { name: 'returned' })),
				pair('Số phiếu hợp lệ', numIn(st.counts, 'valid', { name: 'valid' })),
				pair('Số phiếu không hợp lệ', numIn(st.counts, 'invalid', { name: 'invalid' })),
				h('p', { class: 'hint' }, 'Số phiếu bầu của từng người:'),
				st.candidates.map((c, i) => pair(`${i + 1}. ${c.name || '(chưa có tên)'}`, numIn(st.counts.votes, c.id, { name: 'votes.' + c.id }))));
		} else {
			fill(countBox, ballotView());
		}
	};
	const counting = h('fieldset', {}, h('legend', {}, '3. Kiểm phiếu'),
		pair('Số phiếu phát ra', numIn(st, 'issued', { name: 'ballots_issued' })),
		modeSel, countBox);
	drawMode();
	drawCounts();

	// ---- the minutes ----
	const boardBox = h('div', {}, h('p', { class: 'hint-label' }, 'Ban kiểm phiếu (họ tên — chức danh)'),
		st.board.map((b, i) => h('div', { class: 'cand-row' },
			textIn(b, 'name', { class: 'grow', 'aria-label': `Họ tên thành viên Ban kiểm phiếu thứ ${i + 1}` }),
			textIn(b, 'role', { class: 'w-role', 'aria-label': `Chức danh thành viên thứ ${i + 1}` }))));
	const date = dateInput({ name: 'date' }, st.date);
	date.addEventListener('input', () => { const d = date.iso(); if (d !== null) { st.date = d || ''; save(); } });
	const minutes = h('fieldset', {}, h('legend', {}, '4. Biên bản kiểm phiếu (để in, ký)'),
		h('p', { class: 'hint' }, 'Không bắt buộc: chỗ nào để trống thì biên bản để chỗ trống để ghi tay.'),
		field('Tên tổ chức', textIn(st, 'organization', { class: 'full' }), 'Ví dụ: Chi bộ Khu 3'),
		field('Tổ chức cấp trên', textIn(st, 'upper_organization', { class: 'full' }), 'Ví dụ: Đảng bộ phường Hồng Hải'),
		field('Tên đại hội', textIn(st, 'congress_title', { class: 'full' }), 'Ví dụ: Đại hội Chi bộ Khu 3 lần thứ XV, nhiệm kỳ 2025–2030'),
		h('div', { class: 'row' }, field('Địa danh', textIn(st, 'place', { class: 'w-code' })), field('Ngày', date)),
		boardBox,
		h('div', { class: 'actions' }, h('button', { type: 'button', onclick: makeMinutes }, 'Tạo biên bản kiểm phiếu (PDF)')),
		minutesOut);

	async function makeMinutes() {
		const miss = missing(st);
		if (miss.length) {
			fill(minutesOut, h('div', { class: 'box error', role: 'alert' }, h('p', {}, 'Chưa tạo được biên bản: còn thiếu ' + miss.join('; ') + '.')));
			return;
		}
		fill(minutesOut, h('p', {}, 'Đang tạo biên bản…'));
		try {
			const res = await api('POST', '/elections/minutes', { json: roundJson(st, true), raw: true });
			const blob = await res.blob();
			if (pdfUrl) URL.revokeObjectURL(pdfUrl);
			pdfUrl = URL.createObjectURL(blob);
			fill(minutesOut, h('div', { class: 'box ok', role: 'status' },
				h('p', { class: 'msg-title' }, 'Đã tạo biên bản kiểm phiếu.'),
				h('div', { class: 'actions' },
					h('a', { class: 'btn', href: pdfUrl, download: 'bien_ban_kiem_phieu.pdf', id: 'tai-bien-ban' }, 'Tải biên bản (PDF) về máy'),
					h('a', { class: 'btn secondary', href: pdfUrl, target: '_blank', rel: 'noopener' }, 'Mở biên bản để in'))));
		} catch (err) {
			fill(minutesOut, errorBox(err, 'Chưa tạo được biên bản.', (p) => pathLabel(st, p)));
		}
	}

	fill(main,
		h('h1', {}, 'Kiểm phiếu bầu cử'),
		h('p', {}, 'Kết quả được tính lại ngay khi nhập, theo Quy chế bầu cử trong Đảng (QĐ 190-QĐ/TW): trúng cử khi được quá một nửa so với cơ sở tính kết quả.'),
		h('div', { class: 'grid-election' },
			h('div', {}, what, cands, counting, minutes,
				h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: () => {
					if (!window.confirm('Xóa hết những gì đã nhập để bắt đầu cuộc bầu mới?')) return;
					localStorage.removeItem(KEY);
					render(main);
				} }, 'Bắt đầu cuộc bầu mới (xóa hết)'))),
			h('section', { class: 'sticky-result', 'aria-labelledby': 'kq' }, h('h2', { id: 'kq' }, 'Kết quả'), result)));
	recount();
	return () => { if (pdfUrl) URL.revokeObjectURL(pdfUrl); };
}

function resultView(st, r) {
	const pct = (c) => c.percent_text;
	const status = (c) => c.tied ? 'Bằng phiếu: bầu tiếp' : c.elected
		? (c.as === 'alternate' ? 'Trúng cử dự khuyết' : 'Trúng cử') : 'Không trúng cử';
	const byId = Object.fromEntries(r.candidates.map((c) => [c.id, c]));
	const excl = Object.values(r.excluded || {}).reduce((a, b) => a + b, 0);
	const reasons = Object.entries(r.invalid_reasons || {}).filter(([, n]) => n);
	return [
		h('dl', { class: 'facts' },
			h('dt', {}, 'Được triệu tập'), h('dd', {}, fmtInt(r.convened)),
			excl ? [h('dt', {}, 'Không tính'), h('dd', {}, fmtInt(excl))] : null,
			h('dt', {}, 'Cơ sở tính kết quả'), h('dd', {}, h('strong', {}, fmtInt(r.base))),
			h('dt', {}, 'Trúng cử khi được từ'), h('dd', {}, h('strong', {}, `${fmtInt(r.threshold)} phiếu`), ' (quá một nửa cơ sở)'),
			h('dt', {}, 'Phiếu phát ra / thu về'), h('dd', {}, `${fmtInt(r.issued)} / ${fmtInt(r.returned)}`),
			h('dt', {}, 'Hợp lệ / không hợp lệ'), h('dd', {}, `${fmtInt(r.valid)} / ${fmtInt(r.invalid)}`)),
		reasons.length ? h('p', { class: 'hint' }, 'Phiếu không hợp lệ: ' + reasons.map(([k, n]) => `${INVALID_ALL[k] || k}: ${fmtInt(n)}`).join('; ')) : null,
		h('table', { class: 'election-result' },
			h('thead', {}, h('tr', {}, h('th', {}, 'Họ tên'), h('th', {}, 'Số phiếu'), h('th', {}, 'Tỷ lệ so với cơ sở'), h('th', {}, 'Kết quả'))),
			h('tbody', {}, r.candidates.map((c) => h('tr', { class: c.tied ? 'tied' : c.elected ? 'elected' : '' },
				h('td', {}, c.name), h('td', { class: 'num' }, fmtInt(c.votes)), h('td', { class: 'num' }, pct(c)), h('td', {}, status(c)))))),
		h('h3', {}, 'Người trúng cử (theo số phiếu từ cao xuống thấp)'),
		r.elected.length
			? h('ol', { class: 'elected-list' }, r.elected.map((id) => h('li', {}, byId[id].name, ` — ${fmtInt(byId[id].votes)} phiếu (${pct(byId[id])})`,
				byId[id].as === 'alternate' ? ' — dự khuyết' : '')))
			: h('p', {}, 'Chưa có ai trúng cử.'),
		r.tie && r.tie.length
			? h('div', { class: 'box warn' }, h('p', {}, `Bằng phiếu ở chỗ cuối (${fmtInt(r.tie_seats)} chỗ): ${r.tie.map((id) => byId[id].name).join(', ')}. Chương trình không tự chọn: đại hội bầu tiếp trong số những người này.`))
			: null,
		h('p', { class: r.next_step === 'none' ? '' : 'box warn' }, NEXT[r.next_step] || r.next_step,
			r.unfilled ? ` Còn thiếu ${fmtInt(r.unfilled)} người.` : ''),
	];
}

