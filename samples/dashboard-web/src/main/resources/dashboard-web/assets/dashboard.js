// Live refresh: fetch the page's content again every few seconds and swap it in, keeping the scroll position.
// Without script, a <noscript> meta refresh reloads the whole page instead.
(function () {
  'use strict';
  var seconds = parseInt(document.body.getAttribute('data-refresh-seconds') || '0', 10);
  var main = document.getElementById('dashboard');
  var status = document.getElementById('live-status');
  if (!seconds || !main || !window.fetch) {
    return;
  }

  function show(state, text) {
    if (status) {
      status.setAttribute('data-state', state);
      status.textContent = text;
    }
  }

  function contentUrl() {
    var url = new URL(window.location.href);
    url.hash = '';
    url.searchParams.set('partial', '1');
    return url.toString();
  }

  function refresh() {
    if (document.hidden) {
      schedule();
      return;
    }
    fetch(contentUrl(), { cache: 'no-store', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        main.innerHTML = html;
        show('live', 'live · every ' + seconds + ' s');
      }, function () {
        show('offline', 'offline · retrying');
      })
      .then(schedule);
  }

  function schedule() {
    window.setTimeout(refresh, seconds * 1000);
  }

  schedule();
}());
