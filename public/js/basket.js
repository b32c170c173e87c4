// Basket forms without a page reload. Without JavaScript the same forms POST and redirect back.
(function () {
  'use strict';

  // The one status message in place of a page's flash; visit.js (loaded after this file) says its messages with it too.
  function announce(text, kind) {
    var status = document.getElementById('status');
    if (!status) return;
    status.innerHTML = '';
    var p = document.createElement('p');
    p.className = 'flash flash--' + kind;
    p.textContent = text;
    status.appendChild(p);
  }
  window.shelfmark = { announce: announce };

  function setCount(count) {
    var badge = document.getElementById('basket-count');
    if (!badge) return;
    badge.textContent = String(count);
    var unit = document.getElementById('basket-count-unit');
    if (unit) unit.textContent = count === 1 ? ' item' : ' items';
  }

  // Swap an add form into a remove form (and back), keeping focus on its button.
  function toggle(form, inBasket) {
    if (!form.classList.contains('basket-toggle')) return;
    var id = form.querySelector('input[name=id]').value;
    var button = form.querySelector('button');
    var label = button.querySelector('.visually-hidden');
    var title = label ? label.textContent.replace(/^[:\s]+|\s*from your basket$/g, '') : '';
    form.action = inBasket ? '/basket/remove' : '/basket/add';
    var old = form.querySelector('.in-basket');
    if (old) old.remove();
    if (inBasket) {
      var span = document.createElement('span');
      span.className = 'in-basket';
      span.textContent = 'In your basket ';
      form.insertBefore(span, button);
      button.className = 'button-link';
      button.innerHTML = 'Remove<span class="visually-hidden"></span>';
      button.querySelector('span').textContent = ' ' + title + ' from your basket';
    } else {
      button.className = '';
      button.innerHTML = 'Add to basket<span class="visually-hidden"></span>';
      button.querySelector('span').textContent = ': ' + title;
    }
    var box = document.getElementById('select-' + id);
    if (box) { box.checked = false; box.disabled = inBasket; }
  }

  function formsFor(id) {
    return Array.prototype.filter.call(document.querySelectorAll('form.basket-toggle'), function (f) {
      var input = f.querySelector('input[name=id]');
      return input && input.value === id;
    });
  }

  // "Select all on this page" ticks every box in place; without JavaScript the link reloads the page with them ticked.
  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('#select-all') : null;
    if (!link) return;
    event.preventDefault();
    Array.prototype.forEach.call(document.querySelectorAll('input[form=add-selected]'), function (box) {
      if (!box.disabled) box.checked = true;
    });
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains('js-basket')) return;
    event.preventDefault();
    var data = new URLSearchParams(new FormData(form));
    var adding = form.getAttribute('action') === '/basket/add';
    fetch(form.getAttribute('action'), {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: data.toString(),
      credentials: 'same-origin',
    }).then(function (res) {
      return res.json().then(function (body) { return { ok: res.ok, body: body }; });
    }).then(function (result) {
      if (!result.ok) {
        if (result.body.cookiesRequired) { window.location.href = '/cookies-required'; return; }
        announce(result.body.error || 'Sorry, that did not work. Please try again.', 'error');
        return;
      }
      announce(result.body.message, result.body.kind);
      // "Add selected" also confirms beside its own button, where the member is looking.
      var beside = form.id === 'add-selected' ? document.getElementById('add-selected-status') : null;
      if (beside) {
        beside.textContent = result.body.message;
        beside.className = 'flash flash--' + result.body.kind;
        beside.hidden = false;
      }
      // The first add starts the visit, and with it the token every form must now send.
      Array.prototype.forEach.call(document.querySelectorAll('input[name=_csrf]'), function (input) {
        input.value = result.body.csrfToken;
      });
      setCount(result.body.count);
      // An earlier visit had ended: nothing from it is in the basket any more, whatever this page still says.
      if (result.body.visitEnded) {
        Array.prototype.forEach.call(document.querySelectorAll('form.basket-toggle'), function (f) { toggle(f, false); });
      }
      if (typeof result.body.visitEndsIn === 'number') {
        document.dispatchEvent(new CustomEvent('shelfmark:visit', { detail: { endsIn: result.body.visitEndsIn, count: result.body.count } }));
      }
      result.body.changed.forEach(function (id) {
        formsFor(id).forEach(function (f) { toggle(f, adding); });
      });
    }).catch(function () {
      form.submit();
    });
  });
})();
