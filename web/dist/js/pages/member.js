// Hồ sơ đảng viên: one member (GET /api/v1/members/{id}) — the facts, the
// state on a chosen day, the timeline of events, the places of activity,
// the history of changes (GET /api/v1/audit?entity=member:ID), and the
// actions the rules allow next (allowed_events), each a button opening a
// small form. Changes send If-Match with the ETag read; when someone else
// changed the member meanwhile the server answers 412 and the page says who
// changed what, and saves nothing.

import { api, session, ApiError } from '../api.js';
import {
	h, fill, field, dateInput, errorBox, okBox, fmtInt, fmtDate, fmtTime, eventLabels, fieldLabels,
	canEditMembers, orgLink, fieldErrors,
} from '../ui.js';

// The facts a person may correct (PATCH), in the order shown.
const FACTS = [
	['full_name', 'text'], ['gender', 'gender'], ['birth_date', 'date'], ['ethnicity', 'text'], ['religion', 'text'],
	['card_number', 'text'], ['decision_date', 'date'], ['ceremony_date', 'date'], ['official_date', 'shown'],
	['education', 'text'], ['profession_level', 'text'], ['theory_level', 'text'], ['occupation', 'text'], ['hometown', 'text'],
];

const ACTIONS = { 'member.add': 'Thêm đảng viên', 'member.update': 'Sửa thông tin', 'member.event': 'Ghi sự kiện', import: 'Nhập dữ liệu từ tệp' };

export async function render(main, params, query) {
	const id = params[0];
	const page = { id, asOf: query.as_of || '', main };
	await load(page);
}

async function load(page, notice) {
	let m;
	try {
		({ data: m } = await api('GET', '/members/' + encodeURIComponent(page.id), { query: { as_of: page.asOf } }));
	} catch (err) {
		fill(page.main, h('h1', {}, 'Hồ sơ đảng viên'), errorBox(err, 'Không mở được hồ sơ.'));
		return;
	}
	page.m = m;
	page.etag = m.etag || `"v${m.version}"`;
	page.pending = canEditMembers(session.user) ? await pendingTransfer(page) : null;
	draw(page, notice);
}

function who(actor) {
	if (!actor) return 'không rõ';
	if (actor.startsWith('web:')) return actor.slice(4);
	if (actor.startsWith('cli:')) return `${actor.slice(4)} (dùng lệnh trên máy chủ)`;
	return actor;
}

function showValue(v) {
	if (v === null || v === undefined || v === '') return '(trống)';
	if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return fmtDate(v);
	if (v === 'nam') return 'Nam';
	if (v === 'nữ') return 'Nữ';
	return String(v);
}

function draw(page, notice) {
	const m = page.m;
	const st = m.state || {};
	const canEdit = canEditMembers(session.user);
	const formBox = h('div', { 'aria-live': 'polite' });
	page.formBox = formBox;
	page.notice = notice || null;

	// the state on a day
	const asOf = dateInput({ name: 'as_of' }, st.as_of || page.asOf);
	const asOfField = field('Tình trạng vào ngày', asOf);
	const stateBox = h('section', { class: 'box panel', 'aria-labelledby': 'tt' },
		h('h2', { id: 'tt' }, `Tình trạng vào ngày ${fmtDate(st.as_of)}`),
		h('dl', { class: 'facts' },
			h('dt', {}, 'Tình trạng'), h('dd', {}, h('strong', {}, st.status_label || '—')),
			h('dt', {}, 'Sinh hoạt tại'), h('dd', {}, st.org ? orgLink(st.org) : '—'),
			h('dt', {}, 'Tuổi đảng'), h('dd', {}, st.party_age_years !== null && st.party_age_years !== undefined ? `${fmtInt(st.party_age_years)} năm` : '—'),
			st.official_from && [h('dt', {}, 'Chính thức từ'), h('dd', {}, fmtDate(st.official_from))],
			st.probation_end && [h('dt', {}, 'Hết thời gian dự bị'), h('dd', {}, fmtDate(st.probation_end))]),
		h('form', { class: 'row', onsubmit: (ev) => {
			ev.preventDefault();
			const iso = asOf.iso();
			if (iso === null) { asOfField.setError('Ngày chưa đúng: viết ngày/tháng/năm, ví dụ 30/06/2025.'); return; }
			page.asOf = iso;
			history.replaceState(null, '', `#/dang-vien/${encodeURIComponent(page.id)}${iso ? '?as_of=' + iso : ''}`);
			load(page);
		} }, asOfField, h('div', { class: 'field' }, h('button', { type: 'submit', class: 'secondary' }, 'Xem tình trạng ngày này'))));

	// what may be done next
	let actions = null;
	if (canEdit) {
		const allowed = m.allowed_events || [];
		actions = h('section', { 'aria-labelledby': 'vl' },
			h('h2', { id: 'vl' }, 'Việc có thể làm tiếp'),
			h('p', { class: 'muted' }, 'Chỉ hiện những việc quy định cho phép với lịch sử của người này.'),
			h('div', { class: 'actions' },
				allowed.map((t) => h('button', { type: 'button', 'data-event': t, onclick: () => eventForm(page, t) }, 'Ghi: ' + (eventLabels[t] || t))),
				allowed.includes('recognize') && h('button', { type: 'button', 'data-action': 'recognize', onclick: () => recognizeForm(page) }, 'Công nhận chính thức theo nghị quyết, quyết định'),
				allowed.includes('badge') && h('button', { type: 'button', 'data-action': 'badge', onclick: () => badgeForm(page) }, 'Trao Huy hiệu Đảng (cấp số)'),
				allowed.includes('discipline') && h('button', { type: 'button', 'data-action': 'discipline', onclick: () => disciplineForm(page) }, 'Thi hành kỷ luật theo quyết định'),
				allowed.includes('exempt_start') && h('button', { type: 'button', 'data-action': 'exempt', onclick: () => exemptForm(page) }, 'Miễn công tác và sinh hoạt đảng'),
				transferActions(page).length > 0 && h('button', { type: 'button', 'data-action': 'transfer', onclick: () => transferForm(page) }, 'Chuyển sinh hoạt đảng'),
				exitKinds(page).length > 0 && h('button', { type: 'button', 'data-action': 'exit', onclick: () => exitForm(page) }, 'Ra khỏi Đảng / xóa tên / khai trừ / từ trần'),
				h('button', { type: 'button', class: 'secondary', 'data-action': 'edit', onclick: () => editForm(page) }, 'Sửa thông tin cá nhân')),
			formBox);
	}

	const facts = h('dl', { class: 'facts' }, h('dt', {}, 'Số lý lịch'), h('dd', {}, m.member_id),
		FACTS.map(([k]) => [h('dt', {}, fieldLabels[k]), h('dd', {}, m[k] ? showValue(m[k]) : '—')]));

	const events = (m.events || []).slice().sort((a, b) => a.date.localeCompare(b.date));
	const timeline = events.length
		? h('ol', { class: 'timeline', id: 'qua-trinh' }, events.map((e) => h('li', {},
			h('span', { class: 'when' }, fmtDate(e.date)), ' ',
			h('strong', {}, e.type_label || eventLabels[e.type] || e.type),
			e.to_org ? [' — đến ', e.to_org] : '',
			e.detail ? ` — ${e.detail}` : '')))
		: h('p', { class: 'muted', id: 'qua-trinh' }, 'Chưa có sự kiện nào.');

	const spans = (m.spans || []).length
		? h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Từ ngày'), h('th', {}, 'Đến ngày'), h('th', {}, 'Sinh hoạt tại'))),
			h('tbody', {}, m.spans.map((s) => h('tr', {}, h('td', {}, fmtDate(s.from)), h('td', {}, s.to ? fmtDate(s.to) : 'nay'), h('td', {}, orgLink(s.org))))))
		: h('p', { class: 'muted' }, 'Không có.');

	const audit = h('div', {}, h('p', {}, 'Đang tải…'));
	fill(page.main,
		h('p', { class: 'no-print' }, h('a', { href: '#/tim-kiem' }, '‹ Tìm đảng viên khác')),
		h('h1', {}, m.full_name),
		h('p', {}, `Số lý lịch ${m.member_id} · `, h('span', { class: 'tag' }, st.status_label || m.status), ' · ',
			m.org ? orgLink({ code: m.org, name: m.org_name }) : ''),
		notice || null,
		m.problems ? h('div', { class: 'box warn' }, h('p', {}, `Hồ sơ này có ${fmtInt(m.problems)} điểm không khớp với quy định; xem lại quá trình.`)) : null,
		stateBox,
		actions,
		h('h2', {}, 'Quá trình (các sự kiện)'), timeline,
		h('h2', {}, 'Thông tin cá nhân'), facts,
		h('h2', {}, 'Nơi sinh hoạt qua các thời kỳ'), spans,
		h('h2', {}, 'Lịch sử thay đổi hồ sơ'), audit);
	loadAudit(audit, page.id);
}

async function loadAudit(box, id) {
	let d;
	try {
		({ data: d } = await api('GET', '/audit', { query: { entity: 'member:' + id } }));
	} catch (err) {
		fill(box, errorBox(err, 'Không tải được lịch sử thay đổi.'));
		return;
	}
	if (!d.items.length) {
		fill(box, h('p', { class: 'muted' }, 'Chưa ai sửa hồ sơ này qua chương trình (hồ sơ có từ khi nhập dữ liệu ban đầu).'));
		return;
	}
	fill(box, h('table', {},
		h('thead', {}, h('tr', {}, h('th', {}, 'Lúc'), h('th', {}, 'Người làm'), h('th', {}, 'Việc'), h('th', {}, 'Thay đổi'))),
		h('tbody', {}, d.items.map((a) => h('tr', {},
			h('td', { class: 'nowrap' }, fmtTime(a.at)),
			h('td', {}, who(a.actor)),
			h('td', {}, ACTIONS[a.action] || a.action),
			h('td', {}, describe(a.before, a.after)))))));
}

// What changed between two versions of a member, in words.
function describe(before, after) {
	if (!after) return '';
	const out = [];
	const bev = (before && before.events) || [];
	for (const e of after.events || []) {
		if (!bev.some((b) => b.date === e.date && b.type === e.type && b.detail === e.detail))
			out.push(h('div', {}, `${e.type_label || eventLabels[e.type] || e.type} ngày ${fmtDate(e.date)}${e.detail ? ' (' + e.detail + ')' : ''}`));
	}
	if (before) {
		for (const k of Object.keys(after)) {
			if (k === 'events' || k === 'version' || typeof after[k] === 'object' && after[k] !== null) continue;
			if (before[k] !== after[k])
				out.push(h('div', {}, `${fieldLabels[k] || k}: ${showValue(before[k])} → ${showValue(after[k])}`));
		}
	}
	return out.length ? out : '';
}

// The 412 answer: who changed the member, when, and what.
function conflictBox(page, err) {
	const b = err.body;
	const rows = Array.isArray(b.changed) ? b.changed : null;
	return h('div', { class: 'box error conflict', role: 'alert' },
		h('p', { class: 'msg-title' }, 'Chưa lưu: hồ sơ này vừa được người khác sửa trong lúc bạn đang xem.'),
		h('p', {}, `Người sửa: ${who(b.changed_by)}${b.changed_at ? ', lúc ' + fmtTime(b.changed_at) : ''}.`),
		rows && rows.length
			? h('table', {}, h('caption', {}, 'Những mục họ đã thay đổi'),
				h('thead', {}, h('tr', {}, h('th', {}, 'Mục'), h('th', {}, 'Trước đây'), h('th', {}, 'Bây giờ'))),
				h('tbody', {}, rows.map((c) => h('tr', {}, h('td', {}, fieldLabels[c.field] || c.field), h('td', {}, showValue(c.was)), h('td', {}, showValue(c.now))))))
			: h('p', {}, rows ? 'Họ đã ghi thêm sự kiện vào quá trình.' : 'Thay đổi do nhập dữ liệu từ tệp, không liệt kê từng mục.'),
		h('p', {}, 'Thay đổi của bạn chưa được ghi. Hãy tải lại hồ sơ mới nhất, xem lại, rồi làm lại nếu vẫn cần.'),
		h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => load(page) }, 'Tải lại hồ sơ mới nhất')));
}

function failBox(page, err, title) {
	if (err instanceof ApiError && err.status === 412) return conflictBox(page, err);
	return errorBox(err, title);
}

function closeForm(page) { fill(page.formBox); }

// Opening a form puts away the message of the previous change.
function openForm(page, form) {
	if (page.notice) { page.notice.remove(); page.notice = null; }
	fill(page.formBox, form);
}

// A form to record one event of type t.
function eventForm(page, t) {
	const label = eventLabels[t] || t;
	const date = dateInput({ name: 'date', required: true }, session.today || '');
	const dateField = field('Ngày', date, 'Ngày/tháng/năm của quyết định hoặc sự việc');
	const parts = [dateField];
	let org = null, orgField = null;
	if (['transfer_in', 'readmit', 'restore', 'move'].includes(t)) {
		org = h('input', { type: 'text', name: 'org', class: 'w-code', autocomplete: 'off', spellcheck: 'false' });
		orgField = field(t === 'move' ? 'Chuyển đến chi bộ (mã tổ chức)' : 'Sinh hoạt tại tổ chức (mã tổ chức)', org, 'Mã tổ chức xem ở trang Cây tổ chức, ví dụ QN.06652.02');
		parts.push(orgField);
	}
	const detailHint = {
		discipline: 'Hình thức kỷ luật và số quyết định, ví dụ: khiển trách, QĐ số 12-QĐ/ĐU',
		badge: 'Số năm tuổi Đảng của huy hiệu: 30, 40, 45, 50, 55, 60, 65, 70, 75…',
		transfer_out: 'Nơi chuyển đến, số giới thiệu sinh hoạt…',
		temp_out: 'Nơi sinh hoạt tạm thời, thời hạn…',
	}[t] || 'Số quyết định hoặc ghi chú (không bắt buộc)';
	const detail = h('input', { type: 'text', name: 'detail', class: 'w-wide', autocomplete: 'off' });
	parts.push(field(t === 'badge' ? 'Huy hiệu bao nhiêu năm' : t === 'discipline' ? 'Hình thức kỷ luật' : 'Ghi chú', detail, detailHint));
	const msg = h('div', {});
	const save = h('button', { type: 'submit' }, 'Ghi lại');
	const form = h('form', { class: 'box', 'data-form': 'event', novalidate: true, onsubmit: async (ev) => {
		ev.preventDefault();
		fill(msg);
		const iso = date.iso();
		if (!iso) { dateField.setError('Xin nhập ngày, dạng ngày/tháng/năm, ví dụ 01/11/2026.'); date.focus(); return; }
		dateField.setError('');
		const body = { type: t, date: iso };
		if (org) {
			if (!org.value.trim()) { orgField.setError('Xin nhập mã tổ chức.'); org.focus(); return; }
			body[t === 'move' ? 'to_org' : 'org'] = org.value.trim();
		}
		if (detail.value.trim()) body.detail = detail.value.trim();
		save.disabled = true;
		try {
			const { data } = await api('POST', `/members/${encodeURIComponent(page.id)}/events`, { json: body, headers: { 'If-Match': page.etag } });
			page.m = data;
			await load(page, okBox(`Đã ghi: ${label} ngày ${fmtDate(iso)}.`));
		} catch (err) {
			fill(msg, failBox(page, err, `Chưa ghi được "${label}".`));
			save.disabled = false;
		}
	} },
	h('h3', {}, 'Ghi: ' + label),
	parts, msg,
	h('div', { class: 'actions' }, save, h('button', { type: 'button', class: 'secondary', onclick: () => closeForm(page) }, 'Hủy')));
	openForm(page, form);
	date.focus();
}

// A form to correct the facts; only the fields changed are sent.
function editForm(page) {
	const m = page.m;
	const inputs = {};
	const fields = {};
	const parts = [];
	for (const [k, kind] of FACTS) {
		if (kind === 'shown') continue;
		let el;
		if (kind === 'gender') {
			el = h('select', { name: k }, h('option', { value: 'nam' }, 'Nam'), h('option', { value: 'nữ' }, 'Nữ'));
			el.value = m[k] || 'nam';
		} else if (kind === 'date') {
			el = dateInput({ name: k }, m[k] || '');
		} else {
			el = h('input', { type: 'text', name: k, class: k === 'hometown' || k === 'full_name' ? 'w-wide' : '', value: m[k] || '', autocomplete: 'off' });
		}
		inputs[k] = el;
		fields[k] = field(fieldLabels[k], el);
		parts.push(fields[k]);
	}
	const msg = h('div', {});
	const save = h('button', { type: 'submit' }, 'Lưu thay đổi');
	const form = h('form', { class: 'box', 'data-form': 'edit', novalidate: true, onsubmit: async (ev) => {
		ev.preventDefault();
		fill(msg);
		const patch = {};
		let bad = null;
		for (const [k, kind] of FACTS) {
			if (kind === 'shown') continue;
			let v = kind === 'date' ? inputs[k].iso() : inputs[k].value.trim();
			fields[k].setError('');
			if (v === null) { fields[k].setError('Ngày chưa đúng: viết ngày/tháng/năm.'); bad = bad || inputs[k]; continue; }
			const old = m[k] || '';
			if (v !== old) patch[k] = v === '' ? null : v;
		}
		if (bad) { bad.focus(); return; }
		if (!Object.keys(patch).length) { fill(msg, h('div', { class: 'box warn', role: 'status' }, h('p', {}, 'Bạn chưa sửa mục nào.'))); return; }
		save.disabled = true;
		try {
			await api('PATCH', `/members/${encodeURIComponent(page.id)}`, { json: patch, headers: { 'If-Match': page.etag } });
			const what = Object.keys(patch).map((k) => fieldLabels[k] || k).join(', ');
			await load(page, okBox(`Đã lưu: ${what}.`));
		} catch (err) {
			fill(msg, failBox(page, err, 'Chưa lưu được.'));
			save.disabled = false;
		}
	} },
	h('h3', {}, 'Sửa thông tin cá nhân'),
	h('p', { class: 'muted' }, 'Sửa chỗ sai rồi bấm "Lưu thay đổi". Chỉ những mục bạn sửa được gửi đi.'),
	h('div', { class: 'row' }, parts), msg,
	h('div', { class: 'actions' }, save, h('button', { type: 'button', class: 'secondary', onclick: () => closeForm(page) }, 'Hủy')));
	openForm(page, form);
	inputs.full_name.focus();
}

// A change through one of the secretary's use cases (POST /members/{id}/PATH
// with If-Match): the member page again with what the server said.
// fields ({API name: field wrapper}), when given, show the problems the
// server names by field next to them.
async function sendAction(page, path, body, msg, save, failTitle, done, fields) {
	save.disabled = true;
	try {
		const { data } = await api('POST', `/members/${encodeURIComponent(page.id)}/${path}`, { json: body, headers: { 'If-Match': page.etag } });
		const warn = data.note ? h('div', { class: 'box warn', role: 'status' }, h('p', { class: 'msg-title' }, 'Lưu ý'), h('p', {}, data.note)) : null;
		const ok = done(data);
		await load(page, h('div', {}, ok instanceof Node ? ok : okBox(ok), warn));
	} catch (err) {
		if (fields) fieldErrors(err, fields);
		fill(msg, failBox(page, err, failTitle));
		save.disabled = false;
	}
}

// Official recognition of a probationary member (QĐ 294-QĐ/TW §4.2): the
// chi bộ resolution and its vote, the grassroots committee's vote for a
// cell under one, and the decision.
function recognizeForm(page) {
	const res = dateInput({ name: 'resolution' }, session.today || '');
	const resF = field('Ngày nghị quyết của chi bộ', res);
	const votes = h('input', { type: 'text', name: 'votes', class: 'w-num', autocomplete: 'off', placeholder: '3/3' });
	const votesF = field('Chi bộ biểu quyết tán thành', votes, 'Số tán thành / số đảng viên chính thức, ví dụ 3/3');
	const cv = h('input', { type: 'text', name: 'committee_votes', class: 'w-num', autocomplete: 'off' });
	const cvF = field('Đảng ủy cơ sở biểu quyết', cv, 'Nếu chi bộ trực thuộc đảng ủy cơ sở, ví dụ 5/7');
	const dec = dateInput({ name: 'decision' }, session.today || '');
	const decF = field('Ngày quyết định công nhận', dec);
	const ref = h('input', { type: 'text', name: 'ref', class: 'w-wide', autocomplete: 'off' });
	const refF = field('Số quyết định', ref, 'Không bắt buộc, ví dụ 12-QĐ/ĐU');
	const msg = h('div', {});
	const save = h('button', { type: 'submit' }, 'Ghi công nhận');
	const vote = /^\s*\d+\s*\/\s*\d+\s*$/;
	const form = h('form', { class: 'box', 'data-form': 'recognize', novalidate: true, onsubmit: (ev) => {
		ev.preventDefault();
		fill(msg);
		const r = res.iso(), d = dec.iso();
		resF.setError(r ? '' : 'Xin nhập ngày, dạng ngày/tháng/năm.');
		decF.setError(d ? '' : 'Xin nhập ngày, dạng ngày/tháng/năm.');
		votesF.setError(vote.test(votes.value) ? '' : 'Viết số tán thành / số đảng viên chính thức, ví dụ 3/3.');
		cvF.setError(!cv.value.trim() || vote.test(cv.value) ? '' : 'Viết số tán thành / tổng số, ví dụ 5/7.');
		const bad = form.querySelector('[aria-invalid="true"]');
		if (bad) { bad.focus(); return; }
		const body = { resolution: r, votes: votes.value.replace(/\s/g, ''), decision: d };
		if (cv.value.trim()) body.committee_votes = cv.value.replace(/\s/g, '');
		if (ref.value.trim()) body.ref = ref.value.trim();
		sendAction(page, 'recognize', body, msg, save, 'Chưa ghi được công nhận đảng viên chính thức.',
			() => 'Đã công nhận đảng viên chính thức.');
	} },
	h('h3', {}, 'Công nhận đảng viên chính thức'),
	h('p', { class: 'muted' }, 'Là đảng viên chính thức từ ngày hết dự bị, dù quyết định ký ngày nào (QĐ 294-QĐ/TW §4.2).'),
	h('div', { class: 'row' }, resF, votesF, cvF), h('div', { class: 'row' }, decF, refF), msg,
	h('div', { class: 'actions' }, save, h('button', { type: 'button', class: 'secondary', onclick: () => closeForm(page) }, 'Hủy')));
	openForm(page, form);
	res.focus();
}

const BADGE_YEARS = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];

// A Party badge on an award date (QĐ 294-QĐ/TW §28), numbered by the server.
function badgeForm(page) {
	const years = h('select', { name: 'years' }, BADGE_YEARS.map((y) => h('option', { value: y }, `Huy hiệu ${y} năm tuổi Đảng`)));
	const yearsF = field('Huy hiệu', years);
	const date = dateInput({ name: 'date' }, session.today || '');
	const dateF = field('Ngày trao (đợt)', date, 'Các đợt: 03/02, 19/5, 02/9, 07/11');
	const ref = h('input', { type: 'text', name: 'ref', class: 'w-wide', autocomplete: 'off' });
	const refF = field('Số quyết định', ref, 'Không bắt buộc');
	const msg = h('div', {});
	const save = h('button', { type: 'submit' }, 'Ghi trao huy hiệu');
	const form = h('form', { class: 'box', 'data-form': 'badge', novalidate: true, onsubmit: (ev) => {
		ev.preventDefault();
		fill(msg);
		const d = date.iso();
		dateF.setError(d ? '' : 'Xin nhập ngày, dạng ngày/tháng/năm.');
		if (!d) { date.focus(); return; }
		const body = { years: Number(years.value), date: d };
		if (ref.value.trim()) body.ref = ref.value.trim();
		sendAction(page, 'badges', body, msg, save, 'Chưa ghi được việc trao huy hiệu.',
			(data) => `Đã trao Huy hiệu ${data.badge.years} năm tuổi Đảng, số ${data.badge.number}.`);
	} },
	h('h3', {}, 'Trao Huy hiệu Đảng'),
	h('div', { class: 'row' }, yearsF, dateF, refF), msg,
	h('div', { class: 'actions' }, save, h('button', { type: 'button', class: 'secondary', onclick: () => closeForm(page) }, 'Hủy')));
	openForm(page, form);
	years.focus();
}

// The forms of discipline (Điều lệ Đảng Điều 35, QĐ 296-QĐ/TW), as the API
// names them (POST /members/{id}/discipline).
const DISCIPLINE_FORMS = [['reprimand', 'Khiển trách'], ['warning', 'Cảnh cáo'], ['dismissal', 'Cách chức'], ['expulsion', 'Khai trừ']];

// A disciplinary measure by decision; the server refuses, citing the rule,
// what the member's status does not allow (a probationary member may only
// be reprimanded or warned).
function disciplineForm(page) {
	const kind = h('select', { name: 'form' }, DISCIPLINE_FORMS.map(([v, t]) => h('option', { value: v }, t)));
	const kindF = field('Hình thức', kind);
	const date = dateInput({ name: 'date' }, session.today || '');
	const dateF = field('Ngày quyết định', date);
	const reason = h('input', { type: 'text', name: 'reason', class: 'w-wide', autocomplete: 'off' });
	const reasonF = field('Lý do', reason, 'Không bắt buộc');
	const ref = h('input', { type: 'text', name: 'ref', class: 'w-wide', autocomplete: 'off' });
	const refF = field('Số quyết định', ref, 'Không bắt buộc');
	const msg = h('div', {});
	const save = h('button', { type: 'submit' }, 'Ghi kỷ luật');
	const form = h('form', { class: 'box', 'data-form': 'discipline', novalidate: true, onsubmit: (ev) => {
		ev.preventDefault();
		fill(msg);
		const d = date.iso();
		dateF.setError(d ? '' : 'Xin nhập ngày, dạng ngày/tháng/năm.');
		if (!d) { date.focus(); return; }
		const body = { form: kind.value, date: d };
		if (reason.value.trim()) body.reason = reason.value.trim();
		if (ref.value.trim()) body.ref = ref.value.trim();
		const label = DISCIPLINE_FORMS.find(([v]) => v === kind.value)[1];
		sendAction(page, 'discipline', body, msg, save, 'Chưa ghi được kỷ luật.',
			() => `Đã ghi kỷ luật: ${label}.`);
	} },
	h('h3', {}, 'Thi hành kỷ luật'),
	h('div', { class: 'row' }, kindF, dateF), h('div', { class: 'row' }, reasonF, refF), msg,
	h('div', { class: 'actions' }, save, h('button', { type: 'button', class: 'secondary', onclick: () => closeForm(page) }, 'Hủy')));
	openForm(page, form);
	kind.focus();
}

// The reasons for exemption (QĐ 294-QĐ/TW §7): the first two decided by the
// chi bộ without a term, the others for a stated term.
const EXEMPT_REASONS = [['age', 'Tuổi cao'], ['health', 'Sức khỏe yếu'], ['treatment', 'Điều trị bệnh dài ngày'],
	['abroad', 'Ra nước ngoài vì việc riêng'], ['remote', 'Ở xa nơi sinh hoạt'], ['mobile', 'Làm việc lưu động'],
	['retiring', 'Chờ nghỉ hưu'], ['maternity', 'Nghỉ thai sản']];

// An exemption from party work and activity (POST /members/{id}/exempt).
function exemptForm(page) {
	const reason = h('select', { name: 'reason' }, EXEMPT_REASONS.map(([v, t]) => h('option', { value: v }, t)));
	const reasonF = field('Lý do miễn', reason);
	const date = dateInput({ name: 'date' }, session.today || '');
	const dateF = field('Từ ngày', date);
	const until = dateInput({ name: 'until' }, '');
	const untilF = field('Đến ngày', until, 'Bắt buộc, trừ khi miễn vì tuổi cao hoặc sức khỏe');
	const ref = h('input', { type: 'text', name: 'ref', class: 'w-wide', autocomplete: 'off' });
	const refF = field('Số nghị quyết, quyết định', ref, 'Không bắt buộc');
	const msg = h('div', {});
	const save = h('button', { type: 'submit' }, 'Ghi miễn sinh hoạt');
	const form = h('form', { class: 'box', 'data-form': 'exempt', novalidate: true, onsubmit: (ev) => {
		ev.preventDefault();
		fill(msg);
		const d = date.iso(), u = until.value.trim() ? until.iso() : '';
		dateF.setError(d ? '' : 'Xin nhập ngày, dạng ngày/tháng/năm.');
		untilF.setError(u === null ? 'Xin nhập ngày, dạng ngày/tháng/năm.' : '');
		const bad = form.querySelector('[aria-invalid="true"]');
		if (bad) { bad.focus(); return; }
		const body = { action: 'start', date: d, reason: reason.value };
		if (u) body.until = u;
		if (ref.value.trim()) body.ref = ref.value.trim();
		sendAction(page, 'exempt', body, msg, save, 'Chưa ghi được việc miễn sinh hoạt.',
			() => 'Đã ghi miễn công tác và sinh hoạt đảng.');
	} },
	h('h3', {}, 'Miễn công tác và sinh hoạt đảng'),
	h('div', { class: 'row' }, reasonF, dateF, untilF), h('div', { class: 'row' }, refF), msg,
	h('div', { class: 'actions' }, save, h('button', { type: 'button', class: 'secondary', onclick: () => closeForm(page) }, 'Hủy')));
	openForm(page, form);
	reason.focus();
}

// ---- transfers of party activity (POST /members/{id}/transfer) ----

// A day as YYYY-MM-DD, n days after iso.
function addDays(iso, n) {
	const d = new Date(iso + 'T00:00:00Z');
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

// An official transfer introduced inside the database and not yet arrived
// (the member page does not carry it): the due list of the member's chi bộ
// a year ahead names every open introduction of it (not_arrived or
// transfer_late, QĐ 294-QĐ/TW §6.3). The due item, or null.
async function pendingTransfer(page) {
	const st = page.m.state || {};
	if (!st.is_member || !st.org || !(page.m.allowed_events || []).includes('move')) return null;
	try {
		const { data } = await api('GET', '/due', { query: { org: st.org.code, as_of: addDays(session.today || st.as_of, 366) } });
		return data.items.find((it) => it.member_id === page.id && ['not_arrived', 'transfer_late'].includes(it.kind)) || null;
	} catch (err) {
		return null;
	}
}

// The transfer actions, each offered when the rules allow it now (the
// member page's allowed_events; arrive when an introduction is open).
const TRANSFER_ACTIONS = [
	{ action: 'start', need: (p) => p.m.allowed_events.includes('move') && !p.pending, text: 'Giới thiệu chuyển sinh hoạt đảng chính thức đến chi bộ khác (trong đảng bộ)' },
	{ action: 'arrive', need: (p) => !!p.pending, text: 'Xác nhận đã đến sinh hoạt ở chi bộ mới' },
	{ action: 'out', need: (p) => p.m.allowed_events.includes('transfer_out'), text: 'Chuyển sinh hoạt đảng chính thức ra ngoài đảng bộ (tạo giấy giới thiệu)' },
	{ action: 'temp', need: (p) => p.m.allowed_events.includes('temp_out'), text: 'Chuyển sinh hoạt đảng tạm thời' },
	{ action: 'back', need: (p) => p.m.allowed_events.includes('temp_back'), text: 'Trở về sau sinh hoạt tạm thời' },
];

function transferActions(page) {
	return TRANSFER_ACTIONS.filter((a) => a.need(page));
}

// The transfer record (the file for the receiving database) to download.
function recordLink(page, record) {
	const blob = new Blob([JSON.stringify(record, null, 2) + '\n'], { type: 'application/json' });
	const a = h('a', { class: 'btn', href: URL.createObjectURL(blob), download: `chuyen-sinh-hoat-${page.id}.json`, 'data-action': 'record' },
		'Tải giấy giới thiệu chuyển sinh hoạt (tệp cho nơi nhận)');
	return h('div', { class: 'box ok', role: 'status' },
		h('p', { class: 'msg-title' }, 'Đã chuyển sinh hoạt đảng ra ngoài đảng bộ.'),
		h('p', {}, 'Tải tệp dưới đây và gửi cho tổ chức đảng nơi đến để họ nhập vào chương trình của họ. Tệp chỉ tạo một lần, hãy lưu lại ngay.'),
		h('div', { class: 'actions' }, a));
}

// Official (inside or out of the database) and temporary transfers (QĐ
// 294-QĐ/TW §6.3): the actions the rules allow, the fields each needs.
function transferForm(page) {
	const acts = transferActions(page);
	const kind = h('select', { name: 'action' }, acts.map((a) => h('option', { value: a.action }, a.text)));
	const kindF = field('Việc', kind);
	const date = dateInput({ name: 'date' }, session.today || '');
	const dateF = field('Ngày', date);
	const to = h('input', { type: 'text', name: 'to', class: 'w-code', autocomplete: 'off', spellcheck: 'false' });
	const toF = field('Chi bộ nơi đến (mã tổ chức)', to, 'Xem mã ở trang Cây tổ chức, ví dụ QN.06652.02.01');
	const unit = h('input', { type: 'text', name: 'to_unit', class: 'w-wide', autocomplete: 'off' });
	const unitF = field('Nơi đến (ngoài đảng bộ)', unit, 'Tên tổ chức đảng nơi đến');
	const decision = dateInput({ name: 'decision_date' }, '');
	const decisionF = field('Ngày quyết định (điều động, nghỉ hưu…)', decision, 'Không bắt buộc');
	const until = dateInput({ name: 'until' }, '');
	const untilF = field('Đến ngày', until, 'Sinh hoạt tạm thời từ 3 tháng đến dưới 1 năm (đi học: đến 2 năm)');
	const study = h('input', { type: 'checkbox', name: 'study' });
	const studyF = h('div', { class: 'field' }, h('label', {}, study, ' Đi học tập trung'));
	const ref = h('input', { type: 'text', name: 'ref', class: 'w-wide', autocomplete: 'off' });
	const refF = field('Số giấy giới thiệu, quyết định', ref, 'Không bắt buộc');
	const fields = { date: dateF, to: toF, to_unit: unitF, decision_date: decisionF, until: untilF, ref: refF, action: kindF };
	const shown = {
		start: [toF, decisionF, refF], arrive: [], out: [unitF, decisionF, refF], temp: [toF, unitF, untilF, studyF, refF], back: [],
	};
	const dateLabel = { start: 'Ngày giới thiệu', arrive: 'Ngày đến sinh hoạt', out: 'Ngày giới thiệu', temp: 'Từ ngày', back: 'Ngày trở về' };
	const pendingNote = page.pending ? h('p', { class: 'muted' }, 'Đang chờ đến: ', page.pending.note) : null;
	const show = () => {
		const a = kind.value;
		for (const f of [toF, unitF, decisionF, untilF, studyF, refF]) f.classList.toggle('hidden', !shown[a].includes(f));
		dateF.querySelector('label').firstChild.textContent = dateLabel[a];
		toF.querySelector('label').firstChild.textContent = a === 'temp' ? 'Chi bộ nơi đến trong đảng bộ (mã tổ chức)' : 'Chi bộ nơi đến (mã tổ chức)';
		if (pendingNote) pendingNote.classList.toggle('hidden', a !== 'arrive');
	};
	kind.addEventListener('change', show);
	const msg = h('div', {});
	const save = h('button', { type: 'submit' }, 'Ghi chuyển sinh hoạt');
	const form = h('form', { class: 'box', 'data-form': 'transfer', novalidate: true, onsubmit: (ev) => {
		ev.preventDefault();
		fill(msg);
		const a = kind.value;
		const d = date.iso(), dd = decision.iso(), u = until.iso();
		for (const f of Object.values(fields)) f.setError('');
		if (!d) dateF.setError('Xin nhập ngày, dạng ngày/tháng/năm.');
		if (dd === null) decisionF.setError('Ngày chưa đúng: viết ngày/tháng/năm.');
		if (a === 'start' && !to.value.trim()) toF.setError('Xin nhập mã chi bộ nơi đến.');
		if (a === 'out' && !unit.value.trim()) unitF.setError('Xin ghi nơi chuyển đến.');
		if (a === 'temp' && !u) untilF.setError('Xin nhập ngày kết thúc, dạng ngày/tháng/năm.');
		if (a === 'temp' && !to.value.trim() && !unit.value.trim()) toF.setError('Xin nhập mã chi bộ nơi đến, hoặc ghi nơi đến ngoài đảng bộ.');
		const bad = form.querySelector('.err:not(:empty)');
		if (bad) { const i = bad.parentElement.querySelector('input, select'); if (i) i.focus(); return; }
		const body = { action: a, date: d };
		if (shown[a].includes(toF) && to.value.trim()) body.to = to.value.trim();
		if (shown[a].includes(unitF) && unit.value.trim()) body.to_unit = unit.value.trim();
		if (shown[a].includes(decisionF) && dd) body.decision_date = dd;
		if (a === 'temp') { body.until = u; if (study.checked) body.study = true; }
		if (shown[a].includes(refF) && ref.value.trim()) body.ref = ref.value.trim();
		const text = acts.find((x) => x.action === a).text;
		sendAction(page, 'transfer', body, msg, save, 'Chưa ghi được việc chuyển sinh hoạt đảng.',
			(data) => a === 'out' && data.transfer_record ? recordLink(page, data.transfer_record) : `Đã ghi: ${text}, ngày ${fmtDate(d)}.`, fields);
	} },
	h('h3', {}, 'Chuyển sinh hoạt đảng'),
	h('p', { class: 'muted' }, 'Chỉ có những việc quy định cho phép với người này lúc này (QĐ 294-QĐ/TW §6.3).'),
	h('div', { class: 'row' }, kindF), pendingNote,
	h('div', { class: 'row' }, dateF, toF, unitF), h('div', { class: 'row' }, decisionF, untilF, studyF), h('div', { class: 'row' }, refF), msg,
	h('div', { class: 'actions' }, save, h('button', { type: 'button', class: 'secondary', onclick: () => closeForm(page) }, 'Hủy')));
	show();
	openForm(page, form);
	kind.focus();
}

// ---- the end of membership (POST /members/{id}/exit) ----

const EXIT_KINDS = [['remove', 'Xóa tên'], ['expel', 'Khai trừ'], ['leave', 'Xin ra khỏi Đảng'], ['death', 'Từ trần']];

// The five grounds of a removal (QĐ 294-QĐ/TW §8.1), as the API names them.
const REMOVAL_GROUNDS = [
	['abandon', 'Bỏ sinh hoạt đảng hoặc không đóng đảng phí 3 tháng trong năm không có lý do chính đáng'],
	['card', 'Tự ý trả thẻ đảng viên hoặc tự hủy thẻ đảng viên'],
	['no_progress', 'Giảm sút ý chí, không thực hiện nhiệm vụ đảng viên, được giáo dục 12 tháng không tiến bộ'],
	['standards', 'Vi phạm tư cách đảng viên hai năm liên tiếp'],
	['political', 'Không bảo đảm tiêu chuẩn chính trị'],
];

// The reason of an expulsion or exit; it decides a later re-admission (QĐ 294-QĐ/TW §3.5).
const EXIT_REASONS = [['', '(không ghi)'], ['corruption', 'Bị kết án về tham nhũng'], ['serious_crime', 'Bị kết án về tội nghiêm trọng trở lên'],
	['less_serious_crime', 'Bị kết án về tội ít nghiêm trọng'], ['disunity', 'Gây mất đoàn kết nội bộ nghiêm trọng'],
	['hardship', 'Hoàn cảnh gia đình đặc biệt khó khăn'], ['other', 'Lý do khác']];

function exitKinds(page) {
	return EXIT_KINDS.filter(([k]) => (page.m.allowed_events || []).includes(k));
}

// Removal, expulsion, voluntary exit or death (QĐ 294-QĐ/TW §8), those the
// rules allow now.
function exitForm(page) {
	const kinds = exitKinds(page);
	const kind = h('select', { name: 'kind' }, kinds.map(([v, t]) => h('option', { value: v }, t)));
	const kindF = field('Hình thức', kind);
	const date = dateInput({ name: 'date' }, session.today || '');
	const dateF = field('Ngày quyết định', date);
	const ground = h('select', { name: 'ground' }, h('option', { value: '' }, '(chọn căn cứ)'),
		REMOVAL_GROUNDS.map(([v, t], i) => h('option', { value: v }, `${i + 1}. ${t}`)));
	const groundF = field('Căn cứ xóa tên', ground, 'Một trong năm trường hợp (QĐ 294-QĐ/TW §8.1)');
	const reason = h('select', { name: 'reason' }, EXIT_REASONS.map(([v, t]) => h('option', { value: v }, t)));
	const reasonF = field('Lý do', reason, 'Quyết định việc kết nạp lại sau này');
	const votes = h('input', { type: 'text', name: 'votes', class: 'w-num', autocomplete: 'off' });
	const votesF = field('Chi bộ biểu quyết', votes, 'Số tán thành / tổng số, ví dụ 5/7');
	const cv = h('input', { type: 'text', name: 'committee_votes', class: 'w-num', autocomplete: 'off' });
	const cvF = field('Đảng ủy cơ sở biểu quyết', cv, 'Nếu có');
	const dv = h('input', { type: 'text', name: 'decision_votes', class: 'w-num', autocomplete: 'off' });
	const dvF = field('Ban thường vụ biểu quyết', dv, 'Nếu có');
	const ref = h('input', { type: 'text', name: 'ref', class: 'w-wide', autocomplete: 'off' });
	const refF = field('Số quyết định', ref, 'Không bắt buộc');
	const note = h('input', { type: 'text', name: 'note', class: 'w-wide', autocomplete: 'off' });
	const noteF = field('Ghi chú', note, 'Không bắt buộc');
	const fields = { kind: kindF, date: dateF, ground: groundF, reason: reasonF, votes: votesF, committee_votes: cvF, decision_votes: dvF, ref: refF, note: noteF };
	const shown = { remove: [groundF, votesF, cvF, dvF], expel: [reasonF, votesF, cvF, dvF], leave: [reasonF], death: [] };
	const show = () => {
		for (const f of [groundF, reasonF, votesF, cvF, dvF]) f.classList.toggle('hidden', !shown[kind.value].includes(f));
		dateF.querySelector('label').firstChild.textContent = kind.value === 'death' ? 'Ngày từ trần' : 'Ngày quyết định';
	};
	kind.addEventListener('change', show);
	const vote = /^\s*\d+\s*\/\s*\d+\s*$/;
	const msg = h('div', {});
	const save = h('button', { type: 'submit', class: 'danger' }, 'Ghi');
	const form = h('form', { class: 'box', 'data-form': 'exit', novalidate: true, onsubmit: (ev) => {
		ev.preventDefault();
		fill(msg);
		const k = kind.value, d = date.iso();
		for (const f of Object.values(fields)) f.setError('');
		if (!d) dateF.setError('Xin nhập ngày, dạng ngày/tháng/năm.');
		for (const [inp, f] of [[votes, votesF], [cv, cvF], [dv, dvF]])
			if (shown[k].includes(f) && inp.value.trim() && !vote.test(inp.value)) f.setError('Viết số tán thành / tổng số, ví dụ 5/7.');
		const bad = form.querySelector('.err:not(:empty)');
		if (bad) { const i = bad.parentElement.querySelector('input, select'); if (i) i.focus(); return; }
		const body = { kind: k, date: d };
		if (k === 'remove' && ground.value) body.ground = ground.value;
		if (shown[k].includes(reasonF) && reason.value) body.reason = reason.value;
		for (const [inp, f, key] of [[votes, votesF, 'votes'], [cv, cvF, 'committee_votes'], [dv, dvF, 'decision_votes']])
			if (shown[k].includes(f) && inp.value.trim()) body[key] = inp.value.replace(/\s/g, '');
		if (ref.value.trim()) body.ref = ref.value.trim();
		if (note.value.trim()) body.note = note.value.trim();
		const label = kinds.find(([v]) => v === k)[1];
		sendAction(page, 'exit', body, msg, save, `Chưa ghi được: ${label}.`, () => `Đã ghi: ${label}, ngày ${fmtDate(d)}.`, fields);
	} },
	h('h3', {}, 'Ra khỏi Đảng, xóa tên, khai trừ, từ trần'),
	h('p', { class: 'muted' }, 'Chỉ có những hình thức quy định cho phép với người này lúc này. Đảng viên dự bị vi phạm thì xóa tên, không khai trừ (QĐ 296-QĐ/TW).'),
	h('div', { class: 'row' }, kindF, dateF), h('div', { class: 'row' }, groundF, reasonF),
	h('div', { class: 'row' }, votesF, cvF, dvF), h('div', { class: 'row' }, refF, noteF), msg,
	h('div', { class: 'actions' }, save, h('button', { type: 'button', class: 'secondary', onclick: () => closeForm(page) }, 'Hủy')));
	show();
	openForm(page, form);
	kind.focus();
}
