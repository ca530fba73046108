// newsaudit panel: "Check unsaved changes" posts the edit form to the check view and swaps in the panel it returns;
// a panel whose audit is still to come (data-newsaudit-pending, just after a save) fetches the stored panel until
// the audit arrives; "Show in editor" scrolls to the StreamField block a finding points at.
(function () {
  'use strict';

  function editForm() {
    return document.querySelector('form[data-edit-form]') || document.getElementById('page-edit-form');
  }

  function csrfToken(form) {
    var field = form && form.querySelector('input[name="csrfmiddlewaretoken"]');
    return field ? field.value : '';
  }

  // Draftail writes its content into the form's hidden input on a 250 ms debounce (stateSaveInterval),
  // so an edit made just before the click only reaches the form after that.
  var EDITOR_FLUSH_MS = 300;

  function check(panel) {
    var form = editForm();
    var url = panel.getAttribute('data-check-url');
    if (!form || !url) return;
    panel.setAttribute('aria-busy', 'true');
    window.setTimeout(function () { send(panel, form, url); }, EDITOR_FLUSH_MS);
  }

  function send(panel, form, url) {
    fetch(url, {
      method: 'POST',
      body: new FormData(form),
      credentials: 'same-origin',
      headers: { 'X-CSRFToken': csrfToken(form), 'X-Requested-With': 'XMLHttpRequest' },
    })
      .then(function (response) {
        return response.text().then(function (html) {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return html;
        });
      })
      .then(function (html) { swap(panel, parsePanel(html)); })
      .catch(function (error) {
        panel.removeAttribute('aria-busy');
        window.alert('The audit could not run: ' + error.message);
      });
  }

  function parsePanel(html) {
    var holder = document.createElement('div');
    holder.innerHTML = html.trim();
    return holder.querySelector('[data-newsaudit-panel]');
  }

  function swap(panel, fresh) {
    if (!fresh) return;
    panel.replaceWith(fresh);
    updateCounter(fresh.getAttribute('data-finding-count'));
    if (fresh.hasAttribute('data-newsaudit-pending')) waitForAudit(fresh);
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
    window.setTimeout(function () {
      if (!document.contains(panel)) return; // replaced meanwhile, e.g. by a check of unsaved changes
      fetch(url, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.text();
        })
        .then(function (html) {
          var fresh = parsePanel(html);
          if (!fresh || !document.contains(panel)) return;
          if (fresh.hasAttribute('data-newsaudit-pending')) {
            waitForAudit(panel, Math.min(delay * 2, LAST_POLL_MS), waited + delay);
          } else {
            swap(panel, fresh);
          }
        })
        .catch(function () { /* the stored panel stays; the editor can reload */ });
    }, delay);
  }

  function updateCounter(count) {
    var counter = document.querySelector('[data-side-panel-toggle="newsaudit"] [data-side-panel-toggle-counter]');
    if (!counter) return;
    counter.textContent = count;
    counter.hidden = !count || count === '0';
  }

  function showBlock(blockId) {
    var target = document.querySelector('[data-contentpath="' + CSS.escape(blockId) + '"]');
    if (!target && blockId.indexOf('field:') === 0) {
      target = document.querySelector('[data-contentpath="' + CSS.escape(blockId.slice(6)) + '"]');
    }
    if (!target) return;
    target.scrollIntoView({ behavior: 'smooth', block: 'center' });
    target.classList.add('newsaudit-flash');
    window.setTimeout(function () { target.classList.remove('newsaudit-flash'); }, 2000);
  }

  function watchPendingPanels() {
    document.querySelectorAll('[data-newsaudit-panel][data-newsaudit-pending]').forEach(function (panel) {
      waitForAudit(panel);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', watchPendingPanels);
  } else {
    watchPendingPanels();
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-newsaudit-check]');
    if (button) {
      event.preventDefault();
      check(button.closest('[data-newsaudit-panel]'));
      return;
    }
    var show = event.target.closest && event.target.closest('[data-newsaudit-show-block]');
    if (show) {
      event.preventDefault();
      showBlock(show.getAttribute('data-newsaudit-show-block'));
    }
  });
})();
