/*
 * Follows a run on its page (templates/runs/run.html) through the run's server-sent events
 * (/api/runs/{id}/events): each `stages` event re-fetches the page's live part, rendered by the server
 * (/runs/{id}/stages: status, progress, the stage picture and its table), at most 4 times a second; each
 * `outcome` event adds a row to the latest outcomes, keeping at most the page's window; `done` fetches the
 * final numbers, removes the cancel button and stops listening. Without this script the page is a correct
 * snapshot with a Refresh link. Outcome text is set as text, never as markup.
 */
(function () {
  'use strict';

  var root = document.getElementById('run');
  if (!root || !window.EventSource || !window.fetch) {
    return;
  }
  var MIN_GAP_MS = 250;
  var liveUrl = root.getAttribute('data-live-url');
  var itemsUrl = root.getAttribute('data-items-url');
  var windowSize = parseInt(root.getAttribute('data-window'), 10) || 50;
  var list = document.getElementById('outcomes');
  var note = document.getElementById('live-note');

  var fetching = false;
  var again = false;
  var lastFetch = 0;

  function refreshLive() {
    if (fetching) {
      again = true;
      return;
    }
    fetching = true;
    var wait = Math.max(0, lastFetch + MIN_GAP_MS - Date.now());
    setTimeout(function () {
      lastFetch = Date.now();
      fetch(liveUrl, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) { if (html) { swap(html); } })
        .catch(function () { /* the next event tries again */ })
        .then(function () {
          fetching = false;
          if (again) {
            again = false;
            refreshLive();
          }
        });
    }, wait);
  }

  function swap(html) {
    var holder = document.createElement('template');
    holder.innerHTML = html;
    var fresh = holder.content.querySelector('#live');
    var current = document.getElementById('live');
    if (fresh && current) {
      current.replaceWith(fresh);
    }
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function addOutcome(outcome) {
    if (!list || list.querySelector('li[data-seq="' + outcome.seq + '"]')) {
      return;
    }
    var row = element('li', outcome.status);
    row.setAttribute('data-seq', String(outcome.seq));
    var link = element('a');
    link.href = itemsUrl + outcome.seq;
    link.appendChild(element('span', 'num', '#' + outcome.seq));
    var text = outcome.error
      ? outcome.error.stage + ' ' + outcome.error.type + ': ' + outcome.error.message
      : (outcome.title || '');
    row.append(link, ' ', element('strong', null, outcome.status), ' ', element('span', null, text), ' ',
      element('span', 'hint', outcome.source || ''));
    list.insertBefore(row, list.firstChild);
    while (list.children.length > windowSize) {
      list.removeChild(list.lastElementChild);
    }
    var none = document.getElementById('outcomes-none');
    if (none) {
      none.hidden = true;
    }
  }

  function follow() {
    var events = new EventSource(root.getAttribute('data-events-url'));
    events.addEventListener('stages', refreshLive);
    events.addEventListener('outcome', function (event) {
      addOutcome(JSON.parse(event.data));
    });
    events.addEventListener('done', function () {
      events.close();
      refreshLive();
      var cancel = document.getElementById('cancel-form');
      if (cancel) {
        cancel.remove();
      }
      if (note) {
        note.textContent = 'The run has ended.';
      }
    });
    if (note) {
      note.textContent = 'This page follows the run as it goes.';
    }
  }

  // an event stream opened before the load event keeps some browsers "loading" for as long as the run goes
  if (document.readyState === 'complete') {
    follow();
  } else {
    window.addEventListener('load', follow);
  }
}());
