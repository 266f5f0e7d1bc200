// Đổi mật khẩu: the logged-in user's own password (POST
// /api/v1/me/password); the server then ends the sessions, so the user
// logs in again with the new one.

import { api, session } from '../api.js';
import { h, fill, field, errorBox, fieldLabels } from '../ui.js';
import { go } from '../app.js';

export function render(main) {
	const old = h('input', { type: 'password', autocomplete: 'current-password' });
	const pw1 = h('input', { type: 'password', autocomplete: 'new-password' });
	const pw2 = h('input', { type: 'password', autocomplete: 'new-password' });
	const f2 = field('Nhập lại mật khẩu mới', pw2);
	const msg = h('div', { 'aria-live': 'polite' });
	fill(main, h('h1', {}, 'Đổi mật khẩu'),
		h('form', { class: 'box panel', onsubmit: async (ev) => {
			ev.preventDefault();
			fill(msg);
			if (pw1.value !== pw2.value) { f2.setError('Hai lần nhập mật khẩu mới không giống nhau.'); pw2.focus(); return; }
			f2.setError('');
			try {
				await api('POST', '/me/password', { json: { old_password: old.value, new_password: pw1.value } });
				session.user = null;
				sessionStorage.setItem('after-login', '#/tong-quan');
				go('#/dang-nhap');
			} catch (err) {
				fill(msg, errorBox(err, 'Chưa đổi được mật khẩu.', (c) => fieldLabels[c] || c));
			}
		} },
		field('Mật khẩu đang dùng', old),
		field('Mật khẩu mới', pw1, 'Ít nhất 8 ký tự'),
		f2, msg,
		h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Đổi mật khẩu'))),
		h('p', {}, 'Sau khi đổi, bạn đăng nhập lại bằng mật khẩu mới.'));
}
