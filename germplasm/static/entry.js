// In-place checks for number fields; the server checks everything again on save.
(function () {
  var form = document.querySelector("form.entry");
  if (!form) return;
  var zh = document.documentElement.lang.indexOf("zh") === 0;
  function check(input) {
    var text = input.value.trim(), message = "";
    var min = input.dataset.min, max = input.dataset.max;
    if (text !== "" && !/^(na|n\/a|-|—)$/i.test(text)) {
      var number = Number(text);
      if (!isFinite(number)) message = zh ? "不是数字" : "not a number";
      else if ((min !== "" && number < Number(min)) || (max !== "" && number > Number(max)))
        message = (zh ? "超出有效范围 " : "outside the valid range ") + min + "–" + max;
    }
    var error = document.getElementById("e-" + input.name);
    if (error) error.textContent = message;
    input.setAttribute("aria-invalid", message ? "true" : "false");
    input.closest(".field").classList.toggle("invalid", !!message);
    return !message;
  }
  var numbers = form.querySelectorAll("input[data-min]");
  numbers.forEach(function (input) {
    input.addEventListener("blur", function () { check(input); });
  });
  form.addEventListener("submit", function (event) {
    var ok = true;
    numbers.forEach(function (input) { ok = check(input) && ok; });
    if (!ok) { event.preventDefault(); form.querySelector("[aria-invalid=true]").focus(); }
  });
  // Browsers do not submit a form on Enter in a drop-down; staff entering by keyboard expect
  // Enter to save and move on from any field.
  form.querySelectorAll("select").forEach(function (select) {
    select.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      event.preventDefault();
      form.querySelector("button[name=save_next]").click();
    });
  });
  var first = form.querySelector("fieldset input, fieldset select");
  if (first && !document.querySelector("[aria-invalid=true]")) first.focus();
  else if (document.querySelector("[aria-invalid=true]")) document.querySelector("[aria-invalid=true]").focus();
})();
