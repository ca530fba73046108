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

  function check(panel) {
    var form = editForm();
    var url = panel.getAttribute('data-check-url');
    if (!form || !url) return;
    var body = new FormData(form);
    panel.setAttribute('aria-busy', 'true');
    fetch(url, {
      method: 'POST',
      body: body,
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
        if (fresh) panel.replaceWith(fresh);
      })
      .catch(function (error) {
        panel.removeAttribute('aria-busy');
        window.alert('The audit could not run: ' + error.message);
      });
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
