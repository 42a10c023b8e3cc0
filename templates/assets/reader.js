/* Briefing: the search box (Pagefind) and the live claim filters.
   Loaded with `defer` on every page; without it (or without JavaScript) every page still
   works: the search box stays hidden and the static filter links narrow the claims. */
(function () {
  'use strict';
  var script = document.currentScript;

  /* The search box: Pagefind's UI from pagefind/ beside assets/. It stays hidden where
     Pagefind cannot run (a page opened from file://) and is removed when the index is
     absent (a site built without --search). */
  function setUpSearch() {
    var box = document.getElementById('search');
    if (!box || !script || !script.src || location.protocol === 'file:') return;
    var bundle = new URL('../pagefind/', script.src);
    var root = new URL('../', script.src);
    var loader = document.createElement('script');
    loader.src = bundle.href + 'pagefind-ui.js';
    loader.onload = function () {
      if (typeof window.PagefindUI !== 'function') { box.remove(); return; }
      var style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = bundle.href + 'pagefind-ui.css';
      document.head.appendChild(style);
      new window.PagefindUI({
        element: '#search',
        bundlePath: bundle.pathname,
        baseUrl: root.pathname,
        showImages: false,
        showSubResults: false,
        excerptLength: 18,
        /* Rank by the weighted text (a claim's speaker weighs 10, a source page's name 10)
           rather than by words of the page title, so that a speaker's name finds their
           claims and their page first. */
        ranking: { metaWeights: { title: 0 } },
        translations: { placeholder: 'Search claims, sources, articles' }
      });
      box.hidden = false;
    };
    loader.onerror = function () { box.remove(); };
    document.head.appendChild(loader);
  }

  /* Checkboxes over a claims listing: narrow the claims on this page by status and by
     named or anonymous source, on top of the static filter pages. */
  function setUpFilters() {
    var form = document.querySelector('form[data-live-filter]');
    if (!form) return;
    var items = Array.prototype.slice.call(document.querySelectorAll('[data-claim-list] > li.claim-item'));
    if (items.length < 2) return;
    var count = form.querySelector('.live-count');
    function checked(name) {
      return Array.prototype.slice.call(form.querySelectorAll('input[name="' + name + '"]:checked'))
        .map(function (input) { return input.value; });
    }
    function apply() {
      var statuses = checked('status');
      var sources = checked('source');
      var shown = 0;
      items.forEach(function (item) {
        var match = /(?:^|\s)status-([a-z]+)/.exec(item.className);
        var visible = (!match || statuses.indexOf(match[1]) >= 0) &&
          (!item.getAttribute('data-source') || sources.indexOf(item.getAttribute('data-source')) >= 0);
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      if (count) count.textContent = shown === items.length ? '' : shown + ' of ' + items.length + ' claims on this page shown';
    }
    form.addEventListener('change', apply);
    form.hidden = false;
  }

  setUpSearch();
  setUpFilters();
})();
