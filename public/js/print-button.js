// The pick list's Print button: shown only when scripts run, since printing needs window.print().
document.querySelectorAll('.js-print').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
});
document.querySelectorAll('.js-print-hint').forEach(function (hint) { hint.hidden = true; });
