// The browser's time zone: written into the sign-up form, and preselected on the preferences page while the saved
// zone is still the default (UTC). Without JavaScript the forms work the same, with UTC.
(function () {
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) return;
  document.querySelectorAll('input[data-browser-zone]').forEach(function (input) { input.value = zone; });
  document.querySelectorAll('select[data-browser-zone]').forEach(function (select) {
    if (select.value !== 'UTC' || zone === 'UTC') return;
    if (!Array.prototype.some.call(select.options, function (o) { return o.value === zone; })) select.add(new Option(zone, zone));
    select.value = zone;
    var hint = document.getElementById(select.getAttribute('data-browser-zone'));
    if (hint) hint.hidden = false;
  });
})();
