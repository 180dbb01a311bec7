// The live journal: new calls arrive as server-sent events, each an escaped table row rendered
// by the server; the browser reconnects after each stream ends, resuming from the last id.
(function () {
  "use strict";
  var live = document.getElementById("live");
  var rows = document.getElementById("journal-rows");
  if (!live || !rows || !window.EventSource) { return; }
  var source = new EventSource(live.dataset.stream);
  source.onopen = function () { live.textContent = "Live: new calls appear at the top."; };
  source.onerror = function () { live.textContent = "Live: reconnecting…"; };
  source.addEventListener("entry", function (event) {
    var id = event.lastEventId;
    if (id && rows.querySelector('tr[data-id="' + id + '"]')) { return; }
    rows.insertAdjacentHTML("afterbegin", event.data);
  });
})();
