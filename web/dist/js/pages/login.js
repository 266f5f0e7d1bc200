// The login page: login and password; the server's refusal in Vietnamese,
// including the wait after too many failures (429 with Retry-After).

import { api, ApiError } from '../api.js';
import { h, fill, field, errorBox } from '../ui.js';
import { loggedIn } from '../app.js';

export function render(main) {
	const login = h('input', { type: 'text', name: 'login', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
	const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
	const msg = h('div', { 'aria-live': 'polite' });
	const submit = h('button', { type: 'submit' }, 'Đăng nhập');
	if (sessionStorage.getItem('expired')) {
		sessionStorage.removeItem('expired');
		msg.appendChild(h('div', { class: 'box warn', role: 'status' }, h('p', {}, 'Phiên làm việc đã hết. Xin đăng nhập lại.')));
	}
	const form = h('form', { class: 'login', novalidate: true, onsubmit: async (ev) => {
		ev.preventDefault();
		fill(msg);
		if (!login.value.trim() || !password.value) {
			msg.appendChild(h('div', { class: 'box error', role: 'alert' }, h('p', {}, 'Xin nhập cả tên đăng nhập và mật khẩu.')));
			(login.value.trim() ? password : login).focus();
			return;
		}
		submit.disabled = true;
		submit.textContent = 'Đang đăng nhập…';
		try {
			const { data } = await api('POST', '/session', { json: { login: login.value.trim(), password: password.value } });
			await loggedIn(data);
		} catch (err) {
			if (err instanceof ApiError && err.status === 429) {
				const wait = Math.ceil((err.body.retry_after || 900) / 60);
				fill(msg, h('div', { class: 'box error', role: 'alert' },
					h('p', { class: 'msg-title' }, `Đã đăng nhập sai quá nhiều lần. Xin đợi ${wait} phút rồi thử lại.`),
					h('p', {}, 'Việc tạm khóa này để bảo vệ tài khoản. Nếu quên mật khẩu, hãy nhờ người quản trị đặt mật khẩu mới.')));
			} else {
				fill(msg, errorBox(err, 'Không đăng nhập được.'));
			}
			password.value = '';
			password.focus();
		} finally {
			submit.disabled = false;
			submit.textContent = 'Đăng nhập';
		}
	} },
	h('h1', {}, 'Đăng nhập'),
	h('p', {}, 'Quản lý tổ chức đảng và đảng viên'),
	field('Tên đăng nhập', login),
	field('Mật khẩu', password),
	msg,
	h('div', { class: 'actions' }, submit));
	fill(main, form);
	login.focus();
}
