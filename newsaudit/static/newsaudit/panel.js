// newsaudit panel: "Check unsaved changes" posts the edit form to the check view and swaps in the panel it returns;
// "Show in editor" scrolls to the StreamField block a finding points at.
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
      .then(function (html) {
        var holder = document.createElement('div');
        holder.innerHTML = html.trim();
        var fresh = holder.querySelector('[data-newsaudit-panel]');
        if (!fresh) return;
        panel.replaceWith(fresh);
        updateCounter(fresh.getAttribute('data-finding-count'));
      })
      .catch(function (error) {
        panel.removeAttribute('aria-busy');
        window.alert('The audit could not run: ' + error.message);
      });
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
