/**
 * The HTML report's only script, inlined into the page: live filters, expand/collapse,
 * following links to a rule, printing every rule open, and copying replay commands.
 * It reads the already-escaped page and only ever writes text (textContent), never HTML.
 * Kept as plain ES2017 in a string because the project's TypeScript has no DOM types.
 */
export const htmlReportClient = String.raw`
(function () {
  'use strict';
  var doc = document;
  var rules = Array.prototype.slice.call(doc.querySelectorAll('details.rule'));
  var statusBoxes = Array.prototype.slice.call(doc.querySelectorAll('input[data-filter-status]'));
  var textInput = doc.getElementById('filter-text');
  var countOut = doc.getElementById('filter-count');

  function each(selector, fn) { Array.prototype.forEach.call(doc.querySelectorAll(selector), fn); }

  function applyFilters() {
    var wanted = {};
    statusBoxes.forEach(function (box) { wanted[box.value] = box.checked; });
    var terms = (textInput ? textInput.value : '').toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rules.forEach(function (rule) {
      var haystack = rule.getAttribute('data-search') || '';
      var visible = wanted[rule.getAttribute('data-status')] !== false &&
        terms.every(function (term) { return haystack.indexOf(term) !== -1; });
      rule.hidden = !visible;
      if (visible) shown++;
    });
    each('section.area', function (area) { area.hidden = !area.querySelector('details.rule:not([hidden])'); });
    each('section.vendor-rules', function (vendor) {
      var none = !vendor.querySelector('details.rule:not([hidden])');
      var message = vendor.querySelector('.no-match');
      if (message) message.hidden = !none;
      var head = vendor.querySelector('.matrix-head');
      if (head) head.hidden = none;
    });
    if (countOut) countOut.textContent = 'Showing ' + shown + ' of ' + rules.length + ' rules';
  }

  statusBoxes.forEach(function (box) { box.addEventListener('change', applyFilters); });
  if (textInput) textInput.addEventListener('input', applyFilters);

  function setOpen(open) {
    rules.forEach(function (rule) { if (!rule.hidden) rule.open = open; });
  }
  var expand = doc.getElementById('expand-all');
  var collapse = doc.getElementById('collapse-all');
  if (expand) expand.addEventListener('click', function () { setOpen(true); });
  if (collapse) collapse.addEventListener('click', function () { setOpen(false); });

  // A link to a rule (from the failures list or the observed table) opens it, even when filtered out.
  function revealHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && doc.getElementById(id);
    if (!target || !target.classList.contains('rule')) return;
    if (target.hidden) {
      statusBoxes.forEach(function (box) { box.checked = true; });
      if (textInput) textInput.value = '';
      applyFilters();
    }
    target.open = true;
    target.scrollIntoView({ block: 'start' });
  }
  window.addEventListener('hashchange', revealHash);

  // Paper cannot expand a row: print every visible rule that is not a plain pass open, then
  // restore. A passed rule's details are its source and seed; its one line says enough.
  var closedBeforePrint = [];
  window.addEventListener('beforeprint', function () {
    closedBeforePrint = rules.filter(function (rule) {
      return !rule.open && !rule.hidden && rule.getAttribute('data-status') !== 'passed';
    });
    closedBeforePrint.forEach(function (rule) { rule.open = true; });
  });
  window.addEventListener('afterprint', function () {
    closedBeforePrint.forEach(function (rule) { rule.open = false; });
    closedBeforePrint = [];
  });

  function flash(button, text) {
    button.textContent = text;
    clearTimeout(button._conformTimer);
    button._conformTimer = setTimeout(function () { button.textContent = 'Copy'; }, 2500);
  }

  function selectText(node) {
    var range = doc.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    if (selection) { selection.removeAllRanges(); selection.addRange(range); }
  }

  // The async clipboard needs a secure context and permission, which a page opened from disk
  // may not have: fall back to execCommand, then to selecting the text for Ctrl+C.
  function fallbackCopy(button, code) {
    var area = doc.createElement('textarea');
    area.value = code.textContent;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.top = '-1000px';
    doc.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = doc.execCommand('copy'); } catch (e) { ok = false; }
    doc.body.removeChild(area);
    if (ok) { flash(button, 'Copied'); return; }
    selectText(code);
    flash(button, 'Selected: press Ctrl+C');
  }

  doc.addEventListener('click', function (event) {
    var button = event.target && event.target.closest ? event.target.closest('button[data-copy]') : null;
    if (!button) return;
    var code = button.parentNode.querySelector('code');
    if (!code) return;
    var text = code.textContent;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(
        function () { flash(button, 'Copied'); },
        function () { fallbackCopy(button, code); }
      );
    } else {
      fallbackCopy(button, code);
    }
  });

  applyFilters();
  revealHash();
})();
`;
