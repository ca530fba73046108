// newsaudit marks: the panel's findings drawn over the editor's own text (Draftail rich text, text inputs and
// textareas), exactly on the flagged words, coloured by severity, with a card on hover or when the caret is in one.
//
// The marks are absolutely positioned boxes in a layer appended to <body>, placed from the client rectangles of a
// DOM Range (rich text) or of a mirror element (inputs). Nothing is inserted into Draftail's contenteditable or into
// any form field, so marks can never be saved into the content, and typing, undo and paste stay Draftail's own.
// A span is found again from its text: the finding's excerpt, its n-th occurrence inside its block; after an edit
// the marks are recomputed, so a fixed phrase loses its mark at once and the rest follow the text until the next check.
(function () {
  'use strict';

  var RANK = { info: 0, warning: 1, error: 2 };
  var SEGMENTS = '.public-DraftEditor-content, input[type="text"], textarea';
  var layer = null;
  var placed = []; // [{spot, rects: [{left, top, right, bottom}] in page coordinates}]
  var card = null;
  var cardSpot = null;
  var hideTimer = 0;
  var frame = 0;

  function currentPanel() {
    return document.querySelector('[data-newsaudit-panel]');
  }

  function spotsOf(panel) {
    if (!panel) return [];
    return Array.prototype.map.call(panel.querySelectorAll('[data-newsaudit-spot]'), function (el, index) {
      var row = el.closest('[data-newsaudit-finding]');
      return {
        el: el,
        index: index,
        hidden: !!(row && row.hidden),
        rule: el.getAttribute('data-rule'),
        severity: el.getAttribute('data-severity') || 'info',
        message: el.getAttribute('data-message') || '',
        hint: el.getAttribute('data-hint') || '',
        why: (row && row.getAttribute('data-why')) || '',
        block: el.getAttribute('data-block') || '',
        excerpt: (el.getAttribute('data-excerpt') || '').replace(/\u2026$/, ''),
        occurrence: parseInt(el.getAttribute('data-occurrence') || '0', 10) || 0,
      };
    });
  }

  // The element holding a block's text: a StreamField child by its block id, or a top-level field by its name.
  function containerFor(block) {
    var name = block.indexOf('field:') === 0 ? block.slice(6) : block;
    var found = document.querySelectorAll('[data-contentpath="' + CSS.escape(name) + '"]');
    for (var i = 0; i < found.length; i++) {
      if (!found[i].parentElement.closest('[data-contentpath]')) return found[i];
    }
    return found[0] || null;
  }

  function segmentsOf(container) {
    var all = Array.prototype.slice.call(container.querySelectorAll(SEGMENTS));
    if (container.matches && container.matches(SEGMENTS)) all.unshift(container);
    return all.filter(function (el) { return el.getClientRects().length; });
  }

  function textNodes(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  }

  function segmentText(segment) {
    if (segment.tagName === 'INPUT' || segment.tagName === 'TEXTAREA') return segment.value;
    return textNodes(segment).map(function (n) { return n.data; }).join('');
  }

  // A block's segments and their texts, read once per render however many spots the block has.
  function blockTexts(block, cache) {
    if (cache && cache[block]) return cache[block];
    var container = containerFor(block);
    var segments = container ? segmentsOf(container) : [];
    var entry = { segments: segments, texts: segments.map(segmentText) };
    if (cache) cache[block] = entry;
    return entry;
  }

  // Where the spot's excerpt is now: {segment, start, end}, or null when the text no longer contains it.
  function locate(spot, cache) {
    if (!spot.block || !spot.excerpt) return null;
    var entry = blockTexts(spot.block, cache);
    var segments = entry.segments;
    var seen = 0;
    for (var i = 0; i < segments.length; i++) {
      var text = entry.texts[i];
      var at = text.indexOf(spot.excerpt);
      while (at !== -1) {
        if (seen === spot.occurrence) return { segment: segments[i], start: at, end: at + spot.excerpt.length };
        seen += 1;
        at = text.indexOf(spot.excerpt, at + spot.excerpt.length);
      }
    }
    return null;
  }

  function domRange(segment, start, end) {
    var range = document.createRange();
    var offset = 0;
    var startSet = false;
    var nodes = textNodes(segment);
    for (var i = 0; i < nodes.length; i++) {
      var length = nodes[i].data.length;
      if (!startSet && start <= offset + length) {
        range.setStart(nodes[i], start - offset);
        startSet = true;
      }
      if (startSet && end <= offset + length) {
        range.setEnd(nodes[i], end - offset);
        return range;
      }
      offset += length;
    }
    return null;
  }

  var MIRRORED = ['boxSizing', 'width', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'letterSpacing',
    'lineHeight', 'textTransform', 'wordSpacing', 'textIndent', 'paddingTop', 'paddingRight', 'paddingBottom',
    'paddingLeft', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle',
    'tabSize'];

  // Rectangles of value[start:end] in an input or textarea: a hidden copy of the field with the same box and font.
  function fieldRects(field, start, end) {
    var style = window.getComputedStyle(field);
    var box = field.getBoundingClientRect();
    var mirror = document.createElement('div');
    MIRRORED.forEach(function (name) { mirror.style[name] = style[name]; });
    mirror.style.position = 'fixed';
    mirror.style.visibility = 'hidden';
    mirror.style.left = box.left + 'px';
    mirror.style.top = box.top + 'px';
    mirror.style.whiteSpace = field.tagName === 'TEXTAREA' ? 'pre-wrap' : 'pre';
    mirror.style.overflowWrap = 'break-word';
    mirror.style.borderColor = 'transparent';
    var value = field.value;
    var span = document.createElement('span');
    span.textContent = value.slice(start, end);
    mirror.appendChild(document.createTextNode(value.slice(0, start)));
    mirror.appendChild(span);
    mirror.appendChild(document.createTextNode(value.slice(end)));
    document.body.appendChild(mirror);
    var rects = Array.prototype.map.call(span.getClientRects(), function (r) {
      return { left: r.left - field.scrollLeft, top: r.top - field.scrollTop, width: r.width, height: r.height };
    });
    mirror.remove();
    return clip(rects, box);
  }

  function clip(rects, box) {
    return rects
      .map(function (r) {
        var left = Math.max(r.left, box.left);
        var right = Math.min(r.left + r.width, box.right);
        var top = Math.max(r.top, box.top);
        var bottom = Math.min(r.top + r.height, box.bottom);
        return { left: left, top: top, width: right - left, height: bottom - top };
      })
      .filter(function (r) { return r.width > 0 && r.height > 0; });
  }

  function rectsFor(found) {
    var segment = found.segment;
    if (segment.tagName === 'INPUT' || segment.tagName === 'TEXTAREA') {
      return fieldRects(segment, found.start, found.end);
    }
    var range = domRange(segment, found.start, found.end);
    if (!range) return [];
    return Array.prototype.filter.call(range.getClientRects(), function (r) { return r.width > 0 && r.height > 0; });
  }

  function ensureLayer() {
    if (!layer || !document.body.contains(layer)) {
      layer = document.createElement('div');
      layer.className = 'newsaudit-marks';
      layer.setAttribute('data-newsaudit-marks', '');
      layer.setAttribute('aria-hidden', 'true');
      document.body.appendChild(layer);
    }
    return layer;
  }

  function render() {
    frame = 0;
    var target = ensureLayer();
    var fragment = document.createDocumentFragment();
    placed = [];
    var cache = Object.create(null);
    // Info first, errors last: where spans overlap, the more serious mark is drawn on top and found first on hover.
    spotsOf(currentPanel()).sort(function (a, b) { return RANK[a.severity] - RANK[b.severity]; }).forEach(function (spot) {
      if (spot.hidden) return;
      var found = locate(spot, cache);
      if (!found) return;
      var rects = rectsFor(found).map(function (r) {
        return { left: r.left + window.scrollX, top: r.top + window.scrollY, width: r.width, height: r.height };
      });
      rects.forEach(function (r) {
        var mark = document.createElement('div');
        mark.className = 'newsaudit-mark newsaudit-mark--' + spot.severity;
        mark.setAttribute('data-newsaudit-rule', spot.rule);
        mark.setAttribute('data-spot', String(spot.index));
        mark.style.left = r.left + 'px';
        mark.style.top = r.top + 'px';
        mark.style.width = r.width + 'px';
        mark.style.height = r.height + 'px';
        fragment.appendChild(mark);
      });
      placed.push({ spot: spot, found: found, rects: rects });
    });
    target.replaceChildren(fragment);
    target.setAttribute('data-rendered-at', String(performance.now()));
    if (card && !placed.some(function (p) { return p.spot.el === cardSpot; })) hideCard();
    document.dispatchEvent(new CustomEvent('newsaudit:marked', { detail: { count: placed.length } }));
  }

  function schedule() {
    if (!frame) frame = window.requestAnimationFrame(render);
  }

  function placedAt(x, y) {
    for (var i = placed.length - 1; i >= 0; i--) {
      var rects = placed[i].rects;
      for (var j = 0; j < rects.length; j++) {
        var r = rects[j];
        if (x >= r.left && x <= r.left + r.width && y >= r.top && y <= r.top + r.height) return placed[i];
      }
    }
    return null;
  }

  function firstLine(text) {
    var stop = text.search(/[.!?](\s|$)/);
    return stop === -1 ? text : text.slice(0, stop + 1);
  }

  function showCard(item) {
    keepCard();
    if (card && cardSpot === item.spot.el) return;
    hideCard();
    var spot = item.spot;
    card = document.createElement('div');
    card.className = 'newsaudit-card';
    card.setAttribute('role', 'dialog');
    card.setAttribute('data-newsaudit-card', spot.rule);
    function line(className, text) {
      if (!text) return;
      var p = document.createElement('p');
      p.className = className;
      p.textContent = text;
      card.appendChild(p);
    }
    line('newsaudit-card__message', spot.message);
    line('newsaudit-card__why', firstLine(spot.why));
    line('newsaudit-card__fix', spot.hint);
    var actions = document.createElement('div');
    actions.className = 'newsaudit-card__actions';
    var code = document.createElement('code');
    code.textContent = spot.rule;
    actions.appendChild(code);
    var back = document.createElement('button');
    back.type = 'button';
    back.className = 'button button-small button-secondary';
    back.textContent = 'Show in panel';
    back.addEventListener('click', function () { showInPanel(spot.el); });
    actions.appendChild(back);
    document.dispatchEvent(new CustomEvent('newsaudit:card', { detail: { actions: actions, spot: spot.el } }));
    card.appendChild(actions);
    card.addEventListener('mouseenter', keepCard);
    card.addEventListener('mouseleave', hideSoon);
    var last = item.rects[item.rects.length - 1];
    card.style.left = Math.max(8, last.left) + 'px';
    card.style.top = last.top + last.height + 6 + 'px';
    document.body.appendChild(card);
    cardSpot = spot.el;
  }

  function hideCard() {
    if (card) card.remove();
    card = null;
    cardSpot = null;
  }

  function hideSoon() {
    if (hideTimer) return;
    hideTimer = window.setTimeout(function () {
      hideTimer = 0;
      hideCard();
    }, 400);
  }

  function keepCard() {
    window.clearTimeout(hideTimer);
    hideTimer = 0;
  }

  function showInPanel(spotEl) {
    hideCard();
    var panel = spotEl.closest('[data-newsaudit-panel]');
    var toggle = document.querySelector('[data-side-panel-toggle="newsaudit"]');
    if (toggle && panel && !panel.getClientRects().length) toggle.click();
    window.setTimeout(function () {
      spotEl.scrollIntoView({ block: 'center' });
      var button = spotEl.querySelector('[data-newsaudit-goto]');
      if (button) button.focus();
    }, 50);
  }

  // The panel's "go to" on a spot: scroll the text into view, select the flagged words, highlight the mark.
  function goto(spotEl) {
    var spot = spotsOf(currentPanel()).filter(function (s) { return s.el === spotEl; })[0];
    var found = spot && locate(spot);
    if (!found) return false;
    var segment = found.segment;
    if (segment.tagName === 'INPUT' || segment.tagName === 'TEXTAREA') {
      segment.scrollIntoView({ block: 'center' });
      segment.focus();
      segment.setSelectionRange(found.start, found.end);
    } else {
      var range = domRange(segment, found.start, found.end);
      if (!range) return false;
      var holder = range.startContainer.parentElement;
      holder.scrollIntoView({ block: 'center' });
      segment.focus();
      var selection = window.getSelection();
      selection.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
    }
    render();
    layer.querySelectorAll('[data-spot="' + spot.index + '"]').forEach(function (mark) {
      mark.classList.add('newsaudit-mark--active');
    });
    var item = placed.filter(function (p) { return p.spot.el === spotEl; })[0];
    if (item) showCard(item);
    return true;
  }

  // The caret inside a flagged span shows its card, so the card is reachable from the keyboard too.
  function caretCard() {
    var active = document.activeElement;
    if (!active || !placed.length) return;
    var segment = active.closest && active.closest(SEGMENTS);
    if (!segment) return;
    var offset = caretOffset(segment);
    if (offset === null) return;
    var hit = placed
      .filter(function (p) {
        return p.found.segment === segment && offset >= p.found.start && offset <= p.found.end && p.rects.length;
      })
      .pop(); // the most serious of overlapping spans
    if (hit) showCard(hit);
    else if (card && !card.contains(document.activeElement)) hideCard();
  }

  function caretOffset(segment) {
    if (segment.tagName === 'INPUT' || segment.tagName === 'TEXTAREA') return segment.selectionStart;
    var selection = window.getSelection();
    if (!selection.rangeCount || !segment.contains(selection.anchorNode)) return null;
    var before = document.createRange();
    before.setStart(segment, 0);
    before.setEnd(selection.anchorNode, selection.anchorOffset);
    return before.toString().length;
  }

  var pointer = null;
  var pointerFrame = 0;
  document.addEventListener('mousemove', function (event) {
    pointer = { x: event.pageX, y: event.pageY };
    if (pointerFrame) return;
    pointerFrame = window.requestAnimationFrame(function () {
      pointerFrame = 0;
      var item = placedAt(pointer.x, pointer.y);
      if (item) showCard(item);
      else if (card && !card.matches(':hover') && !card.contains(document.activeElement)) hideSoon();
    });
  });
  document.addEventListener('selectionchange', function () { window.requestAnimationFrame(caretCard); });
  document.addEventListener('keyup', function (event) {
    if (event.key === 'Escape') hideCard();
    schedule();
  });
  ['input', 'paste', 'cut', 'drop', 'change'].forEach(function (type) {
    document.addEventListener(type, function () { window.setTimeout(schedule, 30); }, true);
  });
  window.addEventListener('scroll', schedule, true);
  window.addEventListener('resize', schedule);
  if (window.ResizeObserver) new ResizeObserver(schedule).observe(document.documentElement);

  window.newsauditMarks = { render: render, schedule: schedule, goto: goto, hideCard: hideCard };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', schedule);
  else schedule();
  // Draftail mounts its editors after the page's scripts run.
  window.addEventListener('load', function () { window.setTimeout(schedule, 200); });
})();
