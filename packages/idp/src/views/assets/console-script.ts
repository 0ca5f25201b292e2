/**
 * /assets/entra-console.js: unobtrusive behaviour for pages that already work without it. It
 * reveals controls marked `data-js-only`, copies to the clipboard, opens panes and dialogs
 * addressed by URL without a reload (fetching the same URL and taking its `#console-overlay`),
 * closes them with X or Escape and returns focus to what opened them, dismisses toasts, toggles
 * "Show password", switches in-form tabs, keeps selection-dependent commands in step, and makes
 * `details[data-menu-button]` behave as ARIA menu buttons (aria-expanded, arrow keys, Escape).
 * Plain ES2019 so that it needs no build step; the browser journeys exercise every branch.
 */
export const CONSOLE_SCRIPT = `(function () {
  'use strict';
  var doc = document;
  doc.documentElement.classList.add('js');
  var host = doc.getElementById('console-overlay');
  var shell = doc.getElementById('console-shell');
  var opener = null;
  var historyTouched = false;
  var live = doc.createElement('div');
  live.className = 'visually-hidden';
  live.setAttribute('role', 'status');
  doc.body.appendChild(live);

  function announce(text) { live.textContent = ''; setTimeout(function () { live.textContent = text; }, 50); }
  function modified(event) { return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey; }
  function each(root, selector, fn) { Array.prototype.forEach.call(root.querySelectorAll(selector), fn); }

  function enhance(root) {
    each(root, '[data-js-only]', function (el) { el.hidden = false; });
    each(root, '[data-show-password]', syncPassword);
    each(root, '[data-row-select]', function (box) { syncSelection(box.closest('table')); });
    each(root, '[data-form-tabs] [role="tab"]', function (tab) { tab.tabIndex = tab.getAttribute('aria-selected') === 'true' ? 0 : -1; });
    each(root, 'details[data-menu-button] > summary', function (button) { button.setAttribute('aria-expanded', String(button.parentElement.open)); });
  }

  function menuItems(menu) { return Array.prototype.slice.call(menu.querySelectorAll('[role="menuitem"]')); }

  function openMenu(menu, which) {
    menu.open = true;
    menu.querySelector('summary').setAttribute('aria-expanded', 'true');
    var items = menuItems(menu);
    var item = which === 'last' ? items[items.length - 1] : items[0];
    if (item) item.focus();
  }

  function closeMenu(menu, focusButton) {
    menu.open = false;
    var button = menu.querySelector('summary');
    button.setAttribute('aria-expanded', 'false');
    if (focusButton) button.focus();
  }

  /** Keys of the menu button pattern: on the button Enter, Space and the arrows open it; in it the arrows move. */
  function menuKey(event, target) {
    var menu = target.closest('details[data-menu-button]');
    if (!menu) return false;
    if (target.tagName === 'SUMMARY') {
      var which = { Enter: 'first', ' ': 'first', ArrowDown: 'first', ArrowUp: 'last' }[event.key];
      if (!which) return false;
      event.preventDefault();
      if (menu.open && (event.key === 'Enter' || event.key === ' ')) closeMenu(menu, true);
      else openMenu(menu, which);
      return true;
    }
    if (target.getAttribute('role') !== 'menuitem') return false;
    // Tab leaves the menu: close it once focus has moved on.
    if (event.key === 'Tab') { setTimeout(function () { closeMenu(menu, false); }, 0); return false; }
    var items = menuItems(menu);
    var index = items.indexOf(target);
    var next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: items.length - 1 }[event.key];
    if (next === undefined) return false;
    event.preventDefault();
    items[(next + items.length) % items.length].focus();
    return true;
  }

  function copyFrom(button) {
    var source = doc.getElementById(button.getAttribute('data-copy-target'));
    if (!source) return;
    var text = 'value' in source ? source.value : source.textContent;
    function done() { button.classList.add('copied'); announce('Copied to clipboard'); }
    function fallback() {
      if (typeof source.select === 'function') { source.select(); if (doc.execCommand('copy')) { done(); return; } }
      announce('Copy failed: select the text and press Ctrl+C');
    }
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  }

  function dialogOf(root) { return root ? root.querySelector('[role="dialog"], [role="alertdialog"]') : null; }

  function showOverlay() {
    var dialog = dialogOf(host);
    if (!dialog) return;
    if (shell) shell.setAttribute('inert', '');
    enhance(host);
    dialog.focus();
  }

  function swapOverlay(html) {
    var next = new DOMParser().parseFromString(html, 'text/html').getElementById('console-overlay');
    host.replaceChildren.apply(host, next ? Array.prototype.slice.call(next.childNodes) : []);
    return Boolean(dialogOf(host));
  }

  function load(url) {
    return fetch(url, { credentials: 'same-origin', headers: { 'X-Console-Request': 'overlay' } })
      .then(function (response) { return response.text(); });
  }

  function openOverlay(url, from) {
    opener = from;
    load(url).then(function (html) {
      if (!swapOverlay(html)) { location.assign(url); return; }
      history.pushState({ console: true }, '', url);
      historyTouched = true;
      showOverlay();
    }).catch(function () { location.assign(url); });
  }

  function closeOverlay(href) {
    var dialog = dialogOf(host);
    if (!dialog) return;
    var id = dialog.getAttribute('data-overlay-id');
    host.replaceChildren();
    if (href) { history.pushState({ console: true }, '', href); historyTouched = true; }
    afterClose(id);
  }

  function afterClose(id) {
    if (shell) shell.removeAttribute('inert');
    var back = opener && doc.contains(opener) ? opener : null;
    if (!back && id) back = doc.querySelector('[data-opens-overlay="' + CSS.escape(id) + '"]');
    opener = null;
    (back || doc.getElementById('console-main') || doc.body).focus();
  }

  function syncPassword(box) {
    var input = doc.getElementById(box.getAttribute('data-show-password'));
    if (input) input.type = box.checked ? 'text' : 'password';
  }

  function syncSelection(table) {
    if (!table || !table.id) return;
    var ticked = table.querySelectorAll('[data-row-select]:checked').length;
    each(doc, '[data-needs-selection="' + CSS.escape(table.id) + '"]', function (button) { button.disabled = ticked === 0; });
  }

  function selectTab(tab, focus) {
    var list = tab.closest('[role="tablist"]');
    each(list, '[role="tab"]', function (other) {
      var selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      var panel = doc.getElementById(other.getAttribute('aria-controls'));
      if (panel) panel.hidden = !selected;
    });
    if (focus) tab.focus();
  }

  doc.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var el = target.closest('[data-copy-target]');
    if (el) { event.preventDefault(); copyFrom(el); return; }
    el = target.closest('[data-toast-dismiss]');
    if (el) { var toast = el.closest('.toast'); if (toast) toast.remove(); return; }
    el = target.closest('a[data-pane-link]');
    if (el && !modified(event)) { event.preventDefault(); openOverlay(el.href, el); return; }
    el = target.closest('[data-overlay-close]');
    if (el && !modified(event)) { event.preventDefault(); closeOverlay(el.getAttribute('href')); return; }
    el = target.closest('[data-form-tabs] [role="tab"]');
    if (el) { event.preventDefault(); selectTab(el, true); return; }
    el = target.closest('[data-menu-collapse]');
    if (el) {
      var collapsed = el.closest('.blade').classList.toggle('menu-collapsed');
      el.setAttribute('aria-label', collapsed ? 'Expand the menu' : 'Collapse the menu');
      return;
    }
    each(doc, 'details[data-menu][open]', function (menu) { if (!menu.contains(target)) menu.open = false; });
  });

  // A menu button's state follows its details, however it opened or closed (click, script, Escape).
  doc.addEventListener('toggle', function (event) {
    var menu = event.target;
    if (!(menu instanceof HTMLDetailsElement) || !menu.hasAttribute('data-menu-button')) return;
    menu.querySelector('summary').setAttribute('aria-expanded', String(menu.open));
  }, true);

  doc.addEventListener('change', function (event) {
    var target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    if (target.hasAttribute('data-show-password')) syncPassword(target);
    if (target.hasAttribute('data-select-all')) {
      var table = target.closest('table');
      each(table, '[data-row-select]', function (box) { box.checked = target.checked; });
      syncSelection(table);
    }
    if (target.hasAttribute('data-row-select')) syncSelection(target.closest('table'));
    if (target.type === 'file' && target.closest('.file-picker')) {
      var name = target.closest('.file-picker').querySelector('.file-picker-name');
      var file = target.files && target.files[0];
      name.textContent = file ? file.name : name.getAttribute('data-placeholder');
      name.classList.toggle('has-file', Boolean(file));
    }
  });

  doc.addEventListener('input', function (event) {
    var target = event.target;
    if (!(target instanceof HTMLInputElement) || !target.hasAttribute('data-filter-tiles')) return;
    var query = target.value.trim().toLowerCase();
    var list = doc.getElementById(target.getAttribute('data-filter-tiles'));
    each(list, '[data-tile-name]', function (tile) {
      tile.hidden = query !== '' && tile.getAttribute('data-tile-name').toLowerCase().indexOf(query) < 0;
    });
  });

  doc.addEventListener('keydown', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (event.key === 'Escape') {
      var menu = target && target.closest('details[data-menu][open]');
      if (menu) { event.preventDefault(); closeMenu(menu, true); return; }
      var dialog = dialogOf(host);
      if (dialog) {
        var close = dialog.querySelector('[data-overlay-close]');
        event.preventDefault();
        closeOverlay(close ? close.getAttribute('href') : null);
      }
      return;
    }
    if (target && menuKey(event, target)) return;
    var tab = target && target.closest('[data-form-tabs] [role="tab"]');
    if (!tab) return;
    var tabs = Array.prototype.slice.call(tab.closest('[role="tablist"]').querySelectorAll('[role="tab"]'));
    var index = tabs.indexOf(tab);
    var next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    selectTab(tabs[(next + tabs.length) % tabs.length], true);
  });

  window.addEventListener('popstate', function () {
    if (!historyTouched || !host) return;
    load(location.href).then(function (html) {
      var before = dialogOf(host);
      var id = before ? before.getAttribute('data-overlay-id') : null;
      if (swapOverlay(html)) showOverlay();
      else if (before) afterClose(id);
    }).catch(function () { location.reload(); });
  });

  enhance(doc);
  if (host && dialogOf(host)) showOverlay();

  // The trainer view follows the class on a projector: it reloads itself every few seconds.
  var refresh = Number(doc.body.getAttribute('data-refresh-seconds'));
  if (refresh > 0) setTimeout(function () { location.reload(); }, refresh * 1000);
})();
`
