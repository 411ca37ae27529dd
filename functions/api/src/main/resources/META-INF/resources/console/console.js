// The back-office console: a page over the API. It signs staff in (authorization code flow with PKCE), shows
// the views a role has, and sends every action as the API call loanctl or a script would make. The server
// enforces the roles; the page only leaves out what would be refused.

const WORDS = {
  en: {
    title: 'Back office', signIn: 'Sign in', signOut: 'Sign out', signInFirst: 'Staff sign in with the lender\'s identity provider.',
    reviews: 'Review queue', application: 'Application', amount: 'Amount', waiting: 'Waiting', score: 'Score',
    reasons: 'Why referred', borrower: 'Borrower', withUs: 'With us before', decision: 'Decision',
    approve: 'Approve', decline: 'Decline', confirm: 'Confirm', sendBack: 'Send back', reason: 'Reason (the borrower may ask)',
    left: 'left', overdueBy: 'overdue by', empty: 'Nobody is waiting for a review.', twoPeople: 'Needs a second person',
    decidedBy: 'decided by', waitsForSecond: 'Waiting for a second person to confirm.', yourOwn: 'Your own decision: another person confirms it.',
    applications: 'applications', loansHeld: 'loans', holds: 'holds', approved: 'approve', declined: 'decline',
    done: 'Done', noView: 'Your role has no view here yet.', sayWhy: 'Say why first.',
    workflows: 'Workflows', status: 'Status', error: 'Error', since: 'From', until: 'To', search: 'Search',
    started: 'Started', cause: 'Cause', outcome: 'Outcome', history: 'History', replayFrom: 'Replay from',
    redrive: 'Redrive (from where it stopped)', runSelected: 'Run on the selected', selectAll: 'Select all',
    noExecutions: 'No executions match.', chooseFirst: 'Select executions first.', of: 'of', path: 'Path',
    stoppedAt: 'stopped at', close: 'Close', recorded: 'Recorded on the application',
    audit: 'Audit', day: 'Day', who: 'Who', roles: 'Roles', action: 'Action', requestId: 'Request', at: 'When',
    nothingDone: 'Nobody did anything that day.', why: 'Why',
    portfolio: 'Portfolio', product: 'Product', allProducts: 'All products', months: 'Months',
    mix: 'Five-tier mix (balance, yuan)', rates: 'Overdue and bad-debt rate', approval: 'Approval time (seconds, 30 days to the month end)',
    shares: 'Auto-approval, collection success, repeat loans', overdueRate: 'overdue', badDebtRate: 'bad debt',
    p50: 'p50', p95: 'p95', autoApproval: 'auto-approved', collectionSuccess: 'collections succeeded', repeatLoans: 'repeat loans',
    NORMAL: 'normal', SPECIAL_MENTION: 'special mention', SUBSTANDARD: 'substandard', DOUBTFUL: 'doubtful', LOSS: 'loss',
    loans: 'Loans', loanId: 'Loan id', open: 'Open', schedule: 'Schedule', repayments: 'Repayments',
    classChanges: 'Class changes', contacts: 'Contacts', calls: 'Calls', journal: 'Journal', outstanding: 'Outstanding principal',
    dpd: 'Days past due', fiveTier: 'Class', due: 'Due', principal: 'Principal', interest: 'Interest', paid: 'Paid', settled: 'Settled',
    origin: 'Origin', account: 'Account', debit: 'Debit', credit: 'Credit', kind: 'Kind', none: 'None.', answered: 'answered',
    unanswered: 'not answered',
    collections: 'Collections', tier: 'Tier', REMINDERS: 'Reminders', NEGOTIATION: 'Negotiation', AGENCY: 'Agency',
    daysRange: 'days past due', owed: 'Owed now', nextCall: 'Next call allowed', lastCall: 'Last call', promise: 'Promise to pay',
    withAgency: 'with the agency', forAgency: 'to hand over', inTier: 'loans in this tier', callNow: 'now',
    party: 'Called', BORROWER: 'borrower', THIRD_PARTY: 'third party', number: 'Number', numberOnFile: 'the borrower\'s mobile on file',
    aboutTheDebt: 'About the debt', note: 'Note', promiseAmount: 'Promised amount', promiseBy: 'Pay by', logCall: 'Log the call',
    NO_ANSWER: 'no answer', PROMISE_TO_PAY: 'promise to pay', REFUSED_TO_PAY: 'refused to pay', DISPUTED: 'disputed',
    CALL_BACK_LATER: 'call back later', WRONG_NUMBER: 'wrong number', LEFT_MESSAGE: 'left a message',
    PENDING: 'pending', KEPT: 'kept', BROKEN: 'broken', unansweredToday: 'unanswered today', by: 'by',
    handOver: 'Hand to the agency', agency: 'Agency', handoverReason: 'Why it goes to the agency', handedTo: 'Handed to',
    dataGiven: 'data given', logged: 'Call logged', state: 'State', anyState: 'any',
  },
  zh: {
    title: '微贷后台', signIn: '登录', signOut: '退出', signInFirst: '员工通过机构的身份提供方登录。',
    reviews: '人工审核队列', application: '申请', amount: '金额', waiting: '已等待', score: '评分',
    reasons: '转人工原因', borrower: '借款人', withUs: '往来记录', decision: '决定',
    approve: '批准', decline: '拒绝', confirm: '复核同意', sendBack: '退回', reason: '理由（借款人可查询）',
    left: '剩余', overdueBy: '已超时', empty: '没有待审核的申请。', twoPeople: '需第二人复核',
    decidedBy: '决定人', waitsForSecond: '等待第二人复核。', yourOwn: '这是您本人的决定，须由他人复核。',
    applications: '笔申请', loansHeld: '笔贷款', holds: '占用额度', approved: '批准', declined: '拒绝',
    done: '已完成', noView: '您的角色暂无可用页面。', sayWhy: '请先填写理由。',
    workflows: '流程', status: '状态', error: '错误', since: '起', until: '止', search: '查询',
    started: '开始', cause: '原因', outcome: '结果', history: '历史', replayFrom: '从此步重放',
    redrive: '重新驱动（从中断处继续）', runSelected: '对所选执行', selectAll: '全选',
    noExecutions: '没有符合条件的执行。', chooseFirst: '请先选择执行。', of: '/', path: '路径',
    stoppedAt: '停在', close: '关闭', recorded: '申请上记录的失败原因',
    audit: '审计', day: '日期', who: '操作人', roles: '角色', action: '操作', requestId: '请求', at: '时间',
    nothingDone: '当天没有操作记录。', why: '理由',
    portfolio: '资产组合', product: '产品', allProducts: '全部产品', months: '月数',
    mix: '五级分类（余额，元）', rates: '逾期率与坏账率', approval: '审批时长（秒，月末前30天）',
    shares: '自动审批率、催收成功率、复贷率', overdueRate: '逾期率', badDebtRate: '坏账率',
    p50: 'p50', p95: 'p95', autoApproval: '自动审批', collectionSuccess: '催收成功', repeatLoans: '复贷',
    NORMAL: '正常', SPECIAL_MENTION: '关注', SUBSTANDARD: '次级', DOUBTFUL: '可疑', LOSS: '损失',
    loans: '贷款', loanId: '贷款编号', open: '打开', schedule: '还款计划', repayments: '还款记录',
    classChanges: '分类变动', contacts: '联系记录', calls: '电话', journal: '分录', outstanding: '未还本金',
    dpd: '逾期天数', fiveTier: '分类', due: '到期日', principal: '本金', interest: '利息', paid: '已还', settled: '结清日',
    origin: '来源', account: '科目', debit: '借方', credit: '贷方', kind: '类型', none: '无。', answered: '已接通',
    unanswered: '未接通',
    collections: '催收工作台', tier: '阶段', REMINDERS: '短信提醒', NEGOTIATION: '人工协商', AGENCY: '委外催收',
    daysRange: '逾期天数', owed: '当前应还', nextCall: '最早可拨打', lastCall: '最近通话', promise: '承诺还款',
    withAgency: '已委外', forAgency: '待委外', inTier: '笔贷款在此阶段', callNow: '现在',
    party: '通话对象', BORROWER: '借款人', THIRD_PARTY: '第三方', number: '号码', numberOnFile: '借款人登记的手机号',
    aboutTheDebt: '涉及债务', note: '备注', promiseAmount: '承诺金额', promiseBy: '承诺日期', logCall: '记录通话',
    NO_ANSWER: '未接听', PROMISE_TO_PAY: '承诺还款', REFUSED_TO_PAY: '拒绝还款', DISPUTED: '有异议',
    CALL_BACK_LATER: '稍后回电', WRONG_NUMBER: '号码错误', LEFT_MESSAGE: '已留言',
    PENDING: '待兑现', KEPT: '已兑现', BROKEN: '已违约', unansweredToday: '今日未接通', by: '由',
    handOver: '委托催收机构', agency: '催收机构', handoverReason: '委外理由', handedTo: '已委托给',
    dataGiven: '提供的数据', logged: '通话已记录', state: '流程节点', anyState: '全部',
  },
};

// which views a role has: the same rules the API enforces (@RolesAllowed)
const VIEWS = { reviews: ['reviewer', 'supervisor'], workflows: ['operator', 'supervisor'], audit: ['supervisor'],
  collections: ['collector', 'operator', 'supervisor'], portfolio: ['reviewer', 'collector', 'operator', 'supervisor'],
  loans: ['collector', 'operator', 'supervisor'] };
// who may log calls and hand loans over (operators read the lists)
const COLLECTS = ['collector', 'supervisor'];
const TIERS = ['REMINDERS', 'NEGOTIATION', 'AGENCY'];
const PARTIES = ['BORROWER', 'THIRD_PARTY'];
const OUTCOMES = ['NO_ANSWER', 'PROMISE_TO_PAY', 'REFUSED_TO_PAY', 'DISPUTED', 'CALL_BACK_LATER', 'WRONG_NUMBER', 'LEFT_MESSAGE'];
const REPLAY_POINTS = ['Apply', 'VerifyIdentity', 'Score', 'QuoteRate', 'Disburse'];
const BATCH_MOST = 25;
// where an application stands in the workflow, as the API names the states (OriginationWorkflow.stateOf)
const STATES = ['Apply', 'VerifyIdentity', 'Score', 'QuoteRate', 'ManualReview', 'AwaitAcceptance', 'Disburse', 'Declined',
  'Expired', 'Disbursed'];

let language = localStorage.getItem('console.language') || (navigator.language.startsWith('zh') ? 'zh' : 'en');
const t = key => WORDS[language][key] ?? key;
const $ = selector => document.querySelector(selector);
const home = `${location.origin}/console/`;

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function signIn() {
  const settings = await (await fetch('/v1/console/sign-in')).json();
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem('console.verifier', verifier);
  sessionStorage.setItem('console.state', state);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const query = new URLSearchParams({ response_type: 'code', client_id: settings.clientId, redirect_uri: home,
    scope: 'openid', state, code_challenge: challenge, code_challenge_method: 'S256' });
  location.assign(`${settings.authorizeUrl}?${query}`);
}

async function takeCode(params) {
  if (params.get('state') !== sessionStorage.getItem('console.state')) {
    throw new Error('the sign-in came back with another state: sign in again');
  }
  const settings = await (await fetch('/v1/console/sign-in')).json();
  const answer = await fetch(settings.tokenUrl, { method: 'POST', body: new URLSearchParams({
    grant_type: 'authorization_code', code: params.get('code'), redirect_uri: home, client_id: settings.clientId,
    code_verifier: sessionStorage.getItem('console.verifier') }) });
  const body = await answer.json();
  if (!answer.ok) {
    throw new Error(body.error_description || body.error);
  }
  sessionStorage.setItem('console.token', body.id_token || body.access_token);
  history.replaceState(null, '', home);
}

function person() {
  const token = sessionStorage.getItem('console.token');
  if (!token) {
    return null;
  }
  const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  if (claims.exp * 1000 < Date.now()) {
    sessionStorage.removeItem('console.token');
    return null;
  }
  return { id: claims.sub, roles: claims.groups || claims['cognito:groups'] || [], token };
}

function notice(text, problem = false) {
  const p = $('#notice');
  p.textContent = text;
  p.className = problem ? 'problem' : '';
  p.hidden = !text;
}

async function api(method, path, body, headers = {}) {
  const me = person();
  const answer = await fetch(path, { method, headers: { Authorization: `Bearer ${me.token}`,
    ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers }, body: body && JSON.stringify(body) });
  if (answer.status === 401) {
    sessionStorage.removeItem('console.token');
    render();
    throw new Error('signed out');
  }
  const text = await answer.text();
  const json = text ? JSON.parse(text) : null;
  if (!answer.ok) {
    const problem = new Error(json?.detail || json?.title || `${answer.status}`);
    problem.status = answer.status;
    throw problem;
  }
  return { status: answer.status, body: json };
}

/** A view's filters: the query after its name in the hash (#workflows?status=FAILED). */
function filtersOr(defaults = '') {
  return new URLSearchParams(location.hash.split('?')[1] || defaults);
}

/** A search form that puts its filled fields in the hash, so the view renders again with them. */
function searching(view, form) {
  form.onsubmit = event => {
    event.preventDefault();
    location.hash = `${view}?${new URLSearchParams([...new FormData(form)].filter(([, v]) => v))}`;
  };
  return form;
}

function element(tag, attributes = {}, ...children) {
  const e = document.createElement(tag);
  Object.entries(attributes).forEach(([k, v]) => k === 'class' ? e.className = v : e.setAttribute(k, v));
  children.flat().forEach(c => e.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
  return e;
}

function duration(seconds) {
  const s = Math.abs(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)} h ${Math.floor(s % 3600 / 60)} min` : `${Math.floor(s / 60)} min`;
}

async function reviews(page) {
  const me = person();
  const { body: queue } = await api('GET', '/v1/ops/reviews');
  if (queue.length === 0) {
    page.append(element('p', { class: 'empty' }, t('empty')));
    return;
  }
  const rows = queue.map(w => {
    const reason = element('input', { class: 'reason', placeholder: t('reason'), 'aria-label': t('reason') });
    const send = (path, body) => async () => {
      if (!reason.value.trim()) {
        notice(t('sayWhy'), true);
        return;
      }
      try {
        const { body: answer } = await api('POST', path, { ...body, reason: reason.value.trim() },
          { 'If-Match': `"${w.version}"` });
        notice(`${t('done')}: ${w.applicationId} → ${answer.status}`);
      } catch (e) {
        notice(e.message, true);
      }
      render();
    };
    const decide = element('div', { class: 'decide' });
    if (w.proposal) {
      decide.append(element('p', {}, `${t('decidedBy')} ${w.proposal.maker}: `,
        element('strong', {}, w.proposal.approve ? t('approved') : t('declined')), ` — ${w.proposal.reason}`));
      if (w.proposal.maker === me.id) {
        decide.append(element('p', { class: 'muted' }, t('yourOwn')));
      } else {
        const confirm = element('button', { class: 'confirm primary', type: 'button' }, t('confirm'));
        const back = element('button', { class: 'send-back', type: 'button' }, t('sendBack'));
        confirm.onclick = send(`/v1/ops/reviews/${w.applicationId}/confirmation`, { agree: true });
        back.onclick = send(`/v1/ops/reviews/${w.applicationId}/confirmation`, { agree: false });
        decide.append(reason, confirm, back);
      }
    } else {
      const approve = element('button', { class: 'approve primary', type: 'button' }, t('approve'));
      const decline = element('button', { class: 'decline danger', type: 'button' }, t('decline'));
      approve.onclick = send(`/v1/ops/reviews/${w.applicationId}`, { approve: true });
      decline.onclick = send(`/v1/ops/reviews/${w.applicationId}`, { approve: false });
      decide.append(reason, approve, decline);
      if (w.needsSecondPerson) {
        decide.append(element('p', { class: 'muted' }, t('twoPeople')));
      }
    }
    const b = w.borrower;
    return element('tr', { 'data-application': w.applicationId },
      element('td', {}, w.applicationId.slice(0, 8), element('br'), element('span', { class: 'muted' }, w.product)),
      element('td', {}, `¥${w.amount}`),
      element('td', { class: w.overdue ? 'overdue' : '' }, w.overdue ? `${t('overdueBy')} ${duration(w.secondsLeft)}`
        : `${duration(w.secondsLeft)} ${t('left')}`),
      element('td', {}, w.score ? `${w.score.score} (${w.score.grade})` : '—'),
      element('td', {}, w.reasons.map(r => element('div', {}, language === 'zh' ? r.zh : r.en))),
      element('td', { class: 'borrower' }, b.name, element('br'), element('span', { class: 'muted' }, `${b.idNumber} · ${b.mobile}`)),
      element('td', {}, `${w.history.applicationsBefore} ${t('applications')}, ${w.history.loans} ${t('loansHeld')}`,
        element('br'), element('span', { class: 'muted' }, `${t('holds')} ¥${w.history.exposureBesides}`)),
      element('td', {}, decide));
  });
  page.append(element('table', { id: 'review-queue' },
    element('thead', {}, element('tr', {}, ['application', 'amount', 'waiting', 'score', 'reasons', 'borrower', 'withUs',
      'decision'].map(k => element('th', {}, t(k))))),
    element('tbody', {}, rows)));
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai' }) : '';
}

let definition = null;

/** One execution over the state machine's graph: the states it passed, where it stopped, and why. */
async function execution(panel, row) {
  const arn = row.executionArn;
  definition = definition || (await api('GET', '/v1/ops/workflows/origination/definition')).body;
  const { body: events } = await api('GET', `/v1/ops/executions/${encodeURIComponent(arn)}`);
  const entered = events.filter(e => e.state && e.type.endsWith('StateEntered')).map(e => e.state);
  // where it stopped: the state it was in when the first error came
  let current = null;
  let stoppedAt = null;
  let failure = null;
  events.forEach(e => {
    if (e.state && e.type.endsWith('StateEntered')) {
      current = e.state;
    }
    if (e.error && !failure) {
      failure = e;
      stoppedAt = current;
    }
  });
  const boxes = Object.entries(definition.States).map(([name, state]) => {
    const next = [state.Next, state.Default, ...(state.Choices || []).map(c => c.Next),
      ...(state.Catch || []).map(c => c.Next)].filter(Boolean);
    const passed = entered.includes(name);
    const stopped = name === stoppedAt;
    return element('li', { class: `state${passed ? ' passed' : ''}${stopped ? ' stopped' : ''}`, 'data-state': name },
      element('strong', {}, name), element('span', { class: 'muted' }, ` ${state.Type}`),
      next.length ? element('div', { class: 'muted' }, `→ ${[...new Set(next)].join(', ')}`) : '',
      stopped ? element('div', { class: 'why' }, `${failure.error}: ${failure.cause ?? ''}`) : '');
  });
  panel.replaceChildren(element('h3', {}, `${t('path')}: ${arn.split(':').pop()}`),
    element('p', { id: 'stopped' }, failure ? `${t('stoppedAt')} ${stoppedAt} — ${failure.error}: ${failure.cause ?? ''}`
      : events.map(e => e.type).pop()),
    // a step that failed after its retries is caught by the workflow, which records why on the application
    row.error ? element('p', { id: 'recorded', class: 'why' }, `${t('recorded')}: ${row.error}: ${row.cause ?? ''}`) : '',
    element('ol', { class: 'graph' }, boxes),
    element('h3', {}, t('history')),
    element('ol', { class: 'events' }, events.map(e => element('li', {},
      `${when(e.at)} ${e.type}${e.state ? ' ' + e.state : ''}${e.error ? ' — ' + e.error : ''}`))),
    Object.assign(element('button', { type: 'button' }, t('close')), { onclick: () => panel.replaceChildren() }));
  panel.scrollIntoView();
}

async function workflows(page) {
  const filters = filtersOr('status=FAILED');
  const field = (name, attributes = {}) => element('input', { name, id: `filter-${name}`, value: filters.get(name) || '', ...attributes });
  const status = element('select', { name: 'status', id: 'filter-status' },
    ['FAILED', 'TIMED_OUT', 'ABORTED', 'RUNNING', 'SUCCEEDED'].map(s => {
      const o = element('option', { value: s }, s);
      o.selected = s === (filters.get('status') || 'FAILED');
      return o;
    }));
  const state = element('select', { name: 'state', id: 'filter-state' }, ['', ...STATES].map(s => {
    const o = element('option', { value: s }, s || t('anyState'));
    o.selected = s === (filters.get('state') || '');
    return o;
  }));
  const form = element('form', { class: 'filters' },
    element('label', {}, t('status'), status), element('label', {}, t('state'), state),
    element('label', {}, t('error'), field('error', { size: 40 })),
    element('label', {}, t('since'), field('since', { type: 'date' })), element('label', {}, t('until'), field('until', { type: 'date' })),
    element('button', { type: 'submit', id: 'search' }, t('search')));
  page.append(searching('workflows', form));
  const { body } = await api('GET', `/v1/ops/executions?${filters}`);
  if (body.executions.length === 0) {
    page.append(element('p', { class: 'empty' }, t('noExecutions')));
    return;
  }
  const panel = element('section', { id: 'execution' });
  const rows = body.executions.map(e => {
    const box = element('input', { type: 'checkbox', class: 'pick', value: e.executionArn, 'aria-label': e.applicationId });
    const open = element('button', { type: 'button', class: 'open' }, t('history'));
    open.onclick = () => execution(panel, e).catch(x => notice(x.message, true));
    return element('tr', { 'data-execution': e.executionArn },
      element('td', {}, box), element('td', {}, e.applicationId.slice(0, 8)), element('td', {}, e.status),
      element('td', {}, when(e.started)), element('td', {}, e.error ?? ''), element('td', { class: 'state' }, e.state ?? ''),
      element('td', { class: 'muted' }, e.cause ?? ''),
      element('td', { class: 'outcome' }), element('td', {}, open));
  });
  const all = element('input', { type: 'checkbox', id: 'select-all', 'aria-label': t('selectAll') });
  all.onchange = () => page.querySelectorAll('.pick').forEach(b => { b.checked = all.checked; });
  const action = element('select', { id: 'batch-action' },
    ...REPLAY_POINTS.map(p => element('option', { value: `REPLAY:${p}` }, `${t('replayFrom')} ${p}`)),
    element('option', { value: 'REDRIVE' }, t('redrive')));
  const reason = element('input', { id: 'batch-reason', class: 'reason', placeholder: t('reason'), size: 40 });
  const progress = element('progress', { id: 'batch-progress', value: 0, max: 1, hidden: '' });
  const counted = element('span', { id: 'batch-count' });
  const run = element('button', { type: 'button', id: 'batch-run', class: 'primary' }, t('runSelected'));
  run.onclick = async () => {
    const chosen = [...page.querySelectorAll('.pick:checked')].map(b => b.value);
    if (chosen.length === 0 || !reason.value.trim()) {
      notice(chosen.length === 0 ? t('chooseFirst') : t('sayWhy'), true);
      return;
    }
    const [kind, from] = action.value.split(':');
    progress.hidden = false;
    progress.max = chosen.length;
    let done = 0;
    for (let i = 0; i < chosen.length; i += BATCH_MOST) {
      try {
        const { body: answer } = await api('POST', '/v1/ops/executions/batch', { action: kind, from,
          reason: reason.value.trim(), executions: chosen.slice(i, i + BATCH_MOST) });
        answer.outcomes.forEach(o => {
          const cell = page.querySelector(`tr[data-execution="${CSS.escape(o.executionArn)}"] .outcome`);
          cell.textContent = o.outcome === 'REFUSED' ? `REFUSED (${o.problem}): ${o.detail}` : o.outcome;
          cell.className = `outcome ${o.outcome === 'REFUSED' ? 'overdue' : ''}`;
        });
      } catch (e) {
        notice(e.message, true);
        return;
      }
      done = Math.min(chosen.length, i + BATCH_MOST);
      progress.value = done;
      counted.textContent = `${done} ${t('of')} ${chosen.length}`;
    }
    notice(`${t('done')}: ${done} ${t('of')} ${chosen.length}`);
  };
  page.append(element('div', { class: 'batch' }, action, reason, run, progress, counted),
    element('table', { id: 'executions' },
      element('thead', {}, element('tr', {}, element('th', {}, all),
        ...['application', 'status', 'started', 'error', 'state', 'cause', 'outcome', ''].map(k => element('th', {}, k ? t(k) : '')))),
      element('tbody', {}, rows)),
    panel);
}

/** What staff did on a day: every change under /v1/ops/, refusals too. */
async function audit(page) {
  const filters = filtersOr();
  const form = element('form', { class: 'filters' },
    element('label', {}, t('day'), element('input', { type: 'date', name: 'date', id: 'audit-date', value: filters.get('date') || '' })),
    element('label', {}, t('who'), element('input', { name: 'who', id: 'audit-who', value: filters.get('who') || '' })),
    element('button', { type: 'submit', id: 'audit-search' }, t('search')));
  page.append(searching('audit', form));
  const { body: actions } = await api('GET', `/v1/ops/audit?${filters}`);
  if (actions.length === 0) {
    page.append(element('p', { class: 'empty' }, t('nothingDone')));
    return;
  }
  page.append(element('table', { id: 'audit-log' },
    element('thead', {}, element('tr', {}, ['at', 'who', 'roles', 'action', 'why', 'status', 'requestId'].map(k => element('th', {}, t(k))))),
    element('tbody', {}, actions.map(a => element('tr', {},
      element('td', {}, when(a.at)), element('td', {}, a.who), element('td', {}, a.roles.join(', ')),
      element('td', {}, a.action), element('td', {}, a.reason ?? ''),
      element('td', { class: a.status >= 400 ? 'overdue' : '' }, String(a.status)),
      element('td', { class: 'muted' }, a.requestId))))));
}

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#1f6f43', '#d9a400', '#d96c00', '#a32020', '#5a1010', '#34466e', '#7d8aa8'];

function svg(tag, attributes = {}, ...children) {
  const e = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([k, v]) => e.setAttribute(k, v));
  children.forEach(c => e.append(c instanceof Node ? c : document.createTextNode(c)));
  return e;
}

/** A bar chart, grouped or stacked, of series over the months: plain SVG, no library. */
function chart(id, title, months, series, { stacked = false, format = v => v } = {}) {
  const width = 560, height = 220, left = 70, bottom = 30, top = 10;
  const totals = months.map((_, i) => stacked ? series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)
    : Math.max(0, ...series.map(s => s.values[i] ?? 0)));
  const most = Math.max(...totals, 0) || 1;
  const slot = (width - left) / months.length;
  const bar = stacked ? slot * 0.6 : slot * 0.8 / series.length;
  const y = v => top + (height - top - bottom) * (1 - v / most);
  const picture = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'chart' },
    svg('line', { x1: left, x2: width, y1: y(0), y2: y(0), stroke: '#8a94a8' }),
    svg('text', { x: left - 6, y: y(most) + 10, 'text-anchor': 'end', 'font-size': 11 }, format(most)),
    svg('text', { x: left - 6, y: y(0), 'text-anchor': 'end', 'font-size': 11 }, format(0)));
  months.forEach((m, i) => {
    let base = 0;
    series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      const x = left + i * slot + (stacked ? (slot - bar) / 2 : slot * 0.1 + k * bar);
      const from = stacked ? base : 0;
      picture.append(svg('rect', { x, width: bar, y: y(from + v), height: Math.max(0, y(from) - y(from + v)), fill: COLOURS[k % COLOURS.length] },
        svg('title', {}, `${s.name} ${m}: ${format(v)}`)));
      base += v;
    });
    picture.append(svg('text', { x: left + i * slot + slot / 2, y: height - 10, 'text-anchor': 'middle', 'font-size': 11 }, m));
  });
  const legend = element('p', { class: 'legend' }, series.map((s, k) => element('span', {},
    element('i', { style: `background:${COLOURS[k % COLOURS.length]}` }), s.name)));
  return element('figure', { id }, element('figcaption', {}, title), picture, legend);
}

/** The month ends before today, the latest last. */
function monthEnds(count) {
  const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
  const ends = [];
  for (let i = count - 1; i >= 0; i--) {
    const end = new Date(Date.UTC(today.getFullYear(), today.getMonth() - i + 1, 0));
    ends.push(end > today ? today.toISOString().slice(0, 10) : end.toISOString().slice(0, 10));
  }
  return ends;
}

async function portfolio(page) {
  const filters = filtersOr();
  const count = Math.min(12, Math.max(1, Number(filters.get('months')) || 6));
  const ends = monthEnds(count);
  const reports = await Promise.all(ends.map(on => api('GET', `/v1/ops/portfolio?date=${on}${filters.get('product')
    ? `&product=${encodeURIComponent(filters.get('product'))}` : ''}`).then(r => r.body)));
  // the products the books hold (the catalogue is configuration, not this page's)
  const held = new Set(reports.flatMap(r => r.servicing.segments.map(s => s.product)));
  if (filters.get('product')) {
    held.add(filters.get('product'));
  }
  const product = element('select', { name: 'product', id: 'portfolio-product' },
    element('option', { value: '' }, t('allProducts')),
    ...[...held].sort().map(p => {
      const o = element('option', { value: p }, p);
      o.selected = p === filters.get('product');
      return o;
    }));
  const form = element('form', { class: 'filters' }, element('label', {}, t('product'), product),
    element('label', {}, t('months'), element('input', { type: 'number', name: 'months', min: 1, max: 12, value: count, id: 'portfolio-months' })),
    element('button', { type: 'submit' }, t('search')));
  page.append(searching('portfolio', form));
  const months = ends.map(e => e.slice(0, 7));
  const classes = ['NORMAL', 'SPECIAL_MENTION', 'SUBSTANDARD', 'DOUBTFUL', 'LOSS'];
  const balance = (r, c) => r.servicing.segments.filter(s => s.fiveTierClass === c).reduce((sum, s) => sum + Number(s.balance), 0);
  const percent = v => `${(Number(v) * 100).toFixed(1)}%`;
  page.append(element('div', { class: 'charts' },
    chart('chart-mix', t('mix'), months, classes.map(c => ({ name: t(c), values: reports.map(r => balance(r, c)) })),
      { stacked: true, format: v => Math.round(v).toLocaleString() }),
    chart('chart-rates', t('rates'), months, [
      { name: t('overdueRate'), values: reports.map(r => Number(r.servicing.overdueRate ?? 0)) },
      { name: t('badDebtRate'), values: reports.map(r => Number(r.servicing.badDebtRate ?? 0)) }], { format: percent }),
    chart('chart-approval', t('approval'), months, [
      { name: t('p50'), values: reports.map(r => r.origination.approvalSecondsP50 ?? 0) },
      { name: t('p95'), values: reports.map(r => r.origination.approvalSecondsP95 ?? 0) }], { format: v => Math.round(v) }),
    chart('chart-shares', t('shares'), months, [
      { name: t('autoApproval'), values: reports.map(r => Number(r.origination.autoApprovalRate ?? 0)) },
      { name: t('collectionSuccess'), values: reports.map(r => Number(r.servicing.collectionSuccessRate ?? 0)) },
      { name: t('repeatLoans'), values: reports.map(r => Number(r.servicing.repeatLoanRate ?? 0)) }], { format: percent })));
}

function table(id, headings, rows) {
  if (rows.length === 0) {
    return element('p', { id, class: 'muted' }, t('none'));
  }
  return element('table', { id }, element('thead', {}, element('tr', {}, headings.map(h => element('th', {}, t(h))))),
    element('tbody', {}, rows.map(cells => element('tr', {}, cells.map(c => element('td', {}, c ?? ''))))));
}

/** One loan whole: where it stands, its schedule, repayments, class changes, contacts, calls and journal. */
async function loans(page) {
  const filters = filtersOr();
  const form = element('form', { class: 'filters' },
    element('label', {}, t('loanId'), element('input', { name: 'id', id: 'loan-id', size: 40, value: filters.get('id') || '' })),
    element('button', { type: 'submit', id: 'loan-open' }, t('open')));
  page.append(searching('loans', form));
  if (!filters.get('id')) {
    return;
  }
  const { body: loan } = await api('GET', `/v1/ops/loans/${encodeURIComponent(filters.get('id'))}`);
  const s = loan.state;
  const h = loan.history;
  page.append(element('section', { id: 'loan' },
    element('p', { id: 'loan-state' }, `${s.loanId} · ${s.status} · ${t('outstanding')} ¥${s.outstandingPrincipal} · `
      + `${t('dpd')} ${s.daysPastDue} · ${t('fiveTier')} ${t(s.fiveTierClass)}`),
    element('h3', {}, t('schedule')),
    table('loan-schedule', ['due', 'principal', 'interest', 'paid', 'settled'], loan.schedule.map(l =>
      [l.dueDate, l.principal, l.interest, `${l.paidPrincipal} + ${l.paidInterest}`, l.settledOn])),
    element('h3', {}, t('repayments')),
    table('loan-repayments', ['at', 'origin', 'status', 'amount'], loan.repayments.map(r =>
      [when(r.requestedAt), r.origin, r.status, r.amount])),
    element('h3', {}, t('classChanges')),
    table('loan-classes', ['day', 'fiveTier', 'why'], h.classChanges.map(c => [c.on, `${t(c.from)} → ${t(c.to)}`, c.reason])),
    element('h3', {}, t('contacts')),
    table('loan-contacts', ['day', 'kind', 'status', 'dpd'], h.contacts.map(c => [c.businessDate, c.kind, c.status, String(c.daysPastDue)])),
    element('h3', {}, t('calls')),
    table('loan-calls', ['at', 'party', 'outcome', 'note', 'promise', 'who'], callRows(h.calls)),
    element('h3', {}, t('journal')),
    table('loan-journal', ['at', 'kind', 'account', 'debit', 'credit'], h.journal.map(j =>
      [when(j.postedAt), j.kind, j.account, j.debit, j.credit]))));
}

function promiseText(p) {
  return p ? `¥${p.amount} ${t('by')} ${p.by} · ${t(p.status)}` : '';
}

function callRows(calls) {
  return calls.map(c => [when(c.at), `${t(c.party)} ${c.number ?? ''}`, c.outcome ? t(c.outcome) : (c.answered ? t('answered') : t('unanswered')),
    c.note ?? '', promiseText(c.promise), c.by ?? '']);
}

function select(name, id, values, chosen) {
  return element('select', { name, id }, values.map(v => {
    const o = element('option', { value: v }, t(v));
    o.selected = v === chosen;
    return o;
  }));
}

/** Overdue loans by tier; one opens with its calls, the call log and, beyond negotiation, the hand-over. */
async function collections(page) {
  const me = person();
  const filters = filtersOr('tier=NEGOTIATION');
  const tier = TIERS.includes(filters.get('tier')) ? filters.get('tier') : 'NEGOTIATION';
  const form = element('form', { class: 'filters' },
    element('label', {}, t('tier'), select('tier', 'tier', TIERS, tier)),
    element('button', { type: 'submit', id: 'tier-show' }, t('search')));
  page.append(searching('collections', form));
  const { body: list } = await api('GET', `/v1/ops/collections?tier=${tier}`);
  page.append(element('p', { class: 'muted', id: 'tier-summary' }, `${list.firstDay}–${list.lastDay ?? '∞'} ${t('daysRange')} · `
    + `${list.total} ${t('inTier')} · ${list.businessDate}`));
  page.append(table('overdue-loans', ['loanId', 'product', 'dpd', 'owed', 'fiveTier', 'nextCall', 'lastCall', 'promise', 'agency'],
    list.loans.map(l => [
      element('a', { href: `#collections?tier=${tier}&loan=${l.loanId}`, class: 'open-loan' }, l.loanId.slice(0, 8)),
      l.productCode, String(l.daysPastDue), `¥${l.owed}`, t(l.fiveTierClass),
      element('span', { class: l.callableNow ? '' : 'overdue' }, l.callableNow ? t('callNow') : when(l.nextCallAt),
        l.unansweredToday ? ` (${l.unansweredToday} ${t('unansweredToday')})` : ''),
      l.lastCall ? `${when(l.lastCall.at)} ${t(l.lastCall.outcome ?? '')}` : '',
      promiseText(l.promise),
      l.withAgency ? t('withAgency') : l.forAgency ? element('strong', {}, t('forAgency')) : ''])));
  const id = filters.get('loan');
  if (!id) {
    return;
  }
  const { body: loan } = await api('GET', `/v1/ops/loans/${encodeURIComponent(id)}`);
  const listed = list.loans.find(l => l.loanId === id);
  const s = loan.state;
  const panel = element('section', { id: 'collection-loan' },
    element('h3', {}, `${s.loanId} · ${loan.borrower ? `${loan.borrower.name} ${loan.borrower.mobile}` : ''}`),
    element('p', {}, `${t('dpd')} ${s.daysPastDue} · ${t('outstanding')} ¥${s.outstandingPrincipal} · ${t('fiveTier')} ${t(s.fiveTierClass)}`),
    table('loan-calls', ['at', 'party', 'outcome', 'note', 'promise', 'who'], callRows(loan.history.calls)));
  page.append(panel);
  if (loan.handover) {
    const h = loan.handover;
    panel.append(element('p', { id: 'handed-over' }, `${t('handedTo')} ${h.agencyName} · ${when(h.handedAt)} · ${h.handedBy} · `
      + `${h.reason} · ${t('dataGiven')}: ${h.dataHandedOver.join(', ')}`));
  }
  if (!COLLECTS.some(r => me.roles.includes(r)) || s.status !== 'ACTIVE') {
    return;
  }
  const outcome = select('outcome', 'call-outcome', OUTCOMES, 'NO_ANSWER');
  const party = select('party', 'call-party', PARTIES, 'BORROWER');
  const promise = element('span', { class: 'promise', hidden: '' },
    element('label', {}, t('promiseAmount'), element('input', { name: 'amount', id: 'promise-amount', size: 10 })),
    element('label', {}, t('promiseBy'), element('input', { name: 'by', id: 'promise-by', type: 'date' })));
  const about = element('input', { type: 'checkbox', id: 'call-about-debt', name: 'aboutTheDebt' });
  about.checked = true;
  outcome.onchange = () => { promise.hidden = outcome.value !== 'PROMISE_TO_PAY'; };
  const callForm = element('form', { class: 'filters', id: 'call-form' },
    element('label', {}, t('party'), party),
    element('label', {}, t('number'), element('input', { name: 'number', id: 'call-number', placeholder: t('numberOnFile'), size: 18 })),
    element('label', {}, t('aboutTheDebt'), about),
    element('label', {}, t('outcome'), outcome), promise,
    element('label', {}, t('note'), element('input', { name: 'note', id: 'call-note', size: 30 })),
    element('button', { type: 'submit', class: 'primary', id: 'call-log' }, t('logCall')));
  callForm.onsubmit = async event => {
    event.preventDefault();
    const f = new FormData(callForm);
    const body = { party: f.get('party'), outcome: f.get('outcome'), aboutTheDebt: about.checked };
    if (f.get('number')) body.number = f.get('number');
    if (f.get('note')) body.note = f.get('note');
    if (body.outcome === 'PROMISE_TO_PAY') body.promise = { amount: f.get('amount'), by: f.get('by') };
    try {
      await api('POST', `/v1/ops/loans/${s.loanId}/calls`, body);
      notice(t('logged'));
    } catch (e) {
      notice(e.message, true);
    }
    render();
  };
  panel.append(element('h3', {}, t('logCall')), callForm);
  if (listed?.forAgency) {
    const { body: agencies } = await api('GET', '/v1/ops/collections/agencies');
    const choice = element('select', { name: 'agency', id: 'handover-agency' }, agencies.map(a => element('option', { value: a.id }, a.name)));
    const reason = element('input', { name: 'reason', id: 'handover-reason', size: 40 });
    const handover = element('form', { class: 'filters', id: 'handover-form' },
      element('label', {}, t('agency'), choice), element('label', {}, t('handoverReason'), reason),
      element('button', { type: 'submit', class: 'danger', id: 'handover-send' }, t('handOver')));
    handover.onsubmit = async event => {
      event.preventDefault();
      if (!reason.value.trim()) {
        notice(t('sayWhy'), true);
        return;
      }
      try {
        const { body: h } = await api('POST', `/v1/ops/loans/${s.loanId}/handover`, { agency: choice.value, reason: reason.value.trim() });
        notice(`${t('handedTo')} ${h.agencyName}`);
      } catch (e) {
        notice(e.message, true);
      }
      render();
    };
    panel.append(element('h3', {}, t('handOver')), handover);
  }
}

const RENDER = { reviews, workflows, audit, collections, portfolio, loans };

async function render() {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-t]').forEach(e => { e.textContent = t(e.dataset.t); });
  $('#language').textContent = language === 'zh' ? 'English' : '中文';
  const me = person();
  $('#sign-out').hidden = !me;
  $('#person').textContent = me ? `${me.id} · ${me.roles.join(', ')}` : '';
  const nav = $('#views');
  nav.replaceChildren();
  const page = $('#page');
  if (!me) {
    page.replaceChildren(element('section', { id: 'signed-out' }, element('p', {}, t('signInFirst')),
      Object.assign(element('button', { id: 'sign-in', type: 'button', class: 'primary' }, t('signIn')), { onclick: signIn })));
    return;
  }
  const mine = Object.keys(VIEWS).filter(v => VIEWS[v].some(r => me.roles.includes(r)));
  const asked = location.hash.slice(1).split('?')[0];
  const current = mine.includes(asked) ? asked : mine[0];
  mine.forEach(v => nav.append(element('a', { href: `#${v}`, id: `view-${v}`, class: v === current ? 'current' : '' }, t(v))));
  page.replaceChildren();
  if (!current) {
    page.append(element('p', { class: 'empty' }, t('noView')));
    return;
  }
  const section = element('section', { id: current }, element('h2', {}, t(current)));
  page.append(section);
  try {
    await RENDER[current](section);
  } catch (e) {
    notice(e.message, true);
  }
}

$('#language').onclick = () => {
  language = language === 'zh' ? 'en' : 'zh';
  localStorage.setItem('console.language', language);
  render();
};
$('#sign-out').onclick = () => {
  sessionStorage.removeItem('console.token');
  notice('');
  render();
};
window.addEventListener('hashchange', render);

const params = new URLSearchParams(location.search);
(params.has('code') ? takeCode(params) : Promise.resolve())
  .catch(e => notice(e.message, true))
  .then(render);
