/* Briefing: a small preview of a claim when a claim link in an article is hovered or
   focused. Progressive: every claim link is a plain link to its claim page and works
   without this script. The preview is built from what the page already holds: the side
   panel (#article-claims) lists each claim with its words, source, cue and status. No
   request is made. Escape, moving away or leaving the link closes it. */
(function () {
  'use strict';
  var panel = document.getElementById('article-claims');
  var body = document.querySelector('.article-body');
  if (!panel || !body || !document.body) return;

  var items = {};
  Array.prototype.forEach.call(panel.querySelectorAll('li.claim-item'), function (item) {
    var link = item.querySelector('a.claim-link');
    if (link) items[link.getAttribute('href')] = item;
  });

  var tip = document.createElement('div');
  tip.className = 'claim-preview';
  tip.id = 'claim-preview';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  document.body.appendChild(tip);
  var current = null;

  function claimLink(node) {
    return node && node.closest ? node.closest('a.claim') : null;
  }

  function line(className, text) {
    var p = document.createElement('p');
    p.className = className;
    p.textContent = text.replace(/\s+/g, ' ').trim();
    tip.appendChild(p);
  }

  function show(link) {
    if (current === link) return;
    hide();
    var item = items[link.getAttribute('href')];
    if (!item) return;
    var words = item.querySelector('a.claim-link');
    var meta = item.querySelector('.claim-meta');
    tip.textContent = '';
    if (words) line('claim-preview-text', words.textContent);
    if (meta) line('claim-preview-meta', meta.textContent);
    tip.hidden = false;
    var rect = link.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(rect.left, width - tip.offsetWidth - 8));
    tip.style.top = (window.pageYOffset + rect.bottom + 6) + 'px';
    tip.style.left = (window.pageXOffset + left) + 'px';
    // The native title would show a second tooltip; it is put back on hide.
    if (link.hasAttribute('title')) {
      link.setAttribute('data-title', link.getAttribute('title'));
      link.removeAttribute('title');
    }
    link.setAttribute('aria-describedby', tip.id);
    current = link;
  }

  function hide() {
    tip.hidden = true;
    if (!current) return;
    current.removeAttribute('aria-describedby');
    if (current.hasAttribute('data-title')) {
      current.setAttribute('title', current.getAttribute('data-title'));
      current.removeAttribute('data-title');
    }
    current = null;
  }

  body.addEventListener('mouseover', function (event) {
    var link = claimLink(event.target);
    if (link) show(link);
  });
  body.addEventListener('mouseout', function (event) {
    var link = claimLink(event.target);
    if (link && !link.contains(event.relatedTarget)) hide();
  });
  body.addEventListener('focusin', function (event) {
    var link = claimLink(event.target);
    if (link) show(link);
  });
  body.addEventListener('focusout', hide);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') hide();
  });
})();
