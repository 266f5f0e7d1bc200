// Người dùng (administrators only): the users whose scope is within the
// administrator's (GET /api/v1/users), each with role and scope; adding a
// user, disabling and enabling one, setting a new password.

import { api, session } from '../api.js';
import { h, fill, field, errorBox, okBox, fmtTime, roleLabels, fieldLabels } from '../ui.js';

export async function render(main) {
	const list = h('div', { 'aria-live': 'polite' });
	const msg = h('div', { 'aria-live': 'polite' });
	fill(main, h('h1', {}, 'Người dùng'),
		h('p', {}, 'Mỗi người dùng có một vai trò và một phạm vi: tổ chức mà người đó được xem và làm việc (gồm cả các tổ chức trực thuộc).'),
		msg, list, addForm(msg, () => load(list, msg)));
	await load(list, msg);
}

async function load(box, msg) {
	let d;
	try {
		({ data: d } = await api('GET', '/users'));
	} catch (err) {
		fill(box, errorBox(err, 'Không tải được danh sách người dùng.'));
		return;
	}
	const rows = d.users.map((u) => {
		const pwBox = h('div', {});
		const act = async (path, done) => {
			try {
				await api('POST', `/users/${encodeURIComponent(u.login)}/${path}`);
				fill(msg, okBox(done));
				await load(box, msg);
			} catch (err) {
				fill(msg, errorBox(err, 'Chưa làm được.'));
			}
		};
		const self = u.login === session.user.login;
		return h('tr', { 'data-login': u.login },
			h('td', {}, h('strong', {}, u.login)),
			h('td', {}, u.role_label || roleLabels[u.role] || u.role),
			h('td', {}, u.org_name || u.org, h('br'), h('span', { class: 'muted' }, u.org)),
			h('td', {}, u.disabled ? h('span', { class: 'tag bad' }, 'Đã khóa') : h('span', { class: 'tag ok' }, 'Đang dùng'),
				h('br'), h('span', { class: 'muted' }, 'Tạo lúc ' + fmtTime(u.created_at))),
			h('td', {},
				h('div', { class: 'actions' },
					self ? h('span', { class: 'muted' }, '(tài khoản của bạn)')
						: u.disabled
							? h('button', { type: 'button', class: 'small', onclick: () => act('enable', `Đã mở khóa ${u.login}.`) }, 'Mở khóa')
							: h('button', { type: 'button', class: 'small danger', onclick: () => act('disable', `Đã khóa ${u.login}: người này không đăng nhập được nữa.`) }, 'Khóa'),
					h('button', { type: 'button', class: 'small secondary', onclick: () => passwordForm(pwBox, u.login, msg) }, 'Đặt mật khẩu mới')),
				pwBox));
	});
	fill(box, h('div', { class: 'table-wrap' }, h('table', {},
		h('thead', {}, h('tr', {}, h('th', {}, 'Tên đăng nhập'), h('th', {}, 'Vai trò'), h('th', {}, 'Phạm vi'), h('th', {}, 'Trạng thái'), h('th', {}, 'Việc'))),
		h('tbody', {}, rows))));
}

function passwordForm(box, login, msg) {
	const pw = h('input', { type: 'password', autocomplete: 'new-password' });
	const f = field(`Mật khẩu mới cho ${login}`, pw, 'Ít nhất 8 ký tự');
	fill(box, h('form', { onsubmit: async (ev) => {
		ev.preventDefault();
		try {
			await api('POST', `/users/${encodeURIComponent(login)}/password`, { json: { password: pw.value } });
			fill(box);
			fill(msg, okBox(`Đã đặt mật khẩu mới cho ${login}. Người này phải đăng nhập lại.`));
		} catch (err) {
			fill(msg, errorBox(err, 'Chưa đặt được mật khẩu.', (c) => fieldLabels[c] || c));
		}
	} }, f, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'small' }, 'Lưu mật khẩu'),
		h('button', { type: 'button', class: 'small secondary', onclick: () => fill(box) }, 'Hủy'))));
	pw.focus();
}

function addForm(msg, reload) {
	const login = h('input', { type: 'text', name: 'login', autocomplete: 'off', spellcheck: 'false' });
	const pw = h('input', { type: 'password', name: 'password', autocomplete: 'new-password' });
	const role = h('select', { name: 'role' }, Object.entries(roleLabels).map(([v, t]) => h('option', { value: v }, t)));
	role.value = 'secretary';
	const org = h('input', { type: 'text', name: 'org', class: 'w-code', autocomplete: 'off', spellcheck: 'false', value: session.user.org });
	return h('form', { class: 'box panel', onsubmit: async (ev) => {
		ev.preventDefault();
		try {
			await api('POST', '/users', { json: { login: login.value.trim(), password: pw.value, role: role.value, org: org.value.trim() } });
			fill(msg, okBox(`Đã thêm người dùng ${login.value.trim()}.`));
			login.value = pw.value = '';
			await reload();
		} catch (err) {
			fill(msg, errorBox(err, 'Chưa thêm được người dùng.', (c) => fieldLabels[c] || c));
		}
		msg.scrollIntoView({ block: 'nearest' });
	} },
	h('h2', {}, 'Thêm người dùng'),
	h('div', { class: 'row' },
		field('Tên đăng nhập', login, 'Chữ không dấu, số, dấu chấm'),
		field('Mật khẩu', pw, 'Ít nhất 8 ký tự'),
		field('Vai trò', role),
		field('Phạm vi (mã tổ chức)', org, 'Ví dụ mã một chi bộ')),
	h('ul', { class: 'hint' },
		h('li', {}, 'Quản trị: mọi việc trong phạm vi, kể cả người dùng.'),
		h('li', {}, 'Cán bộ tổ chức: xem; sửa tổ chức, đảng viên; nhập dữ liệu.'),
		h('li', {}, 'Bí thư chi bộ: xem; thêm, sửa đảng viên, ghi sự kiện.'),
		h('li', {}, 'Chỉ xem: chỉ xem, không sửa gì.')),
	h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Thêm người dùng')));
}
