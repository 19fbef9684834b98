// AegisOps war room. Plain JavaScript, no framework, no build step, nothing fetched from outside the dashboard.
// State comes from the dashboard's REST API on (re)connect and then from its server-sent events; every action is
// a REST call to the dashboard, and every error it returns is shown with the other service's own message.
// Who you are comes from the session cookie (HttpOnly: this script never sees the token); buttons your role cannot
// use are not drawn, and the dashboard refuses those calls anyway.
'use strict';

(() => {
  const SPEECH_KEY = 'aegis.war-room.speech';
  const CLOSED = new Set(['RESOLVED', 'REJECTED']);
  const UUID = /^[0-9a-f-]{36}$/i;
  const OVERRIDE_ACTIONS = ['RESTART', 'STOP', 'START'];
  const FAULTS = [
    { kind: 'memory', label: 'Leak memory', unit: 'MB', value: 220, min: 1, max: 1024 },
    { kind: 'cpu', label: 'Burn CPU', unit: 'threads', value: 2, min: 1, max: 64 },
    { kind: 'latency', label: 'Add latency', unit: 'ms', value: 3000, min: 1, max: 60000 },
    { kind: 'crash', label: 'Crash', unit: 'exit code', value: 137, min: 0, max: 255 },
  ];

  const state = {
    me: null,
    incidents: new Map(),
    selected: null,
    stats: null,
    platform: null,
    notifications: null,
    activity: [],
    users: [],
    source: null,
    live: false,
    spokenNotifications: new Set(),
    reports: [],
  };

  const $ = (id) => document.getElementById(id);
  /** Whether the signed-in person holds a role (roles come with the ones below them: an approver is an operator). */
  const can = (role) => Boolean(state.me && (state.me.roles || []).includes(role));

  // ---------- small DOM helpers (text only: nothing from the network is ever parsed as HTML) ----------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function time(iso) {
    if (!iso) return '—';
    const d = new Date(iso);
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  function duration(ms) {
    if (ms === null || ms === undefined) return '—';
    if (ms < 1000) return `${ms} ms`;
    if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
    if (ms < 3600000) {
      const minutes = Math.floor(ms / 60000);
      const seconds = Math.round((ms % 60000) / 1000);
      return `${minutes} min ${seconds} s`;
    }
    if (ms < 172800000) return `${(ms / 3600000).toFixed(1)} h`;
    return `${Math.round(ms / 86400000)} days`;
  }

  function percent(fraction) {
    return fraction === null || fraction === undefined ? '—' : `${Math.round(fraction * 100)} %`;
  }

  // ---------- errors: shown, never swallowed ----------
  function showError(message, violations) {
    const list = (violations || []).map((v) => el('li', { text: `${v.field}: ${v.message}` }));
    const toast = el('div', { class: 'toast', 'data-testid': 'error-toast' },
      el('p', {}, message, list.length ? el('ul', {}, list) : null),
      el('button', { type: 'button', class: 'quiet', 'aria-label': 'Dismiss error', onclick: () => toast.remove() }, '×'));
    $('errors').append(toast);
    setTimeout(() => toast.remove(), 20000);
  }

  class ApiError extends Error {
    constructor(status, body) {
      const who = body && body.service ? `${body.service}: ` : '';
      super(body && body.message ? `${who}${body.message}` : `HTTP ${status}`);
      this.status = status;
      this.body = body;
    }
  }

  async function api(path, options) {
    const init = Object.assign({ headers: { Accept: 'application/json' } }, options || {});
    if (init.body !== undefined) {
      init.method = init.method || 'POST';
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(init.body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, { message: `the dashboard could not be reached (${e.message})` });
    }
    const text = await response.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (e) { body = { message: text }; }
    // The session ended (expired, revoked) while the page was open: ask for a login again.
    if (response.status === 401 && !path.startsWith('api/auth/')) showLogin('Your session has ended: sign in again.');
    if (!response.ok) throw new ApiError(response.status, body);
    return body;
  }

  /** Runs an action from a button: disables it meanwhile, shows any error with its violations. */
  async function act(button, work) {
    if (button) button.disabled = true;
    try {
      return await work();
    } catch (e) {
      showError(e.message, e.body && e.body.violations);
      return undefined;
    } finally {
      if (button) button.disabled = false;
    }
  }

  // ---------- speech (off by default) ----------
  function speechOn() {
    return $('speech-toggle').checked && 'speechSynthesis' in window;
  }

  function speak(text) {
    if (!speechOn()) return;
    try {
      window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
    } catch (e) {
      // Speech is a nicety; a browser without voices must not break the room.
    }
  }

  // ---------- signing in ----------
  function showLogin(message) {
    if (state.source) { state.source.close(); state.source = null; }
    $('login').hidden = false;
    $('login-error').textContent = message || '';
    $('login-username').focus();
    // The organisation's provider, when one is configured, beside the password form.
    api('api/auth/options').then((options) => {
      $('login-oidc-provider').textContent = options.provider || 'your identity provider';
      $('login-oidc').hidden = !options.oidc;
    }).catch(() => { $('login-oidc').hidden = true; });
  }

  function signedIn(me) {
    state.me = me;
    $('signed-in').textContent = `signed in as ${me.name} (${me.role})`;
    $('signed-in').hidden = false;
    $('sign-out').hidden = false;
    $('ask-form').hidden = !can('operator');
    $('login').hidden = true;
    connect();
  }

  async function login(event) {
    event.preventDefault();
    $('login-error').textContent = '';
    try {
      await api('api/auth/login', { body: { username: $('login-username').value.trim(), password: $('login-password').value } });
      $('login-password').value = '';
      // Signed in again after a session ended: draw the room afresh, for what may be another person and role.
      if (state.me) { window.location.reload(); return; }
      signedIn(await api('api/auth/me'));
    } catch (e) {
      $('login-error').textContent = e.body && e.body.message ? e.body.message : e.message;
    }
  }

  async function signOut(event) {
    await act(event.currentTarget, async () => api('api/auth/logout', { method: 'POST' }));
    window.location.reload();
  }

  // ---------- live stream ----------
  function setConnection(kind, text) {
    const node = $('connection-status');
    node.dataset.state = kind;
    node.textContent = text;
  }

  function connect() {
    if (state.source) state.source.close();
    setConnection('connecting', 'connecting…');
    const source = new EventSource('api/stream');
    state.source = source;
    source.onmessage = (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      handle(message);
    };
    source.onerror = () => {
      state.live = false;
      if (source.readyState === EventSource.CLOSED) {
        setConnection('offline', 'offline — retrying');
        setTimeout(() => reconnect(source), 3000);
      } else {
        setConnection('connecting', 'reconnecting…');
      }
    };
  }

  /** A closed stream may mean a dead server or an ended session: ask who we are first (a 401 shows the login). */
  async function reconnect(source) {
    if (state.source !== source) return;
    try {
      await api('api/auth/me');
      if (state.source === source) connect();
    } catch (e) {
      if (e.status === 401) showLogin('Your session has ended: sign in again.');
      else setTimeout(() => reconnect(source), 3000);
    }
  }

  function handle(message) {
    switch (message.type) {
      case 'welcome':
        state.live = true;
        setConnection('live', 'live');
        renderPresence(message.data.users);
        loadAll();
        break;
      case 'presence': renderPresence(message.data); break;
      case 'incident': incidentArrived(message.data); break;
      case 'stats': state.stats = message.data; renderStats(); break;
      case 'activity': activityArrived(message.data); break;
      case 'platform': state.platform = message.data; renderPlatform(); break;
      case 'notifications': notificationsArrived(message.data); break;
      default: break;
    }
  }

  /** Everything, on every (re)connect: what happened while the stream was down is not lost. */
  async function loadAll() {
    const load = async (path, apply) => {
      try { apply(await api(path)); } catch (e) { showError(`Loading ${path}: ${e.message}`); }
    };
    await Promise.all([
      load('api/incidents?limit=100', (list) => {
        state.incidents = new Map(list.map((c) => [c.id, c]));
        renderIncidents();
        renderApprovals();
      }),
      load('api/stats', (s) => { state.stats = s; renderStats(); }),
      load('api/activity?limit=50', (a) => { state.activity = a; renderActivity(); }),
      load('api/platform', (p) => { state.platform = p; renderPlatform(); }),
      load('api/notifications', (n) => { state.notifications = n; renderNotifications(); }),
      loadReports(),
    ]);
    if (state.selected) loadDetail(state.selected);
  }

  // ---------- presence ----------
  function renderPresence(users) {
    state.users = users || [];
    const list = $('presence-list');
    clear(list);
    for (const user of state.users) {
      list.append(el('li', { 'data-testid': 'presence-user', 'data-user': user, class: state.me && user === state.me.name ? 'me' : null },
        user));
    }
  }

  // ---------- incidents ----------
  function incidentArrived(card) {
    const before = state.incidents.get(card.id);
    state.incidents.set(card.id, card);
    if (state.live) {
      if (!before && card.severity === 'CRITICAL' && !card.closed) {
        speak(`Critical incident on ${card.target}: ${(card.alertTypes || []).join(', ')}`);
      }
      if (card.status === 'ESCALATED' && (!before || before.status !== 'ESCALATED')) {
        speak(`Incident on ${card.target} escalated to humans`);
      }
    }
    renderIncidents();
    renderApprovals();
    if (state.selected === card.id) loadDetail(card.id);
  }

  function sortedIncidents() {
    return [...state.incidents.values()].sort((a, b) => (b.openedAt || '').localeCompare(a.openedAt || ''));
  }

  function renderIncidents() {
    const list = $('incidents');
    const cards = sortedIncidents();
    $('incidents-empty').hidden = cards.length > 0;
    const existing = new Map([...list.children].map((li) => [li.dataset.id, li]));
    cards.forEach((card, index) => {
      let item = existing.get(card.id);
      if (!item) {
        item = el('li', { dataset: { id: card.id } });
      }
      existing.delete(card.id);
      item.setAttribute('data-testid', `incident-${card.id}`);
      item.dataset.status = card.status;
      item.dataset.target = card.target || '';
      let button = item.querySelector('button');
      if (!button) {
        button = el('button', { type: 'button', class: 'incident-row', onclick: () => select(card.id) });
        item.append(button);
      }
      button.setAttribute('aria-pressed', String(state.selected === card.id));
      clear(button);
      button.append(
        el('span', { class: 'badge', 'data-status': card.status, 'data-testid': 'incident-status' }, card.status),
        el('strong', {}, card.target || card.id),
        el('span', { class: 'when' }, time(card.openedAt)),
        el('span', { class: 'what' },
          `${(card.alertTypes || []).join(', ') || 'alert'} · ${card.alertCount} alert${card.alertCount === 1 ? '' : 's'}`,
          card.diagnosis ? ` · ${card.diagnosis.action} at ${percent(card.diagnosis.confidence)}` : '',
          card.diagnosis && !card.diagnosis.corroborated ? ' · NOT corroborated' : '',
          card.durations && card.durations.resolveMs != null ? ` · resolved in ${duration(card.durations.resolveMs)}` : ''));
      if (list.children[index] !== item) list.insertBefore(item, list.children[index] || null);
    });
    existing.forEach((item) => item.remove());
    renderAskTargets();
  }

  function select(id) {
    state.selected = id;
    renderIncidents();
    loadDetail(id);
  }

  async function loadDetail(id) {
    try {
      const detail = await api(`api/incidents/${id}`);
      if (state.selected === id) renderDetail(detail);
    } catch (e) {
      showError(`Incident ${id}: ${e.message}`);
    }
  }

  function renderDetail(detail) {
    const card = detail.incident;
    const section = $('incident-detail');
    const keep = section.querySelector('[data-keep]');
    const typed = keep ? keep.value : '';
    clear(section);
    section.hidden = false;
    section.dataset.incidentId = card.id;
    section.dataset.status = card.status;
    const d = card.durations || {};
    section.append(...[
      el('h2', {}, 'Incident'),
      el('div', { class: 'headline' },
        el('h3', {}, card.target || card.id),
        el('span', { class: 'badge', 'data-status': card.status }, card.status),
        card.severity ? el('span', { class: `badge sev-${card.severity}` }, card.severity) : null,
        el('span', { class: 'note' }, `id ${card.id}`)),
      el('div', { class: 'durations', 'data-testid': 'durations' },
        el('span', {}, 'detect ', el('b', {}, duration(d.detectMs))),
        el('span', {}, 'diagnose ', el('b', {}, duration(d.diagnoseMs))),
        el('span', {}, 'decide ', el('b', {}, duration(d.decideMs))),
        el('span', {}, 'act ', el('b', {}, duration(d.actMs))),
        el('span', {}, 'resolve ', el('b', {}, duration(d.resolveMs)))),
      card.diagnosis ? diagnosisPart(card) : null,
      investigationPart(card),
      detail.omitted ? el('p', { class: 'note' }, `${detail.omitted} earlier entries not shown`) : null,
      el('ol', { class: 'timeline', 'data-testid': 'timeline' }, detail.timeline.map((entry) =>
        el('li', { 'data-kind': entry.kind },
          el('div', {}, el('strong', {}, entry.title)),
          el('div', { class: 'meta' }, `${time(entry.at)} · ${entry.actor || ''}`),
          entry.detail ? el('p', { class: 'detail-text' }, entry.detail) : null,
          entry.evidence && entry.evidence.length
            ? el('details', {}, el('summary', {}, `Evidence (${entry.evidence.length})`),
              el('pre', { class: 'evidence' }, entry.evidence.join('\n')))
            : null))),
    ].filter(Boolean));

    const evidenceBox = el('div', { class: 'evidence-box' });
    const notesBox = el('div', { class: 'notes-box' });
    const actions = el('div', { class: 'detail-actions' },
      el('button', { type: 'button', onclick: (e) => act(e.currentTarget, async () => showEvidence(card.id, evidenceBox)) },
        'Alerts and evidence'),
      el('button', { type: 'button', onclick: (e) => act(e.currentTarget, async () => showIncidentNotifications(card.id, notesBox)) },
        'Slack messages'));
    if (!card.closed && can('operator')) {
      const reason = el('textarea', { id: 'resolve-reason', 'data-keep': true, 'data-testid': 'resolve-reason', rows: 1 });
      reason.value = typed;
      actions.append(
        el('label', { for: 'resolve-reason' }, 'Reason to close by hand', reason),
        el('button', {
          type: 'button', class: 'good', 'data-testid': 'resolve-button',
          onclick: (e) => act(e.currentTarget, async () => {
            await api(`api/incidents/${card.id}/resolve`, { body: { reason: reason.value } });
            reason.value = '';
          }),
        }, 'Resolve by hand'));
    }
    section.append(actions, evidenceBox, notesBox);
  }

  // ---------- diagnosis citations and the investigation behind them ----------
  function corroboration(corroborated, long) {
    return el('span', { class: 'marker', 'data-corroborated': String(Boolean(corroborated)) },
      corroborated ? '✔ corroborated' : `✘ NOT corroborated${long ? ' — a human decides' : ''}`);
  }

  // Fact ids come from monitor-service; they only ever go into attributes and text, never into markup. The scope
  // keeps the incident's F1 and an on-demand report's F1 apart when both are on the page.
  function factRowId(factId, scope) {
    return `${scope || 'fact'}-${factId}`;
  }

  function factLink(factId, scope) {
    return el('a', {
      href: `#${factRowId(factId, scope)}`, class: 'fact-ref',
      onclick: (e) => {
        e.preventDefault();
        const row = $(factRowId(factId, scope));
        if (!row) return;
        row.scrollIntoView({ block: 'center' });
        row.classList.remove('flash');
        void row.offsetWidth;
        row.classList.add('flash');
        row.focus();
      },
    }, factId);
  }

  function citationItem(c, card) {
    const inv = card.investigation;
    const same = inv && inv.id === card.diagnosis.investigationId;
    const shown = same && (inv.facts || []).some((f) => f.id === c.ref);
    const elsewhere = same ? ' (not among the facts shown below)'
      : ` (from investigation ${card.diagnosis.investigationId || 'unknown'}, not the one shown below)`;
    switch (c.kind) {
      case 'FACT':
        return el('li', { 'data-kind': 'FACT', 'data-testid': 'citation' },
          el('span', { class: 'kind' }, 'fact'), shown ? factLink(c.ref) : el('b', {}, c.ref),
          ` ${c.title || ''}`, c.detail ? `: ${c.detail}` : '',
          shown ? null : el('span', { class: 'note' }, elsewhere));
      case 'RUNBOOK':
        return el('li', { 'data-kind': 'RUNBOOK', 'data-testid': 'citation' },
          el('span', { class: 'kind' }, 'runbook'), el('b', {}, c.title || c.ref), ` · section ${c.ref}`,
          c.detail ? el('div', { class: 'note' }, c.detail) : null);
      case 'INCIDENT':
        return el('li', { 'data-kind': 'INCIDENT', 'data-testid': 'citation' },
          el('span', { class: 'kind' }, 'incident'),
          UUID.test(c.ref || '')
            ? el('a', { href: `incidents/${c.ref}`, onclick: (e) => { e.preventDefault(); select(c.ref); } }, c.title || c.ref)
            : el('b', {}, c.title || c.ref),
          c.detail ? ` — ${c.detail}` : '');
      default:
        return el('li', { 'data-testid': 'citation' }, `${c.kind}: ${c.ref} ${c.title || ''}`);
    }
  }

  function diagnosisPart(card) {
    const dg = card.diagnosis;
    const citations = dg.citations || [];
    return el('div', { class: 'diagnosis', 'data-testid': 'diagnosis' },
      el('p', { class: 'detail-text' },
        el('strong', {}, 'Cause: '), dg.rootCause || '—',
        ` → ${dg.action} at ${percent(dg.confidence)}`,
        dg.learningAdjustment ? ` (learning ${dg.learningAdjustment > 0 ? '+' : ''}${Math.round(dg.learningAdjustment * 100)} points)` : '',
        ' ', el('span', { 'data-testid': 'diagnosis-corroboration' }, corroboration(dg.corroborated, true))),
      citations.length
        ? el('div', {}, el('h4', {}, 'Rests on'),
          el('ul', { class: 'citations', 'data-testid': 'citations' }, citations.map((c) => citationItem(c, card))))
        : el('p', { class: 'note' }, 'The diagnosis cites nothing.'));
  }

  function table(testid, caption, headings, rows) {
    return el('table', { class: 'investigation-table', 'data-testid': testid },
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows));
  }

  function investigationPart(card) {
    const inv = card.investigation;
    if (!inv) {
      return el('section', { class: 'investigation', 'data-testid': 'investigation' },
        el('h3', {}, 'Investigation'),
        el('p', { class: 'note' }, 'No investigation yet: monitor-service has not reported what it observed.'));
    }
    const took = inv.startedAt && inv.completedAt ? new Date(inv.completedAt) - new Date(inv.startedAt) : null;
    const claims = inv.claims || [];
    const facts = inv.facts || [];
    const calls = inv.toolCalls || [];
    return el('section', { class: 'investigation', 'data-testid': 'investigation', dataset: { investigationId: inv.id } },
      el('h3', {}, 'Investigation'),
      el('p', { class: 'note' },
        `${inv.container ? `container ${inv.container} · ` : 'no container found · '}completed ${time(inv.completedAt)}`,
        took !== null ? ` · took ${duration(took)}` : ''),
      el('h4', {}, 'Claims'),
      claims.length
        ? el('ul', { class: 'claims', 'data-testid': 'claims' }, claims.map((c) =>
          el('li', { 'data-testid': 'claim', 'data-corroborated': String(Boolean(c.corroborated)) },
            corroboration(c.corroborated, false), ' ', el('b', {}, c.alertType), c.reason ? ` — ${c.reason}` : '',
            (c.factIds || []).length
              ? el('span', { class: 'note' }, ' · facts ', (c.factIds || []).flatMap((id, i) => (i ? [', ', factLink(id)] : [factLink(id)])))
              : null)))
        : el('p', { class: 'note' }, 'No claims were checked.'),
      factsTable(facts),
      toolCallsTable(calls));
  }

  /** The facts of an investigation, one row per fact, each row the target of that fact's links. */
  function factsTable(facts, scope) {
    return table('facts', `Facts observed (${facts.length})`, ['Fact', 'Source', 'Summary', 'Time'], facts.map((f) =>
      el('tr', { id: factRowId(f.id, scope), tabindex: -1, 'data-testid': 'fact-row', dataset: { factId: f.id } },
        el('td', {}, el('b', {}, f.id), el('div', { class: 'note' }, f.name)),
        el('td', {}, f.source),
        el('td', { class: 'summary' }, f.summary),
        el('td', { class: 'when' }, time(f.observedAt)))));
  }

  function toolCallsTable(calls) {
    return table('tool-calls', `Reads made (${calls.length})`, ['Tool', 'On', 'Took', 'Outcome'], calls.map((t) =>
      el('tr', { 'data-testid': 'tool-call' },
        el('td', {}, t.tool),
        el('td', { class: 'summary' }, t.argument),
        el('td', { class: 'when' }, duration(t.millis)),
        el('td', { class: t.outcome === 'ok' ? null : 'problem' }, t.outcome))));
  }

  function factLinks(ids, scope) {
    return (ids || []).flatMap((id, i) => (i ? [', ', factLink(id, scope)] : [factLink(id, scope)]));
  }

  // ---------- Ask AegisOps: on-demand investigations through monitor-service ----------
  const REPORT_SCOPE = 'report-fact';

  /** Text with every fact id it names (F1, F12…) turned into a link to that fact's row; the rest stays text. */
  function withFactLinks(text, known, scope) {
    return String(text || '').split(/\b(F\d+)\b/).map((part, i) =>
      (i % 2 === 1 && known.has(part) ? factLink(part, scope) : part));
  }

  function findingMarker(observed) {
    return el('span', { class: 'marker', 'data-observed': String(Boolean(observed)) },
      observed ? '● observed' : '○ not observed');
  }

  function renderReport(report) {
    const box = $('ask-report');
    clear(box);
    const facts = report.facts || [];
    const known = new Set(facts.map((f) => f.id));
    const conclusion = report.conclusion || {};
    const findings = conclusion.findings || [];
    const citations = report.citations || [];
    const took = report.requestedAt && report.completedAt
      ? new Date(report.completedAt) - new Date(report.requestedAt) : null;
    box.className = 'ask-report';
    box.dataset.reportId = report.id;
    box.append(
      el('h3', {}, `${report.target}${report.container && report.container !== report.target ? ` (container ${report.container})` : ''}`),
      el('p', { class: 'note' }, `“${report.question}” · asked ${time(report.requestedAt)}`,
        took !== null ? ` · took ${duration(took)}` : '', ` · id ${report.id}`),
      el('p', { class: 'conclusion detail-text', 'data-testid': 'report-summary' },
        el('strong', {}, 'Conclusion: '), withFactLinks(conclusion.summary, known, REPORT_SCOPE)),
      el('h4', {}, 'Fault kinds'),
      el('ul', { class: 'findings', 'data-testid': 'report-findings' }, findings.map((f) =>
        el('li', { 'data-testid': 'finding', 'data-kind': f.kind, 'data-observed': String(Boolean(f.observed)) },
          findingMarker(f.observed), ' ', el('b', {}, f.kind), f.asked ? el('span', { class: 'note' }, ' (asked)') : null,
          f.reason ? ` — ${f.reason}` : '',
          (f.factIds || []).length
            ? el('span', { class: 'note' }, ' · facts ', factLinks((f.factIds || []).filter((id) => known.has(id)), REPORT_SCOPE))
            : null))),
      el('h4', {}, 'Rests on'),
      citations.length
        ? el('ul', { class: 'citations', 'data-testid': 'report-citations' }, citations.map((c) =>
          el('li', { 'data-kind': c.kind, 'data-testid': 'citation' },
            el('span', { class: 'kind' }, 'fact'), known.has(c.ref) ? factLink(c.ref, REPORT_SCOPE) : el('b', {}, c.ref),
            ` ${c.title || ''}`, c.detail ? `: ${c.detail}` : '')))
        : el('p', { class: 'note' }, 'The conclusion cites no fact.'),
      factsTable(facts, REPORT_SCOPE),
      toolCallsTable(report.toolCalls || []));
  }

  /** Targets the room knows: opted-in containers (their service and container name) and incident targets. */
  function renderAskTargets() {
    const list = $('ask-targets');
    if (!list) return;
    const names = new Set();
    const containers = state.platform && Array.isArray(state.platform.containers) ? state.platform.containers : [];
    for (const c of containers) {
      if (c.target) names.add(c.target);
      if (c.name) names.add(c.name);
    }
    for (const card of state.incidents.values()) if (card.target) names.add(card.target);
    const sorted = [...names].sort();
    if (sorted.join('\n') === [...list.children].map((o) => o.value).join('\n')) return;
    clear(list);
    for (const name of sorted) list.append(el('option', { value: name }));
  }

  async function loadReports() {
    const problem = $('ask-history-error');
    try {
      state.reports = await api('api/investigations?limit=20');
      problem.hidden = true;
    } catch (e) {
      problem.hidden = false;
      problem.textContent = `Past reports unavailable: ${e.message}`;
      return;
    }
    renderReports();
  }

  function renderReports() {
    const list = $('ask-history');
    clear(list);
    for (const r of state.reports) {
      const observed = ((r.conclusion && r.conclusion.findings) || []).filter((f) => f.observed).map((f) => f.kind);
      list.append(el('li', { 'data-testid': 'ask-history-entry', dataset: { reportId: r.id } },
        el('button', { type: 'button', class: 'quiet ask-history-item', onclick: () => renderReport(r) },
          el('span', {}, el('span', { class: 'time' }, time(r.requestedAt)), el('strong', {}, r.target), ` — ${r.question}`),
          el('span', { class: 'what' }, observed.length ? `observed: ${observed.join(', ')}` : 'nothing observed'))));
    }
    if (!state.reports.length) list.append(el('li', { class: 'empty' }, 'No questions asked yet.'));
  }

  async function ask(event) {
    event.preventDefault();
    const button = $('ask-button');
    await act(button, async () => {
      const report = await api('api/investigations', {
        body: { target: $('ask-target').value, question: $('ask-question').value },
      });
      renderReport(report);
      await loadReports();
    });
  }

  async function showEvidence(id, box) {
    const details = await api(`api/incidents/${id}/evidence`);
    clear(box);
    box.append(el('h3', {}, 'Alerts (monitor-service)'),
      el('ol', { class: 'feed' }, (details.alerts || []).map((a) => el('li', {},
        el('span', { class: 'time' }, time(a.receivedAt)), `${a.type} from ${a.source}: ${a.summary}`,
        a.evidence && a.evidence.length ? el('pre', { class: 'evidence' }, a.evidence.join('\n')) : null))));
  }

  async function showIncidentNotifications(id, box) {
    const list = await api(`api/notifications?incidentId=${id}`);
    clear(box);
    box.append(el('h3', {}, 'Slack messages for this incident'),
      list.length ? el('ol', { class: 'feed' }, list.map(notificationItem)) : el('p', { class: 'empty' }, 'None.'));
  }

  // ---------- approvals ----------
  function renderApprovals() {
    const box = $('approvals');
    const pending = sortedIncidents().filter((c) => c.approval && c.approval.pending);
    $('approval-count').textContent = String(pending.length);
    const existing = new Map([...box.querySelectorAll('.approval')].map((n) => [n.dataset.approvalId, n]));
    const empty = box.querySelector('.empty');
    if (pending.length === 0) {
      existing.forEach((n) => n.remove());
      if (!empty) box.append(el('p', { class: 'empty' }, 'Nothing waits for a human.'));
      return;
    }
    if (empty) empty.remove();
    for (const card of pending) {
      const id = card.approval.requestId;
      let node = existing.get(id);
      existing.delete(id);
      if (!node) {
        node = approvalCard(card);
        box.append(node);
      }
      node.querySelector('.summary').textContent = approvalSummary(card);
    }
    existing.forEach((n) => n.remove());
  }

  function approvalSummary(card) {
    const a = card.approval;
    const cause = card.diagnosis ? card.diagnosis.rootCause : '';
    return `${a.proposedAction} on ${card.target} at ${percent(a.confidence)} confidence. ${cause}`;
  }

  function approvalCard(card) {
    const a = card.approval;
    const approvalId = a.requestId;
    const textId = `decision-text-${approvalId}`;
    const actionId = `override-action-${approvalId}`;
    const commentId = `comment-text-${approvalId}`;
    const text = el('textarea', { id: textId, 'data-testid': 'decision-text', rows: 2 });
    const action = el('select', { id: actionId, 'data-testid': 'override-action' },
      OVERRIDE_ACTIONS.map((x) => el('option', { value: x }, x)));
    const comments = el('ol', { class: 'comments', 'data-testid': 'comments' });
    const commentText = el('input', { id: commentId, 'data-testid': 'comment-text', maxlength: 4000 });

    const decide = (decision, extra) => async (event) => act(event.currentTarget, async () => {
      const body = Object.assign({ decision }, extra());
      await api(`api/approvals/${approvalId}/decision`, { body });
    });
    const loadComments = async () => {
      const list = await api(`api/approvals/${approvalId}/comments`);
      clear(comments);
      for (const c of list) comments.append(el('li', {}, el('span', { class: 'time' }, time(c.at)), `${c.actor}: ${c.text}`));
      if (!list.length) comments.append(el('li', { class: 'empty' }, 'No comments yet.'));
    };

    return el('article', {
      class: 'approval', 'data-testid': `approval-${card.id}`, dataset: { approvalId, incidentId: card.id },
      'aria-label': `Approval for ${card.target}`,
    },
    el('h3', {}, `${card.target}: ${a.proposedAction}?`),
    el('p', { class: 'summary' }, approvalSummary(card)),
    card.diagnosis ? el('p', { class: 'why' }, 'Diagnosis: ', corroboration(card.diagnosis.corroborated, false)) : null,
    el('p', { class: 'why' }, `Why a human: ${a.reason || '—'} · asked ${time(a.requestedAt)}`),
    card.diagnosis && card.diagnosis.evidence && card.diagnosis.evidence.length
      ? el('details', {}, el('summary', {}, 'Evidence'), el('pre', { class: 'evidence' }, card.diagnosis.evidence.join('\n')))
      : null,
    can('approver') ? [
      el('label', { for: textId }, 'Reason (required to reject) or feedback (required to request changes)'),
      text,
      el('div', { class: 'buttons' },
        el('button', { type: 'button', class: 'good', 'data-testid': 'approve', onclick: decide('APPROVE', () => ({ reason: text.value || null })) }, 'Approve'),
        el('button', { type: 'button', class: 'danger', 'data-testid': 'reject', onclick: decide('REJECT', () => ({ reason: text.value || null })) }, 'Reject'),
        el('button', { type: 'button', 'data-testid': 'request-changes', onclick: decide('REQUEST_CHANGES', () => ({ feedback: text.value || null })) }, 'Request changes')),
      el('div', { class: 'buttons' },
        el('label', { for: actionId }, 'Instead do'), action,
        el('button', { type: 'button', 'data-testid': 'override', onclick: decide('OVERRIDE', () => ({ action: action.value, reason: text.value || null })) }, 'Override')),
    ] : el('p', { class: 'note', 'data-testid': 'decide-needs-approver' }, 'Deciding needs the approver role.'),
    el('details', { ontoggle: (e) => { if (e.currentTarget.open) act(null, loadComments); } },
      el('summary', {}, 'Comments'),
      comments,
      !can('operator') ? null : el('div', { class: 'buttons' },
        el('label', { for: commentId }, 'Comment'), commentText,
        el('button', {
          type: 'button', 'data-testid': 'comment',
          onclick: (e) => act(e.currentTarget, async () => {
            await api(`api/approvals/${approvalId}/comments`, { body: { text: commentText.value } });
            commentText.value = '';
            await loadComments();
          }),
        }, 'Add comment'))));
  }

  // ---------- services ----------
  function renderPlatform() {
    const p = state.platform;
    if (!p) return;
    const health = $('health');
    clear(health);
    for (const s of p.services) {
      health.append(el('li', { 'data-up': String(s.up), 'data-testid': `health-${s.name}`, title: s.detail || 'ready' }, s.name));
    }
    const cards = $('service-cards');
    const values = {};
    cards.querySelectorAll('input[data-kind]').forEach((i) => { values[i.dataset.kind] = i.value; });
    const focusedId = document.activeElement && cards.contains(document.activeElement) ? document.activeElement.id : null;
    clear(cards);
    if (p.containersError) {
      cards.append(el('p', { class: 'problem', 'data-testid': 'containers-error' }, `Containers unavailable: ${p.containersError}`));
    }
    const containers = Array.isArray(p.containers) ? p.containers : [];
    const targets = new Set(containers.map((c) => c.target));
    for (const c of containers) cards.append(serviceCard(c, p));
    if (!targets.has(p.faultTarget)) {
      cards.append(serviceCard({ target: p.faultTarget, name: p.faultTarget }, p));
    }
    renderAskTargets();
    cards.querySelectorAll('input[data-kind]').forEach((i) => { if (values[i.dataset.kind] !== undefined) i.value = values[i.dataset.kind]; });
    // Rebuilt on every change: give keyboard focus back to the control that had it.
    if (focusedId && $(focusedId)) $(focusedId).focus();
  }

  function serviceCard(c, p) {
    const budget = c.restartBudget;
    const last = c.lastAction;
    const card = el('article', { class: 'card', 'data-testid': `service-card-${c.target}`, dataset: { target: c.target } },
      el('h3', {}, c.target,
        c.status ? el('span', { class: `badge ${c.running ? 'running' : 'stopped'}` }, c.status) : null),
      c.status ? el('dl', { class: 'facts' },
        el('dt', {}, 'Container'), el('dd', {}, c.name),
        el('dt', {}, 'Health'), el('dd', {}, c.health || 'no health check'),
        el('dt', {}, 'Policy'), el('dd', {}, c.policy || '—'),
        el('dt', {}, 'Restarts'), el('dd', { 'data-testid': 'restart-budget' },
          budget ? `${budget.used} used, ${budget.left} left of ${budget.budget}` : '—'),
        el('dt', {}, 'Last action'), el('dd', {}, last ? `${last.action} (${last.state}) at ${time(last.intendedAt)}` : 'none'))
        : el('p', { class: 'note' }, 'No container details (remediation-service did not list it).'));
    if (c.target === p.faultTarget) card.append(faultControls(p));
    return card;
  }

  function faultControls(p) {
    const box = el('div', { class: 'faults', 'data-testid': 'faults' });
    if (p.faultsError) {
      box.append(el('p', { class: 'problem', 'data-testid': 'faults-error' }, p.faultsError));
    } else if (p.faults) {
      const f = p.faults;
      const active = [];
      if (f.memory && f.memory.active) active.push(`memory ${f.memory.retainedMb} MB`);
      if (f.cpu && f.cpu.active) active.push(`cpu ${f.cpu.threads} threads`);
      if (f.latency && f.latency.active) active.push(`latency ${f.latency.delayMs} ms`);
      box.append(el('p', { class: 'active-faults', 'data-testid': 'active-faults' },
        active.length ? `Active: ${active.join(', ')}` : 'No active faults'));
    }
    if (!can('operator')) return box;
    for (const fault of FAULTS) {
      const inputId = `fault-value-${fault.kind}`;
      const input = el('input', {
        id: inputId, type: 'number', min: fault.min, max: fault.max, value: fault.value,
        'data-kind': fault.kind, 'data-testid': inputId, 'aria-label': `${fault.label}: ${fault.unit}`,
      });
      box.append(el('div', { class: 'fault-row' },
        el('label', { for: inputId }, `${fault.label} (${fault.unit})`),
        input,
        el('button', {
          type: 'button', id: `fault-button-${fault.kind}`, class: fault.kind === 'crash' ? 'danger' : null,
          'data-testid': `fault-${fault.kind}`,
          onclick: (e) => act(e.currentTarget, async () => {
            const value = input.value === '' ? null : Number(input.value);
            await api(`api/faults/${fault.kind}`, { body: { value } });
          }),
        }, 'Inject')));
    }
    box.append(el('button', {
      type: 'button', id: 'fault-reset-button', class: 'good', 'data-testid': 'fault-reset',
      onclick: (e) => act(e.currentTarget, async () => api('api/faults/reset', { body: {} })),
    }, 'Reset all faults'));
    return box;
  }

  // ---------- figures ----------
  function renderStats() {
    const s = state.stats;
    if (!s) return;
    $('mttd').textContent = duration(s.mttdMs);
    $('mttr').textContent = duration(s.mttrMs);
    $('open-count').textContent = String(s.open);
    $('resolved-count').textContent = String(s.resolved);
    $('figures-note').textContent = `Over the last ${s.window} incidents · ${s.awaitingApproval} awaiting approval · ${s.escalated} escalated`;
    renderChart(s.recent || []);
  }

  /** Time to resolve of the recent incidents as bars; open ones are drawn to now, hatched. */
  function renderChart(points) {
    const box = $('incident-chart');
    clear(box);
    const recent = points.slice(-24);
    if (!recent.length) {
      box.append(el('p', { class: 'empty' }, 'The chart fills as incidents happen.'));
      return;
    }
    const svgNs = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(svgNs, 'svg');
    const width = 300;
    const height = 140;
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'Time to resolve of recent incidents');
    // Scaled to the slowest resolution: an incident still open is drawn up to that height (or to its age, if
    // less), hatched, so one forgotten incident does not flatten every other bar.
    const now = Date.now();
    const resolved = recent.map((p) => (p.resolveMs != null ? p.resolveMs : null));
    const max = Math.max(1000, ...resolved.filter((v) => v != null));
    const values = recent.map((p, i) => (resolved[i] != null ? resolved[i]
      : (CLOSED.has(p.status) ? 0 : Math.min(max, Math.max(0, now - Date.parse(p.openedAt))))));
    const barWidth = (width - 30) / recent.length;
    const make = (tag, attrs) => {
      const node = document.createElementNS(svgNs, tag);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
      return node;
    };
    const defs = make('defs', {});
    const pattern = make('pattern', { id: 'open-hatch', width: 4, height: 4, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
    pattern.append(make('rect', { width: 2, height: 4, fill: '#f5b041' }));
    defs.append(pattern);
    svg.append(defs);
    svg.append(make('line', { x1: 28, y1: height - 14, x2: width, y2: height - 14, class: 'axis' }));
    const label = make('text', { x: 0, y: 10 });
    label.textContent = duration(max);
    svg.append(label);
    recent.forEach((p, i) => {
      const h = Math.max(2, (values[i] / max) * (height - 30));
      const color = p.status === 'RESOLVED' ? '#3ecf8e' : CLOSED.has(p.status) ? '#ff6b6b' : 'url(#open-hatch)';
      const bar = make('rect', {
        x: 30 + i * barWidth + 1, y: height - 14 - h, width: Math.max(2, barWidth - 3), height: h, fill: color,
        'data-incident': p.id,
      });
      const title = document.createElementNS(svgNs, 'title');
      title.textContent = `${p.target} ${p.status}: ${p.resolveMs != null ? `resolved in ${duration(p.resolveMs)}` : 'not resolved'}`;
      bar.append(title);
      svg.append(bar);
    });
    const footer = make('text', { x: 30, y: height - 2 });
    footer.textContent = 'time to resolve, oldest → newest (hatched: still open)';
    svg.append(footer);
    box.append(svg);
  }

  // ---------- activity ----------
  function activityArrived(entry) {
    state.activity = [entry, ...state.activity.filter((a) => a.id !== entry.id)].slice(0, 100);
    renderActivity();
  }

  function renderActivity() {
    const list = $('activity-feed');
    clear(list);
    for (const a of state.activity) {
      const failed = a.outcome && a.outcome !== 'ok';
      list.append(el('li', { 'data-testid': 'activity-entry', class: failed ? 'failed' : null },
        el('span', { class: 'time' }, time(a.at)),
        el('strong', {}, a.actor), ` ${a.action}`,
        a.target ? ` · ${a.target}` : '',
        a.detail ? ` · ${a.detail}` : '',
        failed ? ` — ${a.outcome}` : ''));
    }
    if (!state.activity.length) list.append(el('li', { class: 'empty' }, 'Nobody has done anything yet.'));
  }

  // ---------- notifications ----------
  function notificationsArrived(feed) {
    const items = (feed && feed.items) || [];
    if (state.live) {
      for (const n of items) {
        if (n.stage === 'APPROVAL_ESCALATED' && !state.spokenNotifications.has(n.id)) {
          speak('An approval was escalated: nobody has answered yet');
        }
      }
    }
    items.forEach((n) => state.spokenNotifications.add(n.id));
    state.notifications = feed;
    renderNotifications();
  }

  function notificationItem(n) {
    return el('li', { 'data-testid': 'notification', dataset: { stage: n.stage, status: n.status } },
      el('span', { class: 'time' }, time(n.occurredAt)),
      el('strong', {}, n.stage), ' ',
      el('span', { class: `status-${n.status}` }, n.status),
      n.channel ? ` via ${n.channel}` : '',
      n.attempts > 1 ? ` · ${n.attempts} attempts` : '',
      n.lastError ? el('div', { class: 'problem' }, n.lastError) : null);
  }

  function renderNotifications() {
    const feed = state.notifications;
    const list = $('notifications');
    const problem = $('notifications-error');
    clear(list);
    if (!feed) return;
    problem.hidden = !feed.error;
    problem.textContent = feed.error ? `Notifications unavailable: ${feed.error}` : '';
    const items = feed.items || [];
    items.forEach((n) => state.spokenNotifications.add(n.id));
    for (const n of items) list.append(notificationItem(n));
    if (!items.length && !feed.error) list.append(el('li', { class: 'empty' }, 'No notifications yet.'));
  }

  // ---------- start ----------
  function start() {
    $('speech-toggle').checked = localStorage.getItem(SPEECH_KEY) === 'on';
    $('speech-toggle').addEventListener('change', (e) => {
      localStorage.setItem(SPEECH_KEY, e.currentTarget.checked ? 'on' : 'off');
      if (e.currentTarget.checked && !('speechSynthesis' in window)) {
        showError('This browser has no speech synthesis; alerts stay silent.');
      }
    });
    $('login-form').addEventListener('submit', login);
    $('sign-out').addEventListener('click', signOut);
    $('ask-form').addEventListener('submit', ask);
    // A link from Slack (/incidents/<id> redirects here) opens that incident.
    const linked = new URLSearchParams(window.location.search).get('incident');
    if (linked && UUID.test(linked)) state.selected = linked;
    // A sign-in through the provider that did not finish comes back here with the reason; the address is cleaned.
    const signInError = new URLSearchParams(window.location.search).get('signin-error');
    if (signInError) window.history.replaceState(null, '', window.location.pathname);
    // A session cookie from earlier signs in at once; without one (401) the login form is shown.
    api('api/auth/me').then(signedIn)
      .catch((e) => showLogin(e.status !== 401 ? e.message
        : signInError ? `Sign-in through the provider did not finish: ${signInError}` : ''));
  }

  document.addEventListener('DOMContentLoaded', start);
})();
