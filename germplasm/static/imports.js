// Upload page: follow a running check or import by polling its JSON; reload when it ends.
(function () {
  "use strict";
  var section = document.querySelector("section.job[data-status-url]");
  if (!section) { return; }
  var running = { checking: true, importing: true };
  if (!running[section.dataset.status]) { return; }
  var bar = section.querySelector("progress");

  function poll() {
    fetch(section.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        if (bar) { bar.value = job.progress; bar.textContent = Math.round(job.progress * 100) + "%"; }
        if (running[job.status]) { window.setTimeout(poll, 700); } else { window.location.reload(); }
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  window.setTimeout(poll, 300);
}());
