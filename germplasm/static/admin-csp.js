// flask-admin writes a few inline event handlers (onclick="..."), which the site's
// Content-Security-Policy forbids; the server sends them as data-onclick (germplasm/admin.py).
// This gives those elements the same behaviour from a file: bulk actions, the delete
// confirmation, and filter links that only open a menu.
(function () {
  function behaviour(code) {
    var action = /modelActions\.execute\('([^']+)'\)/.exec(code);
    if (action) return function (e) { e.preventDefault(); modelActions.execute(action[1]); };
    var ask = /safeConfirm\('((?:[^'\\]|\\.)*)'\)/.exec(code);
    if (ask) {
      var message = ask[1].replace(/\\(.)/g, "$1");
      return function (e) { if (!faHelpers.safeConfirm(message)) e.preventDefault(); };
    }
    return function (e) { e.preventDefault(); };
  }
  function attach() {
    document.querySelectorAll("[data-onclick]").forEach(function (el) {
      el.addEventListener("click", behaviour(el.getAttribute("data-onclick")));
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attach);
  else attach();
})();
