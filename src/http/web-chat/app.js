// The local web chat: plain browser JavaScript, no build step. It talks to the JSON API
// (POST /api/chat, GET /api/chat/inbox) and renders the neutral Reply model: text, card, image.
// Every server or user string goes through textContent or an attribute: none is parsed as HTML.

const POLL_MS = 5000;
const DEFAULT_USER = 'rep1';
const STORAGE_KEY = 'salesbot.user';
const HANDLE_PATTERN = /^[\w.@-]{1,64}$/;

// What the user is told when a request fails, by HTTP status (or 'network' / 'format').
const ERROR_TEXT = {
  network: '连接不上服务器，请检查服务是否在运行，稍后再试。',
  format: '服务器的回答看不懂，请稍后再试。',
  400: '这条消息没能发送成功（请求格式不对）。',
  401: '没有登录凭证或凭证已失效：请使用带 ?token= 的链接打开本页。',
  403: '当前用户没有权限做这件事。',
  404: '聊天接口还没有就绪（404），请稍后再试。',
  429: '发送太频繁了，请稍等片刻再试。',
  4: '请求没有成功，请检查后再试。',
  5: '服务器开小差了，请稍后再试。',
};

const BUTTON_CLASS = { primary: 'btn-primary', danger: 'btn-danger', default: 'btn-default' };

const params = new URLSearchParams(location.search);
const token = params.get('token');
const $ = (id) => document.getElementById(id);
const list = $('message-list');
const input = $('message-input');
const picker = $('user-picker');

/** createElement with attributes, text and children; the only way this page builds DOM. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'testid') node.dataset.testid = value;
    else node.setAttribute(name, value);
  }
  node.append(...children.filter(Boolean));
  return node;
}

function show(node) {
  list.append(node);
  list.scrollTop = list.scrollHeight;
  return node;
}

// --- rendering -------------------------------------------------------------------------------

function showUserMessage(text) {
  return show(el('div', { class: 'message user', testid: 'user-message' }, el('div', { class: 'bubble', text })));
}

function showBotReply(reply, extraClass = '') {
  const node = botMessage(reply, extraClass);
  // The answer to a click takes the clicked card's place (issue #13).
  const replaced = reply.replaces?.messageId && document.getElementById(reply.replaces.messageId);
  if (replaced) {
    replaced.replaceWith(node);
    return node;
  }
  return show(node);
}

let nextCardId = 1;
function botMessage(reply, extraClass) {
  const bubble = el('div', { class: 'bubble' }, el('div', { class: 'text', text: String(reply.text ?? '') }));
  if (reply.image) bubble.append(renderImage(reply.image));
  if (reply.card) bubble.append(renderCard(reply.card));
  return el('div', { class: `message bot ${extraClass}`.trim(), testid: 'bot-message', id: `card-${nextCardId++}` }, bubble);
}

function showNote(text) {
  return show(el('p', { class: 'note', text }));
}

function showError(text) {
  return showBotReply({ text }, 'error');
}

function renderCard(card) {
  const node = el('div', { class: 'card', testid: 'card' });
  if (card.title) node.append(el('div', { class: 'card-title', testid: 'card-title', text: String(card.title) }));
  const fields = Array.isArray(card.fields) ? card.fields : [];
  if (fields.length) node.append(el('dl', { class: 'card-fields' }, ...fields.map(renderField)));
  const buttons = Array.isArray(card.buttons) ? card.buttons : [];
  if (buttons.length) node.append(el('div', { class: 'card-buttons' }, ...buttons.map(renderButton)));
  return node;
}

function renderField(field) {
  return el('div', { class: 'card-field', testid: 'card-field' },
    el('dt', { text: String(field.label ?? '') }),
    el('dd', { text: String(field.value ?? '') }));
}

function renderButton(button) {
  const node = el('button', {
    type: 'button', class: `card-button ${BUTTON_CLASS[button.style] ?? BUTTON_CLASS.default}`,
    testid: 'card-button', text: String(button.label ?? ''),
  });
  node.addEventListener('click', () => clickButton(node, button));
  return node;
}

// Only pictures from this server, http(s) or inline images: never javascript: or other schemes.
function renderImage(image) {
  const url = new URL(String(image.url ?? ''), location.href);
  const inline = url.protocol === 'data:' && url.href.startsWith('data:image/');
  if (!['http:', 'https:', 'blob:'].includes(url.protocol) && !inline) return null;
  return el('img', { class: 'reply-image', src: url.href, alt: String(image.alt ?? ''), loading: 'lazy' });
}

// --- talking to the API ----------------------------------------------------------------------

function headers() {
  const h = { accept: 'application/json' };
  if (token) h.authorization = `Bearer ${token}`;
  return h;
}

function errorText(status) {
  return ERROR_TEXT[status] ?? ERROR_TEXT[Math.floor(status / 100)] ?? ERROR_TEXT.format;
}

/** The replies, or throws an Error whose message is what the user should read. */
async function request(path, init = {}) {
  let res;
  try {
    res = await fetch(path, { ...init, headers: { ...headers(), ...init.headers } });
  } catch {
    throw Object.assign(new Error(ERROR_TEXT.network), { status: 0 });
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const detail = typeof body?.error?.message === 'string' ? body.error.message : typeof body?.message === 'string' ? body.message : '';
    throw Object.assign(new Error(`${errorText(res.status)}${detail ? `\n（${detail}）` : ''}`), { status: res.status });
  }
  if (!Array.isArray(body?.replies)) throw Object.assign(new Error(ERROR_TEXT.format), { status: res.status });
  return body.replies;
}

/** Posts a message or a button action and shows the answer; resolves to whether it worked. */
async function converse(payload) {
  const pending = show(el('div', { class: 'message bot pending', 'aria-label': '正在输入' }, el('div', { class: 'bubble', text: '…' })));
  try {
    const replies = await request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: picker.value, ...payload }),
    });
    pending.remove();
    for (const reply of replies) showBotReply(reply);
    return true;
  } catch (err) {
    pending.remove();
    showError(err.message);
    return false;
  }
}

function sendText(text) {
  const trimmed = text.trim();
  if (!trimmed) return;
  showUserMessage(trimmed);
  return converse({ text: trimmed });
}

// A button is answered once: its card's buttons stay disabled unless the click failed.
async function clickButton(node, button) {
  const siblings = [...node.closest('.card-buttons').querySelectorAll('button')];
  siblings.forEach((b) => { b.disabled = true; });
  node.classList.add('chosen');
  showUserMessage(String(button.label ?? ''));
  const source = { messageId: node.closest('.message')?.id };
  const ok = await converse({ action: { intent: button.action?.intent, args: button.action?.args ?? {} }, source });
  if (!ok) {
    siblings.forEach((b) => { b.disabled = false; });
    node.classList.remove('chosen');
  }
}

// Messages jobs wrote while the page was closed. A missing endpoint (404) or a hiccup is not
// worth a bubble every five seconds, so polling failures stay silent.
async function pollInbox() {
  if (document.hidden) return;
  try {
    const replies = await request(`/api/chat/inbox?user=${encodeURIComponent(picker.value)}`);
    for (const reply of replies) showBotReply(reply, 'inbox');
  } catch {
    // silent on purpose, see above
  }
}

function startPolling() {
  const tick = async () => {
    await pollInbox();
    setTimeout(tick, POLL_MS);
  };
  tick();
}

// --- who is chatting -------------------------------------------------------------------------

function initialUser() {
  const candidates = [params.get('user'), localStorage.getItem(STORAGE_KEY), DEFAULT_USER];
  return candidates.find((h) => h && HANDLE_PATTERN.test(h));
}

function selectUser(handle, announce) {
  if (![...picker.options].some((o) => o.value === handle)) picker.append(el('option', { value: handle, text: handle }));
  picker.value = handle;
  localStorage.setItem(STORAGE_KEY, handle);
  const url = new URL(location.href);
  url.searchParams.set('user', handle);
  history.replaceState(null, '', url);
  if (announce) showNote(`已切换为 ${picker.selectedOptions[0]?.textContent ?? handle}`);
}

function wireUserPicker() {
  selectUser(initialUser(), false);
  picker.addEventListener('change', () => selectUser(picker.value, true));
  $('handle-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const handle = $('handle-input').value.trim();
    if (!HANDLE_PATTERN.test(handle)) return showNote('用户名只能包含字母、数字和 _ . @ -');
    $('handle-input').value = '';
    selectUser(handle, true);
  });
}

// --- composing -------------------------------------------------------------------------------

function wireComposer() {
  // Enter that confirms an IME candidate (pinyin) must not send; Safari reports it as key 229.
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.isComposing || e.keyCode === 229)) e.preventDefault();
  });
  $('composer').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value;
    input.value = '';
    sendText(text);
    input.focus();
  });
  for (const chip of document.querySelectorAll('.chip')) {
    chip.addEventListener('click', () => sendText(chip.dataset.text ?? chip.textContent ?? ''));
  }
}

wireUserPicker();
wireComposer();
startPolling();
