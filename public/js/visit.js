// The visit: cookies the browser refuses, and the notice before an idle visit ends (WCAG 2.2.1).
(function () {
  'use strict';

  // A browser that refuses cookies cannot answer the banner: hide it, and say why the basket and login will not work.
  var notice = document.getElementById('cookies-off');
  function cookiesOff() {
    var banner = document.querySelector('.cookie-banner');
    if (banner) banner.remove();
    if (notice) notice.hidden = false;
  }
  if (navigator.cookieEnabled === false) cookiesOff();
  else if (notice && notice.getAttribute('data-check') === 'yes') {
    // The first page of a visit: ask whether the cookie it set comes back (Chromium's "Block all cookies" still reports cookieEnabled).
    fetch('/visit/cookies', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (res) { return res.json(); })
      .then(function (body) { if (body.returned === false) cookiesOff(); })
      .catch(function () { /* nothing to do: the page works as it is */ });
  }

  var region = document.getElementById('visit-notice');
  if (!region) return;
  var warning = document.getElementById('visit-warning');
  var over = document.getElementById('visit-over');
  var endsAtLabel = document.getElementById('visit-ends-at');
  var lead = Number(region.getAttribute('data-warning'));
  var timers = [];

  function clockTime(ms) {
    return new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  }

  // Counted from this page's own clock, so a difference between the server's clock and the browser's does not matter.
  function schedule(endsIn) {
    timers.forEach(clearTimeout);
    var endsAt = Date.now() + endsIn;
    warning.hidden = true;
    over.hidden = true;
    timers = [
      setTimeout(function () {
        endsAtLabel.textContent = clockTime(endsAt);
        warning.hidden = false;
      }, Math.max(0, endsIn - lead)),
      setTimeout(function () {
        warning.hidden = true;
        over.hidden = false;
      }, endsIn),
    ];
  }

  // basket.js, loaded first on every page (layout/base.njk), shows status messages.
  var say = window.shelfmark.announce;

  // "Keep my visit going" in one action, in place; focus stays where it was.
  document.getElementById('visit-keep').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    fetch(form.getAttribute('action'), {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form)).toString(),
      credentials: 'same-origin',
    }).then(function (res) { return res.json(); }).then(function (body) {
      // The member asked for this, and the button they pressed is about to be hidden: keep focus in the page.
      if (warning.contains(document.activeElement)) document.getElementById('main').focus();
      say(body.message, body.kept ? 'success' : 'info');
      if (body.kept) schedule(body.endsIn);
      else { warning.hidden = true; over.hidden = false; }
    }).catch(function () { form.submit(); });
  });

  // Anything done in place (a basket add) begins or renews the visit: basket.js passes on the server's figures.
  document.addEventListener('shelfmark:visit', function (event) {
    var detail = event.detail || {};
    if (typeof detail.count === 'number') {
      Array.prototype.forEach.call(region.querySelectorAll('.visit-basket'), function (el) { el.hidden = detail.count === 0; });
    }
    if (typeof detail.endsIn === 'number') schedule(detail.endsIn);
  });

  var endsIn = region.getAttribute('data-ends-in');
  if (endsIn) schedule(Number(endsIn));
})();
