// newsaudit panel: audits the unsaved edit form by itself a short pause after typing stops (or on "Check unsaved
// changes"), one request in flight, an older one cancelled (a check never cancels a dismissal or undo: it waits for
// it); shows failures as a message in the panel (a 4xx body is a one-line reason; a 403 or an expired session links
// to the login page); a panel whose audit is still to come (data-newsaudit-pending, just after a save) fetches the
// stored panel until the audit arrives, through a passing server error too; the category lights filter the
// findings; a finding's excerpt selects its words in the editor (marks.js).
(function () {
  'use strict';

  // Draftail writes its content into the form's hidden input on a 250 ms debounce (stateSaveInterval),
  // so an edit only reaches the form after that.
  var EDITOR_FLUSH_MS = 300;
  var LIVE_PAUSE_MS = 1200;
  var LIVE_KEY = 'newsaudit-live';
  var MESSAGE_MAX = 300;
  var inflight = null;
  var inflightAction = false; // a dismissal or undo in flight: a check waits for it rather than cancel it
  var liveTimer = 0;

  function editForm() {
    return document.querySelector('form[data-edit-form]') || document.getElementById('page-edit-form');
  }

  function currentPanel() {
    return document.querySelector('[data-newsaudit-panel]');
  }

  function csrfToken(form) {
    var field = form && form.querySelector('input[name="csrfmiddlewaretoken"]');
    return field ? field.value : '';
  }

  function liveEnabled() {
    try {
      return window.localStorage.getItem(LIVE_KEY) !== 'off';
    } catch (e) {
      return true;
    }
  }

  function setLive(on) {
    try {
      window.localStorage.setItem(LIVE_KEY, on ? 'on' : 'off');
    } catch (e) { /* private mode: the toggle holds for this page only */ }
  }

  function check(panel, delay) {
    var form = editForm();
    var url = panel && panel.getAttribute('data-check-url');
    if (!form || !url) return;
    window.clearTimeout(liveTimer);
    liveTimer = window.setTimeout(function () { send(url); }, delay);
  }

  // POST to a panel endpoint (the check, a dismissal, an undo) and swap in the panel it returns.
  function send(url, body) {
    var form = editForm();
    var panel = currentPanel();
    if (!form || !panel) return;
    var recheck = !!body && panel.hasAttribute('data-unsaved');
    if (inflight && inflightAction && !body) {
      check(panel, EDITOR_FLUSH_MS);
      return;
    }
    if (inflight) inflight.abort();
    var controller = new AbortController();
    inflight = controller;
    inflightAction = !!body;
    panel.setAttribute('aria-busy', 'true');
    var started = performance.now();
    fetch(url, {
      method: 'POST',
      body: body || new FormData(form),
      credentials: 'same-origin',
      signal: controller.signal,
      headers: { 'X-CSRFToken': csrfToken(form), 'X-Requested-With': 'XMLHttpRequest' },
    })
      .then(function (response) {
        return response.text().then(function (body) { return { response: response, body: body }; });
      })
      .then(function (result) {
        if (inflight !== controller) return;
        inflight = null;
        inflightAction = false;
        handle(result.response, result.body, started);
        // A dismissal returns the stored audit; an editor with unsaved changes gets them checked again.
        if (recheck && result.response.ok) check(currentPanel(), EDITOR_FLUSH_MS);
      })
      .catch(function (error) {
        if (error.name === 'AbortError') return;
        if (inflight === controller) {
          inflight = null;
          inflightAction = false;
        }
        showMessage('The audit could not reach the server. Check your connection and try again.');
      });
  }

  function handle(response, body, started) {
    var fresh = response.ok ? parsePanel(body) : null;
    if (response.status === 403 || (response.redirected && !fresh)) {
      showMessage('Your session has expired or you may not edit this page.', true);
    } else if (response.status === 429) {
      var wait = response.headers.get('Retry-After');
      showMessage(oneLine(body) || 'Too many checks.', false, wait ? 'Retry in ' + wait + ' s.' : '');
    } else if (response.status >= 400 && response.status < 500) {
      showMessage('The audit could not run: ' + (oneLine(body) || 'HTTP ' + response.status));
    } else if (!fresh) {
      showMessage('The audit failed on the server (HTTP ' + response.status + '). Try again in a moment.');
    } else {
      // Timings for the browser test and the docs: the request's round trip, and when its response arrived.
      fresh.setAttribute('data-response-ms', String(Math.round(performance.now() - started)));
      fresh.setAttribute('data-received-at', String(performance.now()));
      swap(currentPanel(), fresh);
    }
  }

  // A 4xx body is a one-line plain-text reason; anything longer (an HTML error page) is cut to its text.
  function oneLine(body) {
    var holder = document.createElement('div');
    holder.innerHTML = body || '';
    var text = (holder.textContent || '').replace(/\s+/g, ' ').trim();
    return text.length > MESSAGE_MAX ? text.slice(0, MESSAGE_MAX - 1) + '\u2026' : text;
  }

  function showMessage(text, login, extra) {
    var panel = currentPanel();
    if (!panel) return;
    panel.removeAttribute('aria-busy');
    var box = panel.querySelector('[data-newsaudit-message]');
    if (!box) return;
    box.textContent = text + (extra ? ' ' + extra : '');
    if (login) {
      var link = document.createElement('a');
      var next = window.location.pathname + window.location.search;
      link.href = (panel.getAttribute('data-login-url') || '/admin/login/') + '?next=' + encodeURIComponent(next);
      link.textContent = 'Log in again';
      link.setAttribute('data-newsaudit-login', '');
      box.appendChild(document.createTextNode(' '));
      box.appendChild(link);
    }
    box.hidden = false;
  }

  function parsePanel(html) {
    var holder = document.createElement('div');
    holder.innerHTML = html.trim();
    return holder.querySelector('[data-newsaudit-panel]');
  }

  function swap(panel, fresh) {
    if (!fresh || !panel) return;
    var filter = panel.querySelector('[data-newsaudit-filter][aria-pressed="true"]');
    // Groups the editor opened (Dismissed, Good, ...) stay open when a newer panel replaces this one.
    var opened = [].map.call(panel.querySelectorAll('details[open][data-newsaudit-group]'), function (group) {
      return group.getAttribute('data-newsaudit-group');
    });
    panel.replaceWith(fresh);
    opened.forEach(function (name) {
      var group = fresh.querySelector('details[data-newsaudit-group="' + name + '"]');
      if (group) group.open = true;
    });
    prepare(fresh);
    if (filter) applyFilter(fresh, filter.getAttribute('data-newsaudit-filter'));
    updateCounter(fresh.getAttribute('data-problem-count'));
    if (fresh.hasAttribute('data-newsaudit-pending')) waitForAudit(fresh);
    if (window.newsauditMarks) window.newsauditMarks.render();
  }

  function prepare(panel) {
    var toggle = panel.querySelector('[data-newsaudit-live]');
    if (toggle) toggle.checked = liveEnabled();
  }

  // After a save the audit runs once the response has gone (or in a task worker): ask again, less and less often.
  var FIRST_POLL_MS = 400;
  var LAST_POLL_MS = 5000;
  var POLL_BUDGET_MS = 60000;

  function waitForAudit(panel, delay, waited) {
    delay = delay || FIRST_POLL_MS;
    waited = waited || 0;
    var url = panel.getAttribute('data-panel-url');
    if (!url) return;
    if (waited >= POLL_BUDGET_MS) {
      var notice = panel.querySelector('[data-newsaudit-pending-notice]');
      if (notice) notice.textContent = 'The audit of the latest save has not arrived yet. Reload the page later.';
      return;
    }
    var askAgain = function () { waitForAudit(panel, Math.min(delay * 2, LAST_POLL_MS), waited + delay); };
    window.setTimeout(function () {
      if (!document.contains(panel)) return; // replaced meanwhile, e.g. by a check of unsaved changes
      fetch(url, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
        .then(function (response) {
          // A server error is passing (a database busy with the audit being stored): ask again. A 4xx (an
          // expired session, a page gone) will not change: the stored panel stays, the editor can reload.
          if (response.status >= 500) return null;
          return response.ok ? response.text() : undefined;
        })
        .then(function (html) {
          if (html === undefined || !document.contains(panel)) return;
          var fresh = html === null ? null : parsePanel(html);
          if (html !== null && !fresh) return;
          if (!fresh || fresh.hasAttribute('data-newsaudit-pending')) {
            askAgain();
          } else {
            swap(panel, fresh);
          }
        })
        .catch(askAgain); // the network dropped: ask again, within the budget
    }, delay);
  }

  function updateCounter(count) {
    var counter = document.querySelector('[data-side-panel-toggle="newsaudit"] [data-side-panel-toggle-counter]');
    if (!counter) return;
    counter.textContent = count;
    counter.hidden = !count || count === '0';
  }

  function applyFilter(panel, category) {
    panel.querySelectorAll('[data-newsaudit-filter]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-newsaudit-filter') === category));
    });
    panel.querySelectorAll('[data-newsaudit-finding], [data-newsaudit-passed]').forEach(function (row) {
      row.hidden = !!category && row.getAttribute('data-newsaudit-category') !== category;
    });
    if (window.newsauditMarks) window.newsauditMarks.render();
  }

  function toggleFilter(button) {
    var panel = button.closest('[data-newsaudit-panel]');
    var pressed = button.getAttribute('aria-pressed') === 'true';
    applyFilter(panel, pressed ? '' : button.getAttribute('data-newsaudit-filter'));
  }

  // Typing anywhere in the edit form (not in the panel itself) schedules a live check.
  function onEdit(event) {
    var form = editForm();
    var panel = currentPanel();
    if (!form || !panel || !liveEnabled() || !form.contains(event.target)) return;
    if (panel.contains(event.target)) return;
    if (event.type === 'keyup' && (event.key.length > 1 && ['Backspace', 'Delete', 'Enter'].indexOf(event.key) < 0)) {
      return; // arrows, shift, tab: no change to the text
    }
    check(panel, Math.max(LIVE_PAUSE_MS, EDITOR_FLUSH_MS));
  }

  function dismissBody(spotEl, reason) {
    var body = new FormData();
    body.append('rule', spotEl.getAttribute('data-rule'));
    body.append('excerpt', spotEl.getAttribute('data-excerpt'));
    body.append('reason', reason);
    return body;
  }

  // A reason field and a confirm button, in place of `target` (the card's actions, or a panel spot's button).
  function askReason(target, spotEl, url) {
    var form = document.createElement('div');
    form.className = 'newsaudit-card__dismiss';
    var reason = document.createElement('input');
    reason.type = 'text';
    reason.maxLength = 500;
    reason.placeholder = 'Why is this not a problem?';
    reason.setAttribute('aria-label', 'Reason for dismissing');
    reason.setAttribute('data-newsaudit-reason', '');
    var confirm = document.createElement('button');
    confirm.type = 'button';
    confirm.className = 'button button-small';
    confirm.textContent = 'Dismiss finding';
    confirm.setAttribute('data-newsaudit-dismiss-confirm', '');
    confirm.addEventListener('click', function () { send(url, dismissBody(spotEl, reason.value)); });
    reason.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        e.preventDefault();
        confirm.click();
      }
    });
    form.appendChild(reason);
    form.appendChild(confirm);
    target.replaceWith(form);
    reason.focus();
  }

  // The card's "Dismiss" (the panel's own, per place, is in the template: keyboard users reach it there).
  document.addEventListener('newsaudit:card', function (event) {
    var panel = currentPanel();
    var url = panel && panel.getAttribute('data-dismiss-url');
    if (!url) return;
    var actions = event.detail.actions;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button-small button-secondary';
    button.textContent = 'Dismiss';
    button.setAttribute('data-newsaudit-dismiss', '');
    button.addEventListener('click', function () { askReason(actions, event.detail.spot, url); });
    actions.appendChild(button);
  });

  ['keyup', 'input', 'paste', 'cut', 'drop', 'change'].forEach(function (type) {
    document.addEventListener(type, onEdit, true);
  });

  function start() {
    var panel = currentPanel();
    if (panel) prepare(panel);
    document.querySelectorAll('[data-newsaudit-panel][data-newsaudit-pending]').forEach(function (p) {
      waitForAudit(p);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();

  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('[data-newsaudit-live]')) {
      setLive(event.target.checked);
      if (!event.target.checked) window.clearTimeout(liveTimer);
    }
  });

  document.addEventListener('click', function (event) {
    var target = event.target.closest ? event.target : event.target.parentElement;
    var button = target.closest('[data-newsaudit-check]');
    if (button) {
      event.preventDefault();
      check(button.closest('[data-newsaudit-panel]'), EDITOR_FLUSH_MS);
      return;
    }
    var filter = target.closest('[data-newsaudit-filter]');
    if (filter) {
      event.preventDefault();
      toggleFilter(filter);
      return;
    }
    var dismissSpot = target.closest('[data-newsaudit-dismiss-spot]');
    if (dismissSpot) {
      event.preventDefault();
      var panel = dismissSpot.closest('[data-newsaudit-panel]');
      askReason(dismissSpot, dismissSpot.closest('[data-newsaudit-spot]'), panel.getAttribute('data-dismiss-url'));
      return;
    }
    var undo = target.closest('[data-newsaudit-undo]');
    if (undo) {
      event.preventDefault();
      send(undo.getAttribute('data-newsaudit-undo'), new FormData());
      return;
    }
    var go = target.closest('[data-newsaudit-goto]');
    if (go && window.newsauditMarks) {
      event.preventDefault();
      window.newsauditMarks.goto(go.closest('[data-newsaudit-spot]'));
    }
  });
})();
