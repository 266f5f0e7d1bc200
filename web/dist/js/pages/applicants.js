// Kết nạp đảng viên: the admission pipeline of an organization's subtree
// (GET /api/v1/applicants) — each applicant's steps done, the step expected
// next and its deadline with the rule that sets it, the end of the course
// certificate; adding an applicant (POST /applicants) and recording a step
// (POST /applicants/{code}/steps), for the roles that may change members.
// A step the rules refuse (QĐ 294-QĐ/TW §3, §4) is shown with the rule the
// server cites and nothing is recorded.

import { api, session } from '../api.js';
import { h, fill, field, dateInput, errorBox, okBox, fmtDate, fmtInt, canEditMembers, fieldErrors } from '../ui.js';
import { go } from '../app.js';

// The steps of an admission in their order, as the API names them.
const STEPS = [
	['helper', 'Phân công đảng viên giúp đỡ'],
	['course', 'Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng'],
	['application', 'Đơn xin vào Đảng'],
	['introducer', 'Giấy giới thiệu của đảng viên chính thức'],
	['union', 'Nghị quyết giới thiệu của Đoàn / Công đoàn'],
	['cell_vote', 'Nghị quyết chi bộ đề nghị kết nạp'],
	['committee_vote', 'Nghị quyết đảng ủy cơ sở'],
	['decision', 'Quyết định kết nạp'],
	['ceremony', 'Lễ kết nạp'],
	['drop', 'Đưa ra khỏi danh sách'],
];
const stepLabel = (s) => ({ admitted: 'Đã kết nạp', dropped: 'Đã đưa ra khỏi danh sách' })[s]
	|| (STEPS.find(([k]) => k === s) || [s, s])[1];

export async function render(main, params, query) {
	const page = { main, query, canEdit: canEditMembers(session.user) };
	const org = h('input', { type: 'text', name: 'org', class: 'w-code', value: query.org || session.user.org, autocomplete: 'off', spellcheck: 'false' });
	const asOf = dateInput({ name: 'as_of' }, query.as_of || session.today || '');
	const all = h('input', { type: 'checkbox', name: 'all', checked: query.all === '1' });
	const f = { org: field('Mã tổ chức', org, 'Xem mã ở trang Cây tổ chức'), asOf: field('Tính đến ngày', asOf) };
	const form = h('form', { class: 'box panel', novalidate: true, onsubmit: (ev) => {
		ev.preventDefault();
		const day = asOf.iso();
		if (day === null) { f.asOf.setError('Ngày viết kiểu ngày/tháng/năm, ví dụ 23/11/2026.'); return; }
		const q = new URLSearchParams({ org: org.value.trim() });
		if (day) q.set('as_of', day);
		if (all.checked) q.set('all', '1');
		go('#/ket-nap?' + q.toString());
	} },
	h('div', { class: 'row' }, f.org, f.asOf,
		h('div', { class: 'field' }, h('label', {}, all, ' Cả người đã kết nạp, đã đưa ra khỏi danh sách')),
		h('div', { class: 'field' }, h('button', { type: 'submit' }, 'Xem'))));
	page.org = org.value.trim();
	page.asOf = asOf.iso() || '';
	page.all = all.checked;
	page.formBox = h('div', { 'aria-live': 'polite' });
	page.notice = h('div', { 'aria-live': 'polite' });
	page.list = h('div', {});
	const add = page.canEdit && h('div', { class: 'actions' },
		h('button', { type: 'button', 'data-action': 'add', onclick: () => addForm(page) }, '+ Thêm người xin vào Đảng'));
	fill(main, h('h1', {}, 'Kết nạp đảng viên'),
		h('p', { class: 'muted' }, 'Quần chúng ưu tú, người xin vào Đảng: các bước đã làm, bước tiếp theo và hạn của bước đó (QĐ 294-QĐ/TW §3, §4).'),
		form, add, page.formBox, page.notice, page.list);
	await loadList(page);
}

async function loadList(page) {
	fill(page.list, h('p', { role: 'status' }, 'Đang tải…'));
	let d;
	try {
		({ data: d } = await api('GET', '/applicants', { query: { org: page.org, as_of: page.asOf, all: page.all ? 1 : undefined } }));
	} catch (err) {
		fill(page.list, errorBox(err, 'Không lấy được danh sách người xin vào Đảng.'));
		return;
	}
	page.items = d.items;
	if (!d.items.length) {
		fill(page.list, h('p', { role: 'status' }, 'Chưa có người xin vào Đảng nào trong danh sách của tổ chức này.'));
		return;
	}
	fill(page.list, h('p', { role: 'status' }, `${fmtInt(d.items.length)} người.`),
		h('div', { class: 'table-wrap' }, h('table', { id: 'danh-sach-ket-nap' },
			h('thead', {}, h('tr', {},
				h('th', { scope: 'col' }, 'Mã'), h('th', { scope: 'col' }, 'Họ và tên'), h('th', { scope: 'col' }, 'Ngày sinh'),
				h('th', { scope: 'col' }, 'Chi bộ'), h('th', { scope: 'col' }, 'Bước đã làm'), h('th', { scope: 'col' }, 'Bước tiếp theo, hạn'),
				page.canEdit && h('th', { scope: 'col' }, 'Việc'))),
			h('tbody', {}, d.items.map((a) => row(page, a))))));
}

function row(page, a) {
	const last = (a.steps || [])[a.steps.length - 1];
	const done = a.next === 'admitted' || a.next === 'dropped';
	const late = !!a.deadline && a.deadline < (page.asOf || session.today || '');
	return h('tr', { 'data-code': a.code },
		h('td', { class: 'nowrap' }, a.code),
		h('td', {}, a.member_id ? h('a', { href: '#/dang-vien/' + encodeURIComponent(a.member_id) }, a.full_name) : a.full_name),
		h('td', { class: 'nowrap' }, fmtDate(a.birth_date)),
		h('td', { class: 'nowrap' }, a.org),
		h('td', {}, last ? [fmtDate(last.date), ' — ', last.label || stepLabel(last.step), last.passed === false ? ' (không đạt)' : ''] : h('span', { class: 'muted' }, 'Chưa có bước nào'),
			a.certificate_end ? h('div', { class: 'muted' }, `Giấy chứng nhận học lớp có giá trị đến ${fmtDate(a.certificate_end)}`) : null),
		h('td', { class: 'next' }, h('strong', {}, stepLabel(a.next)),
			a.deadline ? h('div', {}, h('span', { class: late ? 'tag bad' : 'tag' }, (late ? 'Quá hạn — hạn ' : 'Hạn ') + fmtDate(a.deadline)),
				a.deadline_rule ? [' ', h('span', { class: 'muted' }, a.deadline_rule)] : null) : null),
		page.canEdit && h('td', {}, !done && h('button', { type: 'button', class: 'small', 'data-action': 'step', onclick: () => stepForm(page, a) }, 'Ghi bước')));
}

function openForm(page, form) {
	fill(page.notice);
	fill(page.formBox, form);
	form.scrollIntoView({ block: 'nearest' });
}

function cancel(page) {
	return h('button', { type: 'button', class: 'secondary', onclick: () => fill(page.formBox) }, 'Hủy');
}

// Adding an applicant to the list of the proposing chi bộ (rules.md §4.1).
function addForm(page) {
	const inp = {
		code: h('input', { type: 'text', name: 'code', class: 'w-code', autocomplete: 'off', spellcheck: 'false' }),
		full_name: h('input', { type: 'text', name: 'full_name', class: 'w-wide', autocomplete: 'off' }),
		gender: h('select', { name: 'gender' }, h('option', { value: 'nam' }, 'Nam'), h('option', { value: 'nữ' }, 'Nữ')),
		birth_date: dateInput({ name: 'birth_date' }, ''),
		org: h('input', { type: 'text', name: 'org', class: 'w-code', autocomplete: 'off', spellcheck: 'false', value: page.org.includes('.') ? page.org : '' }),
		listed_on: dateInput({ name: 'listed_on' }, session.today || ''),
		ethnicity: h('input', { type: 'text', name: 'ethnicity', autocomplete: 'off', value: 'Kinh' }),
		religion: h('input', { type: 'text', name: 'religion', autocomplete: 'off' }),
		card_number: h('input', { type: 'text', name: 'card_number', class: 'w-code', inputmode: 'numeric', autocomplete: 'off' }),
		note: h('input', { type: 'text', name: 'note', class: 'w-wide', autocomplete: 'off' }),
	};
	const f = {
		code: field('Mã người xin vào Đảng', inp.code, 'Do tổ chức đặt, ví dụ UT-2026-001'),
		full_name: field('Họ và tên', inp.full_name),
		gender: field('Giới tính', inp.gender),
		birth_date: field('Ngày sinh', inp.birth_date),
		org: field('Chi bộ đề nghị (mã tổ chức)', inp.org, 'Ví dụ QN.06652.01.01'),
		listed_on: field('Ngày đưa vào danh sách', inp.listed_on),
		ethnicity: field('Dân tộc', inp.ethnicity),
		religion: field('Tôn giáo', inp.religion, 'Không bắt buộc'),
		card_number: field('Số định danh cá nhân', inp.card_number, '12 chữ số, không bắt buộc'),
		note: field('Ghi chú', inp.note, 'Không bắt buộc'),
	};
	const msg = h('div', {});
	const save = h('button', { type: 'submit' }, 'Thêm vào danh sách');
	const form = h('form', { class: 'box', 'data-form': 'applicant', novalidate: true, onsubmit: async (ev) => {
		ev.preventDefault();
		fill(msg);
		for (const w of Object.values(f)) w.setError('');
		const body = {};
		for (const k of ['code', 'full_name', 'org']) {
			body[k] = inp[k].value.trim();
			if (!body[k]) f[k].setError('Xin điền mục này.');
		}
		body.gender = inp.gender.value;
		for (const k of ['birth_date', 'listed_on']) {
			const v = inp[k].iso();
			if (v === null || (k === 'birth_date' && !v)) f[k].setError('Xin nhập ngày, dạng ngày/tháng/năm.');
			else if (v) body[k] = v;
		}
		for (const k of ['ethnicity', 'religion', 'card_number', 'note'])
			if (inp[k].value.trim()) body[k] = inp[k].value.trim();
		const bad = form.querySelector('.err:not(:empty)');
		if (bad) { bad.parentElement.querySelector('input, select').focus(); return; }
		save.disabled = true;
		try {
			const { data } = await api('POST', '/applicants', { json: body });
			fill(page.formBox);
			fill(page.notice, okBox(`Đã thêm ${data.full_name} (mã ${data.code}) vào danh sách. Bước tiếp theo: ${stepLabel(data.next)}.`));
			await loadList(page);
		} catch (err) {
			const first = fieldErrors(err, f);
			fill(msg, errorBox(err, 'Chưa thêm được.'));
			if (first) first.focus();
			save.disabled = false;
		}
	} },
	h('h2', {}, 'Thêm người xin vào Đảng'),
	h('div', { class: 'row' }, f.code, f.full_name, f.gender, f.birth_date),
	h('div', { class: 'row' }, f.org, f.listed_on, f.ethnicity, f.religion, f.card_number),
	h('div', { class: 'row' }, f.note), msg,
	h('div', { class: 'actions' }, save, cancel(page)));
	openForm(page, form);
	inp.code.focus();
}

// Which fields each step takes (POST /applicants/{code}/steps).
const STEP_FIELDS = {
	helper: ['person', 'ref', 'note'],
	course: ['ref', 'note'],
	application: ['note'],
	introducer: ['person', 'since', 'ref', 'note'],
	union: ['votes', 'ref', 'note'],
	cell_vote: ['votes', 'ref', 'note'],
	committee_vote: ['votes', 'ref', 'note'],
	decision: ['votes', 'ref', 'extended', 'authorised', 'late', 'note'],
	ceremony: ['member_id', 'late', 'note'],
	drop: ['note'],
};

// Recording one step of an applicant, each checked by the server against
// the rule in force on its date.
function stepForm(page, a) {
	const step = h('select', { name: 'step' }, STEPS.map(([k, t]) => h('option', { value: k }, t)));
	step.value = STEPS.some(([k]) => k === a.next) ? a.next : 'helper';
	const inp = {
		date: dateInput({ name: 'date' }, session.today || ''),
		votes: h('input', { type: 'text', name: 'votes', class: 'w-num', autocomplete: 'off' }),
		person: h('input', { type: 'text', name: 'person', class: 'w-code', autocomplete: 'off', spellcheck: 'false' }),
		since: dateInput({ name: 'since' }, ''),
		ref: h('input', { type: 'text', name: 'ref', class: 'w-wide', autocomplete: 'off' }),
		late: h('input', { type: 'text', name: 'late', class: 'w-wide', autocomplete: 'off' }),
		member_id: h('input', { type: 'text', name: 'member_id', class: 'w-code', autocomplete: 'off', spellcheck: 'false' }),
		note: h('input', { type: 'text', name: 'note', class: 'w-wide', autocomplete: 'off' }),
		extended: h('input', { type: 'checkbox', name: 'extended' }),
		authorised: h('input', { type: 'checkbox', name: 'authorised' }),
	};
	const f = {
		step: field('Bước', step),
		date: field('Ngày', inp.date, 'Ngày của văn bản hoặc sự việc'),
		votes: field('Biểu quyết tán thành', inp.votes, 'Số tán thành / tổng số, ví dụ 5/7'),
		person: field('Đảng viên (số lý lịch)', inp.person, 'Người giúp đỡ hoặc người giới thiệu'),
		since: field('Cùng công tác, sinh hoạt từ ngày', inp.since),
		ref: field('Số văn bản', inp.ref, 'Số giấy chứng nhận, nghị quyết, quyết định; không bắt buộc'),
		late: field('Lý do làm quá hạn', inp.late, 'Chỉ khi đã quá thời hạn: ý kiến đồng ý hoặc lý do'),
		member_id: field('Số lý lịch của đảng viên mới', inp.member_id, 'Bỏ trống: chương trình cấp số tiếp theo'),
		note: field('Ghi chú', inp.note, 'Không bắt buộc'),
		extended: h('div', { class: 'field' }, h('label', {}, inp.extended, ' Trường hợp đặc biệt, thêm 15 ngày làm việc')),
		authorised: h('div', { class: 'field' }, h('label', {}, inp.authorised, ' Đảng ủy cơ sở được ủy quyền quyết định kết nạp')),
	};
	const show = () => {
		const want = STEP_FIELDS[step.value];
		for (const k of ['votes', 'person', 'since', 'member_id', 'ref', 'late', 'extended', 'authorised'])
			f[k].classList.toggle('hidden', !want.includes(k));
		f.person.querySelector('label').firstChild.textContent = step.value === 'helper' ? 'Đảng viên giúp đỡ (số lý lịch)' : 'Đảng viên giới thiệu (số lý lịch)';
	};
	step.addEventListener('change', show);
	const vote = /^\s*\d+\s*\/\s*\d+\s*$/;
	const msg = h('div', {});
	const save = h('button', { type: 'submit' }, 'Ghi bước này');
	const form = h('form', { class: 'box', 'data-form': 'step', novalidate: true, onsubmit: async (ev) => {
		ev.preventDefault();
		fill(msg);
		for (const w of Object.values(f)) if (w.setError) w.setError('');
		const s = step.value, want = STEP_FIELDS[s];
		const body = { step: s };
		const d = inp.date.iso();
		if (!d) f.date.setError('Xin nhập ngày, dạng ngày/tháng/năm.');
		else body.date = d;
		if (want.includes('votes') && inp.votes.value.trim()) {
			if (!vote.test(inp.votes.value)) f.votes.setError('Viết số tán thành / tổng số, ví dụ 5/7.');
			else body.votes = inp.votes.value.replace(/\s/g, '');
		}
		if (want.includes('since')) {
			const v = inp.since.iso();
			if (v === null) f.since.setError('Ngày chưa đúng: viết ngày/tháng/năm.');
			else if (v) body.since = v;
		}
		for (const k of ['person', 'ref', 'late', 'member_id', 'note'])
			if (want.includes(k) && inp[k].value.trim()) body[k] = inp[k].value.trim();
		for (const k of ['extended', 'authorised'])
			if (want.includes(k) && inp[k].checked) body[k] = true;
		const bad = form.querySelector('.err:not(:empty)');
		if (bad) { bad.parentElement.querySelector('input, select').focus(); return; }
		save.disabled = true;
		const label = stepLabel(s);
		try {
			const { data } = await api('POST', `/applicants/${encodeURIComponent(a.code)}/steps`, { json: body });
			fill(page.formBox);
			const warn = data.note ? h('div', { class: 'box warn', role: 'status' }, h('p', { class: 'msg-title' }, 'Lưu ý'), h('p', {}, data.note)) : null;
			fill(page.notice,
				data.passed === false && ['union', 'cell_vote', 'committee_vote', 'decision'].includes(s)
					? h('div', { class: 'box warn', role: 'status' }, h('p', { class: 'msg-title' }, `Đã ghi: ${label} của ${a.full_name} ngày ${fmtDate(d)} — không đạt.`))
					: okBox(`Đã ghi: ${label} của ${a.full_name} ngày ${fmtDate(d)}.`,
						data.member_created && data.member_id ? h('p', {}, 'Đã có hồ sơ đảng viên dự bị: ',
							h('a', { href: '#/dang-vien/' + encodeURIComponent(data.member_id) }, `số lý lịch ${data.member_id}`), '.') : null),
				warn);
			await loadList(page);
		} catch (err) {
			const first = fieldErrors(err, f);
			fill(msg, errorBox(err, `Chưa ghi được "${label}".`));
			if (first) first.focus();
			save.disabled = false;
		}
	} },
	h('h2', {}, `Ghi bước kết nạp: ${a.full_name} (mã ${a.code})`),
	h('p', { class: 'muted' }, 'Bước tiếp theo theo quy định: ', h('strong', {}, stepLabel(a.next)),
		a.deadline ? `, hạn ${fmtDate(a.deadline)}` : '', '.'),
	h('div', { class: 'row' }, f.step, f.date),
	h('div', { class: 'row' }, f.votes, f.person, f.since, f.member_id),
	h('div', { class: 'row' }, f.ref, f.late), h('div', { class: 'row' }, f.extended, f.authorised), h('div', { class: 'row' }, f.note), msg,
	h('div', { class: 'actions' }, save, cancel(page)));
	show();
	openForm(page, form);
	step.focus();
}
